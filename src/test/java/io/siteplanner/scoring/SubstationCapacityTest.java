package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Substation capacity estimates (reV: half the sum of the capacities of the lines ending at a substation;
 * line capacity by voltage 69 kV 102, 138 kV 205, 230 kV 400, 345 kV 750, 500 kV and above 1,500 MW).
 * Hand-made fixtures with hand-worked figures for each way of matching lines to substations, then the real
 * Indiana data with figures from GDAL listings.
 */
class SubstationCapacityTest {
    static Geometry pt(double x, double y) {
        return Geometries.FACTORY.createPoint(new Coordinate(x, y));
    }

    static Geometry line(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return Geometries.FACTORY.createLineString(c);
    }

    static VectorLayer layer(String name, List<Field> fields, Object[][] rows) {
        VectorLayer.Builder b = VectorLayer.builder(name).crs(Crs.decode("EPSG:5070"), 5070).schema(new Schema(fields));
        long fid = 1;
        for (Object[] r : rows) {
            Object[] v = new Object[r.length - 1];
            System.arraycopy(r, 1, v, 0, v.length);
            b.add(new Feature(fid++, (Geometry) r[0], v));
        }
        return b.build();
    }

    static List<Object> column(VectorLayer l, String field) {
        int i = l.schema().indexOf(field);
        List<Object> out = new ArrayList<>();
        for (Feature f : l.features()) {
            out.add(f.value(i));
        }
        return out;
    }

    @Test
    void lineEndsSnapToTheNearestSubstationWithinTheTolerance() {
        VectorLayer subs = layer("subs", List.of(new Field("name", FieldType.STRING)), new Object[][] {
            {pt(0, 0), "A"}, {pt(10000, 0), "B"}, {pt(0, 10000), "C"}, {pt(50000, 50000), "D"}, {pt(20000, 0), "E"}});
        VectorLayer lines = layer("lines", List.of(new Field("kv", FieldType.REAL)), new Object[][] {
            {line(0, 0, 5000, 100, 10000, 0), 345.0},       // L1 A-B          750
            {line(0, 0, 0, 10000), 138.0},                  // L2 A-C          205
            {line(10000, 0, 20000, 0), 230.0},              // L3 B-E          400
            {line(10000, 0, 5000, -100, 0, 0), 345.0},      // L4 B-A          750 (second circuit)
            {line(0, 10000, 20000, 0), null},               // L5 C-E unknown voltage: skipped
            {line(10000, 300, 30000, 30000), 69.0},         // L6 ends 300 m from B, other end nowhere: 102
            {line(0, 0, 2000, 2000, 0, 0), 138.0},          // L7 loop A-A: counts once, 205
            {line(0, -600, -5000, -5000), 500.0}});         // L8 600 m from A: no substation
        SubstationCapacity.Result r = SubstationCapacity.estimate(subs, lines, 500);
        assertThat(r.method()).isEqualTo(SubstationCapacity.Method.SNAP);
        // A: (750 + 205 + 750 + 205) / 2; B: (750 + 400 + 750 + 102) / 2; C: 205 / 2; D: none; E: 400 / 2
        assertThat(column(r.layer(), "cap_mw_est")).containsExactly(955.0, 1001.0, 102.5, null, 200.0);
        assertThat(column(r.layer(), "cap_lines")).containsExactly(4L, 4L, 1L, 0L, 1L);
        assertThat(r.estimated()).isEqualTo(4);
        assertThat(r.linesUsed()).isEqualTo(6);
        assertThat(r.linesUnknownVoltage()).isEqualTo(1);
        assertThat(r.totalMw()).isEqualTo(955 + 1001 + 102.5 + 200);
        // the estimate says what it is wherever the layer's warnings are shown
        assertThat(r.layer().warnings()).singleElement().asString().startsWith("cap_mw_est estimated for 4 of 5"
                + " substations from 6 lines (line ends within the snap tolerance), 1 lines of unknown voltage skipped;"
                + " estimate, not utility data");
        // a wider tolerance reaches L8's end 600 m from A: + 1,500 / 2
        assertThat(column(SubstationCapacity.estimate(subs, lines, 700).layer(), "cap_mw_est").get(0)).isEqualTo(1705.0);
    }

