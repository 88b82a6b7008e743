package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** What the reader makes of each part of a shapefile. */
class ShapefileFormatTest {
    private final ShapefileFormat format = new ShapefileFormat();

    @Test
    void registryPicksShapefileByMagicBytes() throws Exception {
        assertThat(FormatRegistry.standard().formatFor(Fixtures.shp("counties_ms_4269")).id()).isEqualTo("shapefile");
        assertThat(format.probe(Fixtures.shp("counties_ms_4269"))).isTrue();
        assertThat(format.probe(Fixtures.dir().resolve("counties_ms_4269.dbf"))).isFalse();
        assertThat(format.probe(Fixtures.dir().resolve("expected.json"))).isFalse();
        assertThat(format.layerNames(Fixtures.shp("counties_ms_4269"))).containsExactly("counties_ms_4269");
    }

    @Test
    void readsMultipartCountiesAsMultiPolygons() throws Exception {
        VectorLayer l = Fixtures.read("counties_ms_4269");
        assertThat(l.geometryType()).isEqualTo(GeometryType.POLYGON);
        int name = l.schema().indexOf("NAME");
        Map<String, Geometry> byName = new HashMap<>();
        for (Feature f : l.features()) {
            byName.put((String) f.value(name), f.geometry());
        }
        // GDAL: Harrison and Jackson MS are the only multipart counties (3 parts each)
        assertThat(byName.get("Harrison")).isInstanceOf(MultiPolygon.class);
        assertThat(byName.get("Harrison").getNumGeometries()).isEqualTo(3);
        assertThat(byName.get("Jackson").getNumGeometries()).isEqualTo(3);
        assertThat(byName.get("Madison")).isInstanceOf(Polygon.class);
        long multi = l.features().stream().filter(f -> f.geometry() instanceof MultiPolygon).count();
        assertThat(multi).isEqualTo(2);
        assertThat(l.features().get(0).fid()).isEqualTo(1);
    }

