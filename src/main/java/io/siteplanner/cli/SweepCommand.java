package io.siteplanner.cli;

import io.siteplanner.export.DecisionCsv;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.decision.WeightSweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner sweep --scenario S --criterion c --sites A,B [--steps 21] [--out sweep.csv]}: the rank
 * of selected sites as one criterion's weight goes from 0 to 1 ({@link WeightSweep}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Rank of selected sites as one criterion's weight goes from 0 to 1 (the other weights keep"
                + " their proportions).")
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario JSON file.")
    Path scenarioFile;

    @Option(names = "--criterion", required = true, paramLabel = "ID", description = "The criterion swept.")
    String criterion;

    @Option(names = "--sites", required = true, split = ",", paramLabel = "A,B,...", description = "Site ids.")
    List<String> sites;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "21", description = "Weights 0..1 in N steps (default 21).")
    int steps;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the sweep as CSV (weight, rank_<id>..., score_<id>...).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (steps < 2 || steps > 10_001) {
            throw new UsageException("--steps must be from 2 to 10001");
        }
        if (out != null && out.toAbsolutePath().getParent() != null
                && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new UsageException(out + ": folder does not exist");
        }
        DecisionCli.Loaded in = DecisionCli.load(scenarioFile, err);
        ScoringSession s = in.session();
        int c = DecisionCli.criterion(s, criterion, "--criterion");
        if (s.criteria().size() < 2) {
            throw new UsageException("--criterion: the scenario has one criterion; there is nothing to sweep against");
        }
        int[] idx = new int[sites.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = DecisionCli.site(s, sites.get(k).strip(), "--sites");
        }
        WeightSweep.Result r = WeightSweep.run(s.score(), c, idx, steps, Progress.NONE);
        if (out != null) {
            DecisionCsv.writeSweep(r, out);
            err.printf(Locale.ROOT, "wrote %d steps to %s%n", r.steps().size(), out);
        } else {
            List<String> head = new ArrayList<>(List.of("weight"));
            for (Object id : r.ids()) {
                head.add("rank " + id);
            }
            w.println(String.join("  ", head));
            for (WeightSweep.Step st : r.steps()) {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%6.4f", st.weight()));
                for (int k = 0; k < st.ranks().length; k++) {
                    sb.append(String.format(Locale.ROOT, "  %" + head.get(k + 1).length() + "d", st.ranks()[k]));
                }
                w.println(sb);
            }
            w.printf(Locale.ROOT, "%s now has weight %.4f%n", r.criterion(), r.baseWeight());
        }
        w.flush();
        err.flush();
        return ExitCodes.OK;
    }
}
