package io.siteplanner.gis.geojson;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON reading against what GDAL 3.6 {@code ogrinfo} reports, for the shared real files and the fixtures
 * made by {@code fixtures/geojson/make-fixtures.sh}.
 */
class GeoJsonFormatTest {
    private static final double EPS = 1e-4;
    private final GeoJsonFormat format = new GeoJsonFormat();

    static VectorLayer read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    static VectorLayer read(Path file, ReadOptions options) throws IOException {
        return (VectorLayer) new GeoJsonFormat().read(file, options, Progress.NONE);
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    static void assertBounds(Envelope e, double minX, double minY, double maxX, double maxY, double eps) {
        assertThat(e.getMinX()).isCloseTo(minX, within(eps));
        assertThat(e.getMinY()).isCloseTo(minY, within(eps));
        assertThat(e.getMaxX()).isCloseTo(maxX, within(eps));
        assertThat(e.getMaxY()).isCloseTo(maxY, within(eps));
    }

    static int holes(Geometry g) {
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon) {
                n += ((Polygon) g.getGeometryN(i)).getNumInteriorRing();
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------
    // the shared real files

    @Test
    void readsHifldSubstations() throws Exception {
        VectorLayer l = read(TestFiles.real("substations_hifld_partial_ms.geojson"));
        assertThat(l.name()).isEqualTo("substations_hifld_partial_ms");
        assertThat(l.size()).isEqualTo(901);
        assertThat(l.geometryType()).isEqualTo(GeometryType.POINT);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.hasZ()).isFalse();
        assertBounds(l.bounds(), -91.665921, 30.000935, -88.005104, 35.096032, EPS);
        assertThat(l.schema().names()).containsExactly("NAME", "CITY", "COUNTY", "ZIP", "STATE", "STATUS", "MAX_VOLT");
        assertThat(l.schema().field(3).type()).isEqualTo(FieldType.STRING);
        assertThat(l.schema().field(6).type()).isEqualTo(FieldType.INTEGER);
        Feature first = l.get(0);
        assertThat(first.fid()).isEqualTo(1);
        assertThat(first.value(0)).isEqualTo("UNKNOWN107709");
        assertThat(first.value(1)).isEqualTo("BRINKLEY");
        assertThat(first.value(3)).isEqualTo("72021");
        assertThat(first.value(6)).isEqualTo(115L);
        assertThat(((Point) first.geometry()).getX()).isEqualTo(-91.202425);
        assertThat(((Point) first.geometry()).getY()).isEqualTo(34.897225);
        // ogrinfo -sql "select count(*) ... where MAX_VOLT is null" = 258
        assertThat(l.features().stream().filter(f -> f.value(6) == null).count()).isEqualTo(258);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void readsCountiesWithStringIdsAsAnIdFieldLikeGdal() throws Exception {
        VectorLayer l = read(TestFiles.real("counties_ms_in_census2017_10m.geojson"));
        assertThat(l.size()).isEqualTo(174);
        // Polygon and MultiPolygon mixed: ogrinfo says "Unknown (any)", the model merges to Multi Polygon
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertBounds(l.bounds(), -91.643942, 30.180407, -84.795569, 41.760532, EPS);
        assertThat(l.schema().names()).containsExactly("id", "GEOID", "STATEFP", "STATE", "NAME");
        assertThat(l.get(0).fid()).isEqualTo(1);
        assertThat(l.get(0).value(0)).isEqualTo("18093");
        assertThat(l.get(0).value(4)).isEqualTo("Lawrence");
        Feature madison = l.get(101);
        assertThat(madison.value(0)).isEqualTo("28089");
        assertThat(madison.value(4)).isEqualTo("Madison");
        assertThat(madison.geometry().getCoordinates()).hasSize(21);
    }

    @Test
    void readsHifldTransmissionLines() throws Exception {
        VectorLayer l = read(TestFiles.real("transmission_hifld_in_ge138kv.geojson"));
        assertThat(l.size()).isEqualTo(1237);
        assertThat(l.geometryType()).isEqualTo(GeometryType.LINESTRING);
        assertBounds(l.bounds(), -89.686300, 36.883500, -82.774200, 42.436100, EPS);
        assertThat(l.schema().fields()).extracting(f -> f.type()).containsExactly(FieldType.INTEGER,
                FieldType.STRING, FieldType.STRING);
        LineString first = (LineString) l.get(0).geometry();
        assertThat(first.getNumPoints()).isEqualTo(6);
        assertThat(first.getCoordinateN(5)).isEqualTo(new Coordinate(-85.0626, 41.0703));
        assertThat(l.features().stream().filter(f -> Long.valueOf(765).equals(f.value(0))).count()).isEqualTo(10);
    }

    @Test
    void readsUtilityTerritoriesWithHoles() throws Exception {
        VectorLayer l = read(TestFiles.real("utility_territories_hifld_in.geojson"));
        assertThat(l.size()).isEqualTo(114);
        assertBounds(l.bounds(), -102.363900, 31.378900, -84.779600, 41.784700, EPS);
        int holes = 0;
        for (Feature f : l.features()) {
            holes += holes(f.geometry());
        }
        assertThat(holes).isEqualTo(54);
        Feature mishawaka = l.features().stream().filter(f -> "City Of Mishawaka".equals(f.value(0))).findFirst()
                .orElseThrow();
        assertThat(holes(mishawaka.geometry())).isEqualTo(12);
        Feature im = l.get(104);
        assertThat(im.value(0)).isEqualTo("Indiana Michigan Power Co");
        assertThat(im.value(1)).isEqualTo("Investor Owned");
        assertThat(im.value(2)).isEqualTo(607710L);
    }

    @Test
    void detectsIsoDateFieldsLikeGdal() throws Exception {
        VectorLayer l = read(TestFiles.real("transmission_hifld_partial_ms.geojson"));
        assertThat(l.size()).isEqualTo(50);
        int src = l.schema().indexOf("SOURCEDATE");
        int val = l.schema().indexOf("VAL_DATE");
        assertThat(l.schema().field(src).type()).isEqualTo(FieldType.DATE);
        assertThat(l.schema().field(val).type()).isEqualTo(FieldType.DATE);
        assertThat(l.schema().field(l.schema().indexOf("ID")).type()).isEqualTo(FieldType.STRING);
        assertThat(l.get(0).value(src)).isEqualTo(LocalDate.of(2014, 4, 24));
        assertThat(l.get(0).value(val)).isEqualTo(LocalDate.of(2019, 3, 11));
        assertThat(l.get(0).value(l.schema().indexOf("OWNER"))).isEqualTo("TENNESSEE VALLEY AUTHORITY");
    }

    // ---------------------------------------------------------------------------------------------------
    // CRS

    @Test
    void legacyCrsMemberInWebMercator() throws Exception {
        VectorLayer l = read(TestFiles.fixture("counties_3857_legacy.geojson"));
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.epsg()).isEqualTo(3857);
        assertBounds(l.bounds(), -10103465.52, 3769500.60, -9942843.07, 3896765.32, EPS);
        // the lon/lat extent of the same five counties in the source file
        assertBounds(Crs.toWgs84(l.bounds(), l.crs()), -90.760975, 32.047144, -89.318079, 33.011009, EPS);
        assertThat(l.features()).extracting(f -> f.value(4)).containsExactly("Leake", "Rankin", "Hinds",
                "Madison", "Yazoo");
        assertThat(l.get(3).geometry().getCoordinates()[0]).isEqualTo(new Coordinate(-10068704.01, 3838861.85));
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void legacyCrsMemberAfterTheFeaturesWithShortEpsgName() throws Exception {
        VectorLayer l = read(TestFiles.fixture("transmission_26916_crs_last.geojson"));
        assertThat(l.size()).isEqualTo(22);
        assertThat(l.epsg()).isEqualTo(26916);
        assertThat(Crs.name(l.crs())).isEqualTo("NAD83 / UTM zone 16N");
        assertBounds(l.bounds(), 420360.40, 4470802.63, 803239.73, 4647296.46, EPS);
        LineString first = (LineString) l.get(0).geometry();
        assertThat(first.getCoordinateN(0)).isEqualTo(new Coordinate(571790.95, 4613408.16));
        assertThat(l.get(0).value(0)).isEqualTo(345L);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void crs84UrnIsLonLatWgs84() throws Exception {
        VectorLayer l = read(TestFiles.fixture("z_collection.geojson"));
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(Crs.isGeographic(l.crs())).isTrue();
        assertThat(((Point) l.get(0).geometry()).getX()).isEqualTo(-90.132);
    }

    @Test
    void crsOptionOverridesTheFile() throws Exception {
        VectorLayer l = read(TestFiles.fixture("projected_no_crs.geojson"), ReadOptions.DEFAULT.withCrs("EPSG:3857"));
        assertThat(l.epsg()).isEqualTo(3857);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void projectedCoordinatesWithoutCrsMemberGiveAWarning() throws Exception {
        VectorLayer l = read(TestFiles.fixture("projected_no_crs.geojson"));
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.warnings()).hasSize(1);
        assertThat(l.warnings().get(0)).contains("are not valid longitude/latitude");
    }

    @Test
    void unknownCrsNameLeavesTheLayerWithoutCrs(@TempDir Path dir) throws Exception {
        Path f = write(dir, "odd.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::999999\"}},\"features\":[]}");
        VectorLayer l = read(f);
        assertThat(l.crs()).isNull();
        assertThat(l.warnings()).anyMatch(w -> w.contains("unknown CRS 'urn:ogc:def:crs:EPSG::999999'"));
    }

    // ---------------------------------------------------------------------------------------------------
    // geometry and properties

    @Test
    void keepsNonAsciiNames() throws Exception {
        VectorLayer l = read(TestFiles.fixture("nonascii_counties.geojson"));
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.schema().names()).containsExactly("id", "name");
        assertThat(l.features()).extracting(f -> f.value(1)).containsExactly("Doña Ana", "Añasco", "Mayagüez",
                "Peñuelas", "Bayamón");
        assertThat(l.get(0).value(0)).isEqualTo("35013");
        assertBounds(l.bounds(), -107.300442, 17.977464, -66.120472, 33.053103, EPS);
    }

    @Test
    void readsZCoordinatesGeometryCollectionAndNullGeometry() throws Exception {
        VectorLayer l = read(TestFiles.fixture("z_collection.geojson"));
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.hasZ()).isTrue();
        assertThat(l.geometryType()).isEqualTo(GeometryType.GEOMETRY);
        assertThat(l.schema().field(0).type()).isEqualTo(FieldType.INTEGER);
        assertBounds(l.bounds(), -90.2, 32.4, -90.0, 32.612, 1e-9);
        assertThat(l.get(0).geometry().getCoordinate().getZ()).isEqualTo(105.5);
        assertThat(((LineString) l.get(1).geometry()).getCoordinateN(1).getZ()).isEqualTo(80.25);
        Polygon pad = (Polygon) l.get(2).geometry();
        assertThat(pad.getNumInteriorRing()).isEqualTo(1);
        assertThat(pad.getInteriorRingN(0).getCoordinateN(2).getZ()).isEqualTo(112);
        GeometryCollection gc = (GeometryCollection) l.get(3).geometry();
        assertThat(gc.getGeometryType()).isEqualTo("GeometryCollection");
        assertThat(gc.getNumGeometries()).isEqualTo(2);
        assertThat((Object) gc.getGeometryN(0)).isInstanceOf(Point.class);
        assertThat(gc.getGeometryN(1).getCoordinates()[1].getZ()).isEqualTo(60);
        assertThat((Object) l.get(4).geometry()).isNull();
        assertThat(l.get(4).value(1)).isEqualTo("no location");
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void mixedDimensionPositionsKeepTheirZ(@TempDir Path dir) throws Exception {
        VectorLayer l = read(write(dir, "mixed.geojson", "{\"type\":\"LineString\",\"coordinates\":"
                + "[[-90.1,32.4],[-90.2,32.5,17.5]]}"));
        LineString line = (LineString) l.get(0).geometry();
        assertThat(l.hasZ()).isTrue();
        assertThat(line.getCoordinateN(0).getZ()).isNaN();
        assertThat(line.getCoordinateN(1).getZ()).isEqualTo(17.5);
        VectorLayer flat = read(TestFiles.fixture("counties_3857_legacy.geojson"));
        assertThat(flat.hasZ()).isFalse();
        assertThat(flat.get(0).geometry().getCoordinate().getZ()).isNaN();
    }

    @Test
    void utf8ByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.geojson");
        byte[] body = ("{\"type\":\"Feature\",\"properties\":{\"name\":\"Peñuelas\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-66.7,18.06]}}").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        assertThat(format.probe(f)).isTrue();
        assertThat(read(f).get(0).value(0)).isEqualTo("Peñuelas");
    }

    @Test
    void infersPropertyTypesOverAllFeaturesLikeGdal(@TempDir Path dir) throws Exception {
        // types as ogrinfo 3.6 reports them for this file: a Integer, b Real, c String, d Integer(Boolean),
        // e Date, f DateTime, g String(JSON), h IntegerList (here: JSON text), i Integer, k String
        Path f = write(dir, "types.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"id\":11,\"geometry\":{\"type\":\"Point\",\"coordinates\":[-90.1,32.4]},"
                + "\"properties\":{\"a\":1,\"b\":1,\"c\":\"x\",\"d\":true,\"e\":\"2020-01-02\",\"f\":\"2020-01-02\","
                + "\"g\":{\"k\":1},\"h\":[1,2],\"i\":true,\"k\":null}},\n"
                + "{\"type\":\"Feature\",\"id\":12,\"geometry\":null,"
                + "\"properties\":{\"a\":2,\"b\":1.5,\"c\":3,\"d\":false,\"e\":\"2020-01-03\","
                + "\"f\":\"2020-01-02T10:20:30+02:00\",\"g\":{\"k\":2},\"h\":[3],\"i\":2,\"k\":null,\"late\":\"x\"}}\n"
                + "]}");
        VectorLayer l = read(f);
        assertThat(l.schema().names()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "late");
        assertThat(l.schema().fields()).extracting(x -> x.type()).containsExactly(FieldType.INTEGER,
                FieldType.REAL, FieldType.STRING, FieldType.BOOLEAN, FieldType.DATE, FieldType.DATETIME,
                FieldType.STRING, FieldType.STRING, FieldType.INTEGER, FieldType.STRING, FieldType.STRING);
        Feature one = l.get(0);
        Feature two = l.get(1);
        assertThat(one.fid()).isEqualTo(11);
        assertThat(two.fid()).isEqualTo(12);
        assertThat(one.value(1)).isEqualTo(1.0);
        assertThat(two.value(2)).isEqualTo("3");
        assertThat(one.value(3)).isEqualTo(Boolean.TRUE);
        assertThat(two.value(4)).isEqualTo(LocalDate.of(2020, 1, 3));
        assertThat(one.value(5)).isEqualTo(LocalDate.of(2020, 1, 2).atStartOfDay());
        assertThat(two.value(5)).isEqualTo(LocalDate.of(2020, 1, 2).atTime(8, 20, 30));
        assertThat(one.value(6)).isEqualTo("{\"k\":1}");
        assertThat(one.value(7)).isEqualTo("[1,2]");
        assertThat(one.value(8)).isEqualTo(1L);
        assertThat(one.value(9)).isNull();
        assertThat(one.value(10)).isNull();
        assertThat(two.value(10)).isEqualTo("x");
        assertThat((Object) two.geometry()).isNull();
    }

    @Test
    void singleFeatureAndBareGeometryAreOneFeatureLayers(@TempDir Path dir) throws Exception {
        VectorLayer feature = read(write(dir, "one.geojson", "{\"properties\":{\"name\":\"Canton\"},"
                + "\"geometry\":{\"coordinates\":[-90.035,32.612],\"type\":\"Point\"},\"type\":\"Feature\"}"));
        assertThat(feature.size()).isEqualTo(1);
        assertThat(feature.get(0).value(0)).isEqualTo("Canton");
        assertThat(((Point) feature.get(0).geometry()).getY()).isEqualTo(32.612);
        VectorLayer bare = read(write(dir, "bare.geojson", "{\"coordinates\":[[[-90.2,32.4],[-90.1,32.4],"
                + "[-90.1,32.5],[-90.2,32.4]]],\"type\":\"Polygon\"}"));
        assertThat(bare.size()).isEqualTo(1);
        assertThat(bare.geometryType()).isEqualTo(GeometryType.POLYGON);
        assertThat(bare.schema().size()).isZero();
    }

    @Test
    void foreignRootPropertiesDoNotBecomeFields(@TempDir Path dir) throws Exception {
        VectorLayer fc = read(write(dir, "fc.geojson", "{\"type\":\"FeatureCollection\",\"properties\":{\"author\":\"x\"},"
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"n\":1},\"geometry\":null},"
                + "{\"type\":\"Point\",\"coordinates\":[1,2]}]}"));
        assertThat(fc.schema().names()).containsExactly("n");
        assertThat(fc.size()).isEqualTo(1);
        assertThat(fc.warnings()).containsExactly("1 feature(s) skipped (feature 2: is a 'Point' object, not a Feature)");
        VectorLayer late = read(write(dir, "late.geojson", "{\"properties\":{\"name\":\"Flora\",\"kv\":115},"
                + "\"geometry\":null,\"type\":\"Feature\"}"));
        assertThat(late.schema().names()).containsExactly("name", "kv");
        assertThat(late.get(0).value(1)).isEqualTo(115L);
    }

    @Test
    void newlineDelimitedFeaturesAreRead() throws Exception {
        VectorLayer l = read(TestFiles.fixture("features.geojsonl"));
        assertThat(l.size()).isEqualTo(10);
        assertBounds(l.bounds(), -89.678891, 32.109690, -88.838538, 33.115363, EPS);
        assertThat(l.get(9).value(0)).isEqualTo("UNKNOWN109374");
        assertThat(l.get(9).value(6)).isNull();
    }

    @Test
    void emptyFeatureCollectionIsAnEmptyLayer(@TempDir Path dir) throws Exception {
        VectorLayer l = read(write(dir, "empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}"));
        assertThat(l.size()).isZero();
        assertThat(l.bounds().isNull()).isTrue();
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void unclosedRingsAreClosedAndTooShortRingsSkipped(@TempDir Path dir) throws Exception {
        Path f = write(dir, "rings.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[1,1],[0,1]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1,0],[0,0]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                + "[[0,0]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Curve\",\"coordinates\":[]}}"
                + "]}");
        VectorLayer l = read(f);
        assertThat(l.size()).isEqualTo(1);
        Polygon p = (Polygon) l.get(0).geometry();
        assertThat(p.getExteriorRing().getNumPoints()).isEqualTo(5);
        assertThat(p.getArea()).isEqualTo(1.0);
        assertThat(l.warnings()).containsExactly(
                "3 feature(s) skipped (feature 2: Polygon ring 1 has 3 positions,"
                        + " at least 4 are needed; feature 3: LineString has 1 position, at least 2 are needed;"
                        + " feature 4: unknown geometry type 'Curve')",
                "1 polygon ring(s) were not closed; closed them by repeating the first position");
    }

    @Test
    void nonNumericCoordinatesSkipTheirFeatureWithOneWarning() throws Exception {
        VectorLayer l = read(TestFiles.fixture("bad_coords.geojson"));
        assertThat(l.size()).isEqualTo(8);
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 2L, 4L, 5L, 6L, 8L, 9L, 10L);
        assertThat(l.warnings()).containsExactly("2 feature(s) skipped"
                + " (feature 3: coordinate \"-90.1\" is not a number; feature 7: coordinate \"32.1x\" is not a number)");
        assertBounds(l.bounds(), -89.678891, 32.109690, -88.838538, 33.096614, EPS);
    }

    @Test
    void nanAndTooFewNumbersAreInvalidCoordinates(@TempDir Path dir) throws Exception {
        Path f = write(dir, "nan.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"n\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[NaN,1]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":2},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":3},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,6]}}"
                + "]}");
        VectorLayer l = read(f);
        assertThat(l.size()).isEqualTo(1);
        assertThat(l.get(0).value(0)).isEqualTo(3L);
        assertThat(l.warnings().get(0)).startsWith("2 feature(s) skipped").contains("feature 1: ", "feature 2: ");
    }

    // ---------------------------------------------------------------------------------------------------
    // files that are not readable

    @Test
    void truncatedFileNamesLineAndColumn() {
        assertThatThrownBy(() -> read(TestFiles.fixture("truncated.geojson"))).isInstanceOf(LayerReadException.class)
                .hasMessage(TestFiles.fixture("truncated.geojson") + ": line 1, column 3001: unexpected end of file"
                        + " (the file is truncated or incomplete)");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        // python's json and GDAL both report line 33, column 3 for this file
        assertThatThrownBy(() -> read(TestFiles.fixture("malformed.geojson"))).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(TestFiles.fixture("malformed.geojson") + ": line 33, column 3: unexpected character ('{'")
                .hasMessageNotContaining("Source");
    }

    @Test
    void jsonThatIsNotGeoJsonSaysSo() {
        assertThatThrownBy(() -> read(TestFiles.fixture("not_geojson.json"))).isInstanceOf(LayerReadException.class)
                .hasMessage(TestFiles.fixture("not_geojson.json") + ": not GeoJSON (no type member)");
    }

    @Test
    void topLevelArrayIsNotGeoJson(@TempDir Path dir) throws Exception {
        Path f = write(dir, "array.geojson", "[{\"type\":\"Feature\"}]");
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessage(f + ": not GeoJSON (the top-level value is an array, not an object)");
    }

    @Test
    void topoJsonIsRecognisedAndRefused() {
        assertThatThrownBy(() -> read(TestFiles.real("us_counties_states_census2017_10m.topojson")))
                .isInstanceOf(LayerReadException.class).hasMessageContaining("TopoJSON");
    }

    @Test
    void emptyFileIsNotGeoJson(@TempDir Path dir) throws Exception {
        Path f = write(dir, "zero.geojson", "");
        assertThatThrownBy(() -> read(f)).isInstanceOf(LayerReadException.class)
                .hasMessage(f + ": not GeoJSON (the file is empty)");
    }

    // ---------------------------------------------------------------------------------------------------
    // probe and registry

    @ParameterizedTest
    @ValueSource(strings = {"counties_3857_legacy.geojson", "z_collection.geojson", "truncated.geojson",
            "malformed.geojson", "features.geojsonl"})
    void probeAcceptsGeoJsonFixtures(String name) throws Exception {
        assertThat(format.probe(TestFiles.fixture(name))).isTrue();
    }

    @Test
    void probeSniffsContentWithoutAGeoJsonExtension(@TempDir Path dir) throws Exception {
        Path noExt = dir.resolve("download");
        Files.copy(TestFiles.real("substations_hifld_partial_ms.geojson"), noExt);
        assertThat(format.probe(noExt)).isTrue();
        assertThat(FormatRegistry.standard().formatFor(noExt).id()).isEqualTo("geojson");
        assertThat(format.probe(TestFiles.real("us_counties_states_census2017_10m.topojson"))).isFalse();
        assertThat(format.probe(TestFiles.real("power_plants_eia_ms_bbox.csv"))).isFalse();
        assertThat(format.probe(TestFiles.fixture("not_geojson.json"))).isFalse();
    }

    @Test
    void cancellationStopsTheRead() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> format.read(TestFiles.real("transmission_hifld_in_ge138kv.geojson"),
                ReadOptions.DEFAULT, cancelled)).isInstanceOf(CancelledException.class);
    }
}
