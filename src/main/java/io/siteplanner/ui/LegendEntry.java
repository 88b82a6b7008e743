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
            case GRADUATED:
            case CATEGORIZED: {
                // the class labels of the one legend (render.Legend: units, no-data class) under the layer
                List<io.siteplanner.render.Legend.Entry> rows = io.siteplanner.render.Legend.of(s, dim, item.getName());
                for (io.siteplanner.render.Legend.Entry r : rows) {
                    if (r.shape() == io.siteplanner.render.Legend.Shape.NOTE) {
                        out.add(new LegendEntry(s.fill(), s.stroke(), dim, r.label()));
                    } else {
                        out.add(entry(r.fill(), s, dim, s.kind() == io.siteplanner.model.style.LayerStyle.Kind.GRADUATED
                                ? s.field() + " " + r.label() : r.label()));
                    }
                }
                break;
            }
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
