package io.siteplanner.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/**
 * The Java port against ../shared/bench/gen_data.py: the expected SHA-256 sums are those of the files
 * {@code /usr/bin/python3 gen_data.py --n 10000 --no-gpkg} wrote here (numpy 1.24.2, shapely 1.8.5 / GEOS
 * 3.11.1); counts from ../shared/bench/README.md.
 */
class BenchDataGeneratorTest {
    @TempDir
    static Path tmp;

    static BenchDataGenerator.Summary summary;

    @BeforeAll
    static void generate() throws IOException {
        summary = new BenchDataGenerator(10_000, BenchDataGenerator.DEFAULT_SEED).write(tmp, true, Progress.NONE);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    @Test
    void substationsLinesAndParcelsAreGenDataPysFilesByteForByte() throws Exception {
        Path d = tmp.resolve("n10000");
        assertThat(summary.dir()).isEqualTo(d);
        assertThat(sha256(d.resolve("substations.csv")))
                .isEqualTo("d371fdb315899ed6413ec4f5b1519f3a4a9234bb76f6a3610a24e468138342fa");
        assertThat(sha256(d.resolve("lines.csv")))
                .isEqualTo("28f3e2ceb33263c5ca58bd9d75d4074044faeb913ed0a381c286b579791c979c");
        assertThat(sha256(d.resolve("parcels.csv")))
                .isEqualTo("59472a733a189905f0042376e49ad4f56015cc46504bb28d51057fe77c602a28");
        assertThat(sha256(d.resolve("substations.csvt")))
                .isEqualTo("dbc5797200eb8ee8c3d7117c850640ae14496fafa0375c3d65a78d1e4bd105b7");
        assertThat(sha256(d.resolve("lines.csvt")))
                .isEqualTo("d6e2edb14a8c1c7fa7a8ad94bfbfc8c4ebbf8a832ebe01497f6990a56500c982");
        assertThat(sha256(d.resolve("zones.csvt")))
                .isEqualTo("efcbfe28bfce9427b74cbb36a58b13e62289fe66ddec212c5d64fb66f16cdd4d");
        assertThat(sha256(d.resolve("parcels.csvt")))
                .isEqualTo("251c710eceb7e56408f4044925d59fa470aa33fd74629dcb5ef8b6a9bdc96fd3");
        // ../shared/bench/README.md: 309 substations with avail_mw >= 300, 3,587 lines >= 345 kV
        assertThat(summary.substationsAvail300()).isEqualTo(309);
        assertThat(summary.lines345()).isEqualTo(3587);
    }

    /**
     * Zones: the same ids, prices and polygons (every coordinate the same double); GEOS starts 10 of the 100 rings
     * at another vertex than JTS, so the file differs but the normalized polygons do not. Expected: SHA-256 of
     * {@code "%s,%s,%s\n" % (id, price, wkt.loads(w).normalize().wkt)} over gen_data.py's zones.csv.
     */
    @Test
    void zonesAreGenDataPysPolygonsOnceNormalized() throws Exception {
        List<String> lines = Files.readAllLines(tmp.resolve("n10000/zones.csv"));
        assertThat(lines).hasSize(101);
        assertThat(lines.get(0)).isEqualTo("zone_id,price_usd_mwh,wkt");
        StringBuilder b = new StringBuilder();
        WKTReader r = new WKTReader();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",", 3);
            Geometry g = r.read(p[2].substring(1, p[2].length() - 1));
            g.normalize();
            b.append(p[0]).append(',').append(p[1]).append(',').append(BenchDataGenerator.wkt((Polygon) g))
                    .append('\n');
        }
        assertThat(sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("2b0b96f99b00e6d228686b15d1cb6ad8062c0cc4ec351f780b7f0e862fb1a75f");
    }

    @Test
    void geoPackagesHoldTheCsvRowsInEpsg5070() throws Exception {
        Path d = tmp.resolve("n10000");
        FormatRegistry reg = FormatRegistry.standard();
        VectorLayer subs = reg.readVector(d.resolve("substations.gpkg"), ReadOptions.DEFAULT, Progress.NONE);
        assertThat(subs.size()).isEqualTo(5000);
        assertThat(subs.epsg()).isEqualTo(5070);
        assertThat(subs.schema().names()).containsExactly("sub_id", "kv", "cap_mw", "avail_mw");
        VectorLayer parcels = reg.readVector(d.resolve("parcels.gpkg"), ReadOptions.DEFAULT, Progress.NONE);
        assertThat(parcels.size()).isEqualTo(10_000);
        VectorLayer csv = reg.readVector(d.resolve("parcels.csv"), ReadOptions.DEFAULT.withCrs("EPSG:5070"),
                Progress.NONE);
        for (int i : new int[] {0, 4_999, 9_999}) {
            assertThat(parcels.get(i).value(0)).isEqualTo(csv.get(i).value(0));
            assertThat(parcels.get(i).geometry().equalsExact(csv.get(i).geometry())).isTrue();
        }
        assertThat(reg.readVector(d.resolve("lines.gpkg"), ReadOptions.DEFAULT, Progress.NONE).size())
                .isEqualTo(20_000);
        assertThat(reg.readVector(d.resolve("zones.gpkg"), ReadOptions.DEFAULT, Progress.NONE).size())
                .isEqualTo(100);
    }

    @Test
    void numbersPrintAsPythonPrintsThem() {
        // "%.2f" rounds the exact binary value half to even: 0.125 is exact, 2.675 is 2.67499999...
        assertThat(BenchDataGenerator.fixed(708931.125, 2)).isEqualTo("708931.12");
        assertThat(BenchDataGenerator.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(BenchDataGenerator.fixed(37.45, 1)).isEqualTo("37.5");
        // repr / GEOS WKT: shortest text that reads back as the same double; integers without ".0"
        assertThat(BenchDataGenerator.shortest(400000.0)).isEqualTo("400000");
        assertThat(BenchDataGenerator.shortest(567612.6820411518)).isEqualTo("567612.6820411518");
        assertThat(BenchDataGenerator.shortest(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }
}
