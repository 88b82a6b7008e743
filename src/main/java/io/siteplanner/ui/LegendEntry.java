package io.siteplanner.ui;

import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.render.DefaultStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a layer's legend: a swatch colour and a label.
 *
 * @param fill   swatch fill (ARGB)
 * @param stroke swatch outline (ARGB)
 * @param dimension 0 point, 1 line, 2 polygon: how the swatch is drawn
 * @param label  text after the swatch
 */
public record LegendEntry(int fill, int stroke, int dimension, String label) {

    /** Legend rows of a layer under its style (or its score colouring). */
    public static List<LegendEntry> of(LayerItem item) {
        List<LegendEntry> out = new ArrayList<>();
        LayerStyle s = item.styleProperty().get();
        int dim = Math.max(0, item.mapLayer().dimension());
        if (item.colorOverrideProperty().get() != null) {
            // the classes the colours really come from, labelled with the scores they cover (one legend with
            // the PNG, PDF and KML outputs)
            io.siteplanner.render.ScoreLegend legend = item.scoreLegendProperty().get();
            if (legend != null) {
                for (int k = legend.classes(); k >= 1; k--) {
                    out.add(new LegendEntry(legend.color(k), s.stroke(), dim, "score " + legend.label(k)));
                }
            }
            out.add(new LegendEntry(io.siteplanner.render.ScoreLegend.FAILED, s.stroke(), dim, "fails a constraint"));
            return out;
        }
        switch (s.kind()) {
            case GRADUATED: {
                double[] b = s.breaks();
                int[] c = s.colors();
                for (int i = 0; i < c.length; i++) {
                    String label;
                    if (b.length == 0) {
                        label = "all";
                    } else if (i == 0) {
                        label = "< " + num(b[0]);
                    } else if (i == b.length) {
                        label = "≥ " + num(b[b.length - 1]);
                    } else {
                        label = num(b[i - 1]) + " – " + num(b[i]);
                    }
                    out.add(entry(c[i], s, dim, s.field() + " " + label));
                }
                break;
            }
            case CATEGORIZED:
                for (Map.Entry<String, Integer> e : s.categories().entrySet()) {
                    out.add(entry(e.getValue(), s, dim, e.getKey()));
                }
                out.add(entry(s.fill(), s, dim, "other"));
                break;
            default:
                if (s.sizeField() != null) {
                    out.add(new LegendEntry(s.fill(), s.stroke(), dim, "size by " + s.sizeField()));
                }
                break;
        }
        return out;
    }

    private static LegendEntry entry(int classColor, LayerStyle s, int dim, String label) {
        return dim == 1 ? new LegendEntry(0, classColor, 1, label) : new LegendEntry(classColor, s.stroke(), dim, label);
    }

    /** The swatch of the layer itself (single symbol). */
    public static LegendEntry swatch(LayerItem item) {
        LayerStyle s = item.styleProperty().get();
        int dim = Math.max(0, item.mapLayer().dimension());
        return new LegendEntry(s.fill(), s.stroke(), dim, item.getName());
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
