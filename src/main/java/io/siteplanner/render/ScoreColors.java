package io.siteplanner.render;

import io.siteplanner.scoring.ScoreResult;

/**
 * Colours of candidate sites by score, shared by the map and the PNG/PDF renders: the red-yellow-green
 * ramp stretched over the scores of the sites that pass all constraints; failed sites grey.
 */
public final class ScoreColors {
    private ScoreColors() {
    }

    /** One ARGB colour per site of the result. */
    public static int[] of(ScoreResult r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean[] passed = new boolean[r.size()];
        for (int i = 0; i < r.size(); i++) {
            passed[i] = r.passed(i);
            if (passed[i]) {
                lo = Math.min(lo, r.score(i));
                hi = Math.max(hi, r.score(i));
            }
        }
        double[] t = new double[r.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = hi > lo ? (r.score(i) - lo) / (hi - lo) : 1;
        }
        return DefaultStyles.scoreColors(t, passed);
    }
}
