package io.siteplanner.gis.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoPackage reading against what GDAL 3.6 {@code ogrinfo} reports for the fixtures made by
 * {@code fixtures/gpkg/make-fixtures.sh}.
 */
class GeoPackageFormatTest {
    private static final double EPS = 1e-4;
    private final GeoPackageFormat format = new GeoPackageFormat();

    static VectorLayer read(String fixture) throws IOException {
        return read(fixture, ReadOptions.DEFAULT);
    }

    static VectorLayer read(String fixture, ReadOptions options) throws IOException {
        return (VectorLayer) new GeoPackageFormat().read(TestFiles.fixture(fixture), options, Progress.NONE);
    }

    static VectorLayer read(Path file, ReadOptions options) throws IOException {
        return (VectorLayer) new GeoPackageFormat().read(file, options, Progress.NONE);
    }

    static void assertBounds(Envelope e, double minX, double minY, double maxX, double maxY, double eps) {
        assertThat(e.getMinX()).isCloseTo(minX, within(eps));
        assertThat(e.getMinY()).isCloseTo(minY, within(eps));
        assertThat(e.getMaxX()).isCloseTo(maxX, within(eps));
        assertThat(e.getMaxY()).isCloseTo(maxY, within(eps));
    }

    /** The lon/lat bounds of a projected layer hold the data's true lon/lat extent, and not much more. */
    static void assertLonLatBoundsAround(VectorLayer l, double minX, double minY, double maxX, double maxY)
            throws Exception {
        Envelope ll = Crs.toWgs84(l.bounds(), l.crs());
        assertThat(ll.getMinX()).isLessThanOrEqualTo(minX + EPS).isGreaterThan(minX - 0.5);
        assertThat(ll.getMinY()).isLessThanOrEqualTo(minY + EPS).isGreaterThan(minY - 0.5);
        assertThat(ll.getMaxX()).isGreaterThanOrEqualTo(maxX - EPS).isLessThan(maxX + 0.5);
        assertThat(ll.getMaxY()).isGreaterThanOrEqualTo(maxY - EPS).isLessThan(maxY + 0.5);
    }

