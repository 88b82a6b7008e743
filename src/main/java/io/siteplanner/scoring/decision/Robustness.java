package io.siteplanner.scoring.decision;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.random.SplitMix64;

/**
 * Rank robustness by Monte Carlo (SMAA-2, Lahdelma and Salminen 2001): weight vectors and input values are
 * drawn ({@link RobustnessSpec}), every draw re-scores the sites from the evaluated columns (no spatial
 * work) with the scenario's transforms, method and constraints, and the ranks are counted.
 *
 * <h2>Exactness</h2>
 * A draw ranks exactly as {@link io.siteplanner.scoring.ScoringSession#score} would with the drawn weights
 * (set as direct weights) and the perturbed values: the same transforms with the data range of the
 * perturbed column, the same arithmetic for weighted sum, TOPSIS and OWA, ties by id. Tests compare every
 * draw with the session.
 *
 * <h2>Eligible sites</h2>
 * A draw ranks the sites that pass every constraint and criterion rule at the draw's campus load
 * (constraints are checked on the evaluated values: a perturbed value does not make a site fail or pass;
 * a different IT load does, through the re-checked grid requirement). Sites failing at every load are
 * never ranked.
 *
 * <h2>Pruning (exact)</h2>
 * Before sampling, sites that cannot reach rank {@code rankDepth} in any draw are removed: for each
 * criterion that can get a positive weight, every site gets the interval of transformed values it can take
 * over all draws and load levels (a single value when the criterion is not varied). Site j is <i>surely
 * ahead</i> of site i when j passes at every load level, j's lowest value is at least i's highest on every
 * such criterion, and j precedes i in id order (the tie-break). The weighted sum, TOPSIS and quantifier OWA
 * (a Choquet integral) never rank a site below one it is surely behind in exact arithmetic, and the
 * weighted sum not in floating point either (rounding is monotone); a site surely behind {@code rankDepth}
 * others therefore never reaches rank {@code rankDepth}. The count uses a sort-filter k-skyband pass
 * (sites in decreasing order of their summed lowest values, compared only with kept sites, which is enough
 * because "surely ahead" is transitive). OWA with explicit order weights is not monotone, and TOPSIS on
 * raw values with varied criteria moves the worst value: then nothing is pruned.
 *
 * <h2>Reproducibility</h2>
 * Every random number is addressed by (seed, draw, criterion, site) ({@link SplitMix64}), so the figures do
 * not depend on threads or on pruning; aggregation runs in draw order.
 *
 * <p>Runs on the scoring pool (all cores), reports progress and stops with
 * {@link io.siteplanner.model.CancelledException} when the progress is cancelled; safe to call off the UI
 * thread. The base result must not be re-scored in place while it runs.
 */
public final class Robustness {
    static final long VARY = 0x5641525953495445L;
    static final long LOAD = 0x4C4F41444C45564CL;
    static final int DRAW_CHUNK = 128;

    private Robustness() {
    }

    /**
     * Runs the draws.
     *
     * @param base      a scoring of the scenario with the settings to test (transforms, method,
     *                  constraints; the weight model gives the weights)
     * @param evaluator evaluates the scenario at another IT load when that cannot be done analytically
     *                  ({@link LoadLevels}); may be null when the IT load does not vary
     * @throws IllegalArgumentException for variations naming unknown or text criteria, or a weight model of
     *                                  the wrong size
     */
    public static RobustnessResult run(ScoreResult base, RobustnessSpec spec, LoadLevels.Evaluator evaluator,
            Progress progress) {
        return new RobustnessRun(base, spec, evaluator, progress).execute();
    }

    /** Weights normalised as the session normalises direct weights (divided by their sum unless it is 1). */
    public static double[] sessionNormalised(double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double[] out = w.clone();
        if (sum != 1.0) {
            for (int c = 0; c < out.length; c++) {
                out[c] /= sum;
            }
        }
        return out;
    }

    /** The perturbation factor of a site in a draw for a criterion (public for reference computations). */
    public static double factor(RobustnessSpec spec, Variation v, int criterion, long draw, int site) {
        long key = SplitMix64.key(spec.seed(), VARY, draw, criterion);
        return spec.shape().factor(v.fraction(), SplitMix64.unit(key, site));
    }

    /** The load level index of a draw among {@code levels} (public for reference computations). */
    public static int level(RobustnessSpec spec, long draw, int levels) {
        if (levels == 1) {
            return 0;
        }
        int b = (int) (SplitMix64.unit(SplitMix64.key(spec.seed(), LOAD, draw), 0) * levels);
        return Math.min(levels - 1, b);
    }

    static int count(boolean[] b) {
        int k = 0;
        for (boolean x : b) {
            k += x ? 1 : 0;
        }
        return k;
    }

    static int[] indices(boolean[] b) {
        int[] out = new int[count(b)];
        int k = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
