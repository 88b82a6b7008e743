package io.siteplanner.render;

import io.siteplanner.scoring.ScoreResult;

/**
 * Colours of candidate sites by score, shared by the map and the PNG/PDF renders: the class colours of
 * the {@link ScoreLegend} (five classes over the passing sites' range); failed sites grey.
 */
public final class ScoreColors {
    private ScoreColors() {
    }

    /** One ARGB colour per site of the result. */
    public static int[] of(ScoreResult r) {
        return ScoreLegend.of(r).colors(r);
    }
}
