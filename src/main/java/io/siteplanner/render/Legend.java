package io.siteplanner.render;

import io.siteplanner.gis.preset.Preset;
import io.siteplanner.model.Units;
import io.siteplanner.model.style.LayerStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A style in words and swatches, for legends (rendered maps, the layer tree): one entry per class, the
 * kV classes of {@link DefaultStyles} with their usual names and "unknown voltage" as a class of its own,
 * and a line saying what the symbol size means (marked as an estimate for {@value Preset#CAPACITY_ESTIMATE}).
 */
public final class Legend {
    /** How an entry's swatch is drawn. */
    public enum Shape { POINT, LINE, AREA, NOTE }

    /**
     * One legend line.
     *
     * @param label  text
     * @param fill   swatch fill (points, areas) or line colour (lines), ARGB
     * @param stroke swatch outline, ARGB
     * @param shape  swatch shape; {@link Shape#NOTE} has none
     */
    public record Entry(String label, int fill, int stroke, Shape shape) {
    }

    private Legend() {
    }

    /**
     * Whether a legend row starts a new column: when the column has {@code perColumn} rows, or when the row
     * is a section title that would be the column's last row (a title never ends a column).
     *
     * @param row the number of rows already in the current column
     */
    public static boolean startsColumn(int row, int perColumn, boolean title) {
        return row > 0 && (row >= perColumn || title && row == perColumn - 1);
    }

    /**
     * The entries of a style.
     *
     * @param dimension 0 points, 1 lines, 2 polygons
     * @param name      what a single-symbol style stands for (the layer name)
     */
    public static List<Entry> of(LayerStyle s, int dimension, String name) {
        Shape shape = dimension == 0 ? Shape.POINT : dimension == 1 ? Shape.LINE : Shape.AREA;
        List<Entry> out = new ArrayList<>();
        switch (s.kind()) {
            case GRADUATED: {
                double[] b = s.breaks();
                int[] c = s.colors();
                boolean kv = Arrays.equals(b, DefaultStyles.KV_BREAKS);
                String unit = Units.ofField(s.field());
                for (int i = 0; i < c.length; i++) {
                    String label = kv ? DefaultStyles.KV_LABELS[i] : b.length == 0 ? "all"
                            : i == 0 ? "< " + value(b[0], unit)
                            : i == b.length ? ">= " + value(b[b.length - 1], unit)
                            : value(b[i - 1], unit) + " to < " + value(b[i], unit);
                    out.add(entry(label, c[i], s, shape));
                }
                out.add(entry(kv ? "unknown voltage" : s.noData().length > 0 ? "no data (" + io.siteplanner.model.style.ManualBreaks.format(s.noData()) + ")"
                        : "no value", s.fill(), s, shape));
                break;
            }
            case CATEGORIZED:
                for (Map.Entry<String, Integer> e : s.categories().entrySet()) {
                    out.add(entry(e.getKey(), e.getValue(), s, shape));
                }
                out.add(entry("no value or not listed", s.fill(), s, shape));
                break;
            default:
                out.add(entry(name, shape == Shape.LINE ? s.stroke() : s.fill(), s, shape));
        }
        if (s.sizeField() != null && shape == Shape.POINT) {
            String f = s.sizeField();
            out.add(new Entry(Preset.CAPACITY_ESTIMATE.equalsIgnoreCase(f)
                    ? "size: estimated capacity, MW (" + f + ", an estimate from connected lines)"
                    : "size: " + f, 0, 0, Shape.NOTE));
        }
        return out;
    }

    /**
     * The legend of a map: one section per data layer (basemap layers are left out) and the candidate sites
     * coloured by score, in the order the layers are listed top first.
     */
    public static List<io.siteplanner.render.MapDecorations.Section> sections(List<StyledLayer> layers) {
        return sections(layers, null);
    }

    /**
     * As {@link #sections(List)}, with the candidates' score classes of a result ({@link ScoreLegend}, the
     * ranges the colours really cover) instead of a generic ramp.
     */
    public static List<io.siteplanner.render.MapDecorations.Section> sections(List<StyledLayer> layers,
            ScoreLegend scores) {
        return sections(layers, scores, null);
    }

    /**
     * As {@link #sections(List, ScoreLegend)}, for a map of {@code view} (display CRS; null = everything):
     * data layers with nothing in the view are left out (a Mississippi layer in a map of Indiana).
     */
    public static List<io.siteplanner.render.MapDecorations.Section> sections(List<StyledLayer> layers,
            ScoreLegend scores, org.locationtech.jts.geom.Envelope view) {
        List<io.siteplanner.render.MapDecorations.Section> out = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            StyledLayer l = layers.get(i);
            if (view != null && l.role() != io.siteplanner.project.ProjectLayer.Role.CANDIDATES
                    && !l.layer().bounds().intersects(view)) {
                continue;
            }
            if (l.role() == io.siteplanner.project.ProjectLayer.Role.CANDIDATES && scores != null) {
                List<Entry> rows = new ArrayList<>();
                for (int k = scores.classes(); k >= 1; k--) {
                    rows.add(new Entry(scores.label(k), scores.color(k), l.style().stroke(), Shape.AREA));
                }
                rows.add(new Entry("fails a constraint", ScoreLegend.FAILED, l.style().stroke(), Shape.AREA));
                out.add(new io.siteplanner.render.MapDecorations.Section(l.name() + " (score)", rows));
            } else if (l.role() == io.siteplanner.project.ProjectLayer.Role.CANDIDATES) {
                out.add(new io.siteplanner.render.MapDecorations.Section(l.name() + " (score)", List.of(
                        new Entry("best", io.siteplanner.model.style.Colors.SCORE[5], l.style().stroke(), Shape.AREA),
                        new Entry("middle", io.siteplanner.model.style.Colors.SCORE[2], l.style().stroke(), Shape.AREA),
                        new Entry("worst", io.siteplanner.model.style.Colors.SCORE[0], l.style().stroke(), Shape.AREA),
                        new Entry("fails a constraint", ScoreLegend.FAILED, l.style().stroke(), Shape.AREA))));
            } else if (l.role() == io.siteplanner.project.ProjectLayer.Role.DATA && l.opacity() > 0) {
                String title = l.layer().preset() == null ? l.name() : l.name() + ": " + l.layer().preset().title();
                if (l.style().kind() != LayerStyle.Kind.SINGLE && !Arrays.equals(l.style().breaks(), DefaultStyles.KV_BREAKS)) {
                    title += ", by " + l.style().field();
                }
                List<Entry> entries = of(l.style(), l.layer().dimension(), l.name());
                // the same classes again (kV colours of lines and substations): say so instead of repeating them
                for (io.siteplanner.render.MapDecorations.Section earlier : out) {
                    if (sameClasses(earlier.entries(), entries)) {
                        List<Entry> shortened = new ArrayList<>();
                        shortened.add(new Entry("colours as " + earlier.title().split(":")[0], 0, 0, Shape.NOTE));
                        for (Entry e : entries) {
                            if (e.shape() == Shape.NOTE) {
                                shortened.add(e);
                            }
                        }
                        entries = shortened;
                        break;
                    }
                }
                out.add(new io.siteplanner.render.MapDecorations.Section(title, entries));
            }
        }
        return out;
    }

    private static boolean sameClasses(List<Entry> a, List<Entry> b) {
        List<String> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (Entry e : a) {
            if (e.shape() != Shape.NOTE) {
                x.add(e.label() + "|" + e.fill());
            }
        }
        for (Entry e : b) {
            if (e.shape() != Shape.NOTE) {
                y.add(e.label() + "|" + e.fill());
            }
        }
        return x.size() > 1 && x.equals(y);
    }

    private static Entry entry(String label, int color, LayerStyle s, Shape shape) {
        return new Entry(label, color, shape == Shape.LINE ? color : s.stroke(), shape);
    }

    /**
     * A class bound with the unit its field's name states ({@link Units#ofField}: "$65.50/MWh", "345 kV",
     * "1,000 ac"); the bare number when the name states none.
     */
    static String value(double v, String unit) {
        if (unit == null || unit.isEmpty()) {
            return Units.number(v);
        }
        if (unit.startsWith("USD/") || unit.startsWith("$/")) {
            return Units.format(v, unit, Units.DistanceUnit.KM);
        }
        return Units.number(v) + " " + Units.label(unit, Units.DistanceUnit.KM);
    }
}
