package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.Scenario;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.io.WKTReader;

/**
 * Benchmark (not a test): evaluates the bench scenario (../shared/bench/scenario-bench.json semantics) on
 * /tmp/bench-data/n&lt;N&gt;, checks the top 100 against the PostGIS reference and times re-weighting.
 *
 * <pre>
 * /usr/bin/python3 ../shared/bench/gen_data.py --n 1000000          # once
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.siteplanner.scoring.ScoringBench 1000000 [gpkg|csv] [repeats]
 * </pre>
 * {@code gpkg} (default) reads the GeoPackages through the format registry, {@code csv} the generator's WKT
 * CSVs with a test-only loader. The whole CLI run is timed with
 * {@code /usr/bin/time -v java -jar target/siteplanner.jar score --scenario ... --top 100 --out top.csv --timings}.
 */
public final class ScoringBench {
    private ScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100000;
        String mode = args.length > 1 ? args[1] : "gpkg";
        Path dir = Path.of("/tmp/bench-data/n" + n);
        Path ref = Path.of("/work/shared/bench/ref/postgis_top100_n" + n + ".csv");
        String json = Files.readString(Path.of("/work/shared/bench/scenario-bench.json"));
        Scenario s = ScenarioReader.parse(json);
        long t0 = System.nanoTime();
        LayerSource src;
        if (mode.equals("csv")) {
            MemoryLayerSource m = new MemoryLayerSource();
            m.put("parcels.gpkg", csv(dir.resolve("parcels.csv"), "parcels"));
            m.put("substations.gpkg", csv(dir.resolve("substations.csv"), "substations"));
            m.put("lines.gpkg", csv(dir.resolve("lines.csv"), "lines"));
            m.put("zones.gpkg", csv(dir.resolve("zones.csv"), "zones"));
            src = m;
        } else {
            src = new FileLayerSource(dir);
        }
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long t1 = 0;
        long t2 = 0;
        Timings tm = null;
        ScoringSession session = null;
        ScoreResult r = null;
        for (int rep = 0; rep < repeats; rep++) {
            t1 = System.nanoTime();
            tm = new Timings();
            session = ScenarioEvaluator.evaluate(s, src, Progress.NONE, tm);
            r = session.score();
            t2 = System.nanoTime();
        }
        System.out.printf(Locale.ROOT, "N=%d mode=%s: test-loader %.0f ms, evaluate+score %.0f ms%n", n, mode,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        for (Map.Entry<String, Double> e : tm.millis().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-40s %9.1f ms%n", e.getKey(), e.getValue());
        }
        session.warnings().forEach(w -> System.out.println("  warning: " + w));
        // compare with the PostGIS reference
        if (Files.exists(ref)) {
            List<String> lines = Files.readAllLines(ref);
            int bad = 0;
            double maxScore = 0;
            double maxDist = 0;
            for (int p = 0; p < 100; p++) {
                String[] f = lines.get(p + 1).split(",");
                int site = r.siteAt(p);
                long id = (Long) session.id(site);
                double sc = Double.parseDouble(f[5]);
                maxScore = Math.max(maxScore, Math.abs(sc - r.score(site)));
                maxDist = Math.max(maxDist, Math.abs(Double.parseDouble(f[2]) - session.raw(1)[site]));
                maxDist = Math.max(maxDist, Math.abs(Double.parseDouble(f[3]) - session.raw(2)[site]));
                if (id != Long.parseLong(f[0]) || Math.abs(sc - r.score(site)) > 1e-6) {
                    bad++;
                    if (bad < 5) {
                        System.out.println("  MISMATCH rank " + (p + 1) + ": ours " + id + " " + r.score(site)
                                + ", postgis " + f[0] + " " + sc);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  top-100 vs PostGIS: %d mismatches; max |score diff| %.3g;"
                    + " max |distance diff| %.3g m%n", bad, maxScore, maxDist);
        }
        // re-weighting
        ScoreResult reuse = session.score();
        double[] ms = new double[30];
        for (int k = 0; k < ms.length; k++) {
            session.setWeight("d_sub", 0.30 + 0.001 * k);
            long a = System.nanoTime();
            reuse = session.score(reuse);
            ms[k] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  re-weight + re-rank of %d sites: min %.1f ms, median %.1f ms, max %.1f ms%n",
                session.size(), ms[0], ms[ms.length / 2], ms[ms.length - 1]);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "  heap used after GC %.0f MiB (max %.0f MiB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);
    }

    static VectorLayer csv(Path file, String name) throws Exception {
        WKTReader wkt = new WKTReader(Geometries.FACTORY);
        List<Feature> feats = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        try (BufferedReader br = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] head = br.readLine().split(",");
            for (int i = 0; i < head.length - 1; i++) {
                fields.add(new Field(head[i], head[i].endsWith("_id") || head[i].equals("kv") ? FieldType.INTEGER
                        : FieldType.REAL));
            }
            String line;
            long fid = 1;
            while ((line = br.readLine()) != null) {
                int q = line.indexOf("POINT") >= 0 ? line.indexOf("POINT") : line.indexOf('"');
                String attrs = line.substring(0, q - 1);
                String g = line.substring(q).replace("\"", "");
                String[] a = attrs.split(",");
                Object[] v = new Object[fields.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = fields.get(i).type() == FieldType.INTEGER ? (Object) Long.parseLong(a[i])
                            : (Object) Double.parseDouble(a[i]);
                }
                feats.add(new Feature(fid++, wkt.read(g), v));
            }
        }
        return VectorLayer.builder(name).crs(Crs.decode("EPSG:5070"), 5070).schema(new Schema(fields)).features(feats)
                .build();
    }
}
