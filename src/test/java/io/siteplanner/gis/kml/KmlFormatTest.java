package io.siteplanner.gis.kml;

import static io.siteplanner.gis.kml.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.gis.FormatRegistry;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * KML reading checked against GDAL 3.6 {@code ogrinfo} (LIBKML driver) on the fixtures made by
 * {@code fixtures/kml/make-fixtures.sh} and the hand-written {@code mixed.kml}.
 */
class KmlFormatTest {
    private static final double DEG = 1e-6;

    @TempDir
    Path tmp;

    private final KmlFormat format = new KmlFormat();

    private VectorLayer read(Path file) throws IOException {
        return format.read(file, ReadOptions.DEFAULT, Progress.NONE);
    }

    private VectorLayer read(Path file, String layer) throws IOException {
        return format.read(file, ReadOptions.DEFAULT.withLayer(layer), Progress.NONE);
    }

    static void assertEnvelope(Envelope actual, double minX, double minY, double maxX, double maxY, double tol) {
        assertThat(actual.getMinX()).isCloseTo(minX, within(tol));
        assertThat(actual.getMinY()).isCloseTo(minY, within(tol));
        assertThat(actual.getMaxX()).isCloseTo(maxX, within(tol));
        assertThat(actual.getMaxY()).isCloseTo(maxY, within(tol));
    }

    private static Feature named(VectorLayer l, String name) {
        int i = l.schema().indexOf("Name");
        return l.features().stream().filter(f -> name.equals(f.value(i))).findFirst().orElseThrow();
    }

    private static FieldType type(VectorLayer l, String field) {
        return l.schema().field(l.schema().indexOf(field)).type();
    }

    @Test
    void listsOneLayerPerFolderAsOgrinfo() throws IOException {
        assertThat(format.layerNames(fixture("utilities_plants.kml"))).containsExactly("utilities", "plants_3d");
        // ogrinfo mixed.kml: root placemarks first (named after the Document), unnamed folder "Layer2",
        // the nested folder with a repeated name "Lines (#2)"
        assertThat(format.layerNames(fixture("mixed.kml"))).containsExactly("Madison MS sample", "Substations",
                "Layer2", "Lines", "Lines (#2)", "Areas");
    }