    static int holes(Geometry g) {
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon) {
                n += ((Polygon) part).getNumInteriorRing();
            }
        }
        return n;
    }

    static Feature byFid(VectorLayer l, long fid) {
        for (Feature f : l.features()) {
            if (f.fid() == fid) {
                return f;
            }
        }
        throw new AssertionError("no fid " + fid);
    }

    // ---------------------------------------------------------------------------------------------------
    // layers in several CRSs

    @Test
    void readsMultiPolygonCountiesInConusAlbers() throws Exception {
        VectorLayer l = read("counties_5070.gpkg");
        assertThat(l.name()).isEqualTo("counties");
        assertThat(l.size()).isEqualTo(45);
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(l.hasZ()).isFalse();
        assertThat(l.epsg()).isEqualTo(5070);
        assertThat(Crs.name(l.crs())).isEqualTo("NAD83 / Conus Albers");
        // ogrinfo: Extent: (413416.466964, 810315.346673) - (729631.011496, 1354050.685707)
        assertBounds(l.bounds(), 413416.466964, 810315.346673, 729631.011496, 1354050.685707, EPS);
        // ogrinfo of the lon/lat source with the same filter: (-91.643942, 30.180407) - (-88.155148, 34.995437)
        assertLonLatBoundsAround(l, -91.643942, 30.180407, -88.155148, 34.995437);
        assertThat(l.schema().names()).containsExactly("id", "GEOID", "STATEFP", "STATE", "NAME");
        Feature madison = byFid(l, 20);
        assertThat(madison.value(0)).isEqualTo("28089");
        assertThat(madison.value(4)).isEqualTo("Madison");
        assertThat((Object) madison.geometry()).isInstanceOf(MultiPolygon.class);
        Coordinate first = madison.geometry().getCoordinates()[0];
        assertThat(first.x).isCloseTo(518026.463678303, within(1e-6));
        assertThat(first.y).isCloseTo(1070873.56240364, within(1e-6));
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void readsPointsInWebMercator() throws Exception {
        VectorLayer l = read("substations_3857.gpkg");
        assertThat(l.size()).isEqualTo(146);
        assertThat(l.geometryType()).isEqualTo(GeometryType.POINT);
        assertThat(l.epsg()).isEqualTo(3857);
        assertBounds(l.bounds(), -10144177.730352, 3543462.078563, -9818825.033847, 4163031.282921, EPS);
        // Web Mercator bounds map exactly onto the lon/lat extent of the source points
        assertBounds(Crs.toWgs84(l.bounds(), l.crs()), -91.126699, 30.310016, -88.204006, 34.993746, EPS);
        assertThat(l.schema().fields()).extracting(f -> f.type()).containsExactly(FieldType.STRING,
                FieldType.STRING, FieldType.STRING, FieldType.STRING, FieldType.STRING, FieldType.STRING,
                FieldType.INTEGER);
        Feature f = byFid(l, 1);
        assertThat(f.value(0)).isEqualTo("UNKNOWN109365");
        assertThat(f.value(1)).isEqualTo("LOUISVILLE");
        assertThat(f.value(3)).isEqualTo("39339");
        assertThat(f.value(6)).isEqualTo(161L);
        Point p = (Point) f.geometry();
        assertThat(p.getX()).isCloseTo(-9898217.09280519, within(1e-6));
        assertThat(p.getY()).isCloseTo(3893208.82332363, within(1e-6));
    }

    @Test
    void readsLinesInUtm16() throws Exception {
        VectorLayer l = read("transmission_26916.gpkg");
        assertThat(l.size()).isEqualTo(68);
        assertThat(l.geometryType()).isEqualTo(GeometryType.LINESTRING);
        assertThat(l.epsg()).isEqualTo(26916);
        assertBounds(l.bounds(), 420360.399986, 4470802.625568, 803239.725339, 4657689.641989, EPS);
        assertLonLatBoundsAround(l, -87.952700, 40.332700, -83.430500, 42.070100);
        Feature f = byFid(l, 1);
        assertThat(f.value(0)).isEqualTo(138L);
        assertThat(f.value(1)).isEqualTo("100-161");
        assertThat(f.value(2)).isEqualTo("NOT AVAILABLE");
        LineString line = (LineString) f.geometry();
        assertThat(line.getNumPoints()).isEqualTo(5);
        assertThat(line.getCoordinateN(4).x).isCloseTo(562156.076260824, within(1e-6));
        assertThat(line.getCoordinateN(4).y).isCloseTo(4620413.18214453, within(1e-6));
    }

    @Test
    void readsPolygonsWithHolesInUsFeetStatePlane() throws Exception {
        VectorLayer l = read("territories_2965.gpkg");
        assertThat(l.size()).isEqualTo(90);
        // the layer declares GEOMETRY (ogrinfo: "Unknown (any)") because Polygon and MultiPolygon are mixed
        assertThat(l.geometryType()).isEqualTo(GeometryType.GEOMETRY);
        assertThat(l.epsg()).isEqualTo(2965);
        assertThat(Crs.name(l.crs())).isEqualTo("NAD83 / Indiana East (ftUS)");
        assertBounds(l.bounds(), -4915460.884113, -1003356.309700, 568541.665519, 2428208.513324, EPS);
        assertLonLatBoundsAround(l, -102.363900, 31.378900, -84.802300, 41.784700);
        int holes = 0;
        for (Feature f : l.features()) {
            holes += holes(f.geometry());
        }
        assertThat(holes).isEqualTo(41);
        Feature greenfield = byFid(l, 80);
        assertThat(greenfield.value(0)).isEqualTo("City Of Greenfield - (In)");
        assertThat(greenfield.value(2)).isEqualTo(12097L);
        assertThat(holes(greenfield.geometry())).isEqualTo(12);
        assertThat(holes(byFid(l, 24).geometry())).isEqualTo(6);
    }

    // ---------------------------------------------------------------------------------------------------
    // several tables

    @Test
    void listsFeatureLayersInTableOrder() throws Exception {
        assertThat(format.layerNames(TestFiles.fixture("multi.gpkg"))).containsExactly("substations", "counties");
    }

    @Test
    void readsFirstFeatureLayerByDefault() throws Exception {
        VectorLayer l = read("multi.gpkg");
        assertThat(l.name()).isEqualTo("substations");
        assertThat(l.size()).isEqualTo(10);
        assertThat(l.epsg()).isEqualTo(4326);
        assertBounds(l.bounds(), -90.293720, 32.406419, -89.999558, 32.617635, EPS);
    }

    @Test
    void readsLayerByNameAndIgnoresCaseAsFallback() throws Exception {
        VectorLayer l = read("multi.gpkg", ReadOptions.DEFAULT.withLayer("COUNTIES"));
        assertThat(l.name()).isEqualTo("counties");
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(l.epsg()).isEqualTo(4269);
        assertBounds(l.bounds(), -90.760975, 32.047144, -89.318079, 33.011009, EPS);
        assertThat(l.features()).extracting(f -> f.value(4))
                .containsExactlyInAnyOrder("Madison", "Hinds", "Rankin", "Yazoo", "Leake");
    }

    @Test
    void readsAttributeTableByName() throws Exception {
        VectorLayer l = read("multi.gpkg", ReadOptions.DEFAULT.withLayer("prices"));
        assertThat(l.size()).isEqualTo(50);
        assertThat(l.geometryType()).isEqualTo(GeometryType.NONE);
        assertThat(l.crs()).isNull();
        assertThat(l.bounds().isNull()).isTrue();
        assertThat(l.features()).allMatch(f -> f.geometry() == null);
        assertThat(l.schema().names()).containsExactly("state", "state_abbr", "year", "residential_cents_kwh",
                "commercial_cents_kwh", "industrial_cents_kwh", "total_cents_kwh", "source");
        assertThat(l.schema().field(2).type()).isEqualTo(FieldType.INTEGER);
        assertThat(l.schema().field(5).type()).isEqualTo(FieldType.REAL);
        Feature ms = byFid(l, 25);
        assertThat(ms.value(0)).isEqualTo("Mississippi");
        assertThat(ms.value(2)).isEqualTo(2023L);
        assertThat(ms.value(5)).isEqualTo(6.96);
        assertThat(ms.value(6)).isEqualTo(10.95);
        Feature wi = byFid(l, 50);
        assertThat(wi.value(1)).isEqualTo("WI");
        assertThat(wi.value(6)).isNull();
    }

    @Test
    void unknownLayerNameListsTheLayers() {
        assertThatThrownBy(() -> read("multi.gpkg", ReadOptions.DEFAULT.withLayer("parcels")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(TestFiles.fixture("multi.gpkg") + ": no layer named 'parcels' (layers: substations, counties;"
                        + " attribute tables: prices)");
    }

    @Test
    void emptyLayerIsValid() throws Exception {
        VectorLayer l = read("empty.gpkg");
        assertThat(l.name()).isEqualTo("empty_substations");
        assertThat(l.size()).isZero();
        assertThat(l.geometryType()).isEqualTo(GeometryType.POINT);
        assertThat(l.bounds().isNull()).isTrue();
        assertThat(l.schema().size()).isEqualTo(7);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void readsZValues() throws Exception {
        VectorLayer l = read("z3d.gpkg");
        assertThat(l.size()).isEqualTo(4);
        assertThat(l.hasZ()).isTrue();
        assertThat(l.geometryType()).isEqualTo(GeometryType.GEOMETRY);
        assertThat(l.schema().field(0).type()).isEqualTo(FieldType.INTEGER);
        assertBounds(l.bounds(), -90.2, 32.4, -89.97, 32.612, 1e-9);
        Point p = (Point) byFid(l, 1).geometry();
        assertThat(p.getCoordinate().getZ()).isEqualTo(105.5);
        LineString line = (LineString) byFid(l, 2).geometry();
        assertThat(line.getCoordinateN(1).getZ()).isEqualTo(80.25);
        Polygon pad = (Polygon) byFid(l, 3).geometry();
        assertThat(pad.getNumInteriorRing()).isEqualTo(1);
        assertThat(pad.getInteriorRingN(0).getCoordinateN(2).getZ()).isEqualTo(112);
        MultiPolygon two = (MultiPolygon) byFid(l, 4).geometry();
        assertThat(two.getNumGeometries()).isEqualTo(2);
        assertThat(two.getGeometryN(1).getCoordinates()[2].getZ()).isEqualTo(72);
        assertThat(byFid(l, 4).value(1)).isEqualTo("two pads");
    }

    // ---------------------------------------------------------------------------------------------------
    // damaged input

    @Test
    void undecodableGeometryBlobsAreSkippedWithOneWarning() throws Exception {
        VectorLayer l = read("broken_blob.gpkg");
        assertThat(l.size()).isEqualTo(8);
        assertThat(l.features()).extracting(Feature::fid).doesNotContain(3L, 5L);
        assertThat(l.warnings()).hasSize(1);
        assertThat(l.warnings().get(0)).startsWith("2 feature(s) skipped: geometry could not be decoded (fid 3, 5)");
    }

    @Test
    void zeroByteFileIsNotAGeoPackage() {
        assertThatThrownBy(() -> read("zero.gpkg")).isInstanceOf(LayerReadException.class)
                .hasMessage(TestFiles.fixture("zero.gpkg") + ": not a GeoPackage (not a SQLite database: the file is empty)");
    }

    @Test
    void textFileIsNotAGeoPackage() {
        assertThatThrownBy(() -> read("text.gpkg")).isInstanceOf(LayerReadException.class)
                .hasMessage(TestFiles.fixture("text.gpkg") + ": not a GeoPackage (not a SQLite database)");
    }

    @Test
    void truncatedFileSaysSoWithTheByteCounts() {
        assertThatThrownBy(() -> read("truncated.gpkg")).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(TestFiles.fixture("truncated.gpkg") + ": not a GeoPackage (the SQLite database is truncated: ")
                .hasMessageContaining(" of ");
    }

    @Test
    void sqliteDatabaseWithoutGpkgTablesIsNotAGeoPackage() {
        assertThatThrownBy(() -> read("plain_sqlite.gpkg")).isInstanceOf(LayerReadException.class)
                .hasMessage(TestFiles.fixture("plain_sqlite.gpkg")
                        + ": not a GeoPackage (a SQLite database without a gpkg_contents table)");
    }

    @Test
    void encryptedOrRandomBytesAreNotASqliteDatabase(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cipher.gpkg");
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        Files.write(f, bytes);
        assertThatThrownBy(() -> read(f, ReadOptions.DEFAULT)).isInstanceOf(LayerReadException.class)
                .hasMessage(f + ": not a GeoPackage (not a SQLite database)");
    }

    @Test
    void missingFileIsNeverCreated(@TempDir Path dir) {
        Path f = dir.resolve("nothing.gpkg");
        assertThatThrownBy(() -> read(f, ReadOptions.DEFAULT)).isInstanceOf(LayerReadException.class)
                .hasMessage(f + ": file not found");
        assertThatThrownBy(() -> format.layerNames(f)).isInstanceOf(LayerReadException.class);
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void readingChangesNothingOnDisk(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("copy.gpkg");
        Files.copy(TestFiles.fixture("counties_5070.gpkg"), f);
        byte[] before = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        read(f, ReadOptions.DEFAULT);
        format.layerNames(f);
        byte[] after = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        assertThat(after).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("copy.gpkg");
        }
    }

    @Test
    void walModeDatabaseIsReadWithoutCreatingSideFiles(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("multi.gpkg", dir);
        GpkgEdit.sql(f, "PRAGMA journal_mode=WAL");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("multi.gpkg");
        }
        assertThat(read(f, ReadOptions.DEFAULT.withLayer("prices")).size()).isEqualTo(50);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("multi.gpkg");
        }
    }

    @Test
    void pathsWithSpecialCharactersWork(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("a b#c?d%20"));
        Path f = sub.resolve("Peñuelas & co.gpkg");
        Files.copy(TestFiles.fixture("substations_3857.gpkg"), f);
        assertThat(read(f, ReadOptions.DEFAULT).size()).isEqualTo(146);
        assertThat(format.layerNames(f)).containsExactly("substations");
    }

    // ---------------------------------------------------------------------------------------------------
    // probe

    @ParameterizedTest
    @ValueSource(strings = {"counties_5070.gpkg", "multi.gpkg", "empty.gpkg", "z3d.gpkg", "truncated.gpkg",
            "plain_sqlite.gpkg"})
    void probeAcceptsSqliteFilesNamedGpkg(String name) throws Exception {
        assertThat(format.probe(TestFiles.fixture(name))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text.gpkg", "zero.gpkg"})
    void probeRejectsNonSqliteFiles(String name) throws Exception {
        assertThat(format.probe(TestFiles.fixture(name))).isFalse();
    }

    @Test
    void probeRecognisesGeoPackageContentUnderAnotherExtension(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("layer.sqlite");
        Files.copy(TestFiles.fixture("substations_3857.gpkg"), f);
        assertThat(format.probe(f)).isTrue();
        assertThat(FormatRegistry.standard().formatFor(f).id()).isEqualTo("gpkg");
        Path plain = dir.resolve("plain.db");
        Files.copy(TestFiles.fixture("plain_sqlite.gpkg"), plain);
        assertThat(format.probe(plain)).isFalse();
        assertThat(format.probe(TestFiles.real("substations_hifld_partial_ms.geojson"))).isFalse();
    }

    @Test
    void registryPicksGeoPackageByExtensionAndContent() throws Exception {
        assertThat(FormatRegistry.standard().formatFor(TestFiles.fixture("multi.gpkg"))).isInstanceOf(
                GeoPackageFormat.class);
    }

    // ---------------------------------------------------------------------------------------------------
    // progress

    @Test
    void reportsProgressAndStopsWhenCancelled(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        GpkgEdit.sql(f, "DELETE FROM substations WHERE fid IN (3, 5)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9000) "
                        + "INSERT INTO substations(geom, NAME) "
                        + "SELECT (SELECT geom FROM substations WHERE fid = 1), 'copy ' || i FROM n");
        List<Double> fractions = new ArrayList<>();
        VectorLayer all = (VectorLayer) format.read(f, ReadOptions.DEFAULT, new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(all.size()).isEqualTo(9008);
        assertThat(fractions).hasSizeGreaterThan(2).last().isEqualTo(1.0);
        assertThat(fractions).isSorted();

        AtomicInteger checks = new AtomicInteger();
        Progress cancelling = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > 1;
            }
        };
        assertThatThrownBy(() -> format.read(f, ReadOptions.DEFAULT, cancelling))
                .isInstanceOf(CancelledException.class);
    }
}
