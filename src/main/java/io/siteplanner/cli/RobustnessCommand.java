package io.siteplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.export.DecisionCsv;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.decision.LoadLevels;
import io.siteplanner.scoring.decision.Robustness;
import io.siteplanner.scoring.decision.RobustnessResult;
import io.siteplanner.scoring.decision.RobustnessSpec;
import io.siteplanner.scoring.decision.Variation;
import io.siteplanner.scoring.decision.WeightModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner robustness}: how sure the ranking is, by Monte Carlo over weights and inputs (SMAA-2):
 * per site P(rank 1), P(top k), median rank, 5-95 % rank interval and central weights
 * ({@link Robustness}; definitions in docs/decision.md).
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "How sure is the ranking? Monte Carlo over weights and inputs (SMAA-2): P(rank 1), P(top k),"
                + " median rank, 5-95%% rank interval, central weights. See docs/decision.md.")
public final class RobustnessCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario JSON file.")
    Path scenarioFile;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "10000", description = "Draws (default 10000).")
    int draws;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed (default 1): the same seed gives the same figures.")
    long seed;

    @Option(names = "--weights-spread", paramLabel = "S",
            description = "Dirichlet spread of the weights around the scenario's: the coefficient of variation of"
                    + " equal weights (default 0.25; 0 with --ahp).")
    Double spread;

    @Option(names = "--ahp", paramLabel = "MATRIX.csv",
            description = "A stakeholder's AHP matrix (the 'weights --ahp' format); repeat for several: draws mix"
                    + " them at random.")
    List<Path> ahp = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "ID=P%[,...]",
            description = "Multiply a criterion's raw values by a random factor per site and draw, e.g."
                    + " price=10%%; itLoadMw=20%% varies the campus IT load (one factor per draw).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--vary-dist", paramLabel = "uniform|normal", defaultValue = "uniform",
            description = "Factor distribution: uniform on 1±p (default) or normal with sd p, truncated at 3 sd.")
    String varyDist;

    @Option(names = "--load-levels", paramLabel = "N", defaultValue = "5",
            description = "Equally likely IT-load levels for itLoadMw (default 5).")
    int loadLevels;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "The k of P(top k) (default 10).")
    int k;

    @Option(names = "--rank-depth", paramLabel = "R",
            description = "Ranks are exact down to R (default max(30, 3k)); deeper ranks show as '>R'.")
    Integer rankDepth;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write every listed site to a CSV file.")
    Path out;

    @Option(names = "--json", description = "Print {\"draws\", \"k\", \"sites\": [...]} (docs/decision.md).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (draws < 1 || draws > 10_000_000) {
            throw new UsageException("--draws must be from 1 to 10000000");
        }
        if (k < 1) {
            throw new UsageException("--top must be >= 1");
        }
        int depth = rankDepth == null ? RobustnessSpec.defaultRankDepth(k) : rankDepth;
        if (depth < k) {
            throw new UsageException("--rank-depth must be >= --top");
        }
        if (spread != null && !(spread >= 0)) {
            throw new UsageException("--weights-spread must be >= 0");
        }
        if (loadLevels < 1 || loadLevels > 101) {
            throw new UsageException("--load-levels must be from 1 to 101");
        }
        if (out != null && json) {
            throw new UsageException("give --out or --json, not both");
        }
        if (out != null && out.toAbsolutePath().getParent() != null
                && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new UsageException(out + ": folder does not exist");
        }
        Variation.Shape shape;
        List<Variation> variations = new ArrayList<>();
        try {
            shape = Variation.Shape.of(varyDist);
            for (String v : vary) {
                variations.addAll(Variation.parse(v));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--vary: " + e.getMessage());
        }
        DecisionCli.Loaded in = DecisionCli.load(scenarioFile, err);
        ScoringSession session = in.session();
        ScoreResult base = session.score();
        WeightModel model;
        try {
            if (ahp.isEmpty()) {
                model = WeightModel.around(base.weights(), spread == null ? RobustnessSpec.DEFAULT_SPREAD : spread);
            } else {
                model = WeightModel.stakeholders(DecisionCli.ahpWeights(ahp, session, err), spread == null ? 0 : spread);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--weights-spread: " + e.getMessage());
        }
        RobustnessSpec rs;
        try {
            rs = new RobustnessSpec(draws, seed, k, depth, model, variations, shape, loadLevels);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LoadLevels.Evaluator evaluator = (scenario, progress) -> {
            try {
                return ScenarioEvaluator.evaluate(scenario, in.source(), progress);
            } catch (ScenarioException e) {
                throw new UsageException(scenarioFile + ": " + e.getMessage(), e);
            }
        };
        Progress progress = ConsoleProgress.forStderr(err);
        long t0 = System.nanoTime();
        RobustnessResult r;
        try {
            r = Robustness.run(base, rs, evaluator, progress);
        } catch (IllegalArgumentException e) {
            throw new UsageException(scenarioFile + ": " + e.getMessage(), e);
        } finally {
            if (progress instanceof ConsoleProgress) {
                ((ConsoleProgress) progress).done();
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (json) {
            w.println(json(r));
        } else if (out != null) {
            DecisionCsv.writeRobustness(r, out);
            err.printf(Locale.ROOT, "wrote %d sites to %s%n", r.sites().size(), out);
        } else {
            printTable(w, r);
        }
        StringBuilder phases = new StringBuilder();
        for (Map.Entry<String, Double> e : r.millis().entrySet()) {
            phases.append(String.format(Locale.ROOT, "%s%s %.0f ms", phases.length() == 0 ? "" : ", ", e.getKey(),
                    e.getValue()));
        }
        err.printf(Locale.ROOT, "robustness: %d draws in %.0f ms (%s); %s%n", r.draws(), ms, phases, r.pruneRule());
        w.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** The JSON document (documented in docs/decision.md). */
    static String json(RobustnessResult r) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode o = om.createObjectNode();
        o.put("draws", r.draws());
        o.put("k", r.k());
        ArrayNode sites = o.putArray("sites");
        for (RobustnessResult.SiteStats s : r.sites()) {
            ObjectNode n = sites.addObject();
            if (s.id() instanceof Long) {
                n.put("id", (Long) s.id());
            } else {
                n.put("id", String.valueOf(s.id()));
            }
            n.put("pRank1", r.pRank1(s));
            n.put("pTopK", r.pTopK(s));
            n.put("medianRank", s.medianRank());
            n.put("rankP5", s.rankP5());
            n.put("rankP95", s.rankP95());
            n.put("scenarioRank", s.scenarioRank());
            if (s.centralWeights() != null) {
                ObjectNode cw = n.putObject("centralWeights");
                for (int c = 0; c < r.criteria().size(); c++) {
                    cw.put(r.criteria().get(c), s.centralWeights()[c]);
                }
            }
        }
        o.put("rankDepth", r.rankDepth());
        return om.writeValueAsString(o);
    }

    static String rank(RobustnessResult r, int rank) {
        return r.beyondDepth(rank) ? ">" + r.rankDepth() : Integer.toString(rank);
    }

    /** "3 to 7", "6 to >30", ">30". */
    static String interval(RobustnessResult r, RobustnessResult.SiteStats s) {
        if (r.beyondDepth(s.rankP5())) {
            return rank(r, s.rankP5());
        }
        return s.rankP5() + " to " + rank(r, s.rankP95());
    }

    private static void printTable(PrintWriter w, RobustnessResult r) {
        w.printf(Locale.ROOT, "%d draws; weights: %s; inputs: %s%n", r.draws(), r.weightModel(),
                r.variations().isEmpty() ? "as evaluated" : String.join(", ", r.variations()));
        if (r.levels().size() > 1) {
            for (RobustnessResult.LevelInfo l : r.levels()) {
                w.printf(Locale.ROOT, "  IT load %.0f MW (x%.3f, %s): %d eligible sites, %d draws%n", l.itLoadMw(),
                        l.factor(), l.how(), l.eligible(), l.draws());
            }
        }
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("site", "P(rank 1)", "P(top " + r.k() + ")", "median rank",
                "5-95% ranks", "scenario rank"));
        // central weights of the criteria that carry weight in some winning draw
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < r.criteria().size(); c++) {
            for (RobustnessResult.SiteStats s : r.sites()) {
                if (s.centralWeights() != null && s.centralWeights()[c] > 0) {
                    shown.add(c);
                    break;
                }
            }
        }
        for (int c : shown) {
            head.add("w " + r.criteria().get(c));
        }
        rows.add(head.toArray(new String[0]));
        for (RobustnessResult.SiteStats s : r.sites()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(s.id()),
                    String.format(Locale.ROOT, "%.4f", r.pRank1(s)), String.format(Locale.ROOT, "%.4f", r.pTopK(s)),
                    rank(r, s.medianRank()), interval(r, s),
                    Integer.toString(s.scenarioRank())));
            for (int c : shown) {
                row.add(s.centralWeights() == null ? "" : String.format(Locale.ROOT, "%.3f", s.centralWeights()[c]));
            }
            rows.add(row.toArray(new String[0]));
        }
        int[] width = new int[head.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                sb.append(" ".repeat(width[i] - row[i].length())).append(row[i]);
            }
            w.println(sb.toString().stripTrailing());
        }
        w.printf(Locale.ROOT, "%d sites reach the top %d at least once; %d eligible; central weights (w) for sites"
                + " that can rank first%n", r.sites().size(), r.k(), r.eligible());
        if (r.drawsWithoutWinner() > 0) {
            w.printf(Locale.ROOT, "%d draws had no eligible site (a load level where every site fails)%n",
                    r.drawsWithoutWinner());
        }
    }
}