    @Test
    void countyNamesMatchTheSourceGeoJson() throws Exception {
        JsonNode src = new ObjectMapper().readTree(SharedData.file("counties_ms_in_census2017_10m.geojson").toFile());
        Map<String, String> want = new HashMap<>();
        for (JsonNode f : src.get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("STATEFP").asText().equals("18")) {
                want.put(p.get("GEOID").asText(), p.get("NAME").asText());
            }
        }
        VectorLayer l = Fixtures.read("counties_in_2965");
        Map<String, String> got = new HashMap<>();
        for (Feature f : l.features()) {
            got.put((String) f.value(0), (String) f.value(1));
        }
        assertThat(got).isEqualTo(want).containsEntry("18141", "St. Joseph").containsEntry("18091", "LaPorte");
    }

    @Test
    void readsPointsLinesAndMultiPoints() throws Exception {
        VectorLayer s = Fixtures.read("substations_ms_3857");
        assertThat(s.geometryType()).isEqualTo(GeometryType.POINT);
        assertThat(s.features()).allMatch(f -> f.geometry() instanceof Point);
        assertThat(s.schema().field(s.schema().indexOf("MAX_VOLT")).type()).isEqualTo(FieldType.INTEGER);
        assertThat(s.features().stream().map(f -> f.value(s.schema().indexOf("MAX_VOLT"))).filter(v -> v != null))
                .allMatch(v -> v instanceof Long);

        VectorLayer t = Fixtures.read("transmission_in_26916");
        assertThat(t.geometryType()).isEqualTo(GeometryType.LINESTRING);
        assertThat(t.features()).allMatch(f -> f.geometry() instanceof LineString || f.geometry() instanceof MultiLineString);
        assertThat(t.schema().field(t.schema().indexOf("max_kv")).type()).isEqualTo(FieldType.REAL);

        VectorLayer m = Fixtures.read("multipoint");
        assertThat(m.geometryType()).isEqualTo(GeometryType.MULTIPOINT);
        assertThat(m.get(0).geometry().getNumGeometries()).isEqualTo(3);
        assertThat(m.get(1).geometry().getCoordinate()).isEqualTo(new Coordinate(-89.1, 33.1));
    }

    @Test
    void readsDbfFieldTypes() throws Exception {
        VectorLayer l = Fixtures.read("types");
        assertThat(l.schema().names()).containsExactly("id", "big", "wide", "ratio", "founded", "flag", "label");
        assertThat(l.schema().fields()).extracting(f -> f.type()).containsExactly(FieldType.INTEGER, FieldType.INTEGER,
                FieldType.REAL, FieldType.REAL, FieldType.DATE, FieldType.BOOLEAN, FieldType.STRING);
        // record 6 is deleted in the .dbf: skipped
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 2L, 3L, 4L, 5L);
        Feature f1 = l.get(0);
        assertThat(f1.value(1)).isEqualTo(9007199254740993L); // 2^53 + 1: parsed as a long, not via double
        assertThat(f1.value(2)).isEqualTo(12345678901234567890.0); // N(20,0): too wide for a long
        assertThat(f1.value(3)).isEqualTo(0.25);
        assertThat(f1.value(4)).isEqualTo(LocalDate.of(1852, 1, 9));
        assertThat(f1.value(5)).isEqualTo(true);
        assertThat(f1.value(6)).isEqualTo("first");
        Feature f2 = l.get(1);
        assertThat(f2.value(1)).isEqualTo(-42L);
        assertThat(f2.value(3)).isEqualTo(-1.5);
        assertThat(f2.value(4)).isNull();
        assertThat(f2.value(5)).isEqualTo(false);
        Feature f3 = l.get(2);
        assertThat(f3.value(1)).isNull(); // blank
        assertThat(f3.value(3)).isNull(); // '*' filled
        assertThat(f3.value(5)).isNull(); // '?'
        assertThat(f3.value(6)).isNull(); // blank text
        assertThat(f3.value(4)).isEqualTo(LocalDate.of(2001, 12, 31));
        assertThat(l.get(3).value(5)).isEqualTo(true); // 'y'
        assertThat(l.get(4).value(5)).isEqualTo(false); // 'n'
        assertThat(l.get(4).value(4)).isEqualTo(LocalDate.of(2020, 2, 29));
        // record 4 has a null shape: kept without geometry, and said so
        assertThat(l.get(3).geometry()).isNull();
        assertThat(l.warnings()).contains("1 record kept without geometry: null or empty shape (record 4)");
        assertThat(l.schema().field(2).width()).isEqualTo(20);
        assertThat(l.schema().field(3).precision()).isEqualTo(15);
    }

    @Test
    void keepsZAndDropsM() throws Exception {
        VectorLayer pz = Fixtures.read("pointz");
        assertThat(pz.hasZ()).isTrue();
        assertThat(pz.get(0).geometry().getCoordinate().getZ()).isEqualTo(85.25);
        assertThat(pz.get(1).geometry().getCoordinate().getZ()).isEqualTo(-3.5);
        assertThat(((Point) pz.get(0).geometry()).getCoordinateSequence().getDimension()).isEqualTo(3);

        VectorLayer poly = Fixtures.read("polygonz");
        assertThat(poly.hasZ()).isTrue();
        assertThat(poly.geometryType()).isEqualTo(GeometryType.POLYGON);
        assertThat(poly.get(0).geometry().getCoordinates()).extracting(Coordinate::getZ)
                .containsExactly(100.0, 103.0, 102.0, 101.5, 100.0);
        assertThat(poly.get(1).geometry()).isInstanceOf(MultiPolygon.class);

        VectorLayer m = Fixtures.read("linem");
        assertThat(m.hasZ()).isFalse();
        assertThat(m.geometryType()).isEqualTo(GeometryType.LINESTRING);
        assertThat(m.get(0).geometry().getCoordinates()).extracting(Coordinate::getZ).allMatch(z -> Double.isNaN(z));
        assertThat(((LineString) m.get(0).geometry()).getCoordinateSequence().getDimension()).isEqualTo(2);
        assertThat(m.get(1).geometry()).isInstanceOf(MultiLineString.class);

        VectorLayer zm = Fixtures.read("polygonzm");
        assertThat(zm.hasZ()).isTrue();
        assertThat(zm.get(0).geometry().getCoordinates()).extracting(Coordinate::getZ)
                .containsExactly(100.0, 102.0, 101.0, 100.0);
    }

    @Test
    void missingPrjMeansUnknownCrsUnlessOneIsGiven(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.delete(tmp.resolve("counties_ms_4269.prj"));
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.crs()).isNull();
        assertThat(l.warnings()).contains("no .prj: CRS unknown");
        assertThat(l.size()).isEqualTo(82);

        VectorLayer given = Fixtures.read(shp, ReadOptions.DEFAULT.withCrs("EPSG:4269"));
        assertThat(given.crs()).isNotNull();
        assertThat(given.epsg()).isEqualTo(4269);
        assertThat(given.warnings()).noneMatch(w -> w.contains(".prj"));
    }

    @Test
    void prjWinsOverTheCrsOption() throws Exception {
        VectorLayer l = Fixtures.read(Fixtures.shp("counties_in_5070"), ReadOptions.DEFAULT.withCrs("EPSG:4326"));
        assertThat(l.crs().getName().getCode()).isEqualTo("NAD_1983_Contiguous_USA_Albers");
    }

    @Test
    void findsCompanionsInAnyLetterCase(@TempDir Path tmp) throws Exception {
        Fixtures.copy("names_utf8", tmp, "NAMES");
        for (String ext : Fixtures.PARTS) {
            Files.move(tmp.resolve("NAMES." + ext), tmp.resolve("NAMES." + ext.toUpperCase()));
        }
        VectorLayer l = Fixtures.read(tmp.resolve("NAMES.SHP"));
        assertThat(l.get(0).value(1)).isEqualTo("Doña Ana");
        assertThat(l.crs()).isNotNull();
    }

    @Test
    void reportsProgressAndHonoursCancel() throws Exception {
        AtomicInteger updates = new AtomicInteger();
        Progress counting = new Progress() {
            @Override
            public void update(double fraction, String message) {
                assertThat(fraction).isBetween(0.0, 1.0);
                assertThat(message).isEqualTo("reading substations_ms_3857");
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        format.read(Fixtures.shp("substations_ms_3857"), ReadOptions.DEFAULT, counting);
        assertThat(updates.get()).isGreaterThanOrEqualTo(2);

        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> format.read(Fixtures.shp("substations_ms_3857"), ReadOptions.DEFAULT, cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void boundsAreTheFeaturesExtent() throws Exception {
        VectorLayer l = Fixtures.read("holes_5070");
        assertThat(l.bounds().getMinX()).isEqualTo(600000.0);
        assertThat(l.bounds().getMaxX()).isEqualTo(609500.0);
        assertThat(l.bounds().getMaxY()).isCloseTo(1101000.0, within(0.0));
        assertThat(List.of(l.warnings().toArray())).isEmpty();
    }
}
