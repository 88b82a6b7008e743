package io.siteplanner.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is drawn on top of a map at fixed places of the image: a north arrow (top right), the attribution
 * line of the data shown (bottom right), a scale bar in km and miles (bottom left) and a legend (top left).
 * Maps smaller than {@value #MIN_WIDTH} x {@value #MIN_HEIGHT} px get none. Immutable.
 *
 * @param northArrow  draw a north arrow
 * @param scaleBar    draw a scale bar (the desktop map draws its own)
 * @param attribution draw the credits of the layers shown ({@link MapLayer#attribution()}) and {@link #extra}
 * @param legend      legend sections, top left (empty: none)
 * @param extra       credit always added to the attribution line, or null
 */
public record MapDecorations(boolean northArrow, boolean scaleBar, boolean attribution, List<Section> legend,
        String extra) {
    /** Smallest map that gets decorations. */
    public static final int MIN_WIDTH = 300;
    public static final int MIN_HEIGHT = 200;

    /** Nothing on top of the map. */
    public static final MapDecorations NONE = new MapDecorations(false, false, false, List.of(), null);
    /** The desktop map: north arrow and attribution (its scale bar and legend are its own). */
    public static final MapDecorations CANVAS = new MapDecorations(true, false, true, List.of(), null);

    /** A titled group of legend entries (one per layer). */
    public record Section(String title, List<Legend.Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    public MapDecorations {
        legend = legend == null ? List.of() : List.copyOf(legend);
    }

    /** Printed maps (render command, PNG and PDF exports): everything, with this legend. */
    public static MapDecorations print(List<Section> legend) {
        return new MapDecorations(true, true, true, legend, null);
    }

    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LEGEND_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font ARROW = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Color PANEL = new Color(255, 255, 255, 215);
    private static final Color INK = new Color(0x33, 0x33, 0x33);

    /** Whether a map of this size gets decorations at all. */
    boolean fits(Viewport vp) {
        return vp.width() >= MIN_WIDTH && vp.height() >= MIN_HEIGHT;
    }

    /** The attribution line for these layers: credits of the visible layers, in drawing order, once each. */
    String attributionText(List<LayerDraw> layers) {
        if (!attribution) {
            return null;
        }
        Set<String> credits = new LinkedHashSet<>();
        for (LayerDraw d : layers) {
            if (d.opacity() > 0 && d.layer().attribution() != null) {
                credits.add(d.layer().attribution());
            }
        }
        if (extra != null) {
            credits.add(extra);
        }
        return credits.isEmpty() ? null : String.join(" · ", credits);
    }

    /** Screen rectangles the decorations cover (what a pan must redraw under them). */
    List<Rectangle> areas(Viewport vp, List<LayerDraw> layers) {
        List<Rectangle> out = new ArrayList<>();
        if (!fits(vp)) {
            return out;
        }
        if (northArrow) {
            out.add(arrowBox(vp));
        }
        String text = attributionText(layers);
        if (text != null) {
            out.add(attributionBox(vp, text));
        }
        if (scaleBar) {
            out.add(scaleBox(vp));
        }
        if (!legend.isEmpty()) {
            out.add(legendBox(vp));
        }
        return out;
    }

    /** Draws the decorations (after the map and labels). */
    void draw(Graphics2D g, Viewport vp, List<LayerDraw> layers) {
        if (!fits(vp)) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        if (!legend.isEmpty()) {
            drawLegend(g, legendLayout(vp));
        }
        if (northArrow) {
            drawArrow(g, arrowBox(vp));
        }
        if (scaleBar) {
            drawScale(g, vp, scaleBox(vp));
        }
        String text = attributionText(layers);
        if (text != null) {
            Rectangle r = attributionBox(vp, text);
            g.setColor(PANEL);
            g.fill(r);
            g.setColor(INK);
            String shown = fitted(text, r.width - 8);
            new TextLayout(shown, SMALL, Labels.FRC).draw(g, r.x + 4, r.y + r.height - 4);
        }
    }

    private static Rectangle arrowBox(Viewport vp) {
        return new Rectangle(vp.width() - 44, 10, 32, 46);
    }

    private static void drawArrow(Graphics2D g, Rectangle r) {
        g.setColor(PANEL);
        g.fill(new Ellipse2D.Double(r.x, r.y + r.height - 32, 32, 32));
        double cx = r.x + 16;
        double top = r.y + r.height - 30;
        double bottom = r.y + r.height - 4;
        Path2D.Double left = new Path2D.Double();
        left.moveTo(cx, top);
        left.lineTo(cx - 8, bottom);
        left.lineTo(cx, bottom - 6);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(cx, top);
        right.lineTo(cx + 8, bottom);
        right.lineTo(cx, bottom - 6);
        right.closePath();
        g.setColor(INK);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(right);
        TextLayout n = new TextLayout("N", ARROW, Labels.FRC);
        float w = n.getAdvance();
        g.setColor(PANEL);
        g.fill(new Rectangle2D.Double(cx - w / 2 - 2, r.y, w + 4, 14));
        g.setColor(INK);
        n.draw(g, (float) (cx - w / 2), r.y + 12);
    }

    private static final java.util.Map<String, Float> WIDTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Width of an attribution text in px (cached: maps redraw the same line on every pan). */
    private static float width(String text) {
        if (WIDTHS.size() > 256) {
            WIDTHS.clear();
        }
        return WIDTHS.computeIfAbsent(text, t -> new TextLayout(t, SMALL, Labels.FRC).getAdvance());
    }

    private static Rectangle attributionBox(Viewport vp, String text) {
        float w = width(text);
        int width = (int) Math.min(vp.width() - 8, Math.ceil(w) + 8);
        return new Rectangle(vp.width() - width, vp.height() - 15, width, 15);
    }

    /** The text, cut with an ellipsis to fit {@code width} px. */
    private static String fitted(String text, int width) {
        if (width(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && new TextLayout(t + "…", SMALL, Labels.FRC).getAdvance() > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static Rectangle scaleBox(Viewport vp) {
        return new Rectangle(6, vp.height() - 46, 190, 40);
    }

    private static void drawScale(Graphics2D g, Viewport vp, Rectangle r) {
        ScaleBars bars = ScaleBars.of(vp, 110);
        String kmLabel = bars.kmLabel();
        String miLabel = bars.miLabel();
        double wKm = bars.kmPx();
        double wMi = bars.miPx();
        int x0 = r.x + 6;
        int y0 = r.y + r.height - 8;
        g.setColor(PANEL);
        g.fill(new Rectangle(r.x, r.y, (int) Math.min(r.width, Math.max(wKm, wMi) + 64), r.height));
        g.setColor(INK);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(x0, y0 - 12, x0 + wKm, y0 - 12));
        g.draw(new Line2D.Double(x0, y0 - 18, x0, y0 - 6));
        g.draw(new Line2D.Double(x0 + wKm, y0 - 18, x0 + wKm, y0 - 12));
        g.draw(new Line2D.Double(x0, y0, x0 + wMi, y0));
        g.draw(new Line2D.Double(x0 + wMi, y0, x0 + wMi, y0 - 6));
        new TextLayout(kmLabel, SMALL, Labels.FRC).draw(g, (float) (x0 + wKm + 5), y0 - 9);
        new TextLayout(miLabel, SMALL, Labels.FRC).draw(g, (float) (x0 + wMi + 5), y0 + 3);
    }


    private static final int ROW = 15;

    /** Share of the map's height a legend column may take before the legend flows into another column. */
    static final double LEGEND_HEIGHT_SHARE = 0.45;

    /**
     * Where the legend's rows go: rows flow top to bottom into columns of at most
     * {@link #LEGEND_HEIGHT_SHARE} of the map's height (a section title never ends a column); each column is
     * as wide as its entries (long section titles are shortened with "…" to that width, at least
     * {@link #LEGEND_MIN_COLUMN} px); columns are added while they fit in the map's width less 120 px (the
     * north arrow); rows that still do not fit are left out.
     *
     * @param box     the legend's box
     * @param rows    for each section, its title row then its entries: {column, row} of each drawn row (null
     *                where left out)
     * @param columnX x offset of each column from the box's left edge, then the box width
     */
    record LegendLayout(Rectangle box, List<int[]> rows, int[] columnX) {
    }

    static final int LEGEND_MIN_COLUMN = 160;

    LegendLayout legendLayout(Viewport vp) {
        List<Float> widths = new java.util.ArrayList<>();
        List<Boolean> titles = new java.util.ArrayList<>();
        for (Section s : legend) {
            titles.add(true);
            widths.add(0f); // titles are shortened to their column's width
            for (Legend.Entry e : s.entries()) {
                titles.add(false);
                widths.add(new TextLayout(e.label().isEmpty() ? " " : e.label(), LEGEND, Labels.FRC).getAdvance()
                        + (e.shape() == Legend.Shape.NOTE ? 6 : 26));
            }
        }
        int perColumn = Math.max(4, (int) (vp.height() * LEGEND_HEIGHT_SHARE) / ROW);
        if (titles.size() * ROW + 10 <= vp.height() * 0.6) {
            perColumn = Math.max(perColumn, titles.size()); // a short legend stays one column
        }
        int maxWidth = Math.max(LEGEND_MIN_COLUMN, vp.width() - 120);
        List<int[]> at = new java.util.ArrayList<>();
        List<Integer> colWidths = new java.util.ArrayList<>();
        int col = 0;
        int row = 0;
        int usedRows = 0;
        float colW = LEGEND_MIN_COLUMN;
        int left = 0; // width of the columns before this one
        boolean full = false;
        for (int i = 0; i < titles.size(); i++) {
            boolean title = titles.get(i);
            if (!full && Legend.startsColumn(row, perColumn, title)) {
                colWidths.add((int) Math.ceil(colW) + 12);
                left += (int) Math.ceil(colW) + 12;
                col++;
                row = 0;
                colW = LEGEND_MIN_COLUMN;
            }
            float need = Math.max(colW, widths.get(i));
            if (full || left + Math.min(need, maxWidth) + 12 > maxWidth && col > 0) {
                full = true;
                at.add(null);
                continue;
            }
            colW = Math.min(need, maxWidth - left - 12);
            at.add(new int[] {col, row});
            row++;
            usedRows = Math.max(usedRows, row);
        }
        colWidths.add((int) Math.ceil(colW) + 12);
        int[] x = new int[colWidths.size() + 1];
        for (int k = 0; k < colWidths.size(); k++) {
            x[k + 1] = x[k] + colWidths.get(k);
        }
        Rectangle box = new Rectangle(8, 8, x[colWidths.size()], usedRows * ROW + 10);
        return new LegendLayout(box, at, x);
    }

    private Rectangle legendBox(Viewport vp) {
        return legendLayout(vp).box();
    }

    /** {@code text} shortened with "…" to at most {@code width} px in {@code font}. */
    private static String fit(String text, Font font, float width) {
        if (text.isEmpty() || new TextLayout(text, font, Labels.FRC).getAdvance() <= width) {
            return text.isEmpty() ? " " : text;
        }
        int n = text.length();
        while (n > 1 && new TextLayout(text.substring(0, n) + "…", font, Labels.FRC).getAdvance() > width) {
            n--;
        }
        return text.substring(0, n) + "…";
    }

    private void drawLegend(Graphics2D g, LegendLayout layout) {
        Rectangle r = layout.box();
        g.setColor(PANEL);
        g.fill(r);
        g.setColor(new Color(0xbb, 0xbb, 0xbb));
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
        Graphics2D c = (Graphics2D) g.create();
        c.clip(r);
        int[] cx = layout.columnX();
        int k = 0;
        for (Section s : legend) {
            int[] at = layout.rows().get(k++);
            if (at != null) {
                c.setColor(INK);
                new TextLayout(fit(s.title(), LEGEND_TITLE, cx[at[0] + 1] - cx[at[0]] - 12), LEGEND_TITLE, Labels.FRC)
                        .draw(c, r.x + cx[at[0]] + 6, r.y + 5 + at[1] * ROW + 11);
            }
            for (Legend.Entry e : s.entries()) {
                at = layout.rows().get(k++);
                if (at == null) {
                    continue;
                }
                int x = r.x + cx[at[0]];
                int y = r.y + 5 + at[1] * ROW;
                swatch(c, e, x + 6, y + 1);
                c.setColor(INK);
                if (!e.label().isEmpty()) {
                    new TextLayout(e.label(), LEGEND, Labels.FRC).draw(c, x + (e.shape() == Legend.Shape.NOTE ? 6 : 26),
                            y + 11);
                }
            }
        }
        c.dispose();
    }

    private static void swatch(Graphics2D g, Legend.Entry e, int x, int y) {
        switch (e.shape()) {
            case POINT:
                g.setColor(new Color(e.fill(), true));
                g.fill(new Ellipse2D.Double(x + 3, y + 1, 10, 10));
                g.setColor(new Color(e.stroke(), true));
                g.setStroke(new BasicStroke(1f));
                g.draw(new Ellipse2D.Double(x + 3, y + 1, 10, 10));
                break;
            case LINE:
                g.setColor(new Color(e.fill(), true));
                g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x, y + 6, x + 16, y + 6));
                break;
            case AREA:
                g.setColor(new Color(e.fill(), true));
                g.fill(new Rectangle(x, y, 16, 12));
                g.setColor(new Color(e.stroke(), true));
                g.setStroke(new BasicStroke(1f));
                g.draw(new Rectangle(x, y, 16, 12));
                break;
            default:
                break;
        }
    }
}
