package io.siteplanner.render;

import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Offline labels without collisions: state, place and county names placed greedily by priority (states,
 * then places by population, then counties by area) into a collision grid, and drawn with a halo.
 *
 * <p>Placement depends only on the resolution and the labelled layers, not on where the view is: every
 * candidate of a layer is placed in "world pixels" (map coordinates divided by the resolution). So a pan,
 * which keeps the resolution, shows the same labels in the same places, and a map drawn in bands or strips
 * ({@link MapRenderer#renderShifted}) joins up seamlessly. More labels appear as you zoom in: places need
 * a population that falls with the resolution, counties and states must be wide enough on screen for
 * their name. A labelled place gets its dot with its label. Placements are cached per resolution (the
 * last 8). Thread-safe.
 */
public final class Labels {
    /** Rendering hints of label text (measured and drawn alike). */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final int CELL = 96;
    private static final Map<Key, Placement> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Placement> e) {
            return size() > 8;
        }
    };

    /** Font, colours and halo of a label kind. */
    private record Look(Font font, Color text, Color halo, float haloWidth, boolean upper) {
    }

    private static final Map<LabelSpec.Kind, Look> LOOKS = new HashMap<>();

    static {
        Map<TextAttribute, Object> spaced = new HashMap<>();
        spaced.put(TextAttribute.TRACKING, 0.12);
        LOOKS.put(LabelSpec.Kind.STATE, new Look(new Font(Font.SANS_SERIF, Font.BOLD, 12).deriveFont(spaced),
                new Color(0x6b, 0x5f, 0x55), new Color(255, 255, 255, 200), 3f, true));
        LOOKS.put(LabelSpec.Kind.PLACE, new Look(new Font(Font.SANS_SERIF, Font.PLAIN, 11),
                new Color(0x22, 0x22, 0x22), new Color(255, 255, 255, 220), 3f, false));
        LOOKS.put(LabelSpec.Kind.FIELD, new Look(new Font(Font.SANS_SERIF, Font.PLAIN, 11),
                new Color(0x1a, 0x1a, 0x1a), new Color(255, 255, 255, 230), 3f, false));
        LOOKS.put(LabelSpec.Kind.COUNTY, new Look(new Font(Font.SANS_SERIF, Font.ITALIC, 10),
                new Color(0x80, 0x76, 0x6c), new Color(255, 255, 255, 190), 2.5f, false));
    }

    private static final Font PLACE_BIG = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Map<Font, float[]> METRICS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Ascent and descent of a font in px. */
    private static float[] metrics(Font f) {
        return METRICS.computeIfAbsent(f, x -> {
            java.awt.font.LineMetrics lm = x.getLineMetrics("Hgjy", FRC);
            return new float[] {lm.getAscent(), lm.getDescent()};
        });
    }
    /** The marker of a labelled place (places are drawn by their labels: unlabelled dots are noise). */
    private static final Color DOT = new Color(0x3b, 0x3b, 0x3b);

    private Labels() {
    }

    /** The label candidates of one layer, in the display CRS; computed once per {@link MapLayer}. */
    static final class Candidates {
        final LabelSpec spec;
        final String[] text;
        final double[] x;
        final double[] y;
        /** Polygon width and height in map units (0 for points). */
        final double[] w;
        final double[] h;
        final double[] priority;
        /** Text width and the font's ascent/descent in px. */
        final float[] tw;
        final boolean[] big;
        final int[] order;

        Candidates(LabelSpec spec, VectorLayer display) {
            this.spec = spec;
            int ti = display.schema().indexOf(spec.textField());
            int pi = spec.priorityField() == null ? -1 : display.schema().indexOf(spec.priorityField());
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < display.size(); i++) {
                Feature f = display.get(i);
                if (ti >= 0 && f.value(ti) != null && !f.value(ti).toString().isBlank() && f.geometry() != null
                        && !f.geometry().isEmpty()) {
                    keep.add(i);
                }
            }
            int n = keep.size();
            text = new String[n];
            x = new double[n];
            y = new double[n];
            w = new double[n];
            h = new double[n];
            priority = new double[n];
            tw = new float[n];
            big = new boolean[n];
            Look look = LOOKS.get(spec.kind());
            for (int k = 0; k < n; k++) {
                Feature f = display.get(keep.get(k));
                Geometry g = f.geometry();
                String t = LayerDraw.categoryKey(f.value(ti)).trim();
                text[k] = look.upper() ? t.toUpperCase(Locale.ROOT) : t;
                if (g.getDimension() == 0) {
                    Point p = g instanceof Point ? (Point) g : (Point) g.getGeometryN(0);
                    x[k] = p.getX();
                    y[k] = p.getY();
                } else {
                    // the name goes at the interior point of the largest part: the middle of its widest
                    // horizontal section through its centre, where a horizontal name has most room
                    Polygon largest = largestPart(g);
                    Geometry target = largest != null ? largest : g;
                    Envelope e = target.getEnvelopeInternal();
                    Point c = (largest != null ? largest : g).getInteriorPoint();
                    x[k] = c.getX();
                    y[k] = c.getY();
                    w[k] = e.getWidth();
                    h[k] = e.getHeight();
                }
                double pr = pi >= 0 ? f.number(pi) : w[k] * h[k];
                priority[k] = Double.isNaN(pr) ? 0 : pr;
                big[k] = spec.kind() == LabelSpec.Kind.PLACE && priority[k] >= 1_000_000;
                Font font = big[k] ? PLACE_BIG : look.font();
                // letter-spaced fonts need a text layout to measure; plain ones are 10x faster with bounds
                tw[k] = font.getAttributes().get(TextAttribute.TRACKING) != null
                        ? new TextLayout(text[k], font, FRC).getAdvance()
                        : (float) font.getStringBounds(text[k], FRC).getWidth();
            }
            Integer[] o = new Integer[n];
            for (int k = 0; k < n; k++) {
                o[k] = k;
            }
            Arrays.sort(o, (a, b) -> {
                int c = Double.compare(priority[b], priority[a]);
                return c != 0 ? c : text[a].compareTo(text[b]);
            });
            order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
        }

        private static Polygon largestPart(Geometry g) {
            Polygon best = null;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon) {
                    Polygon p = (Polygon) g.getGeometryN(i);
                    if (best == null || p.getArea() > best.getArea()) {
                        best = p;
                    }
                }
            }
            return best;
        }
    }

    /**
     * One placed label: text, font and baseline origin in world pixels; the box of the text with its halo;
     * for a place, its dot (centre and radius, 0 for none).
     */
    record Placed(String text, Font font, Look look, double gx, double gy, double x0, double y0, double x1, double y1,
            double dotX, double dotY, double dotR) {
    }

    /** The labels placed for one resolution. */
    static final class Placement {
        final List<Placed> labels;

        Placement(List<Placed> labels) {
            this.labels = labels;
        }

        int size() {
            return labels.size();
        }
    }

    private record Key(double resolution, List<Object> layers) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            if (k.resolution != resolution || k.layers.size() != layers.size()) {
                return false;
            }
            for (int i = 0; i < layers.size(); i++) {
                if (!k.layers.get(i).equals(layers.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Double.hashCode(resolution);
            for (Object l : layers) {
                h = 31 * h + l.hashCode();
            }
            return h;
        }
    }

    /** A layer and the labels it shows (its theme's or the user's); the layer compares by identity. */
    record Labelled(MapLayer layer, LabelSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Labelled && ((Labelled) o).layer == layer && ((Labelled) o).spec.equals(spec);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(layer) * 31 + spec.hashCode();
        }
    }

    /**
     * The scale denominator of a view at its centre (ground metres per pixel over a 0.28 mm pixel, the
     * OGC standard rendering pixel), as the status bar shows it.
     */
    static double scaleOf(Viewport vp) {
        return WebMercator.groundResolution(vp.resolution(), vp.centerY()) / 0.00028;
    }

    /**
     * The labelled layers of a draw list (visible, with labels: the user's labels of its style, else those
     * of its theme) whose labels show at this scale denominator, in drawing order.
     */
    static List<Labelled> labelled(List<LayerDraw> draws, double scale) {
        List<Labelled> out = new ArrayList<>();
        IdentityHashMap<MapLayer, Boolean> seen = new IdentityHashMap<>();
        for (LayerDraw d : draws) {
            LabelSpec spec = d.style().labels() != null ? LabelSpec.of(d.style().labels()) : d.layer().labels();
            if (spec != null && spec.showsAt(scale) && d.opacity() > 0 && seen.put(d.layer(), Boolean.TRUE) == null) {
                out.add(new Labelled(d.layer(), spec));
            }
        }
        return out;
    }

    /** Layers with the labels of their themes. */
    static List<Labelled> themed(MapLayer... layers) {
        List<Labelled> out = new ArrayList<>();
        for (MapLayer l : layers) {
            out.add(new Labelled(l, l.labels()));
        }
        return out;
    }

    /** Placement of the labels of these layers at a resolution (cached). */
    static Placement place(double resolution, List<Labelled> layers) {
        if (layers.isEmpty()) {
            return new Placement(List.of());
        }
        Key key = new Key(resolution, new ArrayList<>(layers));
        synchronized (CACHE) {
            Placement p = CACHE.get(key);
            if (p != null) {
                return p;
            }
        }
        Placement p = compute(resolution, layers);
        synchronized (CACHE) {
            CACHE.put(key, p);
        }
        return p;
    }

    /** Population a place needs to be labelled at a resolution (m/px): the lower, the closer you are. */
    static double minPopulation(double res) {
        return res >= 3000 ? 500_000 : res >= 1500 ? 200_000 : res >= 700 ? 80_000 : res >= 350 ? 40_000
                : res >= 150 ? 20_000 : 0;
    }

    /** States are named from 15 km/px (the whole US) down to 150 m/px. */
    static boolean statesAt(double res) {
        return res >= 150 && res <= 15_000;
    }

    /** Counties are named from 600 m/px (a state on a screen) in. */
    static boolean countiesAt(double res) {
        return res <= 600;
    }

    static Placement compute(double res, List<Labelled> layers) {
        List<Candidates> cands = new ArrayList<>();
        for (Labelled l : layers) {
            cands.add(l.layer().labelCandidates(l.spec()));
        }
        Grid grid = new Grid();
        List<Placed> out = new ArrayList<>();
        for (LabelSpec.Kind kind : LabelSpec.Kind.values()) {
            for (Candidates c : cands) {
                if (c.spec.kind() != kind) {
                    continue;
                }
                Look look = LOOKS.get(kind);
                if (kind == LabelSpec.Kind.STATE && !statesAt(res) || kind == LabelSpec.Kind.COUNTY && !countiesAt(res)) {
                    continue;
                }
                double minPop = minPopulation(res);
                for (int k : c.order) {
                    if (kind == LabelSpec.Kind.FIELD) {
                        placeField(c, k, res, look, grid, out);
                        continue;
                    }
                    Font font = c.big[k] ? PLACE_BIG : look.font();
                    float[] m = metrics(font);
                    float asc = m[0];
                    float desc = m[1];
                    double gx = c.x[k] / res;
                    double gy = -c.y[k] / res;
                    double pad = look.haloWidth() / 2 + 1;
                    if (kind == LabelSpec.Kind.PLACE) {
                        if (c.priority[k] < minPop) {
                            break; // ordered by population: the rest are smaller
                        }
                        double r = c.big[k] ? 3.5 : 2.5;
                        // right, left, above, below the dot, the halo clear of it
                        double gap = r + 1 + pad;
                        double[][] at = besidePoint(gx, gy, gap, asc, desc, c.tw[k]);
                        for (double[] a : at) {
                            double x0 = a[0] - pad;
                            double y0 = a[1] - asc - pad;
                            double x1 = a[0] + c.tw[k] + pad;
                            double y1 = a[1] + desc + pad;
                            if (grid.free(x0, y0, x1, y1) && grid.free(gx - r - 1, gy - r - 1, gx + r + 1, gy + r + 1)) {
                                grid.add(x0, y0, x1, y1);
                                grid.add(gx - r - 1, gy - r - 1, gx + r + 1, gy + r + 1);
                                out.add(new Placed(c.text[k], font, look, a[0], a[1], x0, y0, x1, y1, gx, gy, r));
                                break;
                            }
                        }
                        continue;
                    }
                    double wpx = c.w[k] / res;
                    double hpx = c.h[k] / res;
                    double need = kind == LabelSpec.Kind.STATE ? 0.7 : 1.0;
                    if (wpx < c.tw[k] * need || hpx < (asc + desc) * 1.5) {
                        continue;
                    }
                    double bx = gx - c.tw[k] / 2;
                    double by = gy + (asc - desc) / 2;
                    double x0 = bx - pad;
                    double y0 = by - asc - pad;
                    double x1 = bx + c.tw[k] + pad;
                    double y1 = by + desc + pad;
                    if (grid.free(x0, y0, x1, y1)) {
                        grid.add(x0, y0, x1, y1);
                        out.add(new Placed(c.text[k], font, look, bx, by, x0, y0, x1, y1, 0, 0, 0));
                    }
                }
            }
        }
        return new Placement(out);
    }

    /**
     * The baseline origins of a text {@code tw} wide beside a point at (gx, gy), {@code gap} clear of it, in
     * the order tried: right, left, above, below.
     */
    private static double[][] besidePoint(double gx, double gy, double gap, float asc, float desc, double tw) {
        return new double[][] {{gx + gap, gy + (asc - desc) / 2}, {gx - gap - tw, gy + (asc - desc) / 2},
            {gx - tw / 2, gy - gap - desc}, {gx - tw / 2, gy + gap + asc}};
    }

    /**
     * A user's label: beside a point (right, left, above, below, the first free), at the middle of a line
     * or polygon (skipped when something is already there).
     */
    private static void placeField(Candidates c, int k, double res, Look look, Grid grid, List<Placed> out) {
        Font font = look.font();
        float[] m = metrics(font);
        float asc = m[0];
        float desc = m[1];
        double gx = c.x[k] / res;
        double gy = -c.y[k] / res;
        double pad = look.haloWidth() / 2 + 1;
        double[][] at;
        if (c.w[k] == 0 && c.h[k] == 0) {
            double gap = 5 + pad;
            at = besidePoint(gx, gy, gap, asc, desc, c.tw[k]);
        } else {
            at = new double[][] {{gx - c.tw[k] / 2, gy + (asc - desc) / 2}};
        }
        for (double[] a : at) {
            double x0 = a[0] - pad;
            double y0 = a[1] - asc - pad;
            double x1 = a[0] + c.tw[k] + pad;
            double y1 = a[1] + desc + pad;
            if (grid.free(x0, y0, x1, y1)) {
                grid.add(x0, y0, x1, y1);
                out.add(new Placed(c.text[k], font, look, a[0], a[1], x0, y0, x1, y1, 0, 0, 0));
                return;
            }
        }
    }

    /** Draws the placed labels that touch {@code clip} (screen pixels). */
    static void draw(Graphics2D g, Viewport vp, Placement p, Rectangle clip) {
        if (p.size() == 0) {
            return;
        }
        double ox = vp.minX() / vp.resolution();
        double oy = -vp.maxY() / vp.resolution();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        for (Placed l : p.labels) {
            double m = l.dotR() + 1;
            double sx0 = (l.dotR() > 0 ? Math.min(l.x0(), l.dotX() - m) : l.x0()) - ox;
            double sy0 = (l.dotR() > 0 ? Math.min(l.y0(), l.dotY() - m) : l.y0()) - oy;
            double sx1 = (l.dotR() > 0 ? Math.max(l.x1(), l.dotX() + m) : l.x1()) - ox;
            double sy1 = (l.dotR() > 0 ? Math.max(l.y1(), l.dotY() + m) : l.y1()) - oy;
            if (sx1 < clip.x || sx0 > clip.x + clip.width || sy1 < clip.y || sy0 > clip.y + clip.height) {
                continue;
            }
            if (l.dotR() > 0) {
                java.awt.geom.Ellipse2D dot = new java.awt.geom.Ellipse2D.Double(l.dotX() - ox - l.dotR(),
                        l.dotY() - oy - l.dotR(), 2 * l.dotR(), 2 * l.dotR());
                g.setColor(DOT);
                g.fill(dot);
                g.setStroke(new BasicStroke(1f));
                g.setColor(Color.WHITE);
                g.draw(dot);
            }
            TextLayout tl = new TextLayout(l.text(), l.font(), FRC);
            Shape outline = tl.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(l.gx() - ox, l.gy() - oy));
            g.setStroke(new BasicStroke(l.look().haloWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(l.look().halo());
            g.draw(outline);
            g.setColor(l.look().text());
            g.fill(outline);
        }
    }

    /** Boxes already taken, bucketed by cells of {@value #CELL} world pixels. */
    private static final class Grid {
        final Map<Long, List<double[]>> cells = new HashMap<>();

        boolean free(double x0, double y0, double x1, double y1) {
            for (long cx = (long) Math.floor(x0 / CELL); cx <= (long) Math.floor(x1 / CELL); cx++) {
                for (long cy = (long) Math.floor(y0 / CELL); cy <= (long) Math.floor(y1 / CELL); cy++) {
                    List<double[]> l = cells.get(cx << 32 ^ (cy & 0xffffffffL));
                    if (l == null) {
                        continue;
                    }
                    for (double[] b : l) {
                        if (b[0] < x1 && x0 < b[2] && b[1] < y1 && y0 < b[3]) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        void add(double x0, double y0, double x1, double y1) {
            double[] b = {x0, y0, x1, y1};
            for (long cx = (long) Math.floor(x0 / CELL); cx <= (long) Math.floor(x1 / CELL); cx++) {
                for (long cy = (long) Math.floor(y0 / CELL); cy <= (long) Math.floor(y1 / CELL); cy++) {
                    cells.computeIfAbsent(cx << 32 ^ (cy & 0xffffffffL), k -> new ArrayList<>()).add(b);
                }
            }
        }
    }
}
