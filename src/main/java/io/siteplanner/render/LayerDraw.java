package io.siteplanner.render;

import io.siteplanner.model.Feature;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.model.VectorLayer;
import java.util.BitSet;
import java.util.Objects;

/**
 * One layer as it is to be drawn in one render: prepared data, resolved per-feature colours and sizes,
 * opacity and the selection. Immutable snapshot, safe to hand to a render thread.
 */
public final class LayerDraw {
    private final MapLayer layer;
    private final LayerStyle style;
    private final double opacity;
    private final int[] colors;
    private final float[] sizes;
    private final BitSet selected;

    private LayerDraw(MapLayer layer, LayerStyle style, double opacity, int[] colors, float[] sizes, BitSet selected) {
        this.layer = layer;
        this.style = style;
        this.opacity = opacity;
        this.colors = colors;
        this.sizes = sizes;
        this.selected = selected;
    }

    /**
     * A snapshot.
     *
     * @param colorOverride per-feature ARGB colours (e.g. by score), or null to classify by the style
     * @param selection selected feature indices (copied), or null
     */
    public static LayerDraw of(MapLayer layer, LayerStyle style, double opacity, int[] colorOverride, BitSet selection) {
        Objects.requireNonNull(layer);
        Objects.requireNonNull(style);
        int[] colors = colorOverride != null ? colorOverride.clone() : classify(layer.display(), style);
        float[] sizes = sizes(layer.display(), style);
        return new LayerDraw(layer, style, Math.max(0, Math.min(1, opacity)), colors,
                sizes, selection == null ? new BitSet() : (BitSet) selection.clone());
    }

    /** Per-feature class colours under a style (null for a single-symbol style). */
    static int[] classify(VectorLayer l, LayerStyle s) {
        if (s.kind() == LayerStyle.Kind.SINGLE) {
            return null;
        }
        int fi = l.schema().indexOf(s.field());
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Feature f = l.get(i);
            if (fi < 0) {
                out[i] = s.fill();
            } else if (s.kind() == LayerStyle.Kind.GRADUATED) {
                out[i] = s.colorOf(f.number(fi));
            } else {
                Object v = f.value(fi);
                out[i] = s.colorOf(v == null ? null : categoryKey(v));
            }
        }
        return out;
    }

    /** The text key a value has in a categorized style: integral numbers without ".0". */
    public static String categoryKey(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString((long) d);
            }
        }
        return v.toString();
    }

    static float[] sizes(VectorLayer l, LayerStyle s) {
        if (s.sizeField() == null) {
            return null;
        }
        int fi = l.schema().indexOf(s.sizeField());
        if (fi < 0) {
            return null;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Feature f : l.features()) {
            double v = f.number(fi);
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            double v = l.get(i).number(fi);
            double t = Double.isNaN(v) || max <= min ? 0 : (v - min) / (max - min);
            out[i] = (float) (s.sizeMin() + (s.sizeMax() - s.sizeMin()) * t);
        }
        return out;
    }

    public MapLayer layer() {
        return layer;
    }

    public LayerStyle style() {
        return style;
    }

    public double opacity() {
        return opacity;
    }

    public BitSet selected() {
        return (BitSet) selected.clone();
    }

    boolean isSelected(int i) {
        return selected.get(i);
    }

    boolean hasSelection() {
        return !selected.isEmpty();
    }

    /** Class colour of feature i (the fill for polygons/points, the stroke for lines). */
    int colorOf(int i) {
        return colors == null ? (layer.dimension() == 1 ? style.stroke() : style.fill()) : colors[i];
    }

    float sizeOf(int i) {
        return sizes == null ? (float) style.pointSize() : sizes[i];
    }

    int applyOpacity(int argb) {
        return opacity >= 1 ? argb : Colors.withAlpha(argb, (int) Math.round(Colors.alpha(argb) * opacity));
    }
}
