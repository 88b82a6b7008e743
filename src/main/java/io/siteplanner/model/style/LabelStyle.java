package io.siteplanner.model.style;

import java.util.Objects;

/**
 * Labels of a layer: the field whose values name the features, and the scales between which they are shown
 * (as scale denominators, like QGIS's "scale-based visibility": shown when {@code maxScale <= scale <=
 * minScale}; 0 means no limit on that side). Collisions are avoided by the renderer.
 *
 * @param field    the field with the label text
 * @param minScale the most zoomed-out scale shown (e.g. 500000 for 1:500,000), 0: no limit
 * @param maxScale the most zoomed-in scale shown (e.g. 1000 for 1:1,000), 0: no limit
 */
public record LabelStyle(String field, double minScale, double maxScale) {
    public LabelStyle {
        Objects.requireNonNull(field, "field");
        if (minScale < 0 || maxScale < 0 || Double.isNaN(minScale) || Double.isNaN(maxScale)) {
            throw new IllegalArgumentException("label scales must be 0 (no limit) or positive");
        }
        if (minScale > 0 && maxScale > 0 && maxScale > minScale) {
            throw new IllegalArgumentException("label scale range: the zoomed-in limit 1:" + (long) maxScale
                    + " is smaller in scale than the zoomed-out limit 1:" + (long) minScale);
        }
    }

    /** Labels by a field at every scale. */
    public static LabelStyle of(String field) {
        return new LabelStyle(field, 0, 0);
    }

    /** Whether labels show at a scale denominator. */
    public boolean showsAt(double scale) {
        return (minScale <= 0 || scale <= minScale) && (maxScale <= 0 || scale >= maxScale);
    }

    /**
     * A scale denominator as typed: "1:50,000", "50000", "50 000"; blank is 0 (no limit).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static double parseScale(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return 0;
        }
        String d = t.startsWith("1:") ? t.substring(2) : t;
        d = d.replace(",", "").replace(" ", "").replace("_", "");
        try {
            double v = Double.parseDouble(d);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale '" + t + "' is not a scale like 1:50,000");
        }
    }

    /** "1:50,000", or "" for no limit. */
    public static String formatScale(double scale) {
        return scale <= 0 ? "" : String.format(java.util.Locale.ROOT, "1:%,.0f", scale);
    }
}
