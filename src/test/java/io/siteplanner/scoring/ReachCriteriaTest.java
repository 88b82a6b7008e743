package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * withinRadius, gravity and nearest-with-known-value against plain loops over every feature with JTS
 * DistanceOp (no index) on 600 generated parcels, 150 substations, 300 polylines and 25 zone polygons.
 */
class ReachCriteriaTest {
    static TestData data;
    static ScoringSession session;

    static String scenario(String criteria, String layerExtras) {
        return "{\"schema\": \"siteplanner/scenario/v1\", \"campus\": {\"itLoadMw\": 250},"
                + " \"analysisCrs\": \"EPSG:5070\", \"layers\": {\"parcels\": \"parcels.gpkg\","
                + " \"substations\": {\"path\": \"substations.gpkg\"" + layerExtras + "}, \"lines\": \"lines.gpkg\","
                + " \"zones\": \"zones.gpkg\"}, \"candidates\": \"parcels\", \"idField\": \"parcel_id\","
                + " \"criteria\": [" + criteria + "]}";
    }

    static final String CRITERIA = String.join(",",
            "{\"id\": \"n345\", \"kind\": \"withinRadius\", \"layer\": \"lines\", \"filter\": \"kv >= 345\","
                    + " \"radiusM\": 1500, \"aggregate\": \"count\", \"weight\": 1}",
            "{\"id\": \"mw15\", \"kind\": \"withinRadius\", \"layer\": \"substations\", \"radiusM\": 15000,"
                    + " \"aggregate\": \"sum\", \"attribute\": \"avail_mw\"}",
            "{\"id\": \"mean15\", \"kind\": \"withinRadius\", \"layer\": \"substations\", \"radiusM\": 15000,"
                    + " \"aggregate\": \"mean\", \"attribute\": \"avail_mw\"}",
            "{\"id\": \"max5\", \"kind\": \"withinRadius\", \"layer\": \"substations\", \"radiusM\": 5000,"
                    + " \"aggregate\": \"max\", \"attribute\": \"kv\"}",
            "{\"id\": \"min5\", \"kind\": \"withinRadius\", \"layer\": \"substations\", \"radiusM\": 5000,"
                    + " \"aggregate\": \"min\", \"attribute\": \"kv\"}",
            "{\"id\": \"zones3\", \"kind\": \"withinRadius\", \"layer\": \"zones\", \"radiusM\": 3000}",
            "{\"id\": \"gexp\", \"kind\": \"gravity\", \"layer\": \"substations\", \"attribute\": \"avail_mw\","
                    + " \"decay\": \"exponential\", \"scaleM\": 8000, \"radiusM\": 25000}",
            "{\"id\": \"gexpAll\", \"kind\": \"gravity\", \"layer\": \"substations\", \"attribute\": \"avail_mw\","
                    + " \"decay\": \"exponential\", \"scaleM\": 4000}",
            "{\"id\": \"gpow\", \"kind\": \"gravity\", \"layer\": \"lines\", \"filter\": \"kv >= 230\", \"attribute\": \"kv\","
                    + " \"decay\": \"power\", \"exponent\": 1.5, \"minM\": 500, \"radiusM\": 20000}",
            "{\"id\": \"gzones\", \"kind\": \"gravity\", \"layer\": \"zones\", \"attribute\": \"price_usd_mwh\","
                    + " \"decay\": \"exponential\", \"scaleM\": 5000, \"radiusM\": 10000}",
            "{\"id\": \"kvNear\", \"kind\": \"nearestAttribute\", \"layer\": \"substations\", \"attribute\": \"kv\"}",
            "{\"id\": \"ic\", \"kind\": \"interconnectionCost\", \"layer\": \"substations\"}");

    @BeforeAll
    static void evaluate() {
        data = TestData.generate(600, 77L);
        // kv 115 is declared no-data: nearestAttribute and interconnectionCost must skip those substations
        Scenario s = ScenarioReader.parse(scenario(CRITERIA, ", \"nodata\": {\"kv\": [115]}"));
        session = ScenarioEvaluator.evaluate(s, data.source(), Progress.NONE);
    }

    static double[][] distances(VectorLayer layer, String filterField, double min) {
        int f = filterField == null ? -1 : layer.schema().indexOf(filterField);
        double[][] d = new double[data.parcels.size()][layer.size()];
        for (int i = 0; i < d.length; i++) {
            Geometry p = data.parcels.get(i).geometry();
            for (int j = 0; j < layer.size(); j++) {
                Feature x = layer.get(j);
                d[i][j] = f >= 0 && !(x.number(f) >= min) ? Double.NaN : DistanceOp.distance(p, x.geometry());
            }
        }
        return d;
    }