    @Test
    void osmLinesFindTheirEndNodesByIdWithinTheirRegion() {
        List<Field> nf = List.of(new Field("osm_grid_id", FieldType.STRING), new Field("region_file", FieldType.STRING),
                new Field("typ", FieldType.STRING), new Field("voltage_raw", FieldType.STRING));
        VectorLayer nodes = layer("nodes", nf, new Object[][] {
            {pt(0, 0), "1", "Midwest", "substation", "345000"},
            {pt(1000, 0), "2", "Midwest", "substation", null},
            {pt(0, 1000), "1", "South", "substation", "500000"},    // same id, other region
            {pt(2000, 0), "3", "Midwest", "joint", null}});
        List<Field> lf = List.of(new Field("osm_grid_line_id", FieldType.STRING), new Field("region_file", FieldType.STRING),
                new Field("v_id_1", FieldType.STRING), new Field("v_id_2", FieldType.STRING),
                new Field("voltage_raw", FieldType.STRING));
        // geometries far from every node: only the ids can tie them
        VectorLayer lines = layer("lines", lf, new Object[][] {
            {line(9e5, 9e5, 9e5, 9.1e5), "10", "Midwest", "1", "2", "345000;138000"},  // 345 kV: 750
            {line(9e5, 9e5, 9e5, 9.1e5), "11", "Midwest", "2", "3", "138000"},         // 205
            {line(9e5, 9e5, 9e5, 9.1e5), "12", "South", "1", "99", "500000"},          // 1,500; node 99 absent
            {line(9e5, 9e5, 9e5, 9.1e5), "13", "Midwest", "1", "2", null}});           // unknown voltage
        SubstationCapacity.Result r = SubstationCapacity.estimate(nodes, lines);
        assertThat(r.method()).isEqualTo(SubstationCapacity.Method.NODE_IDS);
        assertThat(column(r.layer(), "cap_mw_est")).containsExactly(750 / 2.0, (750 + 205) / 2.0, 1500 / 2.0, 205 / 2.0);
        assertThat(r.linesUnknownVoltage()).isEqualTo(1);
    }

    @Test
    void hifldLinesNameTheirEndSubstations() {
        List<Field> sf = List.of(new Field("NAME", FieldType.STRING), new Field("STATE", FieldType.STRING),
                new Field("MAX_VOLT", FieldType.INTEGER));
        VectorLayer subs = layer("subs", sf, new Object[][] {
            {pt(0, 0), "ALPHA", "MS", 230L}, {pt(10000, 0), "BETA", "MS", 230L},
            {pt(100000, 0), "ALPHA", "AL", 500L}, {pt(5000, 5000), "GAMMA", "MS", -999999L}});
        List<Field> lf = List.of(new Field("VOLTAGE", FieldType.INTEGER), new Field("VOLT_CLASS", FieldType.STRING),
                new Field("SUB_1", FieldType.STRING), new Field("SUB_2", FieldType.STRING));
        VectorLayer lines = layer("lines", lf, new Object[][] {
            {line(0, 0, 10000, 0), 230L, "220-287", "ALPHA", "BETA"},                    // 400
            {line(10100, 0, 5000, 5000), 138L, "100-161", "TAP123", "GAMMA"},            // 205: GAMMA by name, BETA snapped
            {line(0, 0, 10000, 0), -999999L, "NOT AVAILABLE", "ALPHA", "BETA"},          // no-data voltage: skipped
            {line(100000, 1500, 120000, 0), 500L, "500", "ALPHA", "NOT AVAILABLE"}});    // the AL ALPHA, 1.5 km away
        SubstationCapacity.Result r = SubstationCapacity.estimate(subs, lines, 500);
        assertThat(r.method()).isEqualTo(SubstationCapacity.Method.NAMES);
        assertThat(column(r.layer(), "cap_mw_est")).containsExactly(400 / 2.0, (400 + 205) / 2.0, 1500 / 2.0, 205 / 2.0);
        assertThat(r.linesUnknownVoltage()).isEqualTo(1);
        // the source values are untouched: the estimate adds fields, it does not blank MAX_VOLT
        assertThat(column(r.layer(), "MAX_VOLT").get(3)).isEqualTo(-999999L);
    }

