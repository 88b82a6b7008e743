package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rank robustness against a plain loop: every draw's weights (and perturbed values) are handed to an
 * ordinary scoring session, which ranks all sites; the counts must be identical, site by site, to those of
 * the pruned, columnar engine.
 */
class RobustnessTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/scoring");
    static Scenario scenario;
    static ScoringSession session;

    @BeforeAll
    static void evaluate() throws Exception {
        scenario = ScenarioReader.read(FIXTURE.resolve("scenario.json"));
        session = ScenarioEvaluator.evaluate(scenario, new FileLayerSource(FIXTURE), Progress.NONE);
    }

    /** The session's ranks of the passing sites in every draw: ranks[d][i], 0 for a failing site. */
    static int[][] referenceRanks(RobustnessSpec spec, int m, IntFunction<ScoringSession> sessionOfDraw,
            boolean passWeight) {
        int[][] ranks = new int[spec.draws()][];
        for (int d = 0; d < spec.draws(); d++) {
            ScoringSession s = sessionOfDraw.apply(d);
            double[] w = spec.weights().draw(spec.seed(), d, new double[m]);
            s.setWeights(passWeight ? ColumnScenario.withPassWeight(w) : w);
            ScoreResult r = s.score();
            ranks[d] = new int[r.size()];
            for (int i = 0; i < r.size(); i++) {
                ranks[d][i] = r.passed(i) ? r.rank(i) : 0;
            }
        }
        return ranks;
    }

    /** Checks the engine's figures against reference ranks, site by site. */
    static void assertMatches(RobustnessResult res, int[][] ranks, int k) {
        int draws = ranks.length;
        int n = ranks[0].length;
        Map<Integer, RobustnessResult.SiteStats> bySite = new HashMap<>();
        for (RobustnessResult.SiteStats s : res.sites()) {
            bySite.put(s.site(), s);
        }
        int listed = 0;
        for (int i = 0; i < n; i++) {
            long rank1 = 0;
            long topK = 0;
            long[] acc = new long[k];
            List<Integer> all = new ArrayList<>();
            for (int[] r : ranks) {
                int x = r[i];
                if (x == 0) {
                    all.add(Integer.MAX_VALUE);
                    continue;
                }
                all.add(x);
                rank1 += x == 1 ? 1 : 0;
                if (x <= k) {
                    topK++;
                    acc[x - 1]++;
                }
            }
            if (topK == 0) {
                assertThat(bySite).doesNotContainKey(i);
                continue;
            }
            listed++;
            RobustnessResult.SiteStats s = bySite.get(i);
            assertThat(s).as("site %d", i).isNotNull();
            assertThat(s.rank1()).as("rank1 of site %d", i).isEqualTo(rank1);
            assertThat(s.topK()).as("topK of site %d", i).isEqualTo(topK);
            assertThat(s.acceptability()).isEqualTo(acc);
            all.sort(null);
            for (int[] q : new int[][] {{5, s.rankP5()}, {50, s.medianRank()}, {95, s.rankP95()}}) {
                int idx = (q[0] * draws + 99) / 100 - 1;
                int expected = all.get(Math.max(0, idx));
                if (expected > res.rankDepth()) {
                    assertThat(q[1]).as("q%d of site %d", q[0], i).isEqualTo(res.rankDepth() + 1);
                } else {
                    assertThat(q[1]).as("q%d of site %d", q[0], i).isEqualTo(expected);
                }
            }
        }
        assertThat(res.sites()).hasSize(listed);
    }

    static RobustnessSpec spec(int draws, long seed, int k, int depth, WeightModel w, List<Variation> v,
            Variation.Shape shape) {
        return new RobustnessSpec(draws, seed, k, depth, w, v, shape, 5);
    }

    @Test
    void weightDrawsRankExactlyAsThePlainSessionLoop() {
        ScoreResult base = session.score();
        RobustnessSpec spec = spec(400, 7, 5, 20, WeightModel.around(base.weights(), 0.4), List.of(), null);
        RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
        int[][] ranks = referenceRanks(spec, base.weights().length, d -> session, false);
        assertMatches(res, ranks, 5);
        assertThat(res.candidates()).as("pruning removes sites").isLessThan(res.eligible());
    }

    @Test
    void probabilitiesAreExactCountsThatAddUp() {
        ScoreResult base = session.score();
        RobustnessSpec spec = spec(1000, 3, 10, 10, WeightModel.around(base.weights(), 0.25), List.of(), null);
        RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
        long r1 = 0;
        long tk = 0;
        for (RobustnessResult.SiteStats s : res.sites()) {
            r1 += s.rank1();
            tk += s.topK();
            long acc = 0;
            for (long a : s.acceptability()) {
                acc += a;
            }
            assertThat(acc).isEqualTo(s.topK());
        }
        assertThat(r1).isEqualTo(1000);
        assertThat(tk).isEqualTo(10L * 1000);
        assertThat(res.drawsWithoutWinner()).isZero();
    }

    @Test
    void sameSeedGivesTheSameFiguresAndAnotherSeedOtherDraws() {
        ScoreResult base = session.score();
        WeightModel wm = WeightModel.around(base.weights(), 0.3);
        RobustnessResult a = Robustness.run(base, spec(500, 11, 5, 25, wm, List.of(), null), null, Progress.NONE);
        RobustnessResult b = Robustness.run(base, spec(500, 11, 5, 25, wm, List.of(), null), null, Progress.NONE);
        RobustnessResult c = Robustness.run(base, spec(500, 12, 5, 25, wm, List.of(), null), null, Progress.NONE);
        assertThat(summary(a)).isEqualTo(summary(b));
        assertThat(summary(a)).isNotEqualTo(summary(c));
        for (int i = 0; i < a.sites().size(); i++) {
            double[] x = a.sites().get(i).centralWeights();
            double[] y = b.sites().get(i).centralWeights();
            assertThat(x == null ? null : x.clone()).isEqualTo(y == null ? null : y.clone());
        }
    }

    static List<String> summary(RobustnessResult r) {
        List<String> l = new ArrayList<>();
        for (RobustnessResult.SiteStats s : r.sites()) {
            l.add(s.id() + ":" + s.rank1() + ":" + s.topK() + ":" + s.medianRank() + ":" + s.rankP5() + ":"
                    + s.rankP95());
        }
        return l;
    }

    @Test
    void centralWeightsAreTheMeanWeightsOfTheWinningDraws() {
        ScoreResult base = session.score();
        RobustnessSpec spec = spec(300, 5, 3, 10, WeightModel.around(base.weights(), 0.5), List.of(), null);
        RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
        int m = base.weights().length;
        int[][] ranks = referenceRanks(spec, m, d -> session, false);
        for (RobustnessResult.SiteStats s : res.sites()) {
            if (s.rank1() == 0) {
                assertThat(s.centralWeights()).isNull();
                continue;
            }
            double[] sum = new double[m];
            for (int d = 0; d < ranks.length; d++) {
                if (ranks[d][s.site()] == 1) {
                    double[] w = Robustness.sessionNormalised(spec.weights().draw(spec.seed(), d, new double[m]));
                    for (int c = 0; c < m; c++) {
                        sum[c] += w[c];
                    }
                }
            }
            for (int c = 0; c < m; c++) {
                assertThat(s.centralWeights()[c]).isCloseTo(sum[c] / s.rank1(),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void topsisAndOwaDrawsMatchTheSession() {
        for (MethodSpec method : List.of(MethodSpec.topsis(false), MethodSpec.topsis(true), MethodSpec.owa(0.3),
                new MethodSpec(MethodSpec.Type.OWA, null, null, List.of(0.4, 0.3, 0.2, 0.1)))) {
            ScoringSession s = ScenarioEvaluator.evaluate(scenario.withMethod(method), new FileLayerSource(FIXTURE),
                    Progress.NONE);
            ScoreResult base = s.score();
            RobustnessSpec spec = spec(150, 21, 4, 12, WeightModel.around(base.weights(), 0.35), List.of(), null);
            RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
            assertMatches(res, referenceRanks(spec, base.weights().length, d -> s, false), 4);
        }
    }

    @Test
    void stakeholderMixesRankAsTheSession() {
        ScoreResult base = session.score();
        WeightModel wm = WeightModel.stakeholders(List.of(new double[] {0.6, 0.2, 0.1, 0.1, 0, 0},
                new double[] {0.1, 0.1, 0.2, 0.6, 0, 0}, new double[] {0.25, 0.25, 0.25, 0.25, 0, 0}), 0);
        RobustnessSpec spec = spec(300, 9, 5, 15, wm, List.of(), null);
        RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
        assertMatches(res, referenceRanks(spec, 6, d -> session, false), 5);
    }

    @Test
    void perturbedValuesRankAsTheSessionOnThePerturbedValues() {
        for (Variation.Shape shape : Variation.Shape.values()) {
            for (MethodSpec method : List.of(MethodSpec.weightedSum(), MethodSpec.topsis(false), MethodSpec.owa(0.7))) {
                ScoringSession s = ScenarioEvaluator.evaluate(scenario.withMethod(method),
                        new FileLayerSource(FIXTURE), Progress.NONE);
                ScoreResult base = s.score();
                List<Variation> vary = List.of(new Variation("d_sub", 0.25), new Variation("price", 0.1),
                        new Variation("acres", 0.3));
                RobustnessSpec spec = spec(60, 31, 5, 15, WeightModel.around(base.weights(), 0.3), vary, shape);
                RobustnessResult res = Robustness.run(base, spec, null, Progress.NONE);
                int n = s.size();
                int m = s.criteria().size();
                Object[] ids = new Object[n];
                boolean[] pass = new boolean[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = s.id(i);
                    pass[i] = base.passed(i);
                }
                int[][] ranks = referenceRanks(spec, m, d -> {
                    double[][] raw = new double[m][];
                    for (int c = 0; c < m; c++) {
                        raw[c] = s.raw(c).clone();
                    }
                    for (Variation v : vary) {
                        int c = s.criterionIndex(v.target());
                        for (int i = 0; i < n; i++) {
                            raw[c][i] = raw[c][i] * Robustness.factor(spec, v, c, d, i);
                        }
                    }
                    return ColumnScenario.session(s.scenario(), ids, raw, pass);
                }, true);
                assertMatches(res, ranks, 5);
            }
        }
    }

    @Test
    void badVariationsAreRefused() {
        ScoreResult base = session.score();
        WeightModel wm = WeightModel.around(base.weights(), 0.2);
        assertThatThrownBy(() -> Robustness.run(base, spec(10, 1, 3, 3, wm, List.of(new Variation("nope", 0.1)),
                null), null, Progress.NONE)).hasMessageContaining("no criterion 'nope'");
        assertThatThrownBy(() -> spec(10, 1, 3, 3, wm, List.of(new Variation("price", 0.4)), Variation.Shape.NORMAL))
                .hasMessageContaining("below 33.3%");
        assertThatThrownBy(() -> Variation.parse("price")).hasMessageContaining("criterion=percent");
        assertThat(Variation.parse("price=10%, itLoadMw=0.2")).containsExactly(new Variation("price", 0.1),
                new Variation("itLoadMw", 0.2));
    }

    @Test
    void cancellationStopsTheDraws() {
        ScoreResult base = session.score();
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> Robustness.run(base, spec(100000, 1, 3, 3, WeightModel.around(base.weights(), 0.2),
                List.of(), null), null, cancelled)).isInstanceOf(CancelledException.class);
    }
}
