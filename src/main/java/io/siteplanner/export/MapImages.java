package io.siteplanner.export;

import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.Legend;
import io.siteplanner.render.MapDecorations;
import io.siteplanner.render.MapRenderer;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.render.Viewport;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.render.MapLayer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Map images for exports, drawn with {@link MapRenderer} like the desktop map: the layers with their
 * styles and labels, the candidates coloured by score ({@link io.siteplanner.render.ScoreLegend}), optionally one site
 * highlighted; with a north arrow, scale bar, attribution line and (for the overview) a legend.
 */
public final class MapImages {
    private MapImages() {
    }

    /**
     * The map of {@code view} (display CRS; null = the candidates' extent with a 5 % margin).
     *
     * @throws IllegalArgumentException when the candidates layer and the result differ in size
     */
    public static BufferedImage render(ScoreResult r, MapContent map, Envelope view, int width, int height) {
        Viewport vp = viewport(map, view, width, height);
        return MapRenderer.render(vp, draws(r, map, null), DefaultStyles.BACKGROUND,
                MapDecorations.print(Legend.sections(map.layers(), io.siteplanner.render.ScoreLegend.of(r), vp.envelope())));
    }

    /** The viewport of {@link #render}: {@code view}, or the candidates' extent with a 5 % margin. */
    public static Viewport viewport(MapContent map, Envelope view, int width, int height) {
        return Viewport.fit(view != null ? view : map.candidates().bounds(), width, height, view != null ? 0 : 0.05);
    }

    /** A close-up of one site (candidate index), highlighted, with about its own size around it. */
    public static BufferedImage site(ScoreResult r, MapContent map, int site, int width, int height) {
        Viewport vp = siteViewport(map, site, width, height);
        BitSet sel = new BitSet();
        sel.set(site);
        BufferedImage img = MapRenderer.render(vp, draws(r, map, sel), DefaultStyles.BACKGROUND,
                MapDecorations.print(List.of()));
        addLocator(img, map, vp);
        return img;
    }

    /** The viewport of {@link #site}: the site with about its own size around it, at least 2 km each side. */
    public static Viewport siteViewport(MapContent map, int site, int width, int height) {
        Geometry g = map.candidates().display().get(site).geometry();
        Envelope e = g == null || g.isEmpty() ? map.candidates().bounds() : new Envelope(g.getEnvelopeInternal());
        double pad = Math.max(Math.max(e.getWidth(), e.getHeight()) * 0.8, 2000);
        e.expandBy(pad);
        return Viewport.fit(e, width, height, 0);
    }

    /** Smallest side of the overview map's extent, display units (m): a lone site is not drawn at 0.1 m/px. */
    static final double MIN_OVERVIEW_SIDE = 20_000;

    /**
     * The viewport of the report's overview map: the extent of {@code sites} (the ranked or shortlisted
     * sites of the report) with an 8 % margin, at least {@value #MIN_OVERVIEW_SIDE} m across; all
     * candidates when {@code sites} is empty.
     */
    public static Viewport overviewViewport(MapContent map, Collection<Integer> sites, int width, int height) {
        Envelope e = new Envelope();
        for (int i : sites) {
            Geometry g = map.candidates().display().get(i).geometry();
            if (g != null && !g.isEmpty()) {
                e.expandToInclude(g.getEnvelopeInternal());
            }
        }
        if (e.isNull()) {
            e = new Envelope(map.candidates().bounds());
        }
        if (!e.isNull()) {
            double grow = Math.max(0, MIN_OVERVIEW_SIDE - Math.max(e.getWidth(), e.getHeight())) / 2;
            e.expandBy(grow);
        }
        return Viewport.fit(e, width, height, 0.08);
    }

    /**
     * The overview map of {@link #overviewViewport} with the score legend and a locator inset; the report's
     * sites outlined and marked with their rank.
     */
    public static BufferedImage overview(ScoreResult r, MapContent map, Collection<Integer> sites, int width, int height) {
        return overview(r, map, sites, width, height, true);
    }

    /** As {@link #overview(ScoreResult, MapContent, Collection, int, int)}, the legend optional. */
    public static BufferedImage overview(ScoreResult r, MapContent map, Collection<Integer> sites, int width, int height,
            boolean legend) {
        return overview(r, map, sites, overviewViewport(map, sites, width, height), legend);
    }

