package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.scoring.decision.RobustnessResult;
import io.siteplanner.scoring.decision.WeightSweep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV files of the decision tools, written atomically: rank robustness (one row per listed site) and weight
 * sweeps (one row per step). Ranks beyond the tracked depth are written as {@code >R}.
 */
public final class DecisionCsv {
    private DecisionCsv() {
    }

    /**
     * Columns: {@code id, scenario_rank, p_rank1, p_top<k>, median_rank, rank_p5, rank_p95, p_rank_1 ..
     * p_rank_<k>, cw_<criterion> ...} (central weights empty for sites that never rank first).
     */
    public static void writeRobustness(RobustnessResult r, Path out) throws IOException {
        List<String> head = new ArrayList<>(List.of("id", "scenario_rank", "p_rank1", "p_top" + r.k(), "median_rank",
                "rank_p5", "rank_p95"));
        for (int q = 1; q <= r.k(); q++) {
            head.add("p_rank_" + q);
        }
        for (String c : r.criteria()) {
            head.add("cw_" + c);
        }
        StringBuilder sb = new StringBuilder();
        row(sb, head);
        for (RobustnessResult.SiteStats s : r.sites()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(s.id()));
            row.add(Integer.toString(s.scenarioRank()));
            row.add(Double.toString(r.pRank1(s)));
            row.add(Double.toString(r.pTopK(s)));
            row.add(rank(r, s.medianRank()));
            row.add(rank(r, s.rankP5()));
            row.add(rank(r, s.rankP95()));
            for (long a : s.acceptability()) {
                row.add(Double.toString((double) a / r.draws()));
            }
            for (int c = 0; c < r.criteria().size(); c++) {
                row.add(s.centralWeights() == null ? "" : Double.toString(s.centralWeights()[c]));
            }
            row(sb, row);
        }
        write(sb, out);
    }

    /** Columns: {@code weight}, then {@code rank_<site>} and {@code score_<site>} per site. */
    public static void writeSweep(WeightSweep.Result s, Path out) throws IOException {
        List<String> head = new ArrayList<>(List.of("weight"));
        for (Object id : s.ids()) {
            head.add("rank_" + id);
        }
        for (Object id : s.ids()) {
            head.add("score_" + id);
        }
        StringBuilder sb = new StringBuilder();
        row(sb, head);
        for (WeightSweep.Step st : s.steps()) {
            List<String> row = new ArrayList<>();
            row.add(Double.toString(st.weight()));
            for (int r : st.ranks()) {
                row.add(Integer.toString(r));
            }
            for (double x : st.scores()) {
                row.add(Double.toString(x));
            }
            row(sb, row);
        }
        write(sb, out);
    }

    private static String rank(RobustnessResult r, int rank) {
        return r.beyondDepth(rank) ? ">" + r.rankDepth() : Integer.toString(rank);
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            ResultsCsvWriter.quote(sb, cells.get(i));
        }
        sb.append('\n');
    }

    private static void write(StringBuilder sb, Path out) throws IOException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(out, tmp -> Files.write(tmp, bytes));
    }
}
