package io.siteplanner.spark;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.MemoryLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.sedona_sql.UDT.GeometryUDT;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code score}: the desktop {@code score} on Spark. The driver reads the scenario with the desktop reader,
 * opens the layers through Sedona, collects the reference layers (substations, lines, zones... broadcast to
 * every executor; they must fit in an executor's memory) and checks the whole scenario with the desktop
 * engine on a sample of candidates (bad attributes, filters or layers fail before any Spark job). Executors
 * then evaluate the candidates in chunks with the desktop engine ({@link ChunkEvaluator}); global data
 * ranges and TOPSIS figures come from Spark aggregates and the scores from the desktop transforms and
 * methods ({@link GlobalScoring}). Ranking: passing sites first, score descending, id ascending.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score and rank candidate sites for a scenario on Spark (same JSON as the desktop).")
final class ScoreJob implements Callable<Integer> {
    /** Kinds the Spark engine evaluates: every vector kind of the desktop engine. */
    static final Set<String> SUPPORTED = Set.of("area", "attribute", "distance", "nearestAttribute", "zoneAttribute",
            "withinRadius", "gravity", "overlap", "gridHeadroom", "interconnectionCost", "energyCost", "landCost", "tco");
    /** Candidates in the driver's check of the scenario. */
    static final int SAMPLE = 1000;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario JSON file.")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "PATH", description = "x.csv or x.gpkg: the top N sites (all without"
            + " --top) in the desktop layout; x.parquet: GeoParquet of all sites; a folder (e.g. results/):"
            + " sites.parquet, top.gpkg and top.csv. Without --out the top N are printed as CSV.")
    String out;

    @Option(names = "--top", paramLabel = "N", description = "Sites in the CSV/GeoPackage (default: all for x.csv"
            + " and x.gpkg, 1000 for a folder, 20 when printing).")
    Integer top;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] (default: the one"
            + " spark-submit sets, else local[*]).")
    String master;

    @Option(names = "--data", paramLabel = "DIR|URI", description = "Folder that relative layer paths of the"
            + " scenario are resolved against (default: the scenario's folder), e.g. hdfs:///data/siteplanner.")
    String data;

    @Option(names = "--partitions", paramLabel = "N", description = "Candidate partitions (default: as read, at"
            + " least 2 per core).")
    Integer partitions;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "200000", description = "Candidates an executor"
            + " task evaluates at once (memory vs. index rebuilds; default ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--timings", description = "Print phase times to stderr.")
    boolean timings;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    private final Map<String, Double> times = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    private void phase(String name) {
        long now = System.nanoTime();
        times.merge(name, (now - mark) / 1e6, Double::sum);
        mark = now;
    }

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (top != null && top < 1) {
            throw new UsageException("--top must be >= 1");
        }
        if (chunk < 1) {
            throw new UsageException("--chunk must be >= 1");
        }
        String ext = out == null ? null : LayerReader.extension(out);
        boolean folder = out != null && !List.of("csv", "gpkg", "parquet", "geoparquet").contains(ext);
        if (out != null && !folder && !out.contains("://")) {
            Path parent = Path.of(out).toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException(out + ": folder does not exist");
            }
        }
        if (!Files.isRegularFile(scenarioFile)) {
            throw new UsageException(scenarioFile + ": file not found");
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(scenarioFile);
        } catch (ScenarioException e) {
            throw new UsageException(scenarioFile + ": " + e.getMessage(), e);
        }
        String what = scenarioFile.toString();
        checkKinds(scenario, what);
        phase("read scenario");
        SparkSession spark = Sessions.get(master);
        phase("start Spark");
        try {
            return run(spark, scenario, what, folder, ext, err, stdout, t0);
        } catch (ScenarioException e) {
            throw new UsageException(what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ScenarioException se = find(e);
            if (se != null) {
                throw new UsageException(what + ": " + se.getMessage(), e);
            }
            throw e;
        }
    }

    private static ScenarioException find(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ScenarioException) {
                return (ScenarioException) c;
            }
        }
        return null;
    }

    /** Refuses kinds the Spark engine does not evaluate, naming them (exit 2). */
    static void checkKinds(Scenario s, String what) {
        List<String> bad = new ArrayList<>();
        for (int c = 0; c < s.criteria().size(); c++) {
            Criterion cr = s.criteria().get(c);
            if (!SUPPORTED.contains(cr.kind().json())) {
                bad.add("criteria[" + c + "] '" + cr.id() + "' (kind " + cr.kind().json() + ")");
            }
        }
        if (!bad.isEmpty()) {
            throw new UsageException(what + ": not supported on Spark: " + String.join(", ", bad)
                    + "; score this scenario with the desktop engine (siteplanner score), or drop the criterion."
                    + " Spark evaluates: " + String.join(", ", new java.util.TreeSet<>(SUPPORTED)));
        }
    }

    private int run(SparkSession spark, Scenario s, String what, boolean folder, String ext, PrintWriter err,
            PrintWriter stdout, long t0) throws IOException {
        Path scenarioDir = scenarioFile.toAbsolutePath().getParent();
        LayerReader reader = new LayerReader(spark, data != null ? data : scenarioDir.toString());
        // layers: candidates distributed, the others collected (they are broadcast)
        Set<String> used = usedLayers(s);
        for (String id : used) {
            if (!s.layers().containsKey(id)) {
                throw new ScenarioException("layers", "no layer '" + id + "'");
            }
        }
        String candId = s.candidates();
        LayerReader.Opened cand = reader.open(candId, s.layers().get(candId));
        LayerReader.checkCrs(cand.crs(), "layers." + candId);
        if (s.idField() == null && !cand.rows().hasFid()) {
            throw new ScenarioException("idField", "missing: on Spark the candidates need an id attribute (idField)"
                    + " unless they come from a GeoPackage (whose primary key is the feature id)");
        }
        boolean idLong = s.idField() == null || cand.rows().indexOf(s.idField()) < 0
                || cand.rows().type(cand.rows().indexOf(s.idField())) == io.siteplanner.model.FieldType.INTEGER;
        Map<String, Layer> raw = new LinkedHashMap<>();
        for (String id : used) {
            if (id.equals(candId)) {
                continue;
            }
            LayerReader.Opened o = reader.open(id, s.layers().get(id));
            LayerReader.checkCrs(o.crs(), "layers." + id);
            raw.put(key(id), LayerReader.collect(o));
        }
        Map<String, Layer> tables = new LinkedHashMap<>();
        FileLayerSource files = new FileLayerSource(data != null && LayerReader.local(data) != null
                ? LayerReader.local(data) : scenarioDir);
        for (String id : used) {
            List<JoinSpec> joins = s.layers().get(id).joins();
            for (int j = 0; j < joins.size(); j++) {
                try {
                    tables.put(tableKey(id, j), files.loadTable(joins.get(j), Progress.NONE));
                } catch (IOException e) {
                    throw new ScenarioException("layers." + id + ".join" + (joins.size() > 1 ? "[" + j + "]" : "")
                            + ".path", joins.get(j).path() + ": " + LayerReader.message(e), e);
                }
            }
        }
        phase("read reference layers");
        // check the whole scenario with the desktop engine on a sample of candidates
        List<Row> sampleRows = cand.frame().limit(SAMPLE).collectAsList();
        List<Feature> sample = new ArrayList<>(sampleRows.size());
        long k = 0;
        for (Row r : sampleRows) {
            sample.add(cand.rows().feature(r, ++k));
        }
        Integer candEpsg = Frames.epsg(cand.crs());
        MemoryLayerSource src = new MemoryLayerSource().put(key(candId),
                Frames.layer(candId, cand.rows(), cand.crs(), candEpsg, sample));
        raw.forEach(src::put);
        tables.forEach(src::put);
        Scenario dry = rewrite(s, false);
        ScoringSession check = ScenarioEvaluator.evaluate(dry, src, Progress.NONE);
        check.score();
        int m = s.criteria().size();
        boolean[] text = new boolean[m];
        for (int c = 0; c < m; c++) {
            text[c] = check.column(c).isText();
        }
        Map<String, LayerData> refs = new LinkedHashMap<>();
        for (String id : used) {
            if (id.equals(candId)) {
                continue;
            }
            Layer l = check.layers().get(id);
            if (!(l instanceof VectorLayer)) {
                throw new ScenarioException("layers." + id, "a raster layer is not supported on Spark");
            }
            VectorLayer v = (VectorLayer) l;
            refs.put(key(id), LayerData.of(v, LayerData.crsText(v.crs(), v.epsg())));
            for (String w : v.warnings()) {
                err.println("warning: " + id + ": " + w);
            }
        }
        Map<String, LayerData> tableData = new LinkedHashMap<>();
        tables.forEach((tk, l) -> tableData.put(tk, LayerData.of((VectorLayer) l, null)));
        double[] weights = check.weights();
        io.siteplanner.scoring.Ahp.Result ahp = check.ahp();
        if (ahp != null && ahp.warning() != null) {
            err.println("warning: " + ahp.warning());
        }
        phase("check scenario on " + sample.size() + " candidates");

        // evaluate all candidates on the executors
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EvalInputs inputs = new EvalInputs(UUID.randomUUID().toString(), ScenarioWriter.toJson(rewrite(s, true)),
                key(candId), cand.rows(), cand.crs(), candEpsg, refs, tableData, text, idLong, chunk);
        Broadcast<EvalInputs> bc = jsc.broadcast(inputs);
        JavaRDD<Row> rows = cand.frame().javaRDD();
        int parts = partitions != null ? partitions : Math.max(rows.getNumPartitions(), 2 * jsc.defaultParallelism());
        if (parts != rows.getNumPartitions()) {
            rows = rows.repartition(parts);
        }
        Dataset<Row> evaluated = spark.createDataFrame(rows.mapPartitions(new ChunkEvaluator(bc)),
                evaluatedSchema(m, text, idLong)).persist(StorageLevel.MEMORY_AND_DISK());
        double[][] stats = GlobalScoring.stats(evaluated, s, text);
        long sites = (long) stats[m][1];
        long nullIds = (long) stats[m][0];
        phase("evaluate " + sites + " candidates (" + parts + " partitions)");
        GlobalScoring.Plan plan = new GlobalScoring.Plan(weights, java.util.Arrays.copyOf(stats, m), null, null, null,
                null);
        if (s.method().type() == io.siteplanner.scoring.scenario.MethodSpec.Type.TOPSIS) {
            plan = GlobalScoring.topsis(evaluated.javaRDD(), bc, plan);
            phase("TOPSIS norms");
        }
        missingWarnings(evaluated, s, sites, err);
        Dataset<Row> scored = spark.createDataFrame(evaluated.javaRDD().mapPartitions(new GlobalScoring.Scorer(bc,
                plan)), scoredSchema(m, text, idLong));
        Column idKey = idLong && nullIds == 0 ? functions.col("id") : functions.col("id").cast("string");
        Column[] order = {functions.col("passed").desc(), functions.col("score").desc(), idKey.asc_nulls_last()};
        String idName = s.idField() == null ? "fid" : s.idField();
        List<String> names = Outputs.names(idName, s.criteria().stream().map(Criterion::id).toList());
        String crs = s.analysisCrs() != null ? s.analysisCrs() : cand.crs();
        String passedCount = "";
        if (out == null) {
            int n = top == null ? 20 : top;
            List<Row> best = scored.orderBy(order).limit(n).collectAsList();
            Outputs.csv(stdout, names, rows(best, m, text).iterator());
            phase("rank top " + n);
        } else if (folder) {
            String dir = out.replaceAll("/+$", "");
            if (LayerReader.local(dir) != null) {
                Files.createDirectories(LayerReader.local(dir));
            }
            long passed = writeParquet(scored, order, s, m, text, crs, dir + "/sites.parquet");
            passedCount = " (" + passed + " pass all constraints)";
            phase("rank all, write " + dir + "/sites.parquet");
            int n = top == null ? 1000 : top;
            List<Row> best = scored.orderBy(order).limit(n).collectAsList();
            Path local = LayerReader.local(dir);
            if (local == null) {
                throw new UsageException(out + ": top.csv and top.gpkg are written on the driver: give a local folder");
            }
            List<Object[]> topRows = rows(best, m, text);
            Outputs.csv(local.resolve("top.csv"), names, topRows.iterator());
            Outputs.gpkg(local.resolve("top.gpkg"), names, idLong, text, topRows, geometries(best), crs, s.name());
            phase("write top " + n + " (csv, gpkg)");
        } else if (ext.equals("parquet") || ext.equals("geoparquet")) {
            long passed = writeParquet(scored, order, s, m, text, crs, out);
            passedCount = " (" + passed + " pass all constraints)";
            phase("rank all, write " + out);
        } else {
            Path file = LayerReader.local(out);
            if (file == null) {
                throw new UsageException(out + ": CSV and GeoPackage files are written on the driver: give a local path");
            }
            Dataset<Row> sorted = scored.orderBy(order);
            if (top != null) {
                List<Row> best = sorted.limit(top).collectAsList();
                if (ext.equals("csv")) {
                    Outputs.csv(file, names, rows(best, m, text).iterator());
                } else {
                    Outputs.gpkg(file, names, idLong, text, rows(best, m, text), geometries(best), crs, s.name());
                }
            } else if (ext.equals("csv")) {
                Outputs.csv(file, names, values(sorted.toLocalIterator(), m, text));
            } else {
                List<Row> all = sorted.collectAsList();
                Outputs.gpkg(file, names, idLong, text, rows(all, m, text), geometries(all), crs, s.name());
            }
            phase("rank, write " + out);
        }
        if (out != null) {
            err.printf(Locale.ROOT, "%d sites scored%s; wrote %s%n", sites, passedCount, out);
        }
        evaluated.unpersist();
        if (timings) {
            for (Map.Entry<String, Double> e : times.entrySet()) {
                err.printf(Locale.ROOT, "timing: %-48s %10.1f ms%n", e.getKey(), e.getValue());
            }
            err.printf(Locale.ROOT, "timing: %-48s %10.1f ms%n", "total (in process)", (System.nanoTime() - t0) / 1e6);
        }
        err.flush();
        stdout.flush();
        return 0;
    }

    /** Counts missing values per criterion over all sites and warns as the desktop does. */
    private static void missingWarnings(Dataset<Row> evaluated, Scenario s, long sites, PrintWriter err) {
        int m = s.criteria().size();
        List<Column> aggs = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            aggs.add(functions.count(functions.lit(1)).minus(functions.count(functions.col(GlobalScoring.raw(c)))));
        }
        Row r = evaluated.agg(aggs.get(0), aggs.subList(1, m).toArray(new Column[0])).first();
        for (int c = 0; c < m; c++) {
            long missing = r.getLong(c);
            if (missing > 0) {
                Criterion cr = s.criteria().get(c);
                err.println("warning: criterion " + cr.id() + ": " + missing + " of " + sites + " sites have no data ("
                        + switch (cr.common().missing()) {
                            case EXCLUDE -> "those sites fail";
                            default -> "scored " + io.siteplanner.scoring.ScoreResult.fmt(
                                    cr.common().missingValueScore());
                        } + ")");
            }
        }
    }

    /** Ranks all sites (passing first, score descending, id ascending) and writes them as GeoParquet. */
    private long writeParquet(Dataset<Row> scored, Column[] order, Scenario s, int m, boolean[] text, String crs,
            String path) {
        SparkSession spark = scored.sparkSession();
        Dataset<Row> sorted = scored.orderBy(order);
        JavaRDD<Row> ranked = sorted.javaRDD().zipWithIndex().map(t -> {
            Row r = t._1();
            Object[] v = new Object[r.length() + 1];
            v[0] = t._2() + 1;
            for (int i = 0; i < r.length(); i++) {
                v[i + 1] = r.get(i);
            }
            return RowFactory.create(v);
        });
        List<StructField> fs = new ArrayList<>();
        fs.add(DataTypes.createStructField("rank", DataTypes.LongType, false));
        fs.addAll(List.of(sorted.schema().fields()));
        Dataset<Row> df = spark.createDataFrame(ranked, new StructType(fs.toArray(new StructField[0])));
        // final column names: rank, id, score, <c>, <c>_score, <c>_contrib, passed, reasons, geometry
        List<String> ids = s.criteria().stream().map(Criterion::id).toList();
        List<String> wanted = new ArrayList<>();
        wanted.add("rank");
        wanted.add(s.idField() == null ? "fid" : s.idField());
        wanted.add("score");
        wanted.addAll(ids);
        for (String id : ids) {
            wanted.add(id + "_score");
        }
        for (String id : ids) {
            wanted.add(id + "_contrib");
        }
        wanted.add("passed");
        wanted.add("reasons");
        wanted.add("geometry");
        List<String> names = Outputs.unique(wanted);
        List<Column> cols = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        internal.add("rank");
        internal.add("id");
        internal.add("score");
        for (int c = 0; c < m; c++) {
            internal.add(GlobalScoring.raw(c));
        }
        for (int c = 0; c < m; c++) {
            internal.add("t" + c);
        }
        for (int c = 0; c < m; c++) {
            internal.add("w" + c);
        }
        internal.add("passed");
        internal.add("reasons");
        internal.add("geometry");
        for (int i = 0; i < internal.size(); i++) {
            cols.add(functions.col(internal.get(i)).as(names.get(i)));
        }
        Dataset<Row> outDf = df.select(cols.toArray(new Column[0])).persist(StorageLevel.MEMORY_AND_DISK());
        outDf.write().mode("overwrite").format("geoparquet").option("geoparquet.crs", projJson(crs)).save(path);
        long passed = outDf.filter(functions.col(names.get(names.size() - 3))).count();
        outDf.unpersist();
        return passed;
    }

    /** GeoParquet {@code crs}: PROJJSON naming the EPSG code of the analysis CRS (null when unknown). */
    static String projJson(String crs) {
        Integer code = crs == null ? null : Frames.epsg(crs);
        if (code == null) {
            return "";
        }
        String name = io.siteplanner.gis.Crs.name(io.siteplanner.gis.Crs.decode(crs)).replace("\"", "'");
        return "{\"$schema\":\"https://proj.org/schemas/v0.7/projjson.schema.json\",\"type\":\"ProjectedCRS\","
                + "\"name\":\"" + name + "\",\"id\":{\"authority\":\"EPSG\",\"code\":" + code + "}}";
    }

    private static Iterator<Object[]> values(Iterator<Row> rows, int m, boolean[] text) {
        return new Iterator<>() {
            long rank;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                return Outputs.values(++rank, rows.next(), m, text);
            }
        };
    }

    private static List<Object[]> rows(List<Row> rows, int m, boolean[] text) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (int p = 0; p < rows.size(); p++) {
            out.add(Outputs.values(p + 1, rows.get(p), m, text));
        }
        return out;
    }

    private static List<Geometry> geometries(List<Row> rows) {
        List<Geometry> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add((Geometry) r.get(1));
        }
        return out;
    }

    static StructType evaluatedSchema(int m, boolean[] text, boolean idLong) {
        List<StructField> fs = new ArrayList<>();
        fs.add(DataTypes.createStructField("id", idLong ? DataTypes.LongType : DataTypes.StringType, true));
        fs.add(DataTypes.createStructField("geometry", new GeometryUDT(), true));
        for (int c = 0; c < m; c++) {
            fs.add(DataTypes.createStructField(GlobalScoring.raw(c), text[c] ? DataTypes.StringType
                    : DataTypes.DoubleType, true));
        }
        fs.add(DataTypes.createStructField("passed", DataTypes.BooleanType, false));
        fs.add(DataTypes.createStructField("reasons", DataTypes.StringType, true));
        return new StructType(fs.toArray(new StructField[0]));
    }

    static StructType scoredSchema(int m, boolean[] text, boolean idLong) {
        List<StructField> fs = new ArrayList<>();
        fs.add(DataTypes.createStructField("id", idLong ? DataTypes.LongType : DataTypes.StringType, true));
        fs.add(DataTypes.createStructField("geometry", new GeometryUDT(), true));
        for (int c = 0; c < m; c++) {
            fs.add(DataTypes.createStructField(GlobalScoring.raw(c), text[c] ? DataTypes.StringType
                    : DataTypes.DoubleType, true));
        }
        for (int c = 0; c < m; c++) {
            fs.add(DataTypes.createStructField("t" + c, DataTypes.DoubleType, false));
        }
        for (int c = 0; c < m; c++) {
            fs.add(DataTypes.createStructField("w" + c, DataTypes.DoubleType, false));
        }
        fs.add(DataTypes.createStructField("score", DataTypes.DoubleType, false));
        fs.add(DataTypes.createStructField("passed", DataTypes.BooleanType, false));
        fs.add(DataTypes.createStructField("reasons", DataTypes.StringType, true));
        return new StructType(fs.toArray(new StructField[0]));
    }

    /** Layer ids the scenario uses, candidates first. */
    static Set<String> usedLayers(Scenario s) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(s.candidates());
        for (Criterion c : s.criteria()) {
            ids.addAll(c.layers());
        }
        for (ConstraintSpec k : s.constraints()) {
            if (k.isExclusion()) {
                ids.add(k.exclude());
            }
        }
        return ids;
    }

    static String key(String layerId) {
        return "spark:" + layerId;
    }

    static String tableKey(String layerId, int j) {
        return "spark-table:" + layerId + ":" + j;
    }

    /**
     * The scenario with layer paths replaced by keys of in-memory layers. For executors ({@code prepared}),
     * reference layers carry no joins, no-data values or computed fields: the driver applied them already.
     */
    static Scenario rewrite(Scenario s, boolean prepared) {
        Map<String, LayerRef> layers = new LinkedHashMap<>();
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            String id = e.getKey();
            LayerRef r = e.getValue();
            List<JoinSpec> joins = new ArrayList<>();
            for (int j = 0; j < r.joins().size(); j++) {
                JoinSpec js = r.joins().get(j);
                joins.add(new JoinSpec(tableKey(id, j), js.layer(), js.layerKey(), js.tableKey(), js.fields(),
                        js.prefix()));
            }
            boolean ref = prepared && !id.equals(s.candidates());
            layers.put(id, ref ? new LayerRef(key(id), null, null, List.of(), Map.of(), Map.of())
                    : new LayerRef(key(id), null, null, joins, r.nodata(), r.fields()));
        }
        return new Scenario(s.name(), s.description(), s.campus(), s.analysisCrs(), layers, s.candidates(), s.idField(),
                s.criteria(), s.constraints(), s.weights(), s.method());
    }
}
