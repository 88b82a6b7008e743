package io.siteplanner.gis.topojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The real us-atlas 3.0.1 counties-10m topology (Census 2017, 1:10m; see shared/data/real/PROVENANCE.md),
 * against what GDAL 3.6 reads from it. Every expected figure comes from GDAL, with the command that printed
 * it; FILE is ../shared/data/real/us_counties_states_census2017_10m.topojson.
 */
class TopoJsonUsAtlasTest {
    private static final Path FILE = TestData.shared("us_counties_states_census2017_10m.topojson");
    private static final Map<String, VectorLayer> LAYERS = new HashMap<>();

    @BeforeAll
    static void readAllLayers() throws Exception {
        for (String name : List.of("counties", "states", "nation")) {
            LAYERS.put(name, FormatRegistry.standard().readVector(FILE, ReadOptions.DEFAULT.withLayer(name), Progress.NONE));
        }
    }

    private static Feature byId(String layer, String id) {
        for (Feature f : LAYERS.get(layer).features()) {
            if (id.equals(f.value(0))) {
                return f;
            }
        }
        throw new AssertionError("no " + layer + " feature with id " + id);
    }

    /** Number of positions of each ring, shell first, polygon after polygon. */
    private static int[] ringSizes(Geometry g) {
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            sizes.add(p.getExteriorRing().getNumPoints());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                sizes.add(p.getInteriorRingN(h).getNumPoints());
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---------------------------------------------------------------------------------------------------
    // ogrinfo -ro -so -al FILE

    @Test
    void layersAreCountiesStatesNation() throws Exception {
        // ogrinfo -ro -so -al FILE: Layer name: counties / states / nation, in this order
        assertThat(FormatRegistry.standard().layerNames(FILE)).containsExactly("counties", "states", "nation");
        assertThat(FormatRegistry.standard().formatFor(FILE).id()).isEqualTo("topojson");
    }

    @Test
    void featureCountsAreGdals() {
        // ogrinfo -ro -so -al FILE: Feature Count: 3231 / 56 / 1
        assertThat(LAYERS.get("counties").size()).isEqualTo(3231);
        assertThat(LAYERS.get("states").size()).isEqualTo(56);
        assertThat(LAYERS.get("nation").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"counties", "states", "nation"})
    void extentIsGdals(String layer) {
        // ogrinfo -ro -so -al FILE: Extent: (-179.136572, -14.373865) - (179.774881, 71.352561) for all three
        // (printed to 6 decimals)
        var b = LAYERS.get(layer).bounds();
        assertThat(b.getMinX()).isCloseTo(-179.136572, within(1e-6));
        assertThat(b.getMinY()).isCloseTo(-14.373865, within(1e-6));
        assertThat(b.getMaxX()).isCloseTo(179.774881, within(1e-6));
        assertThat(b.getMaxY()).isCloseTo(71.352561, within(1e-6));
        assertThat(LAYERS.get(layer).epsg()).isEqualTo(4326);
    }

    @Test
    void fieldsAreGdals() {
        // ogrinfo -ro -so -al FILE: counties and states "id: String (0.0)", "name: String (0.0)";
        // nation only "id: String (0.0)"
        for (String layer : List.of("counties", "states")) {
            assertThat(LAYERS.get(layer).schema().names()).containsExactly("id", "name");
            assertThat(LAYERS.get(layer).schema().field(0).type()).isEqualTo(FieldType.STRING);
            assertThat(LAYERS.get(layer).schema().field(1).type()).isEqualTo(FieldType.STRING);
        }
        assertThat(LAYERS.get("nation").schema().names()).containsExactly("id");
        assertThat(LAYERS.get("nation").get(0).value(0)).isNull();
    }

    @Test
    void geometryTypes() {
        // ogrinfo -ro -so -al FILE: states and nation "Geometry: Multi Polygon"; counties "Unknown (any)"
        // because it mixes Polygon and MultiPolygon, which this project's layers call Multi Polygon
        assertThat(LAYERS.get("states").geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(LAYERS.get("nation").geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
        assertThat(LAYERS.get("counties").geometryType()).isEqualTo(GeometryType.MULTIPOLYGON);
    }

    // ---------------------------------------------------------------------------------------------------
    // ogrinfo -ro -al -q FILE counties -where "id='...'"

    @Test
    void madisonCountyMississippi() {
        // ogrinfo -ro -al -q FILE counties -where "id='28089'": OGRFeature(counties):1793 (GDAL counts from 0),
        // name (String) = Madison, POLYGON of 21 positions starting
        // -90.4487068464685 32.5737475067651, -90.4056353185532 32.5746065664557
        Feature f = byId("counties", "28089");
        assertThat(f.fid()).isEqualTo(1793 + 1);
        assertThat(f.value(1)).isEqualTo("Madison");
        assertThat(f.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(ringSizes(f.geometry())).containsExactly(21);
        Coordinate[] c = f.geometry().getCoordinates();
        assertThat(c[0].x).isCloseTo(-90.4487068464685, within(1e-12));
        assertThat(c[0].y).isCloseTo(32.5737475067651, within(1e-12));
        assertThat(c[1].x).isCloseTo(-90.4056353185532, within(1e-12));
        assertThat(c[1].y).isCloseTo(32.5746065664557, within(1e-12));
    }

    @Test
    void stJosephAndLaPorteIndiana() {
        // ogrinfo -ro -al -q FILE counties -where "id='18141'": name St. Joseph, POLYGON of 13 positions from
        // -86.5256085121851 41.7596727783178; id='18091': LaPorte, 16 positions from -86.9311987333873 41.7107063759538
        Feature stJoseph = byId("counties", "18141");
        assertThat(stJoseph.value(1)).isEqualTo("St. Joseph");
        assertThat(ringSizes(stJoseph.geometry())).containsExactly(13);
        assertThat(stJoseph.geometry().getCoordinates()[0].x).isCloseTo(-86.5256085121851, within(1e-12));
        assertThat(stJoseph.geometry().getCoordinates()[0].y).isCloseTo(41.7596727783178, within(1e-12));
        Feature laPorte = byId("counties", "18091");
        assertThat(laPorte.value(1)).isEqualTo("LaPorte");
        assertThat(ringSizes(laPorte.geometry())).containsExactly(16);
        assertThat(laPorte.geometry().getCoordinates()[0].x).isCloseTo(-86.9311987333873, within(1e-12));
        assertThat(laPorte.geometry().getCoordinates()[0].y).isCloseTo(41.7107063759538, within(1e-12));
    }

    @Test
    void rockbridgeVirginiaHasTwoHolesAndWrangellAlaskaSixParts() {
        // ogrinfo -ro -al -q FILE counties -where "id='51163'": Rockbridge, POLYGON with rings of 24, 4 and 5
        // positions; id='02275': Wrangell, MULTIPOLYGON of 6 one-ring polygons of 4, 7, 6, 95, 9, 14 positions
        Feature rockbridge = byId("counties", "51163");
        assertThat(rockbridge.value(1)).isEqualTo("Rockbridge");
        assertThat(rockbridge.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(ringSizes(rockbridge.geometry())).containsExactly(24, 4, 5);
        Feature wrangell = byId("counties", "02275");
        assertThat(wrangell.geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(ringSizes(wrangell.geometry())).containsExactly(4, 7, 6, 95, 9, 14);
    }

    @Test
    void statesSampled() {
        // ogrinfo -ro -al -q FILE states -where "id='02'" (and '17', '28'): Alaska 137 polygons, 4148 positions;
        // Illinois 1 polygon, 263 positions; Mississippi 5 polygons, 320 positions
        assertThat(byId("states", "02").geometry().getNumGeometries()).isEqualTo(137);
        assertThat(byId("states", "02").geometry().getNumPoints()).isEqualTo(4148);
        assertThat(byId("states", "28").value(1)).isEqualTo("Mississippi");
        assertThat(byId("states", "28").geometry().getNumGeometries()).isEqualTo(5);
        assertThat(byId("states", "28").geometry().getNumPoints()).isEqualTo(320);
        // Illinois's ring does not end where it starts in the topology (the last arc ends 1 quantum short);
        // GDAL closes it: 262 decoded positions + 1, first -88.4135771524715 37.4239985198752 repeated
        Geometry illinois = byId("states", "17").geometry();
        assertThat(illinois.getNumPoints()).isEqualTo(263);
        LineString ring = ((Polygon) illinois.getGeometryN(0)).getExteriorRing();
        assertThat(ring.getCoordinateN(0).x).isCloseTo(-88.4135771524715, within(1e-12));
        assertThat(ring.getCoordinateN(0).y).isCloseTo(37.4239985198752, within(1e-12));
        assertThat(ring.isClosed()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------
    // ogr2ogr -f GeoJSON -lco COORDINATE_PRECISION=15 counties.geojson FILE counties (and states, nation), then
    // counted and summed with the shoelace formula in python over every ring of every feature

    @Test
    void ringAreasOfSampledCountiesMatchOgr2ogr() {
        // signed shoelace areas (positive = counter-clockwise) from the ogr2ogr GeoJSON, in square degrees:
        // us-atlas shells are clockwise, holes counter-clockwise
        assertRings("28089", -0.18399062277035227);
        assertRings("18141", -0.12908574394487005);
        assertRings("18091", -0.1687616223207442);
        assertRings("51163", -0.16156955033216036, 0.0005072222256785608, 0.0018161330765451567);
        assertRings("51089", -0.10311565763390718, 0.003024832849177983);
    }

    private static void assertRings(String id, double... signedAreas) {
        Geometry g = byId("counties", id).geometry();
        List<LineString> rings = new java.util.ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            rings.add(p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(p.getInteriorRingN(h));
            }
        }
        assertThat(rings).as(id).hasSize(signedAreas.length);
        for (int i = 0; i < rings.size(); i++) {
            Coordinate[] c = rings.get(i).getCoordinates();
            assertThat(Area.ofRing(c)).as("%s ring %d", id, i).isCloseTo(Math.abs(signedAreas[i]), within(1e-12));
            assertThat(Orientation.isCCW(c)).as("%s ring %d counter-clockwise", id, i).isEqualTo(signedAreas[i] > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"counties,68225,3509,1105.6016841986977", "states,15586,304,1105.507476535053",
            "nation,8936,250,1105.5074765350532"})
    void totalPositionsRingsAndAreaMatchOgr2ogr(String expected) {
        // per layer: positions, rings and the sum of |ring area| over the ogr2ogr GeoJSON; GDAL drops the
        // rings that quantization collapsed to fewer than 4 positions (22 in counties, 1 in states and nation)
        String[] e = expected.split(",");
        VectorLayer l = LAYERS.get(e[0]);
        long positions = 0;
        int rings = 0;
        double area = 0;
        for (Feature f : l.features()) {
            Geometry g = f.geometry();
            positions += g.getNumPoints();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                if (p.isEmpty()) {
                    continue;
                }
                rings += 1 + p.getNumInteriorRing();
                area += Area.ofRing(p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    area += Area.ofRing(p.getInteriorRingN(h).getCoordinates());
                }
            }
        }
        assertThat(positions).isEqualTo(Long.parseLong(e[1]));
        assertThat(rings).isEqualTo(Integer.parseInt(e[2]));
        assertThat(area).isCloseTo(Double.parseDouble(e[3]), within(1e-9));
    }

    @Test
    void fallsChurchCollapsesToAnEmptyPolygon() {
        // ogrinfo -ro -al -q FILE counties -where "id='51610'": OGRFeature(counties):629, name Falls Church,
        // POLYGON EMPTY (its only ring has fewer than 4 positions at this quantization)
        Feature f = byId("counties", "51610");
        assertThat(f.fid()).isEqualTo(629 + 1);
        assertThat(f.value(1)).isEqualTo("Falls Church");
        assertThat(f.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(f.geometry().isEmpty()).isTrue();
    }

    @Test
    void collapsedAndOpenRingsAreReported() {
        assertThat(LAYERS.get("counties").warnings()).containsExactly("22 polygon ring(s) with fewer than 4 positions"
                + " dropped (collapsed by quantization; GDAL drops them too)");
        assertThat(LAYERS.get("states").warnings()).containsExactly(
                "1 polygon ring(s) with fewer than 4 positions dropped (collapsed by quantization; GDAL drops them too)",
                "1 polygon ring(s) were not closed; closed them by repeating the first position");
    }
}
