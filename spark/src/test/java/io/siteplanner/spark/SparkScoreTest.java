package io.siteplanner.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.export.ResultsCsvWriter;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.store.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on the 100k bench data set in local[2], against the PostGIS reference of
 * {@code ../shared/bench/ref} and against the desktop engine run in this JVM on the same scenario files.
 */
class SparkScoreTest {
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() throws Exception {
        data = BenchData.dir();
    }

    record Run(int exit, String out, String err) {
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> a = new ArrayList<>(List.of("score", "--master", "local[2]"));
        a.addAll(List.of(args));
        int exit = SparkMain.run(new PrintWriter(out, true), new PrintWriter(err, true), a.toArray(new String[0]));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The desktop engine's CSV of the top rows (0 = all) for a scenario. */
    List<List<String>> desktop(String scenario, int top) throws IOException {
        Path f = data.resolve(scenario);
        ScoreResult r = ScenarioEvaluator.evaluate(ScenarioReader.read(f), new FileLayerSource(data), Progress.NONE)
                .score();
        Path csv = tmp.resolve("desktop-" + scenario + ".csv");
        ResultsCsvWriter.write(r, top, csv, Progress.NONE);
        return Csv.read(csv);
    }

    /** Same header, ranks, ids, pass/fail and reasons; scores and raw values to 1e-9. */
    static void assertSameRanking(List<List<String>> expected, List<List<String>> actual) {
        assertThat(actual.get(0)).isEqualTo(expected.get(0));
        assertThat(actual).hasSameSizeAs(expected);
        int cols = expected.get(0).size();
        for (int p = 1; p < expected.size(); p++) {
            List<String> e = expected.get(p);
            List<String> a = actual.get(p);
            String at = "row " + p + " (expected " + e + ", got " + a + ")";
            assertThat(a.get(0)).as(at).isEqualTo(e.get(0));
            assertThat(a.get(1)).as(at).isEqualTo(e.get(1));
            assertThat(Double.parseDouble(a.get(2))).as(at).isCloseTo(Double.parseDouble(e.get(2)), within(1e-9));
            for (int c = 3; c < cols - 2; c++) {
                if (e.get(c).isEmpty()) {
                    assertThat(a.get(c)).as(at + " column " + expected.get(0).get(c)).isEmpty();
                } else {
                    double x = Double.parseDouble(e.get(c));
                    assertThat(Double.parseDouble(a.get(c))).as(at + " column " + expected.get(0).get(c))
                            .isCloseTo(x, within(1e-9 * Math.max(1, Math.abs(x))));
                }
            }
            assertThat(a.get(cols - 2)).as(at).isEqualTo(e.get(cols - 2));
            assertThat(a.get(cols - 1)).as(at).isEqualTo(e.get(cols - 1));
        }
    }

    /** Top rows against the PostGIS reference: ids in order, scores to 1e-9, measures to 1e-6. */
    static void assertSameAsPostgis(List<List<String>> top) throws IOException {
        List<List<String>> ref = Csv.read(BenchData.shared().resolve("bench/ref/postgis_top100_n100000.csv"));
        assertThat(ref.get(0)).containsExactly("parcel_id", "acres", "d_sub_m", "d_line_m", "price", "score");
        assertThat(top.get(0).subList(0, 7)).containsExactly("rank", "parcel_id", "score", "acres", "d_sub", "d_line",
                "price");
        assertThat(top).hasSize(101);
        for (int p = 1; p <= 100; p++) {
            List<String> e = ref.get(p);
            List<String> a = top.get(p);
            String at = "rank " + p;
            assertThat(a.get(0)).as(at).isEqualTo(Integer.toString(p));
            assertThat(a.get(1)).as(at).isEqualTo(e.get(0));
            assertThat(Double.parseDouble(a.get(2))).as(at).isCloseTo(Double.parseDouble(e.get(5)), within(1e-9));
            for (int k = 1; k <= 4; k++) {
                assertThat(Double.parseDouble(a.get(2 + k))).as(at + " " + e.get(k))
                        .isCloseTo(Double.parseDouble(e.get(k)), within(1e-6));
            }
            assertThat(a.get(7)).isEqualTo("true");
        }
    }

