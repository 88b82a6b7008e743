package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.VectorLayer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Every fixture against what GDAL 3.6 read from it ({@code expected.json}, written by make-fixtures.sh):
 * count, declared type, extent, lon/lat bounds, fields, totals of area/length/holes/points, and feature by
 * feature values and geometry summaries.
 */
class ShapefileGoldenTest {

    /** Where we deliberately differ from GDAL 3.6. */
    private static final Map<String, FieldType> TYPE_DIFFERENCES = Map.of(
            // GDAL 3.6 reads dBASE logical fields as 1-character strings; we read booleans
            "types.flag", FieldType.BOOLEAN);

    static Stream<String> fixtures() {
        // reversed_rings: GDAL keeps the wrong ring orientation (areas come out negative); see ShapefileRingsTest
        return Fixtures.names().stream().filter(n -> !n.equals("reversed_rings"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void matchesGdal(String name) throws Exception {
        JsonNode e = Fixtures.expected().get(name);
        VectorLayer l = Fixtures.read(name);

        assertThat(l.name()).isEqualTo(name);
        // GDAL's count and extent come from the headers and include deleted records: compare with what it iterated
        assertThat(l.size()).as("count").isEqualTo(e.get("readCount").asInt());
        assertThat(l.geometryType().label()).as("geometry type").isEqualTo(e.get("geometryType").asText());
        assertThat(l.hasZ()).as("hasZ").isEqualTo(e.get("hasZ").asBoolean());
        assertEnvelope(l.bounds(), e.get("readExtent"), 1e-7);

        List<String> fieldNames = new ArrayList<>();
        for (JsonNode f : e.get("fields")) {
            fieldNames.add(f.get("name").asText());
        }
        assertThat(l.schema().names()).isEqualTo(fieldNames);
        for (int i = 0; i < fieldNames.size(); i++) {
            JsonNode f = e.get("fields").get(i);
            Field ours = l.schema().field(i);
            FieldType want = TYPE_DIFFERENCES.getOrDefault(name + "." + ours.name(), gdalType(f.get("type").asText()));
            assertThat(ours.type()).as("type of %s", ours.name()).isEqualTo(want);
            if (want != FieldType.DATE) {
                assertThat(ours.width()).as("width of %s", ours.name()).isEqualTo(f.get("width").asInt());
                assertThat(ours.precision()).as("precision of %s", ours.name()).isEqualTo(f.get("precision").asInt());
            }
        }

        double area = 0;
        double length = 0;
        int holes = 0;
        int points = 0;
        int nulls = 0;
        for (Feature f : l.features()) {
            Geometry g = f.geometry();
            if (g == null) {
                nulls++;
                continue;
            }
            assertThat(g.isValid()).as("valid geometry, record %d", f.fid()).isTrue();
            area += g.getArea();
            length += g instanceof LineString || g.getGeometryType().equals("MultiLineString") ? g.getLength() : 0;
            holes += holes(g);
            points += g.getNumPoints();
        }
        assertThat(nulls).as("null geometries").isEqualTo(e.get("nullGeometries").asInt());
        assertThat(area).as("total area").isCloseTo(e.get("totalArea").asDouble(), within(1e-6 * Math.max(1, area)));
        assertThat(length).as("total length").isCloseTo(e.get("totalLength").asDouble(), within(1e-6 * Math.max(1, length)));
        assertThat(holes).as("total holes").isEqualTo(e.get("totalHoles").asInt());
        assertThat(points).as("total points").isEqualTo(e.get("totalPoints").asInt());

        for (JsonNode ef : e.get("features")) {
            int index = ef.get("fid").asInt(); // GDAL: 0-based; ours: 1-based record number
            Feature f = l.get(index);
            assertThat(f.fid()).isEqualTo(index + 1L);
            for (int i = 0; i < fieldNames.size(); i++) {
                assertValue(name, l.schema().field(i), f.value(i), ef.get("values").get(i));
            }
            assertGeometry(f, ef.get("geometry"));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void lonLatBoundsMatchGdal(String name) throws Exception {
        JsonNode e = Fixtures.expected().get(name);
        VectorLayer l = Fixtures.read(name);
        if (!e.has("bbox4326")) {
            assertThat(l.crs()).isNull();
            return;
        }
        assertThat(l.crs()).isNotNull();
        Envelope ll = Crs.toWgs84(l.bounds(), l.crs());
        // GDAL densifies the bbox outline with 21 points per edge, GeoTools with 10: 1e-4 degrees
        assertEnvelope(ll, e.get("bbox4326"), 1e-4);
    }

    @Test
    void epsgCodesAreFoundForCommonPrj() throws Exception {
        for (String name : new String[] {"counties_ms_4269", "counties_in_5070", "counties_in_26916", "names_utf8"}) {
            VectorLayer l = Fixtures.read(name);
            assertThat(l.epsg()).as("no EPSG code is claimed by the reader").isNull();
            assertThat(Crs.label(l.crs(), l.epsg())).as(name)
                    .isEqualTo("EPSG:" + Fixtures.expected().get(name).get("epsg").asInt());
        }
    }

    private static FieldType gdalType(String t) {
        switch (t) {
            case "Integer":
            case "Integer64":
                return FieldType.INTEGER;
            case "Real":
                return FieldType.REAL;
            case "Date":
                return FieldType.DATE;
            default:
                return FieldType.STRING;
        }
    }

    private static void assertValue(String layer, Field field, Object ours, JsonNode gdal) {
        String what = layer + "." + field.name();
        if (gdal.isNull()) {
            assertThat(ours).as(what).isNull();
            return;
        }
        switch (field.type()) {
            case INTEGER:
                assertThat(ours).as(what).isEqualTo(gdal.asLong());
                break;
            case REAL:
                assertThat((Double) ours).as(what).isCloseTo(gdal.asDouble(), within(Math.abs(gdal.asDouble()) * 1e-15));
                break;
            case DATE:
                assertThat(ours).as(what).isEqualTo(LocalDate.parse(gdal.asText()));
                break;
            case BOOLEAN:
                // GDAL gives the raw letter
                String c = gdal.asText();
                assertThat(ours).as(what).isEqualTo("TtYy".contains(c) ? Boolean.TRUE : "FfNn".contains(c) ? Boolean.FALSE : null);
                break;
            default:
                assertThat(ours).as(what).isEqualTo(gdal.asText());
        }
    }

    private static void assertGeometry(Feature f, JsonNode s) {
        Geometry g = f.geometry();
        if (s.isNull()) {
            assertThat(g).as("geometry of record %d", f.fid()).isNull();
            return;
        }
        assertThat(GeometryType.of(g).label()).as("type of record %d", f.fid()).isEqualTo(s.get("type").asText());
        assertThat(g.getNumGeometries()).as("parts of record %d", f.fid()).isEqualTo(s.get("parts").asInt());
        assertThat(g.getNumPoints()).as("points of record %d", f.fid()).isEqualTo(s.get("points").asInt());
        if (s.has("area")) {
            assertThat(g.getArea()).isCloseTo(s.get("area").asDouble(), within(1e-9 * Math.max(1, g.getArea())));
            assertThat(holes(g)).as("holes of record %d", f.fid()).isEqualTo(s.get("holes").asInt());
        }
        if (s.has("length")) {
            assertThat(g.getLength()).isCloseTo(s.get("length").asDouble(), within(1e-9 * Math.max(1, g.getLength())));
        }
        if (s.has("z")) {
            List<Double> zs = new ArrayList<>();
            for (Coordinate c : g.getCoordinates()) { // file order, as GDAL returns them
                zs.add(c.getZ());
            }
            List<Double> want = new ArrayList<>();
            s.get("z").forEach(z -> want.add(z.asDouble()));
            assertThat(zs).as("z of record %d", f.fid()).isEqualTo(want);
        }
        assertEnvelope(g.getEnvelopeInternal(), s.get("envelope"), 1e-9);
    }

    static int holes(Geometry g) {
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon) {
                n += ((Polygon) p).getNumInteriorRing();
            }
        }
        return n;
    }

    private static void assertEnvelope(Envelope env, JsonNode e, double tol) {
        double scale = Math.max(1, Math.max(Math.abs(env.getMaxX()), Math.abs(env.getMaxY())));
        double t = tol < 1e-6 ? tol * scale : tol;
        assertThat(env.getMinX()).as("minX").isCloseTo(e.get(0).asDouble(), within(t));
        assertThat(env.getMinY()).as("minY").isCloseTo(e.get(1).asDouble(), within(t));
        assertThat(env.getMaxX()).as("maxX").isCloseTo(e.get(2).asDouble(), within(t));
        assertThat(env.getMaxY()).as("maxY").isCloseTo(e.get(3).asDouble(), within(t));
    }
}