    /** As {@link #overview(ScoreResult, MapContent, Collection, int, int, boolean)}, of a viewport already made. */
    static BufferedImage overview(ScoreResult r, MapContent map, Collection<Integer> sites, Viewport vp, boolean legend) {
        BitSet sel = new BitSet();
        sites.forEach(sel::set);
        BufferedImage img = MapRenderer.render(vp, draws(r, map, sel), DefaultStyles.BACKGROUND,
                MapDecorations.print(legend ? Legend.sections(map.layers(), io.siteplanner.render.ScoreLegend.of(r), vp.envelope())
                        : List.of()));
        markRanks(img, r, map, vp, sites);
        addLocator(img, map, vp);
        return img;
    }

    /** Radius of a rank marker, px. */
    static final int RANK_MARK_RADIUS = 10;

    /**
     * Marks each site with its rank: a dark disc with the number, at the site's interior point (inside the
     * site even for concave shapes). Where discs would overlap, the better-ranked site's is drawn and the
     * other is left to its outline; returns the sites marked.
     */
    static List<Integer> markRanks(BufferedImage img, ScoreResult r, MapContent map, Viewport vp,
            Collection<Integer> sites) {
        List<Integer> order = new ArrayList<>(sites);
        order.sort(java.util.Comparator.comparingInt(r::rank));
        List<double[]> placed = new ArrayList<>();
        List<Integer> marked = new ArrayList<>();
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11);
            g.setFont(font);
            int rad = RANK_MARK_RADIUS;
            for (int site : order) {
                Geometry geom = map.candidates().display().get(site).geometry();
                if (geom == null || geom.isEmpty()) {
                    continue;
                }
                org.locationtech.jts.geom.Point p = geom.getInteriorPoint();
                double x = vp.toScreenX(p.getX());
                double y = vp.toScreenY(p.getY());
                boolean clash = x < 0 || y < 0 || x > img.getWidth() || y > img.getHeight();
                for (double[] q : placed) {
                    clash |= Math.hypot(q[0] - x, q[1] - y) < 2 * rad + 2;
                }
                if (clash) {
                    continue;
                }
                placed.add(new double[] {x, y});
                marked.add(site);
                String label = Integer.toString(r.rank(site));
                int d = label.length() > 2 ? 2 * rad + 8 : 2 * rad;
                g.setColor(new Color(0x22, 0x22, 0x22, 225));
                g.fill(new java.awt.geom.RoundRectangle2D.Double(x - d / 2.0, y - rad, d, 2 * rad, 2 * rad, 2 * rad));
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new java.awt.geom.RoundRectangle2D.Double(x - d / 2.0, y - rad, d, 2 * rad, 2 * rad, 2 * rad));
                java.awt.FontMetrics fm = g.getFontMetrics();
                g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (y + fm.getAscent() / 2.0 - 1));
            }
        } finally {
            g.dispose();
        }
        return marked;
    }

    /**
     * The sites in groups that lie apart: single linkage, two sites are in one group when a chain of sites
     * at most {@code gap} display units (m) apart (between their envelopes' centres) joins them. Groups
     * are in the order of their first site; sites keep their order inside a group.
     */
    public static List<List<Integer>> clusters(MapContent map, List<Integer> sites, double gap) {
        int n = sites.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
            Geometry g = map.candidates().display().get(sites.get(k)).geometry();
            Envelope e = g == null || g.isEmpty() ? null : g.getEnvelopeInternal();
            x[k] = e == null ? Double.NaN : e.centre().x;
            y[k] = e == null ? Double.NaN : e.centre().y;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (Math.hypot(x[a] - x[b], y[a] - y[b]) <= gap) {
                    parent[root(parent, a)] = root(parent, b);
                }
            }
        }
        java.util.Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            groups.computeIfAbsent(root(parent, k), q -> new ArrayList<>()).add(sites.get(k));
        }
        return new ArrayList<>(groups.values());
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    /** Inset colours: the extent frame. */
    static final Color LOCATOR_MARK = new Color(0xd6, 0x27, 0x28);

    /**
     * Draws a locator inset into the top right of a map image, under the north arrow: the region around
     * the map (the basemap's states touching it, or all candidates without a basemap) with the map's extent
     * outlined in red (a red ring when the extent is a few pixels).
     */
    static void addLocator(BufferedImage img, MapContent map, Viewport vp) {
        int w = Math.max(120, img.getWidth() / 5);
        Viewport lv = locatorViewport(map, vp.envelope(), w, (int) (w * 0.72));
        BufferedImage inset = locator(map, vp.envelope(), lv);
        int x = img.getWidth() - inset.getWidth() - 10;
        int y = 64;
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(inset, x, y, null);
            g.setColor(new Color(0x55, 0x55, 0x55));
            g.setStroke(new BasicStroke(1.5f));
            g.drawRect(x, y, inset.getWidth() - 1, inset.getHeight() - 1);
        } finally {
            g.dispose();
        }
    }

    /**
     * The viewport of a locator inset for a map showing {@code extent}: the polygons of the coarsest
     * basemap layer (fewest features: states) that touch the extent, plus the extent, with a margin, and
     * at least four times the extent's size; without a basemap, the extent of all candidates.
     */
    public static Viewport locatorViewport(MapContent map, Envelope extent, int width, int height) {
        Envelope region = new Envelope(extent);
        MapLayer base = locatorBase(map);
        if (base != null) {
            for (int i : base.query(extent)) {
                Geometry g = base.display().get(i).geometry();
                if (g != null && !g.isEmpty() && g.intersects(g.getFactory().toGeometry(extent))) {
                    region.expandToInclude(g.getEnvelopeInternal());
                }
            }
        } else {
            region.expandToInclude(map.candidates().bounds());
        }
        double side = Math.max(extent.getWidth(), extent.getHeight()) * 4;
        double grow = Math.max(0, side - Math.max(region.getWidth(), region.getHeight())) / 2;
        region.expandBy(grow);
        return Viewport.fit(region, width, height, 0.06);
    }

    /** The inset image: the locator base layer (or the candidates as dots) and the extent marked. */
    static BufferedImage locator(MapContent map, Envelope extent, Viewport lv) {
        MapLayer base = locatorBase(map);
        List<LayerDraw> draws = new ArrayList<>();
        if (base != null) {
            draws.add(LayerDraw.of(base.withLabels(null), DefaultStyles.basemapStates(), 1, null, null));
        } else {
            draws.add(LayerDraw.of(map.candidates().withLabels(null), DefaultStyles.candidates(), 1, null, null));
        }
        BufferedImage img = MapRenderer.render(lv, draws, DefaultStyles.BACKGROUND, MapDecorations.NONE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double x0 = lv.toScreenX(extent.getMinX());
            double x1 = lv.toScreenX(extent.getMaxX());
            double y0 = lv.toScreenY(extent.getMaxY());
            double y1 = lv.toScreenY(extent.getMinY());
            g.setColor(LOCATOR_MARK);
            g.setStroke(new BasicStroke(2.5f));
            if (x1 - x0 < 8 || y1 - y0 < 8) {
                double cx = (x0 + x1) / 2;
                double cy = (y0 + y1) / 2;
                g.draw(new Ellipse2D.Double(cx - 7, cy - 7, 14, 14));
            } else {
                g.draw(new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The coarsest polygon basemap layer (fewest features, e.g. states), or null. */
    static MapLayer locatorBase(MapContent map) {
        MapLayer best = null;
        for (StyledLayer l : map.layers()) {
            if (l.role() == ProjectLayer.Role.BASEMAP && l.layer().dimension() == 2 && l.layer().display().size() > 0
                    && (best == null || l.layer().display().size() < best.display().size())) {
                best = l.layer();
            }
        }
        return best;
    }

    /**
     * The layers' draws, the candidates coloured by score (and {@code selection}, may be null, highlighted).
     *
     * @throws IllegalArgumentException when the candidates layer and the result differ in size
     */
    public static List<LayerDraw> draws(ScoreResult r, MapContent map, BitSet selection) {
        if (map.candidates().display().size() != r.size()) {
            throw new IllegalArgumentException("the candidates layer has " + map.candidates().display().size()
                    + " features but the result has " + r.size() + " sites");
        }
        int[] colors = io.siteplanner.render.ScoreLegend.of(r).colors(r);
        List<LayerDraw> out = new ArrayList<>();
        boolean drawn = false;
        for (StyledLayer l : map.layers()) {
            if (l.layer() == map.candidates()) {
                out.add(LayerDraw.of(l.layer(), l.style(), l.opacity(), colors, selection));
                drawn = true;
            } else {
                out.add(l.draw());
            }
        }
        if (!drawn) {
            out.add(LayerDraw.of(map.candidates(), DefaultStyles.candidates(), 1, colors, selection));
        }
        return out;
    }
}
