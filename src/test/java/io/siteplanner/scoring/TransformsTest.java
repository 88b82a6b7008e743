package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {
    static final double NaN = Double.NaN;

    static TransformSpec spec(String json) {
        return ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":1},"
                + "\"layers\":{\"p\":\"p.gpkg\"},\"candidates\":\"p\",\"criteria\":[{\"id\":\"a\",\"kind\":\"area\","
                + "\"weight\":1,\"transform\":" + json + "}]}").criteria().get(0).transform();
    }

    static double[] apply(TransformSpec t, double... raw) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : raw) {
            if (x == x) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double off = t.offset() == null ? 1 : t.offset();
        double[] out = new double[raw.length];
        Transforms.apply(t, raw, out, lo, hi, Math.log(Math.max(lo, 0) + off), Math.log(hi + off), 0);
        return out;
    }

    @Test
    void linearBenefitAndCostOverDataRange() {
        assertThat(apply(TransformSpec.linear(Direction.BENEFIT), 10, 20, 30)).containsExactly(0, 0.5, 1);
        assertThat(apply(TransformSpec.linear(Direction.COST), 10, 20, 30)).containsExactly(1, 0.5, 0);
    }

    @Test
    void linearExplicitRangeClamps() {
        TransformSpec t = TransformSpec.linear(Direction.COST, 0, 1000);
        assertThat(apply(t, -5, 250, 1000, 5000)).containsExactly(1, 0.75, 0, 0);
    }

    @Test
    void linearDegenerateRangeScoresOneAndMissingScoresMissingScore() {
        assertThat(apply(TransformSpec.linear(Direction.BENEFIT), 7, 7, NaN)).containsExactly(1, 1, 0);
    }

    @Test
    void missingValueGetsMissingScoreNeverNaN() {
        double[] out = new double[2];
        Transforms.apply(TransformSpec.linear(Direction.BENEFIT), new double[] {NaN, 3}, out, 3, 3, NaN, NaN, 0.25);
        assertThat(out).containsExactly(0.25, 1);
    }

    @Test
    void threshold() {
        TransformSpec b = spec("{\"type\":\"threshold\",\"direction\":\"benefit\",\"value\":5}");
        assertThat(apply(b, 4.99, 5, 6)).containsExactly(0, 1, 1);
        TransformSpec c = spec("{\"type\":\"threshold\",\"direction\":\"cost\",\"value\":1609.344}");
        assertThat(apply(c, 1609.344, 1609.35)).containsExactly(1, 0);
    }

    @Test
    void stepsUseHalfOpenIntervals() {
        TransformSpec t = spec("{\"type\":\"steps\",\"breaks\":[1609,8047],\"values\":[1,0.5,0]}");
        assertThat(apply(t, 0, 1608.9, 1609, 8046, 8047, 1e9)).containsExactly(1, 1, 0.5, 0.5, 0, 0);
    }

    @Test
    void piecewiseInterpolatesAndIsConstantBeyondEnds() {
        TransformSpec t = spec("{\"type\":\"piecewise\",\"points\":[[0,1],[1000,1],[5000,0.2],[20000,0]]}");
        double[] v = apply(t, -10, 500, 3000, 5000, 12500, 30000);
        assertThat(v[0]).isEqualTo(1);
        assertThat(v[1]).isEqualTo(1);
        assertThat(v[2]).isCloseTo(0.6, offset(1e-12));
        assertThat(v[3]).isCloseTo(0.2, offset(1e-12));
        assertThat(v[4]).isCloseTo(0.1, offset(1e-12));
        assertThat(v[5]).isEqualTo(0);
    }

    @Test
    void sigmoidMidpointIsHalfAndDirectionFlips() {
        TransformSpec b = spec("{\"type\":\"sigmoid\",\"direction\":\"benefit\",\"midpoint\":100,\"spread\":10}");
        double[] v = apply(b, 100, 110, 0);
        assertThat(v[0]).isEqualTo(0.5);
        assertThat(v[1]).isCloseTo(1 / (1 + Math.exp(-1)), offset(1e-15));
        assertThat(v[2]).isLessThan(1e-4);
        TransformSpec c = spec("{\"type\":\"sigmoid\",\"direction\":\"cost\",\"midpoint\":100,\"spread\":10}");
        assertThat(apply(c, 110)[0]).isCloseTo(1 - 1 / (1 + Math.exp(-1)), offset(1e-15));
    }

    @Test
    void gaussianPeaksAtIdeal() {
        TransformSpec t = spec("{\"type\":\"gaussian\",\"ideal\":1.2,\"spread\":0.1}");
        double[] v = apply(t, 1.2, 1.3, 1.0);
        assertThat(v[0]).isEqualTo(1);
        assertThat(v[1]).isCloseTo(Math.exp(-0.5), offset(1e-12));
        assertThat(v[2]).isCloseTo(Math.exp(-2), offset(1e-12));
    }

    @Test
    void logIsLinearOverLogOfValuePlusOffset() {
        TransformSpec t = spec("{\"type\":\"log\",\"direction\":\"cost\"}");
        double[] out = new double[3];
        Transforms.apply(t, new double[] {0, 9, 99}, out, 0, 99, Math.log(1), Math.log(100), 0);
        assertThat(out[0]).isCloseTo(1, offset(1e-12));
        assertThat(out[1]).isCloseTo(0.5, offset(1e-12));
        assertThat(out[2]).isEqualTo(0);
    }

    @Test
    void logOfNonPositiveIsMissing() {
        TransformSpec t = spec("{\"type\":\"log\",\"direction\":\"benefit\",\"offset\":0}");
        double[] out = new double[2];
        Transforms.apply(t, new double[] {-1, 10}, out, -1, 10, Math.log(10), Math.log(10), 0.1);
        assertThat(out[0]).isEqualTo(0.1);
    }

    @Test
    void identityClamps() {
        assertThat(apply(TransformSpec.identity(), -0.5, 0.3, 2)).containsExactly(0, 0.3, 1);
    }

    @Test
    void invalidSpecsNameTheirPath() {
        assertThatThrownBy(() -> spec("{\"type\":\"steps\",\"breaks\":[5,1],\"values\":[1,0.5,0]}"))
                .hasMessage("criteria[0].transform.breaks[1]: breaks must be strictly ascending");
        assertThatThrownBy(() -> spec("{\"type\":\"linear\"}"))
                .hasMessage("criteria[0].transform.direction: missing: 'benefit' or 'cost'");
        assertThatThrownBy(() -> spec("{\"type\":\"sigmoid\",\"direction\":\"cost\",\"midpoint\":1,\"spread\":0}"))
                .hasMessage("criteria[0].transform.spread: must be a number > 0");
        assertThatThrownBy(() -> spec("{\"type\":\"piecewise\",\"points\":[[0,1],[1,1.5]]}"))
                .hasMessage("criteria[0].transform.points[1][1]: must be in [0, 1]");
        assertThatThrownBy(() -> spec("{\"type\":\"fuzzy\"}")).hasMessageStartingWith(
                "criteria[0].transform.type: unknown transform 'fuzzy'");
    }

    @Test
    void specRoundTripsThroughJson() {
        TransformSpec t = spec("{\"type\":\"piecewise\",\"points\":[[0,1],[10,0]]}");
        assertThat(t.type()).isEqualTo(Type.PIECEWISE);
        assertThat(t.points()).hasSize(2);
        assertThat(List.of(t.points().get(1)[0], t.points().get(1)[1])).containsExactly(10.0, 0.0);
    }
}