    @Test
    void aLineLayerWithoutVoltageIsRefused() {
        VectorLayer subs = layer("subs", List.of(new Field("name", FieldType.STRING)), new Object[][] {{pt(0, 0), "A"}});
        VectorLayer lines = layer("lines", List.of(new Field("owner", FieldType.STRING)),
                new Object[][] {{line(0, 0, 1, 1), "X"}});
        assertThatThrownBy(() -> SubstationCapacity.estimate(subs, lines)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no voltage field");
        assertThatThrownBy(() -> SubstationCapacity.estimate(subs, subs, 0)).hasMessageContaining("snap tolerance");
    }

    static VectorLayer real(String name) throws Exception {
        return FormatRegistry.standard().readVector(io.siteplanner.TestData.shared(name), ReadOptions.DEFAULT,
                Progress.NONE);
    }

    static double capOf(VectorLayer l, String osmId) {
        int id = l.schema().indexOf("osm_grid_id");
        int cap = l.schema().indexOf(Preset.CAPACITY_ESTIMATE);
        for (Feature f : l.features()) {
            if (osmId.equals(f.value(id))) {
                return f.number(cap);
            }
        }
        throw new AssertionError("no node " + osmId);
    }

    /**
     * OSM Indiana lines to OSM Indiana nodes by id. Dumont (osm_grid_id 1079, 765 kV, near New Carlisle) and
     * Olive (1073): the lines that name them, from
     * {@code ogrinfo -ro -q transmission_osm2017_in.geojson -sql "SELECT ... WHERE region_file='Midwest' AND
     * (v_id_1 IN ('1079','1073') OR v_id_2 IN ('1079','1073'))"}: Dumont 4 x 765 kV + 3 x 345 kV, Olive
     * 5 x 345 kV + 2 x 138 kV (line 2098 joins both).
     */
    @Test
    void realOsmIndianaByNodeIds() throws Exception {
        SubstationCapacity.Result r = SubstationCapacity.estimate(real("grid_nodes_osm2017_in.geojson"),
                real("transmission_osm2017_in.geojson"));
        assertThat(r.method()).isEqualTo(SubstationCapacity.Method.NODE_IDS);
        assertThat(capOf(r.layer(), "1079")).isEqualTo((4 * 1500 + 3 * 750) / 2.0);
        assertThat(capOf(r.layer(), "1073")).isEqualTo((5 * 750 + 2 * 205) / 2.0);
        // PROVENANCE: 10 of the 433 lines have no voltage
        assertThat(r.linesUnknownVoltage()).isEqualTo(10);
        sane(r, 300);
    }

    /**
     * HIFLD Indiana lines (>= 138 kV; the copy has no SUB_1/SUB_2) snapped to OSM Indiana nodes within 500 m.
     * Lines with an end within 500 m of Dumont/Olive, from SpatiaLite in GDAL 3.6 on one database of both
     * files: {@code SELECT n.osm_grid_id, l.voltage_kv, ST_Distance(ST_StartPoint(l.GEOMETRY), n.GEOMETRY, 1),
     * ST_Distance(ST_EndPoint(l.GEOMETRY), n.GEOMETRY, 1) FROM lines l, nodes n WHERE ... <= 500}: Dumont
     * 4 x 765 + 5 x 345 kV (ends 55 m away), Olive 8 x 345 + 6 x 138 kV (ends 16 m away).
     */
    @Test
    void realHifldIndianaLinesSnappedToOsmNodes() throws Exception {
        SubstationCapacity.Result r = SubstationCapacity.estimate(real("grid_nodes_osm2017_in.geojson"),
                real("transmission_hifld_in_ge138kv.geojson"));
        assertThat(r.method()).isEqualTo(SubstationCapacity.Method.SNAP);
        assertThat(capOf(r.layer(), "1079")).isEqualTo((4 * 1500 + 5 * 750) / 2.0);
        assertThat(capOf(r.layer(), "1073")).isEqualTo((8 * 750 + 6 * 205) / 2.0);
        assertThat(r.linesUnknownVoltage()).isZero();
        sane(r, 150);
        // most real substations (not topology joints) are reached by some HIFLD line
        int typ = r.layer().schema().indexOf("typ");
        int cap = r.layer().schema().indexOf(Preset.CAPACITY_ESTIMATE);
        int stations = 0;
        int reached = 0;
        for (Feature f : r.layer().features()) {
            if (f.value(typ).toString().contains("station")) {
                stations++;
                reached += Double.isNaN(f.number(cap)) ? 0 : 1;
            }
        }
        assertThat(reached).isGreaterThan(stations * 3 / 4);
    }

    /** Ranges any estimate from >= 138 kV lines must be in: half of one 138 kV line at least, and no more than reV allows. */
    static void sane(SubstationCapacity.Result r, int minEstimated) {
        int cap = r.layer().schema().indexOf(Preset.CAPACITY_ESTIMATE);
        int n = r.layer().schema().indexOf(SubstationCapacity.LINES_FIELD);
        List<Double> v = new ArrayList<>();
        for (Feature f : r.layer().features()) {
            double c = f.number(cap);
            if (!Double.isNaN(c)) {
                v.add(c);
                assertThat(c).isBetween(205 / 2.0, f.number(n) * 1500 / 2.0);
            }
        }
        assertThat(v.size()).isEqualTo(r.estimated()).isGreaterThanOrEqualTo(minEstimated);
        v.sort(null);
        // typical: a node on two 345 kV lines is 750 MW; medians far off would mean mismatched ends
        assertThat(v.get(v.size() / 2)).isBetween(400.0, 1500.0);
    }
}
