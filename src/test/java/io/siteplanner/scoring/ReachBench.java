package io.siteplanner.scoring;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): loads a scenario once, then evaluates each of its criteria {@code repeats} times,
 * interleaved (cached nearest-distance searches dropped first; layer indexes stay built), printing wall time and process CPU time per criterion (CPU time is steadier than wall time
 * when other work shares the cores) and the ratio of each criterion to the first one. With {@code dump}
 * writes each column to {@code <dir>/<id>.bin}; with {@code compare} reports the largest absolute and
 * relative difference from such a dump (e.g. one made before an algorithm change).
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.siteplanner.scoring.ReachBench /tmp/mybench/bench-reach-1m.json 3 [dump|compare DIR]
 * </pre>
 */
public final class ReachBench {
    private ReachBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String mode = args.length > 2 ? args[2] : "";
        Path dir = args.length > 3 ? Path.of(args[3]) : Path.of("/tmp/reachbench");
        Scenario s = ScenarioReader.read(file);
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(file.toAbsolutePath().getParent()),
                Progress.NONE, new Timings());
        java.lang.reflect.Field f = ScoringSession.class.getDeclaredField("ctx");
        f.setAccessible(true);
        EvaluationContext ctx = (EvaluationContext) f.get(session);
        java.lang.reflect.Field nf = EvaluationContext.class.getDeclaredField("nearest");
        nf.setAccessible(true);
        Map<?, ?> nearestCache = (Map<?, ?>) nf.get(ctx); // cleared before each criterion: distance measured anew
        List<Criterion> cs = s.criteria();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Column[] last = new Column[cs.size()];
        for (int rep = 0; rep < repeats; rep++) {
            double[] wall = new double[cs.size()];
            double[] cpu = new double[cs.size()];
            for (int c = 0; c < cs.size(); c++) {
                Map<String, Column> done = new HashMap<>();
                nearestCache.clear();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                last[c] = cs.get(c).evaluate(ctx, "criteria[" + c + "]", done);
                wall[c] = (System.nanoTime() - t0) / 1e6;
                cpu[c] = (os.getProcessCpuTime() - c0) / 1e6;
            }
            StringBuilder b = new StringBuilder("run " + (rep + 1) + String.format(Locale.ROOT, " (load %.2f):",
                    os.getSystemLoadAverage()));
            for (int c = 0; c < cs.size(); c++) {
                b.append(String.format(Locale.ROOT, "  %s wall %.0f ms cpu %.0f ms (x%.2f / x%.2f)", cs.get(c).id(),
                        wall[c], cpu[c], wall[c] / wall[0], cpu[c] / cpu[0]));
            }
            System.out.println(b);
        }
        if (mode.equals("dump")) {
            Files.createDirectories(dir);
            for (int c = 0; c < cs.size(); c++) {
                try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(
                        Files.newOutputStream(dir.resolve(cs.get(c).id() + ".bin"))))) {
                    for (double v : last[c].values()) {
                        o.writeDouble(v);
                    }
                }
            }
            System.out.println("columns written to " + dir);
        } else if (mode.equals("compare")) {
            for (int c = 0; c < cs.size(); c++) {
                compare(dir.resolve(cs.get(c).id() + ".bin"), cs.get(c).id(), last[c].values());
            }
        }
    }

    private static void compare(Path p, String id, double[] v) throws IOException {
        double maxAbs = 0;
        double maxRel = 0;
        int nanDiff = 0;
        int worst = -1;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(p)))) {
            for (int i = 0; i < v.length; i++) {
                double r = in.readDouble();
                if ((r != r) != (v[i] != v[i])) {
                    nanDiff++;
                    continue;
                }
                if (r != r) {
                    continue;
                }
                double a = Math.abs(r - v[i]);
                double rel = a / Math.max(Math.abs(r), 1e-300);
                if (a > maxAbs) {
                    maxAbs = a;
                    worst = i;
                }
                maxRel = Math.max(maxRel, a == 0 ? 0 : rel);
            }
        }
        System.out.printf(Locale.ROOT, "%s vs %s: max |diff| %.3g (site %d), max relative %.3g, NaN mismatches %d%n",
                id, p, maxAbs, worst, maxRel, nanDiff);
    }
}