    @Test
    void benchTop100IsPostgisAndDesktopTop100WithAllSitesAsGeoParquetAndTopAsGeoPackage() throws Exception {
        Path results = tmp.resolve("results");
        Run r = spark("--scenario", data.resolve("scenario-bench.json").toString(), "--top", "100", "--out",
                results + "/");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("100000 sites scored (100000 pass all constraints)");
        List<List<String>> top = Csv.read(results.resolve("top.csv"));
        assertSameAsPostgis(top);
        List<List<String>> desk = desktop("scenario-bench.json", 0);
        assertSameRanking(desk.subList(0, 101), top);

        // the GeoPackage the desktop app opens: same rows, analysis CRS
        VectorLayer gpkg = FormatRegistry.standard().readVector(results.resolve("top.gpkg"),
                io.siteplanner.gis.ReadOptions.DEFAULT.withLayer("sites"), Progress.NONE);
        assertThat(gpkg.size()).isEqualTo(100);
        assertThat(gpkg.epsg()).isEqualTo(5070);
        assertThat(gpkg.schema().names()).isEqualTo(top.get(0));
        for (int p = 0; p < 100; p++) {
            assertThat(gpkg.get(p).value(1)).isEqualTo(Long.parseLong(top.get(p + 1).get(1)));
            assertThat(gpkg.get(p).number(2)).isEqualTo(Double.parseDouble(top.get(p + 1).get(2)));
            assertThat(gpkg.get(p).geometry().getArea() / 4046.8564224)
                    .isCloseTo(Double.parseDouble(top.get(p + 1).get(3)), within(1e-6));
        }

        // all sites, ranked, with transformed values and contributions
        Dataset<Row> all = SparkSession.active().read().format("geoparquet").load(results.resolve("sites.parquet")
                .toString());
        assertThat(all.columns()).containsExactly("rank", "parcel_id", "score", "acres", "d_sub", "d_line", "price",
                "acres_score", "d_sub_score", "d_line_score", "price_score", "acres_contrib", "d_sub_contrib",
                "d_line_contrib", "price_contrib", "passed", "reasons", "geometry");
        List<Row> rows = all.orderBy("rank").select("rank", "parcel_id", "score", "acres_contrib", "d_sub_contrib",
                "d_line_contrib", "price_contrib", "d_sub_score").collectAsList();
        assertThat(rows).hasSize(desk.size() - 1);
        for (int p = 0; p < rows.size(); p++) {
            Row a = rows.get(p);
            List<String> e = desk.get(p + 1);
            assertThat(a.getLong(0)).isEqualTo(p + 1);
            assertThat(Long.toString(a.getLong(1))).as("rank " + (p + 1)).isEqualTo(e.get(1));
            assertThat(a.getDouble(2)).as("rank " + (p + 1)).isCloseTo(Double.parseDouble(e.get(2)), within(1e-9));
            double sum = a.getDouble(3) + a.getDouble(4) + a.getDouble(5) + a.getDouble(6);
            assertThat(sum).as("contributions add up to the score").isCloseTo(a.getDouble(2), within(1e-12));
            assertThat(a.getDouble(7)).isBetween(0.0, 1.0);
        }
        Row meta = SparkSession.active().read().format("geoparquet.metadata").load(results.resolve("sites.parquet")
                .toString()).first();
        assertThat(meta.<scala.collection.Map<String, Row>>getAs("columns").get("geometry").get().<String>getAs("crs"))
                .contains("\"code\":5070");
    }

    @Test
    void everyVectorKindWithConstraintsExclusionAndOwaRanksAllSitesAsTheDesktop() throws Exception {
        Path out = tmp.resolve("all.csv");
        Run r = spark("--scenario", data.resolve("kinds-owa.json").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> desk = desktop("kinds-owa.json", 0);
        assertThat(desk.stream().filter(row -> row.get(row.size() - 2).equals("false")).count())
                .as("the scenario fails some sites").isGreaterThan(1000);
        assertThat(desk.stream().anyMatch(row -> row.get(row.size() - 1).contains("500 kV corridor")))
                .as("the exclusion applies").isTrue();
        assertSameRanking(desk, Csv.read(out));
    }

    @Test
    void topsisOnTransformedValuesRanksAllSitesAsTheDesktop() throws Exception {
        Path out = tmp.resolve("all.csv");
        Run r = spark("--scenario", data.resolve("kinds-topsis.json").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertSameRanking(desktop("kinds-topsis.json", 0), Csv.read(out));
    }

    @Test
    void topsisOnRawValuesGivesTheDesktopTop500() throws Exception {
        Path out = tmp.resolve("top.csv");
        Run r = spark("--scenario", data.resolve("bench-topsis-raw.json").toString(), "--top", "500", "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertSameRanking(desktop("bench-topsis-raw.json", 500), Csv.read(out));
    }

    @Test
    void ahpWeightsGiveTheDesktopTop500AsGeoPackage() throws Exception {
        Path out = tmp.resolve("top.gpkg");
        Run r = spark("--scenario", data.resolve("kinds-ahp.json").toString(), "--top", "500", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> desk = desktop("kinds-ahp.json", 500);
        VectorLayer gpkg = FormatRegistry.standard().readVector(out, io.siteplanner.gis.ReadOptions.DEFAULT,
                Progress.NONE);
        assertThat(gpkg.schema().names()).isEqualTo(desk.get(0));
        List<List<String>> rows = new ArrayList<>();
        rows.add(desk.get(0));
        for (int p = 0; p < gpkg.size(); p++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < desk.get(0).size(); c++) {
                Object v = gpkg.get(p).value(c);
                row.add(v == null ? "" : v.toString());
            }
            rows.add(row);
        }
        assertSameRanking(desk, rows);
    }

    @Test
    void readsGeoParquetShapefileAndGeoJsonLayers() throws Exception {
        Path formats = data.resolve("formats");
        if (!Files.exists(formats.resolve("lines.geojson"))) {
            Files.createDirectories(formats);
            FormatsFixture.substationsShapefile(data.resolve("substations.csv"), formats.resolve("substations.shp"));
            FormatsFixture.linesGeoJson(data.resolve("lines.csv"), formats.resolve("lines.geojson"),
                    "urn:ogc:def:crs:EPSG::5070");
            SparkSession spark = Sessions.get("local[2]");
            spark.read().format("geopackage").option("tableName", "parcels").load(data.resolve("parcels.gpkg")
                    .toString()).drop("fid").repartition(3).write().mode("overwrite").format("geoparquet")
                    .option("geoparquet.crs", ScoreJob.projJson("EPSG:5070"))
                    .save(formats.resolve("parcels.parquet").toString());
        }
        Path out = tmp.resolve("top.csv");
        Run r = spark("--scenario", data.resolve("bench-formats.json").toString(), "--top", "100", "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertSameAsPostgis(Csv.read(out));
    }
}
