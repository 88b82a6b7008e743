package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores re-computed from a snapshot's columns equal the session's, bit for bit, for every method. */
class ColumnScorerTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/scoring");

    @Test
    void columnScoresAreTheSessionsScoresForAnyWeights() throws Exception {
        Scenario s = ScenarioReader.read(FIXTURE.resolve("scenario.json"));
        for (MethodSpec method : List.of(MethodSpec.weightedSum(), MethodSpec.topsis(false), MethodSpec.topsis(true),
                MethodSpec.owa(0.2), MethodSpec.owa(0.8),
                new MethodSpec(MethodSpec.Type.OWA, null, null, List.of(0.5, 0.3, 0.2)))) {
            ScoringSession session = ScenarioEvaluator.evaluate(s.withMethod(method), new FileLayerSource(FIXTURE),
                    Progress.NONE);
            ScoreResult base = session.score();
            ColumnScorer scorer = new ColumnScorer(ColumnSnapshot.of(base));
            WeightModel wm = WeightModel.around(base.weights(), 0.4);
            for (int d = 0; d < 20; d++) {
                double[] w = wm.draw(3, d, new double[base.weights().length]);
                double[] mine = scorer.scores(w);
                session.setWeights(w);
                ScoreResult r = session.score();
                for (int i = 0; i < r.size(); i++) {
                    assertThat(mine[i]).as("%s site %d draw %d", method.type(), i, d).isEqualTo(r.score(i));
                    assertThat(scorer.rank(mine, i)).isEqualTo(r.rank(i));
                }
            }
        }
    }
}
