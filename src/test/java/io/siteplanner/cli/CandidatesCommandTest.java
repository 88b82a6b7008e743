package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;

/** {@code siteplanner candidates}: the GeoPackage it writes, and its usage errors. */
class CandidatesCommandTest {
    static final String STATES = "maps/basemap/us_states.geojson";
    static final String COUNTIES = TestData.shared("counties_ms_in_census2017_10m.geojson").toString();
    static final String LINES = TestData.shared("transmission_hifld_in_ge138kv.geojson").toString();

    @TempDir
    Path dir;

    private String[] newCarlisle(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("candidates", "--region", COUNTIES, "--where",
                "GEOID IN ('18141', '18091')", "--cell-acres", "640", "--exclude", LINES + ":300", "--out",
                out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void writesCellsThatReadBackAsAGeoPackageLayer() throws Exception {
        Path out = dir.resolve("cells.gpkg");
        CliTest.Run r = CliTest.run(newCarlisle(out, "--shape", "hex"));
        assertThat(r.code).as(r.err).isZero();
        Matcher m = Pattern.compile("wrote ([\\d,]+) hexagonal 640-acre cells to .*cells\\.gpkg \\(([\\d,]+) whole,"
                + " ([\\d,]+) partial; ([\\d,]+) acres\\)").matcher(r.out);
        assertThat(m.find()).as(r.out).isTrue();
        int n = Integer.parseInt(m.group(1).replace(",", ""));
        assertThat(n).isBetween(800, 1200);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cells.gpkg");
        }

        VectorLayer l = FormatRegistry.standard().readVector(out, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(FormatRegistry.standard().layerNames(out)).containsExactly("cells");
        assertThat(l.size()).isEqualTo(n);
        assertThat(l.epsg()).isEqualTo(5070);
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(l.schema().names()).containsExactly("cell_id", "row", "col", "acres", "share", "county", "state",
                "county_geoid");
        Envelope bounds = new Envelope();
        double acres = 0;
        for (Feature f : l.features()) {
            assertThat(f.geometry()).isInstanceOf(MultiPolygon.class);
            assertThat((Double) f.value(3)).isCloseTo(f.geometry().getArea() / 4046.8564224,
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat((String) f.value(0)).isEqualTo("h640_r" + f.value(1) + "_c" + f.value(2));
            assertThat(f.value(5)).isIn("St. Joseph", "LaPorte");
            assertThat(f.value(6)).isEqualTo("Indiana");
            assertThat(f.value(7)).isIn("18141", "18091");
            bounds.expandToInclude(f.geometry().getEnvelopeInternal());
            acres += (Double) f.value(3);
        }
        assertThat(Math.round(acres)).isEqualTo(Long.parseLong(m.group(4).replace(",", "")));

        byte[] head = Files.readAllBytes(out);
        assertThat(ByteBuffer.wrap(head, 68, 4).getInt()).as("application_id GPKG").isEqualTo(0x47504B47);
        assertThat(ByteBuffer.wrap(head, 60, 4).getInt()).as("user_version").isEqualTo(10300);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents"
                    + " WHERE table_name = 'cells'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("features");
                assertThat(rs.getInt(2)).isEqualTo(5070);
                assertThat(new Envelope(rs.getDouble(3), rs.getDouble(5), rs.getDouble(4), rs.getDouble(6)))
                        .isEqualTo(bounds);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, geometry_type_name, srs_id, z, m"
                    + " FROM gpkg_geometry_columns")) {
                assertThat(rs.next()).isTrue();
                assertThat(String.join(",", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).isEqualTo("cells,geom,MULTIPOLYGON,5070,0,0");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT organization, organization_coordsys_id, definition"
                    + " FROM gpkg_spatial_ref_sys WHERE srs_id = 5070")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("EPSG");
                assertThat(rs.getInt(2)).isEqualTo(5070);
                assertThat(rs.getString(3)).startsWith("PROJCS[").contains("Albers");
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT cell_id), MIN(share), MAX(share)"
                    + " FROM cells")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(n);
                assertThat(rs.getInt(2)).isEqualTo(n);
                assertThat(rs.getDouble(3)).isGreaterThanOrEqualTo(0.01);
                assertThat(rs.getDouble(4)).isLessThan(1 + 1e-9);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }

    @Test
    void regeneratingGivesTheSameIds() throws Exception {
        Path a = dir.resolve("a.gpkg");
        Path b = dir.resolve("b.gpkg");
        assertThat(CliTest.run(newCarlisle(a)).code).isZero();
        assertThat(CliTest.run(newCarlisle(b)).code).isZero();
        List<String> rowsA = rows(a);
        assertThat(rowsA).hasSizeGreaterThan(800).isEqualTo(rows(b));
        assertThat(rowsA.get(0)).startsWith("s640_r");
    }

