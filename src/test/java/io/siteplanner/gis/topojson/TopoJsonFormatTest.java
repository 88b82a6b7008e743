package io.siteplanner.gis.topojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.TestData;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The hand-written fixtures (see {@code fixtures/topojson/make-fixtures.sh}). Expected coordinates are worked
 * out by hand from shapes_quantized.topojson: transform scale [0.5, 0.25], translate [-91, 32], so
 * x = -91 + 0.5 * qx and y = 32 + 0.25 * qy, with qx, qy the running sums of the delta-encoded arc
 * positions. shapes_plain.topojson holds the same shapes in lon/lat without a transform. {@code ogrinfo -al}
 * (GDAL 3.6) prints these same coordinates for both files.
 */
class TopoJsonFormatTest {
    private static final String QUANTIZED = "shapes_quantized.topojson";
    private static final String PLAIN = "shapes_plain.topojson";

    static Path fixture(String name) {
        return TestData.fixture("topojson/" + name);
    }

    static VectorLayer read(Path file, String layer) throws IOException {
        return new TopoJsonFormat().read(file, ReadOptions.DEFAULT.withLayer(layer), Progress.NONE);
    }

    static VectorLayer read(String fixture, String layer) throws IOException {
        return read(fixture(fixture), layer);
    }

    static Path write(Path dir, String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    /** x0, y0, x1, y1, ... of a line or ring. */
    static double[] xy(LineString line) {
        Coordinate[] cs = line.getCoordinates();
        double[] out = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            out[2 * i] = cs[i].x;
            out[2 * i + 1] = cs[i].y;
        }
        return out;
    }

    static Feature byId(VectorLayer l, String id) {
        for (Feature f : l.features()) {
            if (id.equals(f.value(0))) {
                return f;
            }
        }
        throw new AssertionError("no feature with id " + id + " in " + l);
    }

    // ---------------------------------------------------------------------------------------------------
    // layers

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void layersAreTheCollectionsInFileOrderThenTopoJsonForSingleGeometries(String name) throws Exception {
        // ogrinfo -ro -so shapes_*.topojson lists: 1: parcels, 2: lines, 3: sites, 4: TopoJSON
        assertThat(new TopoJsonFormat().layerNames(fixture(name))).containsExactly("parcels", "lines", "sites",
                "TopoJSON");
    }

    @Test
    void defaultLayerIsTheFirstAndTheLayerOptionPicksOneByNameIgnoringCase() throws Exception {
        assertThat(read(QUANTIZED, null).name()).isEqualTo("parcels");
        assertThat(read(QUANTIZED, "sites").name()).isEqualTo("sites");
        assertThat(read(QUANTIZED, "LINES").name()).isEqualTo("lines");
        assertThat(read(QUANTIZED, "topojson").size()).isEqualTo(1);
    }

    @Test
    void anUnknownLayerNameListsTheLayers() {
        assertThatThrownBy(() -> read(QUANTIZED, "roads")).isInstanceOf(LayerReadException.class)
                .hasMessage(fixture(QUANTIZED) + ": no layer named 'roads' (layers: parcels, lines, sites, TopoJSON)");
    }