    double[] raw(String id) {
        return session.raw(session.criterionIndex(id));
    }

    @Test
    void countsAndSumsWithinARadiusMatchBruteForce() {
        double[][] dl = distances(data.lines, "kv", 345);
        double[][] ds = distances(data.substations, null, 0);
        double[][] dz = distances(data.zones, null, 0);
        int avail = data.substations.schema().indexOf("avail_mw");
        int kv = data.substations.schema().indexOf("kv");
        int nonZeroCounts = 0;
        for (int i = 0; i < data.parcels.size(); i++) {
            int count = 0;
            for (double d : dl[i]) {
                if (d <= 1500) {
                    count++;
                }
            }
            double sum = 0;
            int n15 = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < ds[i].length; j++) {
                if (ds[i][j] <= 15000) {
                    sum += data.substations.get(j).number(avail);
                    n15++;
                }
                double k = data.substations.get(j).number(kv);
                if (ds[i][j] <= 5000 && k != 115) { // 115 kV is no-data in this scenario
                    max = Math.max(max, k);
                    min = Math.min(min, k);
                }
            }
            int zones = 0;
            for (double d : dz[i]) {
                if (d <= 3000) {
                    zones++;
                }
            }
            nonZeroCounts += count > 0 ? 1 : 0;
            assertThat(raw("n345")[i]).as("n345 %d", i).isEqualTo(count);
            assertThat(raw("mw15")[i]).as("mw15 %d", i).isCloseTo(sum, offset(1e-9));
            if (n15 == 0) {
                assertThat(raw("mean15")[i]).isNaN();
            } else {
                assertThat(raw("mean15")[i]).as("mean15 %d", i).isCloseTo(sum / n15, offset(1e-9));
            }
            if (max == Double.NEGATIVE_INFINITY) {
                assertThat(raw("max5")[i]).as("max5 %d", i).isNaN();
                assertThat(raw("min5")[i]).as("min5 %d", i).isNaN();
            } else {
                assertThat(raw("max5")[i]).as("max5 %d", i).isEqualTo(max);
                assertThat(raw("min5")[i]).as("min5 %d", i).isEqualTo(min);
            }
            assertThat(raw("zones3")[i]).as("zones3 %d", i).isEqualTo(zones);
        }
        // the data must exercise both outcomes
        assertThat(nonZeroCounts).isBetween(50, data.parcels.size() - 50);
    }

    @Test
    void gravityMatchesBruteForce() {
        double[][] ds = distances(data.substations, null, 0);
        double[][] dl = distances(data.lines, "kv", 230);
        int avail = data.substations.schema().indexOf("avail_mw");
        int kv = data.lines.schema().indexOf("kv");
        double total = 0;
        for (Feature f : data.substations.features()) {
            total += f.number(avail);
        }
        double[][] dz = distances(data.zones, null, 0);
        double worstTail = 0;
        for (int i = 0; i < data.parcels.size(); i++) {
            double gexp = 0;
            double all = 0;
            for (int j = 0; j < ds[i].length; j++) {
                double a = data.substations.get(j).number(avail);
                if (ds[i][j] <= 25000) {
                    gexp += a * Math.exp(-ds[i][j] / 8000);
                }
                all += a * Math.exp(-ds[i][j] / 4000);
            }
            double gpow = 0;
            for (int j = 0; j < dl[i].length; j++) {
                if (dl[i][j] <= 20000) {
                    gpow += data.lines.get(j).number(kv) / Math.pow(Math.max(dl[i][j], 500), 1.5);
                }
            }
            double gz = 0;
            for (int j = 0; j < dz[i].length; j++) {
                if (dz[i][j] <= 10000) {
                    gz += data.zones.get(j).number(1) * Math.exp(-dz[i][j] / 5000);
                }
            }
            assertThat(raw("gzones")[i]).as("gzones %d", i).isCloseTo(gz, offset(1e-9 * Math.max(1, gz)));
            assertThat(raw("gexp")[i]).as("gexp %d", i).isCloseTo(gexp, offset(1e-9 * Math.max(1, gexp)));
            assertThat(raw("gpow")[i]).as("gpow %d", i).isCloseTo(gpow, offset(1e-12 * Math.max(1, gpow)));
            // without a radius the tail beyond 13.8 scale lengths is left out: at most 1e-6 x the layer total
            double err = Math.abs(raw("gexpAll")[i] - all);
            worstTail = Math.max(worstTail, err);
            assertThat(err).as("gexpAll %d", i).isLessThanOrEqualTo(1e-6 * total);
        }
        assertThat(worstTail).isLessThan(1e-6 * total);
    }

    @Test
    void nearestValueSkipsNoDataFeatures() {
        double[][] ds = distances(data.substations, null, 0);
        int kv = data.substations.schema().indexOf("kv");
        int skipped = 0;
        for (int i = 0; i < data.parcels.size(); i++) {
            int best = -1;
            int nearestAny = -1;
            for (int j = 0; j < ds[i].length; j++) {
                if (nearestAny < 0 || ds[i][j] < ds[i][nearestAny]) {
                    nearestAny = j;
                }
                if (data.substations.get(j).number(kv) == 115) {
                    continue;
                }
                if (best < 0 || ds[i][j] < ds[i][best]) {
                    best = j;
                }
            }
            double want = data.substations.get(best).number(kv);
            assertThat(raw("kvNear")[i]).as("kvNear %d", i).isEqualTo(want);
            assertThat(raw("ic")[i]).as("ic %d", i).isCloseTo(GridModel.interconnectionCost(ds[i][best], want,
                    300, GridModel.ROUTE_FACTOR, GridModel.CONTINGENCY, GridModel.AFUDC), offset(1e-3));
            if (data.substations.get(nearestAny).number(kv) == 115) {
                skipped++;
            }
        }
        assertThat(skipped).as("sites whose nearest substation has no voltage").isGreaterThan(20);
    }

    @Test
    void costKindsDefaultToTheCostDirection() {
        List<io.siteplanner.scoring.criteria.Criterion> cs = session.criteria();
        assertThat(cs.get(session.criterionIndex("ic")).transform().direction())
                .isEqualTo(io.siteplanner.scoring.scenario.TransformSpec.Direction.COST);
        assertThat(cs.get(session.criterionIndex("n345")).transform().direction())
                .isEqualTo(io.siteplanner.scoring.scenario.TransformSpec.Direction.BENEFIT);
        for (String kind : new String[] {"distance", "interconnectionCost", "energyCost", "tco", "landCost", "overlap"}) {
            assertThat(io.siteplanner.scoring.criteria.Criteria.kind(kind).defaultDirection()).as(kind)
                    .isEqualTo(io.siteplanner.scoring.scenario.TransformSpec.Direction.COST);
        }
    }

    @Test
    void badParametersAreRefusedWithTheirPathBeforeAnyWork() {
        assertThatThrownBy(() -> ScenarioReader.parse(scenario("{\"id\": \"x\", \"kind\": \"withinRadius\","
                + " \"layer\": \"lines\", \"radiusM\": -5, \"weight\": 1}", "")))
                .hasMessage("criteria[0].radiusM: must be a number > 0");
        assertThatThrownBy(() -> ScenarioReader.parse(scenario("{\"id\": \"x\", \"kind\": \"gravity\","
                + " \"layer\": \"lines\", \"attribute\": \"kv\", \"decay\": \"linear\", \"weight\": 1}", "")))
                .hasMessage("criteria[0].decay: unknown value 'linear' (one of: exponential, power)");
        assertThatThrownBy(() -> ScenarioReader.parse(scenario("{\"id\": \"x\", \"kind\": \"withinRadius\","
                + " \"layer\": \"lines\", \"radiusM\": 5, \"aggregate\": \"count\", \"attribute\": \"kv\", \"weight\": 1}",
                ""))).hasMessage("criteria[0].attribute: does not apply to aggregate count (it counts features)");
        assertThatThrownBy(() -> ScenarioReader.parse(scenario("{\"id\": \"x\", \"kind\": \"gravity\","
                + " \"layer\": \"lines\", \"attribute\": \"kv\", \"decay\": \"exponential\", \"weight\": 1}", "")))
                .hasMessage("criteria[0].scaleM: missing: exponential decay needs scaleM > 0 (metres)");
        assertThatThrownBy(() -> ScenarioReader.parse(scenario("{\"id\": \"x\", \"kind\": \"withinRadius\","
                + " \"layer\": \"lines\", \"radiusM\": 1e308, \"weight\": 1}", "")))
                .hasMessage("criteria[0].radiusM: must be a finite number of magnitude at most 1e15");
    }
}