    private static List<String> rows(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT cell_id, acres, county FROM cells ORDER BY fid")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getDouble(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    @Test
    void boxRegionUsesTheBundledCounties() throws Exception {
        Path out = dir.resolve("box.gpkg");
        CliTest.Run r = CliTest.run("candidates", "--bbox", "-86.4,39.6,-85.9,40.0", "--cell-acres", "640", "--out",
                out.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("square 640-acre cells");
        VectorLayer l = FormatRegistry.standard().readVector(out, ReadOptions.DEFAULT, Progress.NONE);
        List<Object> counties = new ArrayList<>();
        for (Feature f : l.features()) {
            counties.add(f.value(5));
            assertThat(f.value(6)).isEqualTo("Indiana");
        }
        assertThat(counties).contains("Marion", "Hamilton", "Hendricks", "Johnson").doesNotContainNull();
    }

    static Stream<Arguments> usageErrors() {
        String lines = LINES;
        return Stream.of(
                Arguments.of(List.of("--region", "nope.geojson", "--cell-acres", "640"), "nope.geojson: file not found"),
                Arguments.of(List.of("--region", STATES, "--where", "STATE = 'IN'", "--cell-acres", "640"),
                        "us_states.geojson: --where \"STATE = 'IN'\": unknown attribute 'STATE' (fields: GEOID, NAME)"),
                Arguments.of(List.of("--region", STATES, "--where", "GEOID = '99'", "--cell-acres", "640"),
                        "us_states.geojson: no feature matches the filter"),
                Arguments.of(List.of("--region", STATES, "--where", "GEOID >>= 1", "--cell-acres", "640"), "bad CQL"),
                Arguments.of(List.of("--region", STATES, "--cell-acres", "0"), "--cell-acres 0: "),
                Arguments.of(List.of("--region", STATES, "--cell-acres", "-5"), "--cell-acres -5: "),
                Arguments.of(List.of("--region", STATES, "--cell-acres", "1e9"), "--cell-acres 1000000000: "),
                Arguments.of(List.of("--region", STATES, "--cell-acres", "abc"), "--cell-acres"),
                Arguments.of(List.of("--region", STATES, "--where", "GEOID = '48'", "--cell-acres", "1"),
                        "more than the limit of 20,000,000"),
                Arguments.of(List.of("--bbox", "-85,40,-86,39", "--cell-acres", "640"), "--bbox must be"),
                Arguments.of(List.of("--bbox", "-86,39,-85", "--cell-acres", "640"), "--bbox needs 4 numbers"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--region", STATES, "--cell-acres", "640"),
                        "one of them"),
                Arguments.of(List.of("--cell-acres", "640"), "one of them"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--where", "GEOID = '18'", "--cell-acres", "640"),
                        "--layer and --where go with --region"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--crs", "EPSG:4326"),
                        "--crs EPSG:4326: WGS 84 is geographic (degrees)"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--crs", "EPSG:2965"),
                        "--crs EPSG:2965: NAD83 / Indiana East (ftUS) has its axes in"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--crs", "EPSG:999999"),
                        "--crs EPSG:999999: unknown CRS"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--exclude", "gone.shp:100"),
                        "gone.shp: file not found"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--exclude", lines + ":-5"),
                        "--exclude " + lines + ":-5: the buffer must be a number of metres >= 0"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--counties", lines),
                        "transmission_hifld_in_ge138kv.geojson: a county layer needs a NAME field"),
                Arguments.of(List.of("--bbox", "-86,39,-85,40", "--cell-acres", "640", "--counties", "none.geojson"),
                        "none.geojson: file not found"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void badInputExits2WithOneErrorLine(List<String> args, String expected) {
        Path out = dir.resolve("never.gpkg");
        List<String> a = new ArrayList<>();
        a.add("candidates");
        a.addAll(args);
        a.add("--out");
        a.add(out.toString());
        CliTest.Run r = CliTest.run(a.toArray(new String[0]));
        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err).startsWith("error: ").contains(expected).doesNotContain("Exception");
        if (!expected.equals("--cell-acres")) { // picocli adds its own usage hint to conversion errors
            assertThat(r.err.strip().lines()).as(r.err).hasSize(1);
        }
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void outputMustBeAGeoPackageInAnExistingFolder() {
        CliTest.Run r = CliTest.run("candidates", "--bbox", "-86,39,-85,40", "--cell-acres", "640", "--out",
                dir.resolve("cells.csv").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).endsWith("cells.csv: --out must be a .gpkg file");
        r = CliTest.run("candidates", "--bbox", "-86,39,-85,40", "--cell-acres", "640", "--out",
                dir.resolve("no/such/cells.gpkg").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).endsWith("cells.gpkg: folder does not exist");
    }
}