    @Test
    void readsPolygonsWithHolesAndMultiPolygons() throws IOException {
        VectorLayer l = read(fixture("utilities_plants.kml"));
        // ogrinfo: utilities, 7 features, Extent: (-86.562500, 39.509500) - (-85.205100, 41.736000)
        assertThat(l.name()).isEqualTo("utilities");
        assertThat(l.size()).isEqualTo(7);
        assertEnvelope(l.bounds(), -86.5625, 39.5095, -85.2051, 41.736, DEG);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.hasZ()).isTrue(); // GDAL's KML writer wrote ",0" altitudes: ogrinfo says POLYGON Z
        assertThat(l.geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(l.schema().names()).containsExactly("Name", "description", "utility", "type", "customers");
        assertThat(type(l, "customers")).isEqualTo(FieldType.INTEGER);
        int utility = l.schema().indexOf("utility");
        Feature mishawaka = l.features().stream().filter(f -> "City Of Mishawaka".equals(f.value(utility)))
                .findFirst().orElseThrow();
        // ogrinfo -dialect sqlite: ST_NumInteriorRing 12, ST_NPoints 97, customers 28613
        Polygon p = (Polygon) mishawaka.geometry();
        assertThat(p.getNumInteriorRing()).isEqualTo(12);
        assertThat(p.getNumPoints()).isEqualTo(97);
        assertThat(p.getExteriorRing().isClosed()).isTrue();
        assertThat(mishawaka.value(l.schema().indexOf("customers"))).isEqualTo(28613L);
        Feature knightstown = l.features().stream()
                .filter(f -> "Town Of Knightstown - (In)".equals(f.value(utility))).findFirst().orElseThrow();
        assertThat(knightstown.geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(knightstown.geometry().getNumGeometries()).isEqualTo(3);
        assertThat(knightstown.geometry().getNumPoints()).isEqualTo(23);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void readsAltitudeAsZ() throws IOException {
        VectorLayer l = read(fixture("utilities_plants.kml"), "plants_3d");
        // ogrinfo: 11 features, Extent: (-86.908600, 41.455468) - (-86.108300, 41.731100), POINT Z
        assertThat(l.size()).isEqualTo(11);
        assertEnvelope(l.bounds(), -86.9086, 41.455468, -86.1083, 41.7311, DEG);
        assertThat(l.hasZ()).isTrue();
        assertThat(l.geometryType()).isEqualTo(GeometryType.POINT);
        Point p = (Point) named(l, "St Joseph Energy Center").geometry();
        assertThat(p.getX()).isEqualTo(-86.479699);
        assertThat(p.getY()).isEqualTo(41.698992);
        assertThat(p.getCoordinate().getZ()).isEqualTo(745.0);
        Feature f = named(l, "St Joseph Energy Center");
        assertThat(f.value(l.schema().indexOf("Plant_Code"))).isEqualTo(57794L);
        assertThat(f.value(l.schema().indexOf("Total_MW"))).isEqualTo(745.0);
        assertThat(type(l, "Total_MW")).isEqualTo(FieldType.REAL);
    }

    @Test
    void readsNonAsciiNamesAndDeclaredStringFields() throws IOException {
        VectorLayer l = read(fixture("counties_nm.kml"));
        // ogrinfo: counties_nm, 33, Extent: (-109.048428, 31.332406) - (-103.000468, 37.000482); id: String
        assertThat(l.size()).isEqualTo(33);
        assertEnvelope(l.bounds(), -109.048428, 31.332406, -103.000468, 37.000482, DEG);
        assertThat(l.hasZ()).isFalse();
        Feature f = named(l, "Doña Ana");
        assertThat(f.value(l.schema().indexOf("id"))).isEqualTo("35013");
        assertThat(type(l, "id")).isEqualTo(FieldType.STRING);
        assertThat(f.geometry().getEnvelopeInternal().getMinX()).isCloseTo(-107.300442, within(DEG));
        assertThat(f.fid()).isPositive();
    }

    @Test
    void readsKmzInMemory() throws IOException {
        VectorLayer l = read(fixture("counties_nm.kmz"));
        assertThat(format.probe(fixture("counties_nm.kmz"))).isTrue();
        assertThat(l.name()).isEqualTo("counties_nm");
        assertThat(l.size()).isEqualTo(33);
        assertEnvelope(l.bounds(), -109.048428, 31.332406, -103.000468, 37.000482, DEG);
        assertThat(named(l, "Doña Ana").value(l.schema().indexOf("id"))).isEqualTo("35013");
    }

    @Test
    void followsNetworkLinksInsideAGdalKmz() throws IOException {
        // ogr2ogr -f LIBKML writes doc.kml with a NetworkLink to layers/counties_nm.kml; ogrinfo lists
        // one layer counties_nm with 33 features
        Path kmz = fixture("counties_nm_libkml.kmz");
        assertThat(format.layerNames(kmz)).containsExactly("counties_nm");
        VectorLayer l = read(kmz);
        assertThat(l.size()).isEqualTo(33);
        assertEnvelope(l.bounds(), -109.048428, 31.332406, -103.000468, 37.000482, DEG);
        assertThat(named(l, "Doña Ana").value(l.schema().indexOf("id"))).isEqualTo("35013");
    }

    @Test
    void rootPlacemarksFormTheFirstLayer() throws IOException {
        VectorLayer l = read(fixture("mixed.kml"));
        assertThat(l.name()).isEqualTo("Madison MS sample");
        assertThat(l.size()).isEqualTo(1);
        assertThat(l.get(0).value(1)).isEqualTo("<b>HIFLD</b> substation, voltage unknown");
        assertThat(((Point) l.get(0).geometry()).getX()).isEqualTo(-90.098265);
        assertThat(l.hasZ()).isFalse();
    }

    @Test
    void infersTypesOfUntypedDataAndSkipsBadCoordinates() throws IOException {
        VectorLayer l = read(fixture("mixed.kml"), "Substations");
        // ogrinfo reads 5 (it parses "-90.0x5" as -90 and keeps it); we skip that one with a warning
        assertThat(l.size()).isEqualTo(4);
        assertThat(l.schema().names()).containsExactly("Name", "description", "CITY", "MAX_VOLT", "load_factor",
                "zip");
        assertThat(type(l, "MAX_VOLT")).isEqualTo(FieldType.INTEGER);
        assertThat(type(l, "load_factor")).isEqualTo(FieldType.REAL);
        assertThat(type(l, "zip")).isEqualTo(FieldType.STRING); // "039157" keeps its leading zero
        Feature f = named(l, "UNKNOWN109660");
        assertThat(f.value(l.schema().indexOf("MAX_VOLT"))).isEqualTo(230L);
        assertThat(f.value(l.schema().indexOf("load_factor"))).isEqualTo(0.85);
        assertThat(named(l, "UNKNOWN109668").value(l.schema().indexOf("MAX_VOLT"))).isNull();
        // "-90.20431 , 32.406945 , 102.5": blanks around commas do not split the tuple (ogrinfo: POINT Z)
        Point z = (Point) named(l, "UNKNOWN109662").geometry();
        assertThat(z.getCoordinate().getZ()).isEqualTo(102.5);
        assertThat(z.getX()).isEqualTo(-90.20431);
        assertThat(l.hasZ()).isTrue();
        // a placemark without geometry is kept (as GDAL)
        assertThat(named(l, "no geometry").geometry()).isNull();
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 2L, 3L, 5L);
        assertThat(l.warnings()).singleElement().asString()
                .isEqualTo("1 placemark skipped: invalid geometry (line 45); first: line 47: '-90.0x5' is not a number");
    }

    @Test
    void readsLinearRingTracksAndMultiLines() throws IOException {
        LinearRing ring = (LinearRing) read(fixture("mixed.kml"), "Layer2").get(0).geometry();
        assertThat(ring.isClosed()).isTrue();
        assertThat(ring.getNumPoints()).isEqualTo(4); // closed, ogrinfo keeps the 3 given points

        VectorLayer lines = read(fixture("mixed.kml"), "Lines");
        assertThat(lines.size()).isEqualTo(2); // ogrinfo 3: the 1-point line is skipped here
        assertThat(lines.warnings()).singleElement().asString().contains("LineString needs 2 points");
        assertThat(named(lines, "two lines").geometry().getGeometryType()).isEqualTo("MultiLineString");
        assertThat(lines.geometryType()).isEqualTo(GeometryType.MULTILINESTRING);

        VectorLayer track = read(fixture("mixed.kml"), "Lines (#2)");
        Geometry g = track.get(0).geometry();
        // ogrinfo: LINESTRING Z (-90.29372 32.54511 85,-90.18919 32.453962 90,-90.115765 32.407527 95.5)
        assertThat(g.getGeometryType()).isEqualTo("LineString");
        assertThat(g.getNumPoints()).isEqualTo(3);
        assertThat(g.getCoordinates()[2].getZ()).isEqualTo(95.5);
        assertThat(g.getCoordinates()[0].getX()).isEqualTo(-90.29372);
    }

    @Test
    void multiGeometryBecomesMultiWhenHomogeneousElseCollection() throws IOException {
        VectorLayer l = read(fixture("mixed.kml"), "areas");
        assertThat(l.name()).isEqualTo("Areas");
        assertThat(l.size()).isEqualTo(3);
        Polygon block = (Polygon) named(l, "Canton block with two holes").geometry();
        // two LinearRings in one innerBoundaryIs: both become holes (libkml keeps only the last one)
        assertThat(block.getNumInteriorRing()).isEqualTo(2);
        assertThat(block.getInteriorRingN(1).isClosed()).isTrue();
        assertThat(named(l, "points and a line").geometry().getGeometryType()).isEqualTo("GeometryCollection");
        Geometry mp = named(l, "two substations").geometry();
        // ogrinfo: MULTIPOINT Z ((-90.05413 32.585812 0),(-89.999558 32.617635 70))
        assertThat(mp.getGeometryType()).isEqualTo("MultiPoint");
        assertThat(mp.getCoordinates()[0].getZ()).isEqualTo(0.0);
        assertThat(mp.getCoordinates()[1].getZ()).isEqualTo(70.0);
        assertThat(l.geometryType()).isEqualTo(GeometryType.GEOMETRY);
        assertThat(l.warnings()).singleElement().asString().contains("LinearRing needs 3 distinct points");
    }

    @Test
    void unknownLayerIsAClearError() {
        assertThatThrownBy(() -> read(fixture("utilities_plants.kml"), "parcels"))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(fixture("utilities_plants.kml") + ": no layer named 'parcels' (layers: utilities, plants_3d)");
    }

    @Test
    void malformedXmlGivesLineAndColumn() {
        // the file is cut after 3000 bytes, in the middle of line 93 (22 characters long); ogrinfo says
        // "ERROR parsing kml malformed.kml :no element found on line 71 at offset 22"
        assertThatThrownBy(() -> read(fixture("malformed.kml")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(fixture("malformed.kml") + ": line 93, column 23: XML document structures must start and end within"
                        + " the same entity.");
    }

    @Test
    void otherXmlIsNotKml() {
        assertThatThrownBy(() -> read(fixture("not_kml.kml")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(fixture("not_kml.kml") + ": not KML: the root element is <gpx>, expected <kml>");
    }

    @Test
    void kmzWithPathEscapingEntryReadsDocKmlAndWritesNothing() throws IOException {
        Path dir = tmp.resolve("a").resolve("b");
        Files.createDirectories(dir);
        Path kmz = dir.resolve("evil_path.kmz");
        Files.copy(fixture("evil_path.kmz"), kmz);
        VectorLayer l = format.read(kmz, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(l.name()).isEqualTo("Madison MS sample");
        assertThat(l.get(0).value(0)).isEqualTo("CHARITY CHURCH");
        assertThat(format.layerNames(kmz)).doesNotContain("evil");
        try (var files = Files.walk(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("evil.kml"))).isEmpty();
        }
        assertThat(Files.exists(Path.of("evil.kml"))).isFalse();
    }

    @Test
    void kmzWithOnlyAnEscapingEntryIsRejected() {
        assertThatThrownBy(() -> read(fixture("evil_only.kmz")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(fixture("evil_only.kmz") + ": the KMZ archive contains no KML document (doc.kml); 1"
                        + " entries with unsafe paths (such as '../../evil.kml') were ignored");
    }

    @Test
    void placemarksOutsideLonLatRangeWarn() throws IOException {
        Path p = tmp.resolve("utm.kml");
        Files.writeString(p, "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><Point>"
                + "<coordinates>441001.98,4360517.89</coordinates></Point></Placemark></kml>");
        VectorLayer l = read(p);
        assertThat(l.name()).isEqualTo("utm");
        assertThat(l.size()).isEqualTo(1);
        assertThat(l.warnings()).singleElement().asString().contains("not valid longitude/latitude");
    }

    @Test
    void registryPicksKmlByExtensionAndContent() throws IOException {
        assertThat(FormatRegistry.standard().formatFor(fixture("mixed.kml")).id()).isEqualTo("kml");
        assertThat(FormatRegistry.standard().formatFor(fixture("counties_nm.kmz")).id()).isEqualTo("kml");
        Path xml = tmp.resolve("export.xml");
        Files.copy(fixture("mixed.kml"), xml);
        assertThat(FormatRegistry.standard().formatFor(xml).id()).isEqualTo("kml");
        Path junk = tmp.resolve("junk.kmz");
        Files.write(junk, "not a zip".getBytes(StandardCharsets.US_ASCII));
        assertThat(format.probe(junk)).isFalse();
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        StringBuilder sb = new StringBuilder("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("<Placemark><name>p").append(i).append("</name><Point><coordinates>-86.")
                    .append(i).append(",41.5</coordinates></Point></Placemark>\n");
        }
        sb.append("</Document></kml>\n");
        Path p = tmp.resolve("many.kml");
        Files.writeString(p, sb.toString());
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> format.read(p, ReadOptions.DEFAULT, cancelled))
                .isInstanceOf(io.siteplanner.model.CancelledException.class);
        assertThat(read(p).size()).isEqualTo(5000);
    }
}
