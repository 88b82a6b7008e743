package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class MethodsTest {
    /**
     * Hwang, C.-L. and Yoon, K. (1981), Multiple Attribute Decision Making: Methods and Applications,
     * Springer, the fighter-aircraft example: 4 aircraft x 6 attributes (max speed Mach, ferry range NM,
     * max payload lb, purchase cost M$ (cost), reliability and maneuverability on the 1-9 interval scale:
     * low 3, average 5, high 7, very high 9), weights (0.2, 0.1, 0.1, 0.1, 0.2, 0.3). The book's relative
     * closeness: A1 0.643, A2 0.268, A3 0.614 (A1 best, A2 worst). A4 = 0.312 is from an independent
     * numpy computation of the same vector-normalised TOPSIS (not from the book).
     */
    static final double[][] AIRCRAFT = {
        {2.0, 1500, 20000, 5.5, 5, 9},
        {2.5, 2700, 18000, 6.5, 3, 5},
        {1.8, 2000, 21000, 4.5, 7, 7},
        {2.2, 1800, 20000, 5.0, 5, 5},
    };

    /** A session whose candidates carry the decision matrix as attributes (one criterion per column). */
    static ScoringSession matrixSession(double[][] x, String[] dirs, double[] weights, String method) {
        int m = dirs.length;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("id", FieldType.INTEGER));
        for (int c = 0; c < m; c++) {
            fields.add(new Field("a" + c, FieldType.REAL));
        }
        VectorLayer.Builder b = VectorLayer.builder("alts").crs(TestData.albers(), 5070).schema(new Schema(fields));
        for (int i = 0; i < x.length; i++) {
            Object[] v = new Object[m + 1];
            v[0] = (long) (i + 1);
            for (int c = 0; c < m; c++) {
                v[c + 1] = x[i][c];
            }
            b.add(new Feature(i + 1, TestData.GF.createPoint(new Coordinate(500000 + i, 1000000)), v));
        }
        StringBuilder crit = new StringBuilder();
        for (int c = 0; c < m; c++) {
            crit.append(c == 0 ? "" : ",").append("{\"id\":\"a").append(c).append("\",\"kind\":\"attribute\",")
                    .append("\"attribute\":\"a").append(c).append("\",\"weight\":").append(weights[c])
                    .append(",\"transform\":{\"type\":\"linear\",\"direction\":\"").append(dirs[c]).append("\"}}");
        }
        Scenario s = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":100},"
                + "\"analysisCrs\":\"EPSG:5070\",\"layers\":{\"alts\":\"alts.gpkg\"},\"candidates\":\"alts\","
                + "\"idField\":\"id\",\"criteria\":[" + crit + "],\"method\":" + method + "}");
        return ScenarioEvaluator.evaluate(s, new MemoryLayerSource().put("alts.gpkg", b.build()), Progress.NONE);
    }

    @Test
    void topsisReproducesHwangAndYoonFighterAircraft() {
        ScoringSession s = matrixSession(AIRCRAFT, new String[] {"benefit", "benefit", "benefit", "cost", "benefit",
            "benefit"}, new double[] {0.2, 0.1, 0.1, 0.1, 0.2, 0.3}, "{\"type\":\"topsis\",\"input\":\"raw\"}");
        ScoreResult r = s.score();
        assertThat(r.score(0)).isCloseTo(0.643, offset(0.0005));
        assertThat(r.score(1)).isCloseTo(0.268, offset(0.0005));
        assertThat(r.score(2)).isCloseTo(0.614, offset(0.0005));
        assertThat(r.score(3)).isCloseTo(0.312, offset(0.0005));
        assertThat(new int[] {r.siteAt(0), r.siteAt(1), r.siteAt(2), r.siteAt(3)}).containsExactly(0, 2, 3, 1);
    }

    @Test
    void topsisOnTransformedValuesIsBetweenZeroAndOneAndRanksDominantFirst() {
        double[][] x = {{1, 1}, {0.5, 0.5}, {0, 0}};
        ScoringSession s = matrixSession(x, new String[] {"benefit", "benefit"}, new double[] {1, 1},
                "{\"type\":\"topsis\"}");
        ScoreResult r = s.score();
        assertThat(r.score(0)).isEqualTo(1);
        assertThat(r.score(2)).isEqualTo(0);
        assertThat(r.score(1)).isCloseTo(0.5, offset(1e-12));
    }

    static final double[][] THREE = {{0.9, 0.2, 0.5}, {0.4, 0.6, 0.6}, {0.1, 1.0, 0.3}};

    @Test
    void owaWithOrnessHalfEqualsWeightedSum() {
        double[] w = {0.5, 0.3, 0.2};
        String[] d = {"benefit", "benefit", "benefit"};
        ScoreResult owa = matrixSession(THREE, d, w, "{\"type\":\"owa\",\"orness\":0.5}").score();
        ScoreResult wsm = matrixSession(THREE, d, w, "{\"type\":\"weightedSum\"}").score();
        for (int i = 0; i < 3; i++) {
            assertThat(owa.score(i)).isCloseTo(wsm.score(i), offset(1e-12));
        }
    }

    @Test
    void owaOrnessOneIsMaxAndZeroIsMin() {
        double[] w = {0.5, 0.3, 0.2};
        String[] d = {"benefit", "benefit", "benefit"};
        ScoringSession s = matrixSession(THREE, d, w, "{\"type\":\"owa\",\"orness\":1}");
        ScoreResult or = s.score();
        s.setMethod(MethodSpec.owa(0));
        ScoreResult and = s.score();
        for (int i = 0; i < 3; i++) {
            double mx = 0;
            double mn = 1;
            for (int c = 0; c < 3; c++) {
                double t = or.transformed(c, i);
                mx = Math.max(mx, t);
                mn = Math.min(mn, t);
            }
            assertThat(or.score(i)).isCloseTo(mx, offset(1e-12));
            assertThat(and.score(i)).isCloseTo(mn, offset(1e-12));
        }
    }

    @Test
    void owaHandComputedWithQuantifier() {
        // transformed values of site 1 (min-max per column): a0 (0.4-0.1)/0.8 = 0.375, a1 (0.6-0.2)/0.8 = 0.5,
        // a2 (0.6-0.3)/0.3 = 1. Sorted desc: 1 (u 0.2), 0.5 (u 0.3), 0.375 (u 0.5).
        // orness 0.25 -> a = 3, Q(p) = p^3: w = 0.2^3, 0.5^3 - 0.2^3, 1 - 0.5^3 = 0.008, 0.117, 0.875
        ScoringSession s = matrixSession(THREE, new String[] {"benefit", "benefit", "benefit"},
                new double[] {0.5, 0.3, 0.2}, "{\"type\":\"owa\",\"orness\":0.25}");
        ScoreResult r = s.score();
        double expected = 0.008 * 1 + 0.117 * 0.5 + 0.875 * 0.375;
        assertThat(r.score(1)).isCloseTo(expected, offset(1e-12));
        ScoreResult.Explanation e = r.explain(1);
        double sum = e.parts().stream().mapToDouble(ScoreResult.Part::contribution).sum();
        assertThat(sum).isCloseTo(r.score(1), offset(1e-12));
        assertThat(e.parts().get(2).contribution()).isCloseTo(0.008, offset(1e-12));
    }

    @Test
    void weightedSumExplanationAddsUp() {
        ScoringSession s = matrixSession(THREE, new String[] {"benefit", "cost", "benefit"},
                new double[] {2, 1, 1}, "{\"type\":\"weightedSum\"}");
        ScoreResult r = s.score();
        assertThat(r.weights()).containsExactly(0.5, 0.25, 0.25);
        for (int i = 0; i < 3; i++) {
            ScoreResult.Explanation e = r.explain(i);
            assertThat(e.parts().stream().mapToDouble(ScoreResult.Part::contribution).sum())
                    .isCloseTo(r.score(i), offset(1e-12));
            assertThat(e.parts().get(1).raw()).isEqualTo(THREE[i][1]);
        }
        // site 0: a0 1, a1 cost (1-0.2)/0.8 = 1, a2 (0.5-0.3)/0.3
        assertThat(r.score(0)).isCloseTo(0.5 + 0.25 + 0.25 * (0.2 / 0.3), offset(1e-12));
    }
}
