package io.siteplanner.ui;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark, not a test (excluded from the default run): FX-thread cost of showing a re-scored result of
 * 100,000 sites in the site table and of selecting 5,000 of them. Needs the bench data:
 * {@code /usr/bin/python3 ../shared/bench/gen_data.py --n 100000}; run with
 * {@code mvn test -Dtest=SiteTablePerfTest -Dsurefire.excludes=none}.
 */
class SiteTablePerfTest {
    @Test
    void printsShowAndSelectTimes() throws Exception {
        Path scenario = Paths.get(System.getProperty("bench.scenario", "/tmp/bench-data/n100000/scenario-bench.json"));
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.read(scenario), new FileLayerSource(scenario.getParent()),
                Progress.NONE);
        FxToolkit.registerPrimaryStage();
        SiteTable t = WaitForAsyncUtils.asyncFx(SiteTable::new).get(30, TimeUnit.SECONDS);
        ScoreResult first = s.score();
        WaitForAsyncUtils.asyncFx(() -> t.show(first)).get(60, TimeUnit.SECONDS);
        double[] w = {0.15, 0.35, 0.25, 0.25};
        for (int k = 0; k < 5; k++) {
            w[0] += 0.05;
            s.setWeights(w.clone());
            ScoreResult r = s.score();
            long t0 = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> t.show(r)).get(60, TimeUnit.SECONDS);
            System.err.printf("show(%,d sites): %.1f ms%n", r.size(), (System.nanoTime() - t0) / 1e6);
        }
        BitSet sel = new BitSet();
        for (int i = 0; i < 5000; i++) {
            sel.set(i * 20);
        }
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> t.select(sel, true)).get(60, TimeUnit.SECONDS);
        System.err.printf("select(5,000 sites): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }
}
