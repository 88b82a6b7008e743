package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The engine against an independent brute-force computation on a generated 2,000-parcel set: plain JTS
 * DistanceOp over every feature (no index), Geometry.getArea, Geometry.intersects for the zone of the
 * centroid, then min-max normalisation and the weighted sum written out here.
 */
class BruteForceAgreementTest {
    static TestData data;
    static ScoringSession session;
    static ScoreResult result;

    @BeforeAll
    static void evaluate() {
        data = TestData.generate(2000, 20240601L);
        Scenario s = ScenarioReader.parse(TestData.scenarioJson());
        session = ScenarioEvaluator.evaluate(s, data.source(), Progress.NONE);
        result = session.score();
    }

    static double minDistance(Geometry p, List<Feature> fs, String attr, double min, int attrIdx) {
        double best = Double.POSITIVE_INFINITY;
        for (Feature f : fs) {
            if (f.number(attrIdx) >= min) {
                best = Math.min(best, DistanceOp.distance(p, f.geometry()));
            }
        }
        return best;
    }

    @Test
    void everyRawValueAndScoreMatchesBruteForce() {
        int n = data.parcels.size();
        double[] acres = new double[n];
        double[] dSub = new double[n];
        double[] dLine = new double[n];
        double[] price = new double[n];
        int availIdx = data.substations.schema().indexOf("avail_mw");
        int kvIdx = data.lines.schema().indexOf("kv");
        for (int i = 0; i < n; i++) {
            Geometry g = data.parcels.get(i).geometry();
            acres[i] = g.getArea() / 4046.8564224;
            dSub[i] = minDistance(g, data.substations.features(), "avail_mw", 300, availIdx);
            dLine[i] = minDistance(g, data.lines.features(), "kv", 345, kvIdx);
            Point c = g.getCentroid();
            price[i] = Double.NaN;
            for (Feature z : data.zones.features()) {
                if (z.geometry().intersects(c)) {
                    price[i] = z.number(1);
                    break;
                }
            }
        }
        assertThat(session.raw(0)).hasSize(n);
        int touching = 0;
        for (int i = 0; i < n; i++) {
            assertThat(session.raw(0)[i]).as("acres %d", i).isCloseTo(acres[i], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(session.raw(1)[i]).as("d_sub %d", i).isCloseTo(dSub[i], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(session.raw(2)[i]).as("d_line %d", i).isCloseTo(dLine[i], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(session.raw(3)[i]).as("price %d", i).isEqualTo(price[i]);
            if (dLine[i] == 0) {
                touching++;
            }
        }
        assertThat(touching).as("some parcels cross a line (distance 0 path covered)").isGreaterThan(5);
        double[] nA = norm(acres, true);
        double[] nS = norm(dSub, false);
        double[] nL = norm(dLine, false);
        double[] nP = norm(price, false);
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = 0.15 * nA[i] + 0.35 * nS[i] + 0.25 * nL[i] + 0.25 * nP[i];
            assertThat(result.score(i)).as("score %d", i).isCloseTo(score[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        // ranking: score desc, id asc
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingLong(i -> (Long) session.id(i)));
        for (int p = 0; p < 100; p++) {
            assertThat(session.id(result.siteAt(p))).as("rank %d", p + 1).isEqualTo(session.id(idx.get(p)));
        }
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = result.rank(i);
        }
        Arrays.sort(ranks);
        for (int i = 0; i < n; i++) {
            assertThat(ranks[i]).isEqualTo(i + 1);
        }
    }

    static double[] norm(double[] x, boolean benefit) {
        double lo = Arrays.stream(x).min().getAsDouble();
        double hi = Arrays.stream(x).max().getAsDouble();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = benefit ? (x[i] - lo) / (hi - lo) : (hi - x[i]) / (hi - lo);
        }
        return out;
    }

    @Test
    void reweightingDoesNoSpatialWork() {
        long before = session.spatialPasses();
        assertThat(before).isGreaterThanOrEqualTo(3);
        ScoreResult reuse = session.score();
        for (int k = 0; k < 50; k++) {
            session.setWeight("d_sub", 0.1 + k * 0.01);
            reuse = session.score(reuse);
        }
        session.setMethod(io.siteplanner.scoring.scenario.MethodSpec.topsis(false));
        session.score(reuse);
        session.setMethod(io.siteplanner.scoring.scenario.MethodSpec.weightedSum());
        session.setWeight("d_sub", 0.35);
        ScoreResult again = session.score();
        assertThat(session.spatialPasses()).isEqualTo(before);
        for (int i = 0; i < again.size(); i++) {
            assertThat(again.score(i)).isEqualTo(result.score(i));
        }
    }

    @Test
    void distanceToPolygonLayerIncludingContainmentMatchesBruteForce() {
        String json = TestData.scenarioJson().replace("\"criteria\": [", "\"criteria\": ["
                + "{\"id\": \"d_zone\", \"kind\": \"distance\", \"layer\": \"zones\","
                + " \"filter\": \"zone_id IN (1, 7, 13, 19, 25)\", \"weight\": 0.1},"
                + "{\"id\": \"z_attr\", \"kind\": \"nearestAttribute\", \"layer\": \"zones\","
                + " \"filter\": \"zone_id IN (1, 7, 13, 19, 25)\", \"attribute\": \"zone_id\", \"weight\": 0},");
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(json), data.source(), Progress.NONE);
        java.util.Set<Long> keep = java.util.Set.of(1L, 7L, 13L, 19L, 25L);
        int inside = 0;
        for (int i = 0; i < data.parcels.size(); i++) {
            Geometry g = data.parcels.get(i).geometry();
            double best = Double.POSITIVE_INFINITY;
            long bestId = -1;
            for (Feature z : data.zones.features()) {
                if (keep.contains((Long) z.value(0))) {
                    double d = DistanceOp.distance(g, z.geometry());
                    if (d < best) {
                        best = d;
                        bestId = (Long) z.value(0);
                    }
                }
            }
            assertThat(s.raw(0)[i]).as("d_zone %d", i).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
            if (best > 0) {
                assertThat(s.raw(1)[i]).as("nearest zone %d", i).isEqualTo((double) bestId);
            }
            if (best == 0 && data.zones.get((int) bestId - 1).geometry().contains(g)) {
                inside++;
            }
        }
        assertThat(inside).as("parcels strictly inside a target polygon").isGreaterThan(50);
    }
}
