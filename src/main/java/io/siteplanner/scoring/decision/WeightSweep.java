package io.siteplanner.scoring.decision;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.ScoreResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One-at-a-time weight sweep: the rank and score of selected sites as one criterion's normalised weight goes
 * from 0 to 1 in equal steps, the other weights keeping their proportions (scaled to sum to 1 - w; when they
 * are all 0 they share 1 - w equally). Re-scored from the evaluated columns, exactly as the session would
 * score with those direct weights. O(steps x sites x criteria).
 */
public final class WeightSweep {
    /**
     * One step.
     *
     * @param weight the criterion's normalised weight
     * @param ranks  rank of each selected site (passing sites first)
     * @param scores score of each selected site
     */
    public record Step(double weight, int[] ranks, double[] scores) {
    }

    /**
     * A sweep.
     *
     * @param criterion the swept criterion id
     * @param ids       the selected sites' ids
     * @param baseWeight the criterion's weight in the scenario
     * @param steps     the steps, weight 0 first
     */
    public record Result(String criterion, List<Object> ids, double baseWeight, List<Step> steps) {
    }

    private WeightSweep() {
    }

    /**
     * Sweeps criterion c.
     *
     * @param sites site indices
     * @param steps number of steps (&gt;= 2): weights 0, 1/(steps-1), ..., 1
     */
    public static Result run(ScoreResult base, int c, int[] sites, int steps, Progress progress) {
        if (steps < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 steps");
        }
        ColumnSnapshot snap = ColumnSnapshot.of(base);
        if (snap.criteria() < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 criteria");
        }
        ColumnScorer scorer = new ColumnScorer(snap);
        double[] w0 = snap.weights();
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            progress.checkCancelled();
            double v = k == steps - 1 ? 1.0 : (double) k / (steps - 1);
            double[] s = scorer.scores(withWeight(w0, c, v));
            int[] ranks = new int[sites.length];
            double[] scores = new double[sites.length];
            for (int j = 0; j < sites.length; j++) {
                ranks[j] = scorer.rank(s, sites[j]);
                scores[j] = s[sites[j]];
            }
            out.add(new Step(v, ranks, scores));
            progress.update((k + 1.0) / steps, "sweeping " + snap.criterion(c).id());
        }
        List<Object> ids = new ArrayList<>();
        for (int i : sites) {
            ids.add(snap.session().id(i));
        }
        return new Result(snap.criterion(c).id(), ids, w0[c], out);
    }

    /**
     * Weights with criterion c set to v and the others scaled to sum to 1 - v in their proportions (equal
     * shares when they are all 0).
     */
    public static double[] withWeight(double[] w0, int c, double v) {
        double others = 0;
        for (int o = 0; o < w0.length; o++) {
            if (o != c) {
                others += w0[o];
            }
        }
        double[] w = new double[w0.length];
        for (int o = 0; o < w0.length; o++) {
            if (o == c) {
                w[o] = v;
            } else if (others > 0) {
                w[o] = w0[o] * (1 - v) / others;
            } else {
                w[o] = (1 - v) / (w0.length - 1);
            }
        }
        return w;
    }
}