    // ---------------------------------------------------------------------------------------------------
    // geometry, hand-worked

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void polygonWithAHoleIsBuiltFromASharedArcAndItsOwnArc(String name) throws Exception {
        // A: arcs [[0, 1], [3]]; arc 0 is q (10,0)-(10,10), arc 1 q (10,10) (0,10) (0,0) (10,0); the junction
        // (10,10) appears once. Hole: arc 3, q (2,2) (4,2) (4,4) (2,4) (2,2).
        Polygon a = (Polygon) byId(read(name, "parcels"), "A").geometry();
        assertThat(xy(a.getExteriorRing())).containsExactly(-86, 32, -86, 34.5, -91, 34.5, -91, 32, -86, 32);
        assertThat(a.getNumInteriorRing()).isEqualTo(1);
        assertThat(xy(a.getInteriorRingN(0))).containsExactly(-90, 32.5, -89, 32.5, -89, 33, -90, 33, -90, 32.5);
        assertThat(a.getArea()).isEqualTo(5 * 2.5 - 1 * 0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void aNegativeIndexReversesTheSharedArc(String name) throws Exception {
        // B: arcs [[-1, 2]]: arc 0 reversed, q (10,10) (10,0), then arc 2 q (10,0) (20,0) (20,10) (10,10)
        // without repeating (10,0): 5 positions
        Polygon b = (Polygon) byId(read(name, "parcels"), "7").geometry();
        assertThat(xy(b.getExteriorRing())).containsExactly(-86, 34.5, -86, 32, -81, 32, -81, 34.5, -86, 34.5);
        assertThat(b.getNumInteriorRing()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void multiPolygonPartsJoinArcsAndReversedArcs(String name) throws Exception {
        // C: arcs [[[4]], [[5, -7]]]: a square, then arc 5 q (50,0) (60,0) + arc 6 reversed q (60,0) (55,5) (50,0)
        MultiPolygon c = (MultiPolygon) byId(read(name, "parcels"), "C").geometry();
        assertThat(c.getNumGeometries()).isEqualTo(2);
        assertThat(xy(((Polygon) c.getGeometryN(0)).getExteriorRing()))
                .containsExactly(-76, 32, -71, 32, -71, 34.5, -76, 34.5, -76, 32);
        assertThat(xy(((Polygon) c.getGeometryN(1)).getExteriorRing()))
                .containsExactly(-66, 32, -61, 32, -63.5, 33.25, -66, 32);
        assertThat(c.getArea()).isEqualTo(5 * 2.5 + 5 * 1.25 / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void linesFollowTheirArcs(String name) throws Exception {
        VectorLayer lines = read(name, "lines");
        // L1: arcs [-2]: arc 1 reversed
        LineString l1 = (LineString) byId(lines, "L1").geometry();
        assertThat(xy(l1)).containsExactly(-86, 32, -91, 32, -91, 34.5, -86, 34.5);
        // L2: arcs [[0, -3], [5]]: arc 0 then arc 2 reversed (junction q (10,10) once); arc 5
        MultiLineString l2 = (MultiLineString) byId(lines, "L2").geometry();
        assertThat(xy((LineString) l2.getGeometryN(0))).containsExactly(-86, 32, -86, 34.5, -81, 34.5, -81, 32, -86, 32);
        assertThat(xy((LineString) l2.getGeometryN(1))).containsExactly(-66, 32, -61, 32);
    }

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void pointsAreTransformedButNotDeltaEncoded(String name) throws Exception {
        VectorLayer sites = read(name, "sites");
        // S1: q (25, 5)
        Point s1 = (Point) byId(sites, "S1").geometry();
        assertThat(new double[] {s1.getX(), s1.getY()}).containsExactly(-78.5, 33.25);
        // S2: q (1,1) and (3,7); delta-decoding them would wrongly give (4,8) = (-89, 34) for the second
        MultiPoint s2 = (MultiPoint) byId(sites, "S2").geometry();
        assertThat(s2.getCoordinates()).extracting(c -> c.x).containsExactly(-90.5, -89.5);
        assertThat(s2.getCoordinates()).extracting(c -> c.y).containsExactly(32.25, 33.75);
        assertThat(sites.geometryType()).isEqualTo(GeometryType.MULTIPOINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {QUANTIZED, PLAIN})
    void aSingleGeometryObjectGoesToTheTopoJsonLayerWithItsNameAsId(String name) throws Exception {
        // ogrinfo -al: Layer name: TopoJSON / id (String) = boundary / source (String) = hand
        VectorLayer l = read(name, "TopoJSON");
        assertThat(l.size()).isEqualTo(1);
        assertThat(l.schema().names()).containsExactly("id", "source");
        Feature f = l.get(0);
        assertThat(f.value(0)).isEqualTo("boundary");
        assertThat(f.value(1)).isEqualTo("hand");
        // arcs [[1, 0]]: the square of A, starting at q (10,10)
        assertThat(xy(((Polygon) f.geometry()).getExteriorRing()))
                .containsExactly(-86, 34.5, -91, 34.5, -91, 32, -86, 32, -86, 34.5);
    }

    @Test
    void quantizedAndPlainTopologiesGiveTheSameLayers() throws Exception {
        for (String layer : List.of("parcels", "lines", "sites", "TopoJSON")) {
            VectorLayer q = read(QUANTIZED, layer);
            VectorLayer p = read(PLAIN, layer);
            assertThat(q.size()).isEqualTo(p.size());
            for (int i = 0; i < q.size(); i++) {
                Geometry gq = q.get(i).geometry();
                Geometry gp = p.get(i).geometry();
                assertThat(gq == null ? null : gq.toText()).as("%s %d", layer, i).isEqualTo(gp == null ? null : gp.toText());
            }
            assertThat(q.bounds()).isEqualTo(p.bounds());
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // attributes

    @Test
    void idComesFirstAsTextAndPropertiesAreTypedLikeGeoJson() throws Exception {
        // ogrinfo -al shapes_quantized.topojson parcels: id String, name String, acres Real, zoned Integer(Boolean)
        VectorLayer l = read(QUANTIZED, "parcels");
        assertThat(l.schema().names()).containsExactly("id", "name", "acres", "zoned");
        List<FieldType> types = new ArrayList<>();
        l.schema().fields().forEach(f -> types.add(f.type()));
        assertThat(types).containsExactly(FieldType.STRING, FieldType.STRING, FieldType.REAL, FieldType.BOOLEAN);
        Feature b = l.get(1);
        assertThat(b.value(0)).isEqualTo("7"); // the integer id 7, as text like GDAL
        assertThat(b.value(1)).isEqualTo("Bravo");
        assertThat(b.value(2)).isEqualTo(80.5);
        assertThat(b.value(3)).isEqualTo(false);
        assertThat(l.get(0).value(2)).isEqualTo(120.0); // an integer in a REAL field
        assertThat(l.get(2).value(2)).isNull();
        assertThat(read(QUANTIZED, "sites").schema().field(2).type()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void fidIsThePositionInTheCollection() throws Exception {
        VectorLayer l = read(QUANTIZED, "parcels");
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aNullTypeGeometryIsAFeatureWithoutGeometry() throws Exception {
        // GDAL 3.6 drops this object (ogrinfo lists 3 parcels); the TopoJSON specification makes it a feature
        // without geometry, as a GeoJSON Feature with "geometry": null
        VectorLayer l = read(QUANTIZED, "parcels");
        assertThat(l.size()).isEqualTo(4);
        Feature d = l.get(3);
        assertThat(d.geometry()).isNull();
        assertThat(d.value(0)).isEqualTo("D");
        assertThat(d.value(2)).isEqualTo(10.0);
        assertThat(l.warnings()).isEmpty();
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
    }

    @Test
    void crsIsLonLatUnlessTheOptionsNameOne() throws Exception {
        VectorLayer l = read(QUANTIZED, null);
        assertThat(l.epsg()).isEqualTo(4326);
        VectorLayer nad83 = new TopoJsonFormat().read(fixture(QUANTIZED), ReadOptions.DEFAULT.withCrs("EPSG:4269"),
                Progress.NONE);
        assertThat(nad83.epsg()).isEqualTo(4269);
        assertThat(nad83.crs().getName().getCode()).isEqualTo("NAD83");
    }

    @Test
    void anInvalidCrsOptionIsAReadError() {
        assertThatThrownBy(() -> new TopoJsonFormat().read(fixture(QUANTIZED), ReadOptions.DEFAULT.withCrs("EPSG:999999"),
                Progress.NONE)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(fixture(QUANTIZED) + ": invalid CRS 'EPSG:999999'");
    }

    @Test
    void lonLatOutsideTheirRangeGiveAPlausibilityWarning(@TempDir Path dir) throws Exception {
        Path f = write(dir, "utm.topojson", "{\"type\":\"Topology\",\"objects\":{\"sites\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[500000,3600000]}]}},\"arcs\":[]}");
        assertThat(read(f, null).warnings()).singleElement().asString().contains("not valid longitude/latitude");
        assertThat(new TopoJsonFormat().read(f, ReadOptions.DEFAULT.withCrs("EPSG:26916"), Progress.NONE).warnings())
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------
    // what GDAL does with odd geometry objects (checked with ogrinfo -al on the same text)

    @Test
    void aGeometryCollectionInsideACollectionIsSkippedWithAWarning(@TempDir Path dir) throws Exception {
        // ogrinfo -al: Feature Count: 2 (the nested collection is dropped)
        Path f = write(dir, "nested.topojson", "{\"type\":\"Topology\",\"objects\":{\"o\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
                + "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[3,4]}],\"properties\":{\"n\":1}},"
                + "{\"type\":\"Point\",\"coordinates\":[5,6]}]}},\"arcs\":[]}");
        VectorLayer l = read(f, null);
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 3L);
        assertThat(l.warnings()).containsExactly("1 feature(s) skipped (geometry 2: it is a GeometryCollection inside a"
                + " GeometryCollection (GDAL skips these too))");
        assertThat(l.schema().names()).containsExactly("id", "n"); // GDAL also keeps the skipped member's fields
    }

    @Test
    void ringsCollapsedBelowFourPositionsAreDroppedAndOpenRingsClosed(@TempDir Path dir) throws Exception {
        // ogrinfo -al: POLYGON ((0 0,4 0,4 4,0 0)) and an empty POLYGON: the 3-position ring [0,0 1,0 0,0] and
        // the 2-position ring are dropped; the open ring 0,0 4,0 4,4 is closed
        Path f = write(dir, "rings.topojson", "{\"type\":\"Topology\",\"objects\":{\"o\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[0],[1]]},{\"type\":\"Polygon\",\"arcs\":[[2]]}]}},"
                + "\"arcs\":[[[0,0],[4,0],[4,4]],[[0,0],[1,0],[0,0]],[[9,9],[9,8]]]}");
        VectorLayer l = read(f, null);
        Polygon first = (Polygon) l.get(0).geometry();
        assertThat(xy(first.getExteriorRing())).containsExactly(0, 0, 4, 0, 4, 4, 0, 0);
        assertThat(first.getNumInteriorRing()).isZero();
        assertThat(l.get(1).geometry().isEmpty()).isTrue();
        assertThat(l.warnings()).containsExactly(
                "2 polygon ring(s) with fewer than 4 positions dropped (collapsed by quantization; GDAL drops them too)",
                "1 polygon ring(s) were not closed; closed them by repeating the first position");
    }

    @Test
    void aPropertyNamedIdWinsAndNonIntegerIdsAreIgnored(@TempDir Path dir) throws Exception {
        // ogrinfo -al: id (String) = propid for the first; no id for the second (7.5); id = 42 for the third
        Path f = write(dir, "ids.topojson", "{\"type\":\"Topology\",\"objects\":{\"o\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2],\"id\":\"own\",\"properties\":{\"id\":\"propid\"}},"
                + "{\"type\":\"Point\",\"coordinates\":[1,2],\"id\":7.5},{\"type\":\"Point\",\"coordinates\":[1,2],\"id\":42}]}},"
                + "\"arcs\":[]}");
        VectorLayer l = read(f, null);
        assertThat(l.schema().names()).containsExactly("id");
        assertThat(l.features()).extracting(x -> x.value(0)).containsExactly("propid", null, "42");
    }

    @Test
    void positionsBeyondXyAreIgnored(@TempDir Path dir) throws Exception {
        Path f = write(dir, "z.topojson", "{\"type\":\"Topology\",\"objects\":{\"o\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"LineString\",\"arcs\":[0]},{\"type\":\"Point\",\"coordinates\":[1,2,3]}]}},"
                + "\"arcs\":[[[0,0,100],[1,1,200]]]}");
        VectorLayer l = read(f, null);
        assertThat(xy((LineString) l.get(0).geometry())).containsExactly(0, 0, 1, 1);
        assertThat(Double.isNaN(l.get(0).geometry().getCoordinate().getZ())).isTrue();
        assertThat(l.hasZ()).isFalse();
        assertThat(l.get(1).geometry().getCoordinate().x).isEqualTo(1);
    }

    @Test
    void malformedGeometryObjectsAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path f = write(dir, "odd.topojson", "{\"type\":\"Topology\",\"objects\":{\"o\":{\"type\":\"GeometryCollection\","
                + "\"geometries\":[{\"type\":\"LineString\",\"arcs\":[0]},{\"type\":\"LineString\",\"arcs\":[[0]]},"
                + "{\"type\":\"Polygon\",\"arcs\":[0]},{\"arcs\":[0]},{\"type\":\"Curve\",\"arcs\":[0]},"
                + "{\"type\":\"Point\",\"coordinates\":[\"a\",2]},{\"type\":\"LineString\",\"arcs\":[1]},42]}},"
                + "\"arcs\":[[[0,0],[1,1]],[[5,5]]]}");
        VectorLayer l = read(f, null);
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L);
        assertThat(l.warnings()).singleElement().asString().startsWith("7 feature(s) skipped (geometry 2: LineString arcs"
                + " must be an array of arc indexes; geometry 3: Polygon arcs must be an array of arrays of arc indexes;"
                + " geometry 4: it has no type member; geometry 5: unknown geometry type 'Curve'; geometry 6: a position"
                + " contains a string where a number belongs; ...)");
    }
}
