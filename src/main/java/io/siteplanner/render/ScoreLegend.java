package io.siteplanner.render;

import io.siteplanner.model.style.Colors;
import io.siteplanner.scoring.ScoreResult;
import java.util.Locale;

/**
 * The one score legend of the map, the PNG and PDF renders and the KML export: five equal classes over
 * the range of the scores of the sites that pass all constraints (the current range, so the colours
 * discriminate among the sites that matter), each labelled with the score values it really covers
 * ("0.712 - 0.754"); sites that fail are grey. When all passing sites have the same score there is one
 * class. Colours are the red-yellow-green {@link Colors#SCORE} ramp at the class centres.
 *
 * @param lo      lowest score of a passing site (NaN when none passes)
 * @param hi      highest score of a passing site
 * @param classes number of classes (5, or 1 for a single value, 0 when none passes)
 */
public record ScoreLegend(double lo, double hi, int classes) {
    /** Classes of a spread range. */
    public static final int CLASSES = 5;
    /** Fill of sites that fail a constraint. */
    public static final int FAILED = Colors.rgb(0xbdbdbd);

    /** The legend of a result. */
    public static ScoreLegend of(ScoreResult r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.size(); i++) {
            if (r.passed(i)) {
                lo = Math.min(lo, r.score(i));
                hi = Math.max(hi, r.score(i));
            }
        }
        if (lo > hi) {
            return new ScoreLegend(Double.NaN, Double.NaN, 0);
        }
        return new ScoreLegend(lo, hi, hi > lo ? CLASSES : 1);
    }

    /** Class 1..classes of a passing site's score (the top class includes hi). */
    public int classOf(double score) {
        if (classes <= 1) {
            return 1;
        }
        // compared with the same bounds the labels print, so a site is always in the class its label covers
        for (int k = classes; k > 1; k--) {
            if (score >= from(k)) {
                return k;
            }
        }
        return 1;
    }

    /** Lower bound of class k. */
    public double from(int k) {
        return classes <= 1 ? lo : lo + (hi - lo) * (k - 1) / classes;
    }

    /** Upper bound of class k. */
    public double to(int k) {
        return classes <= 1 ? hi : k == classes ? hi : lo + (hi - lo) * k / classes;
    }

    /** ARGB fill of class k (opaque). */
    public int color(int k) {
        return Colors.ramp(Colors.SCORE, classes <= 1 ? 1.0 : (k - 0.5) / classes);
    }

    /** "0.712 - 0.754" (k = classes is "best", 1 "lowest" when there are several). */
    public String label(int k) {
        String range = classes <= 1 ? String.format(Locale.ROOT, "%.3f", lo)
                : String.format(Locale.ROOT, "%.3f \u2013 %.3f", from(k), to(k));
        if (classes > 1 && k == classes) {
            return range + " (best)";
        }
        if (classes > 1 && k == 1) {
            return range + " (lowest passing)";
        }
        return range;
    }

    /** The fill of every site of a result: its class colour, or grey when it fails. */
    public int[] colors(ScoreResult r) {
        int[] out = new int[r.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.passed(i) ? color(classOf(r.score(i))) : FAILED;
        }
        return out;
    }
}
