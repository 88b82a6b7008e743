package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What would put B ahead of A, on the real county data: every reported change is applied (weights through
 * the session, values through an engine run on the changed values) and must put B ahead; where nothing was
 * found, a scan over the range must find nothing either.
 */
class WhatWouldChangeTest {
    @TempDir
    static Path dir;

    static ScoringSession evaluate(String method) throws Exception {
        Path f = RealScenario.write(dir, method, "");
        Scenario s = ScenarioReader.read(f);
        return ScenarioEvaluator.evaluate(s, new FileLayerSource(f.getParent()), Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"weightedSum\"}", "{\"type\": \"topsis\"}",
        "{\"type\": \"topsis\", \"input\": \"raw\"}", "{\"type\": \"owa\", \"orness\": 0.3}"})
    void everyReportedChangePutsBAheadWhenApplied(String method) throws Exception {
        ScoringSession session = evaluate(method);
        ScoreResult base = session.score();
        int a = base.siteAt(0);
        int checkedWeights = 0;
        int checkedValues = 0;
        for (int p : new int[] {1, 2, 5, 20, base.passedCount(), base.size() - 1}) {
            int b = base.siteAt(p);
            WhatWouldChange.Result r = WhatWouldChange.explain(base, a, b);
            assertThat(r.alreadyAhead()).isFalse();
            assertThat(r.weights()).hasSize(session.criteria().size());
            assertThat(r.values()).hasSize(session.criteria().size());
            for (int c = 0; c < r.weights().size(); c++) {
                WhatWouldChange.WeightChange wc = r.weights().get(c);
                if (wc.weight() == null) {
                    assertNoWeightWorks(session, base, a, b, c);
                    continue;
                }
                assertThat(aheadWithWeight(session, base, a, b, c, wc.weight())).as(wc.text()).isTrue();
                checkedWeights++;
            }
            for (int c = 0; c < r.values().size(); c++) {
                WhatWouldChange.ValueChange vc = r.values().get(c);
                if (vc.value() == null) {
                    continue;
                }
                assertThat(aheadWithValue(session, base, a, b, c, vc.value())).as(vc.text()).isTrue();
                checkedValues++;
            }
        }
        assertThat(checkedWeights).isGreaterThan(3);
        assertThat(checkedValues).isGreaterThan(3);
    }

    /** Applies "criterion c gets weight v, the others scaled to sum to 1 - v" and re-scores with the session. */
    static boolean aheadWithWeight(ScoringSession session, ScoreResult base, int a, int b, int c, double v) {
        double[] w0 = base.weights();
        double others = 0;
        for (int o = 0; o < w0.length; o++) {
            others += o == c ? 0 : w0[o];
        }
        double[] w = new double[w0.length];
        for (int o = 0; o < w0.length; o++) {
            w[o] = o == c ? v : w0[o] * (1 - v) / others;
        }
        Scenario before = session.scenario();
        session.setWeights(w);
        ScoreResult r = session.score();
        session.update(before);
        return r.rank(b) < r.rank(a);
    }

    static void assertNoWeightWorks(ScoringSession session, ScoreResult base, int a, int b, int c) {
        for (int k = 0; k <= 200; k++) {
            double v = k / 200.0;
            assertThat(aheadWithWeight(session, base, a, b, c, v)).as("weight %s of criterion %d", v, c).isFalse();
        }
    }

    /** Replaces B's raw value of criterion c and re-scores everything with the engine. */
    static boolean aheadWithValue(ScoringSession session, ScoreResult base, int a, int b, int c, double v) {
        int n = session.size();
        int m = session.criteria().size();
        Object[] ids = new Object[n];
        for (int i = 0; i < n; i++) {
            ids[i] = session.id(i);
        }
        double[][] raw = new double[m][];
        for (int k = 0; k < m; k++) {
            raw[k] = session.raw(k).clone();
        }
        raw[c][b] = v;
        boolean[] excl = ColumnSnapshot.of(base).exclusionPass();
        ScoringSession s = ColumnScenario.withConstraints(session.scenario(), ids, raw, excl);
        ScoreResult r = s.score();
        return r.rank(b) < r.rank(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"weightedSum\"}"})
    void valueChangesAreTheSmallestOnAGrid(String method) throws Exception {
        ScoringSession session = evaluate(method);
        ScoreResult base = session.score();
        int a = base.siteAt(0);
        int b = base.siteAt(3);
        WhatWouldChange.Result r = WhatWouldChange.explain(base, a, b);
        List<String> found = new ArrayList<>();
        for (int c = 0; c < r.values().size(); c++) {
            WhatWouldChange.ValueChange vc = r.values().get(c);
            if (vc.value() == null) {
                continue;
            }
            found.add(vc.text());
            double x = session.raw(c)[b];
            double d = Math.abs(vc.value() - x);
            // nothing at 90 % of the distance in either direction
            assertThat(aheadWithValue(session, base, a, b, c, x - 0.9 * d)).isFalse();
            assertThat(aheadWithValue(session, base, a, b, c, x + 0.9 * d)).isFalse();
        }
        assertThat(found).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"weightedSum\"}"})
    void aSiteAlreadyAheadNeedsNothing(String method) throws Exception {
        ScoringSession session = evaluate(method);
        ScoreResult base = session.score();
        WhatWouldChange.Result r = WhatWouldChange.explain(base, base.siteAt(3), base.siteAt(0));
        assertThat(r.alreadyAhead()).isTrue();
        assertThat(r.weights()).isEmpty();
        assertThat(r.values()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"weightedSum\"}"})
    void aFailingSiteCannotGetAheadByWeights(String method) throws Exception {
        ScoringSession session = evaluate(method);
        ScoreResult base = session.score();
        int b = base.siteAt(base.size() - 1);
        assertThat(base.passed(b)).isFalse();
        WhatWouldChange.Result r = WhatWouldChange.explain(base, base.siteAt(0), b);
        assertThat(r.weights()).allMatch(w -> w.weight() == null);
        assertThat(r.weights().get(0).text()).contains("fails a constraint");
        // the constrained criterion can make it pass (d_line <= 60 km)
        int c = session.criterionIndex("d_line");
        WhatWouldChange.ValueChange vc = r.values().get(c);
        if (vc.value() != null) {
            assertThat(vc.value()).isLessThanOrEqualTo(60000);
        }
    }
}
