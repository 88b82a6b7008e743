package io.siteplanner.scoring.decision;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): rank robustness on the bench data of ../shared/bench (gen_data.py), 10,000 draws,
 * with and without input variations, printing wall and CPU time per phase.
 *
 * <pre>
 * /usr/bin/python3 ../shared/bench/gen_data.py --n 100000 --out /tmp/bench-data     # once
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.siteplanner.scoring.decision.RobustnessBench /tmp/bench-data/n100000 [draws] [repeats]
 * </pre>
 * The whole CLI run is timed with {@code /usr/bin/time -v java -jar target/siteplanner.jar robustness
 * --scenario DIR/scenario-bench.json --draws 10000} (copy ../shared/bench/scenario-bench.json into DIR).
 */
public final class RobustnessBench {
    private RobustnessBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/bench-data/n100000");
        int draws = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Scenario s = ScenarioReader.parse(Files.readString(Path.of("../shared/bench/scenario-bench.json")));
        long t0 = System.nanoTime();
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(dir), Progress.NONE);
        ScoreResult base = session.score();
        System.out.printf(Locale.ROOT, "%d sites: evaluate + score %.0f ms%n", session.size(), (System.nanoTime() - t0) / 1e6);
        for (String vary : new String[] {"", "price=10%", "d_sub=10%,price=10%"}) {
            for (int rep = 0; rep < repeats; rep++) {
                RobustnessSpec spec = new RobustnessSpec(draws, 1, 10, RobustnessSpec.defaultRankDepth(10),
                        WeightModel.around(base.weights(), RobustnessSpec.DEFAULT_SPREAD),
                        vary.isEmpty() ? List.of() : Variation.parse(vary), Variation.Shape.UNIFORM, 5);
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long pcpu0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                long w0 = System.nanoTime();
                RobustnessResult r = Robustness.run(base, spec, null, Progress.NONE);
                long w1 = System.nanoTime();
                long pcpu1 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                System.out.printf(Locale.ROOT, "vary=[%s] run %d: %.0f ms wall, %.0f ms CPU (all threads); %d eligible,"
                        + " %d candidates, %d listed; %s%n", vary, rep + 1, (w1 - w0) / 1e6, (pcpu1 - pcpu0) / 1e6,
                        r.eligible(), r.candidates(), r.sites().size(), r.millis());
                if (cpu0 < 0) {
                    System.out.println("(no thread CPU time)");
                }
            }
        }
    }
}
