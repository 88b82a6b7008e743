package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IT-load levels on the demo scenarios (grid headroom with its feasibility rule, interconnection, energy,
 * TCO): the analytic columns equal a full evaluation at that load, and robustness over load levels ranks as
 * sessions evaluated at each level.
 */
class LoadLevelsTest {
    static final Path DEMO = Path.of("src/test/resources/fixtures/parcels-demo");
    static CachedLayers source;
    static Scenario scenario;

    @BeforeAll
    static void read() throws Exception {
        source = new CachedLayers(new FileLayerSource(DEMO));
        Scenario s = ScenarioReader.read(DEMO.resolve("scenario-300mw.json"));
        List<Criterion> l = new ArrayList<>();
        for (Criterion c : s.criteria()) {
            l.add(c.id().equals("energy") || c.id().equals("tco") ? c.withWeight(0.1) : c);
        }
        scenario = s.withCriteria(l);
    }

    static Scenario at(Scenario s, double factor) {
        Campus k = s.campus();
        Campus c = new Campus(k.itLoadMw() * factor, k.pue(), k.utilization(), k.minAcres(), k.years(),
                k.discountRate(), k.landPriceUsdPerAcre());
        return new Scenario(s.name(), s.description(), c, s.analysisCrs(), s.layers(), s.candidates(), s.idField(),
                s.criteria(), s.constraints(), s.weights(), s.method());
    }

    @Test
    void analyticColumnsEqualAFullEvaluationAtThatLoad() {
        ScoringSession session = ScenarioEvaluator.evaluate(scenario, source, Progress.NONE);
        ColumnSnapshot snap = ColumnSnapshot.of(session.score());
        double[] factors = {0.5, 1.0, 1.35, 2.0};
        assertThat(LoadLevels.needsEvaluation(scenario, factors)).isNull();
        List<LoadLevels.Level> levels = LoadLevels.build(snap, factors, null, Progress.NONE);
        int changedPass = 0;
        for (LoadLevels.Level level : levels) {
            ScoringSession full = ScenarioEvaluator.evaluate(at(scenario, level.factor()), source, Progress.NONE);
            ScoreResult r = full.score();
            for (int c = 0; c < full.criteria().size(); c++) {
                double[] want = full.raw(c);
                double[] got = level.raw()[c];
                for (int i = 0; i < want.length; i++) {
                    if (want[i] != want[i]) {
                        assertThat(got[i]).isNaN();
                    } else {
                        assertThat(got[i]).as("criterion %s site %d at x%s", full.criteria().get(c).id(), i,
                                level.factor()).isCloseTo(want[i],
                                org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want[i]))));
                    }
                }
            }
            for (int i = 0; i < r.size(); i++) {
                assertThat(level.pass()[i]).as("site %d at x%s", i, level.factor()).isEqualTo(r.passed(i));
                changedPass += level.pass()[i] != snap.passed(i) ? 1 : 0;
            }
        }
        assertThat(changedPass).as("the grid requirement moves sites in and out").isPositive();
    }

    @Test
    void aChangingNumberOfTieLinesNeedsEvaluatingAgain() throws Exception {
        Scenario gw = ScenarioReader.read(DEMO.resolve("scenario-1gw.json"));
        // 1,200 MW x 1.3 = 1,560 MW: two tie-lines instead of one
        assertThat(LoadLevels.needsEvaluation(gw, new double[] {1.0, 1.3})).contains("tie-lines");
        ScoringSession s = ScenarioEvaluator.evaluate(gw, source, Progress.NONE);
        ColumnSnapshot snap = ColumnSnapshot.of(s.score());
        assertThatThrownBy(() -> LoadLevels.build(snap, new double[] {1.0, 1.3}, null, Progress.NONE))
                .hasMessageContaining("needs the scenario evaluated again");
        List<LoadLevels.Level> levels = LoadLevels.build(snap, new double[] {1.0, 1.3},
                (sc, p) -> ScenarioEvaluator.evaluate(sc, source, p), Progress.NONE);
        assertThat(levels.get(1).how()).isEqualTo("evaluated again");
        assertThat(levels.get(1).campus().itLoadMw()).isEqualTo(1300);
    }

    @Test
    void loadDrawsRankAsSessionsEvaluatedAtEachLevel() {
        ScoringSession session = ScenarioEvaluator.evaluate(scenario, source, Progress.NONE);
        ScoreResult base = session.score();
        RobustnessSpec spec = new RobustnessSpec(200, 17, 5, 15, WeightModel.around(base.weights(), 0.3),
                List.of(new Variation(Variation.IT_LOAD, 0.4)), Variation.Shape.UNIFORM, 5);
        RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
        double[] factors = LoadLevels.factors(5, 0.4, Variation.Shape.UNIFORM);
        List<ScoringSession> perLevel = new ArrayList<>();
        for (double f : factors) {
            perLevel.add(ScenarioEvaluator.evaluate(at(scenario, f), source, Progress.NONE));
        }
        int m = session.criteria().size();
        int[][] ranks = RobustnessTest.referenceRanks(spec, m, d -> perLevel.get(Robustness.level(spec, d, 5)), false);
        RobustnessTest.assertMatches(res, ranks, 5);
        assertThat(res.levels()).hasSize(5);
        assertThat(res.levels().get(2).how()).isEqualTo("scenario");
        assertThat(res.levels().get(0).how()).isEqualTo("analytic");
        long draws = 0;
        for (RobustnessResult.LevelInfo l : res.levels()) {
            draws += l.draws();
        }
        assertThat(draws).isEqualTo(200);
    }

    @Test
    void loadFactorsAreEquallyLikelyQuantilesWithTheScenarioInTheMiddle() {
        double[] u = LoadLevels.factors(5, 0.2, Variation.Shape.UNIFORM);
        double[] want = {0.84, 0.92, 1.0, 1.08, 1.16};
        for (int b = 0; b < 5; b++) {
            assertThat(u[b]).isCloseTo(want[b], org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(u[2]).isEqualTo(1.0);
        double[] n = LoadLevels.factors(3, 0.1, Variation.Shape.NORMAL);
        assertThat(n[1]).isEqualTo(1.0);
        // quantile 1/6 of a standard normal truncated at 3 sd: Phi^-1(Phi(-3) + (1 - 2 Phi(-3)) / 6) = -0.963826
        assertThat(n[0]).isCloseTo(1 - 0.1 * 0.963826, org.assertj.core.data.Offset.offset(1e-8));
    }
}
