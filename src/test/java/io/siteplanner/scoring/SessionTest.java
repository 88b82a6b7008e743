package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings changes on an evaluated session: AHP weights, transforms, update(), explanations. */
class SessionTest {
    static TestData data;

    @BeforeAll
    static void data() {
        data = TestData.generate(500, 11L);
    }

    @Test
    void ahpWeightsDriveTheScore() {
        String json = TestData.scenarioJson().replace("\"method\": {\"type\": \"weightedSum\"}",
                "\"weights\": {\"type\": \"ahp\", \"criteria\": [\"acres\", \"d_sub\", \"price\"],"
                        + " \"matrix\": [[1, \"1/3\", 2], [3, 1, 5], [\"1/2\", \"1/5\", 1]]}");
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(json), data.source(), Progress.NONE);
        Ahp.Result ahp = Ahp.compute(new double[][] {{1, 1 / 3.0, 2}, {3, 1, 5}, {0.5, 0.2, 1}});
        double[] w = s.weights();
        assertThat(w[0]).isCloseTo(ahp.weights()[0], offset(1e-15));
        assertThat(w[1]).isCloseTo(ahp.weights()[1], offset(1e-15));
        assertThat(w[2]).isEqualTo(0); // d_line is not in the matrix
        assertThat(w[3]).isCloseTo(ahp.weights()[2], offset(1e-15));
        assertThat(s.ahp().cr()).isLessThan(0.10);
        ScoreResult r = s.score();
        for (int i = 0; i < 20; i++) {
            double expected = 0;
            for (int c = 0; c < 4; c++) {
                expected += w[c] * r.transformed(c, i);
            }
            assertThat(r.score(i)).isCloseTo(expected, offset(1e-12));
        }
    }

    @Test
    void transformChangeRescoresWithoutSpatialWork() {
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()), data.source(),
                Progress.NONE);
        long passes = s.spatialPasses();
        s.setTransform("d_sub", TransformSpec.linear(TransformSpec.Direction.COST, 0, 5000));
        ScoreResult r = s.score();
        for (int i = 0; i < 50; i++) {
            double d = s.raw(1)[i];
            assertThat(r.transformed(1, i)).isCloseTo(Math.max(0, Math.min(1, (5000 - d) / 5000)), offset(1e-12));
        }
        assertThat(s.spatialPasses()).isEqualTo(passes);
    }

    @Test
    void updateAcceptsSettingsButNotNewMeasurements() {
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()), data.source(),
                Progress.NONE);
        Scenario reweighted = ScenarioReader.parse(TestData.scenarioJson().replace("\"weight\": 0.35", "\"weight\": 0.05"));
        s.update(reweighted);
        assertThat(s.weights()[1]).isCloseTo(0.05 / 0.7, offset(1e-15));
        Scenario refiltered = ScenarioReader.parse(TestData.scenarioJson().replace("avail_mw >= 300", "avail_mw >= 100"));
        assertThatThrownBy(() -> s.update(refiltered)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("criteria[1]: criterion 'd_sub' changed what is measured");
    }

    @Test
    void explanationListsRawTransformedWeightAndContribution() {
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()), data.source(),
                Progress.NONE);
        ScoreResult r = s.score();
        int top = r.siteAt(0);
        ScoreResult.Explanation e = r.explain(top);
        assertThat(e.rank()).isEqualTo(1);
        assertThat(e.id()).isEqualTo(s.id(top));
        assertThat(e.parts()).extracting(ScoreResult.Part::id).containsExactly("acres", "d_sub", "d_line", "price");
        assertThat(e.parts().get(1).unit()).isEqualTo("m");
        assertThat(e.parts().get(3).feature()).isGreaterThanOrEqualTo(0); // the zone
        double sum = 0;
        for (ScoreResult.Part p : e.parts()) {
            assertThat(p.contribution()).isCloseTo(p.weight() * p.transformed(), offset(1e-15));
            sum += p.contribution();
        }
        assertThat(sum).isCloseTo(e.score(), offset(1e-12));
    }
}
