package io.siteplanner.render;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.style.Colors;
import io.siteplanner.render.tiles.TileLayer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws layers into a {@link BufferedImage} with Java2D. Stateless and thread-safe: run it on a worker
 * thread. Culls with each layer's STRtree, drops vertices closer than half a pixel to the previous one
 * and draws sub-pixel features as one pixel, so cost follows what is visible, not the layer size. On top
 * of the layers: the labels of labelled layers ({@link Labels}: state, county and place names without
 * collisions), then the selection, then the {@link MapDecorations} (north arrow, attribution line of the
 * data shown; printed maps add a scale bar and a legend).
 */
public final class MapRenderer {
    /** Highlight colour of selected features. */
    public static final int SELECTION = Colors.rgb(0x00e5ff);

    private MapRenderer() {
    }

    /** A new ARGB-premultiplied image (the format JavaFX's PixelBuffer shares without copying). */
    public static BufferedImage newImage(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    /** Renders into a new image, with the desktop map's decorations ({@link MapDecorations#CANVAS}). */
    public static BufferedImage render(Viewport vp, List<LayerDraw> layers, int background) {
        return render(vp, layers, background, MapDecorations.CANVAS);
    }

    /** Renders into a new image with these decorations. */
    public static BufferedImage render(Viewport vp, List<LayerDraw> layers, int background, MapDecorations decorations) {
        return render(vp, layers, background, decorations, null);
    }

    /** Renders into a new image with these decorations over an XYZ tile basemap (null: none). */
    public static BufferedImage render(Viewport vp, List<LayerDraw> layers, int background, MapDecorations decorations,
            TileLayer tiles) {
        BufferedImage img = newImage(vp.width(), vp.height());
        render(img, vp, layers, background, () -> false, decorations, tiles);
        return img;
    }

    /**
     * Renders bottom-to-top into {@code img} (which must be at least the viewport size), with the desktop
     * map's decorations ({@link MapDecorations#CANVAS}).
     *
     * @param cancelled polled between layers and every 512 features; when true, throws
     *        {@link CancelledException} and leaves the image half-drawn
     */
    public static void render(BufferedImage img, Viewport vp, List<LayerDraw> layers, int background,
            BooleanSupplier cancelled) {
        render(img, vp, layers, background, cancelled, MapDecorations.CANVAS);
    }

    /** Renders into {@code img} with these decorations. */
    public static void render(BufferedImage img, Viewport vp, List<LayerDraw> layers, int background,
            BooleanSupplier cancelled, MapDecorations decorations) {
        render(img, vp, layers, background, cancelled, decorations, null);
    }

    /**
     * Renders into {@code img} with these decorations, over an XYZ tile basemap ({@code tiles}, null for
     * none; its tiles are loaded first, from the cache or the network).
     */
    public static void render(BufferedImage img, Viewport vp, List<LayerDraw> layers, int background,
            BooleanSupplier cancelled, MapDecorations decorations, TileLayer tiles) {
        Labels.Placement labels = Labels.place(vp.resolution(), Labels.labelled(layers, Labels.scaleOf(vp)));
        TileLayer.Frame frame = tiles == null ? null : tiles.frame(vp);
        renderMap(img, vp, layers, background, cancelled, labels, frame);
        decorate(img, vp, layers, decorations);
    }

    private static void decorate(BufferedImage img, Viewport vp, List<LayerDraw> layers, MapDecorations decorations) {
        if (decorations == null || !decorations.fits(vp)) {
            return;
        }
        Graphics2D g = img.createGraphics();
        try {
            decorations.draw(g, vp, layers);
        } finally {
            g.dispose();
        }
    }

    private static void renderMap(BufferedImage img, Viewport vp, List<LayerDraw> layers, int background,
            BooleanSupplier cancelled, Labels.Placement labels, TileLayer.Frame tiles) {
        int w = vp.width();
        int h = vp.height();
        if (BANDS < 2 || (long) w * h < 250_000) {
            renderRegion(img, vp, layers, background, cancelled, new Rectangle(0, 0, w, h), labels, tiles);
            return;
        }
        // horizontal bands drawn in parallel (each with its own Graphics2D and clip; they share no pixels)
        java.util.List<java.util.concurrent.ForkJoinTask<?>> tasks = new java.util.ArrayList<>();
        int band = (h + BANDS - 1) / BANDS;
        for (int b = 1; b < BANDS; b++) {
            Rectangle r = new Rectangle(0, b * band, w, Math.min(band, h - b * band));
            if (r.height > 0) {
                tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(
                        () -> renderRegion(img, vp, layers, background, cancelled, r, labels, tiles)));
            }
        }
        renderRegion(img, vp, layers, background, cancelled, new Rectangle(0, 0, w, Math.min(band, h)), labels, tiles);
        for (java.util.concurrent.ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                Throwable c = e instanceof CancelledException ? e : e.getCause();
                if (c instanceof CancelledException || e instanceof CancelledException) {
                    throw new CancelledException();
                }
                throw e;
            }
        }
    }

    /** Bands rendered in parallel: one per core, at most 4. */
    static final int BANDS = Math.min(4, Runtime.getRuntime().availableProcessors());

    /**
     * Re-renders {@code img}, which shows {@code previous} drawn with the same layers and the desktop map's
     * decorations, for {@code next}: see {@link #renderShifted(BufferedImage, Viewport, Viewport, List, int,
     * BooleanSupplier, MapDecorations)}.
     */
    public static boolean renderShifted(BufferedImage img, Viewport previous, Viewport next, List<LayerDraw> layers,
            int background, BooleanSupplier cancelled) {
        return renderShifted(img, previous, next, layers, background, cancelled, MapDecorations.CANVAS);
    }

    /**
     * Re-renders {@code img}, which shows {@code previous} (drawn with the same layers and decorations), for
     * {@code next} by shifting the pixels and drawing only the strips the pan uncovered, and the places
     * under the decorations (which stay put while the map moves). Labels join up: their placement does not
     * depend on the view's position ({@link Labels}). Works when both viewports have the same size and
     * resolution and differ by a whole number of pixels; returns false (image untouched) otherwise.
     */
    public static boolean renderShifted(BufferedImage img, Viewport previous, Viewport next, List<LayerDraw> layers,
            int background, BooleanSupplier cancelled, MapDecorations decorations) {
        return renderShifted(img, previous, next, layers, background, cancelled, decorations, null);
    }

    /** {@link #renderShifted(BufferedImage, Viewport, Viewport, List, int, BooleanSupplier, MapDecorations)} over tiles. */
    public static boolean renderShifted(BufferedImage img, Viewport previous, Viewport next, List<LayerDraw> layers,
            int background, BooleanSupplier cancelled, MapDecorations decorations, TileLayer tileLayer) {
        if (previous == null || previous.width() != next.width() || previous.height() != next.height()
                || previous.resolution() != next.resolution() || img.getWidth() != next.width()
                || img.getHeight() != next.height()) {
            return false;
        }
        double fx = (previous.minX() - next.minX()) / next.resolution();
        double fy = (next.maxY() - previous.maxY()) / next.resolution();
        long dx = Math.round(fx);
        long dy = Math.round(fy);
        int w = next.width();
        int h = next.height();
        if (Math.abs(fx - dx) > 1e-3 || Math.abs(fy - dy) > 1e-3 || Math.abs(dx) >= w || Math.abs(dy) >= h) {
            return false;
        }
        if (dx == 0 && dy == 0) {
            return true;
        }
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int sx = (int) dx;
        int sy = (int) dy;
        int rowLen = w - Math.abs(sx);
        int srcX = Math.max(0, -sx);
        int dstX = Math.max(0, sx);
        if (sy > 0) {
            for (int y = h - 1; y >= sy; y--) {
                System.arraycopy(px, (y - sy) * w + srcX, px, y * w + dstX, rowLen);
            }
        } else {
            for (int y = 0; y < h + sy; y++) {
                System.arraycopy(px, (y - sy) * w + srcX, px, y * w + dstX, rowLen);
            }
        }
        Labels.Placement labels = Labels.place(next.resolution(), Labels.labelled(layers, Labels.scaleOf(next)));
        TileLayer.Frame tiles = tileLayer == null ? null : tileLayer.frame(next);
        // uncovered strips: columns at the left/right and rows at the top/bottom
        if (sx > 0) {
            renderRegion(img, next, layers, background, cancelled, new Rectangle(0, 0, sx, h), labels, tiles);
        } else if (sx < 0) {
            renderRegion(img, next, layers, background, cancelled, new Rectangle(w + sx, 0, -sx, h), labels, tiles);
        }
        if (sy > 0) {
            renderRegion(img, next, layers, background, cancelled, new Rectangle(0, 0, w, sy), labels, tiles);
        } else if (sy < 0) {
            renderRegion(img, next, layers, background, cancelled, new Rectangle(0, h + sy, w, -sy), labels, tiles);
        }
        // the decorations moved with the pixels: redraw the map where they went and where they belong
        if (decorations != null && decorations.fits(next)) {
            Rectangle screen = new Rectangle(0, 0, w, h);
            for (Rectangle a : decorations.areas(next, layers)) {
                // one region covering both (a pan moves a few pixels, so they overlap)
                Rectangle both = a.union(new Rectangle(a.x + sx, a.y + sy, a.width, a.height)).intersection(screen);
                if (!both.isEmpty()) {
                    renderRegion(img, next, layers, background, cancelled, both, labels, tiles);
                }
            }
            decorate(img, next, layers, decorations);
        }
        return true;
    }

    private static void renderRegion(BufferedImage img, Viewport vp, List<LayerDraw> layers, int background,
            BooleanSupplier cancelled, Rectangle clip, Labels.Placement labels, TileLayer.Frame tiles) {
        Graphics2D g = img.createGraphics();
        try {
            g.setClip(clip);
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setColor(color(background));
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
            g.setComposite(java.awt.AlphaComposite.SrcOver);
            if (tiles != null) {
                tiles.draw(g, vp, clip);
            }
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Envelope view = new Envelope(vp.toMapX(clip.x), vp.toMapX(clip.x + clip.width), vp.toMapY(clip.y),
                    vp.toMapY(clip.y + clip.height));
            view.expandBy(vp.resolution() * 16);
            for (LayerDraw d : layers) {
                if (cancelled.getAsBoolean()) {
                    throw new CancelledException();
                }
                drawLayer(g, img, clip, vp, view, d, cancelled);
            }
            Labels.draw(g, vp, labels, clip);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (LayerDraw d : layers) {
                if (d.hasSelection()) {
                    drawSelection(g, vp, view, d);
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** Above this many features in view, a layer is drawn without antialiasing (3-5x faster). */
    static final int ANTIALIAS_LIMIT = 15_000;
    private static final java.util.Map<Integer, Color> COLORS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Color color(int argb) {
        Color c = COLORS.get(argb);
        if (c == null) {
            c = new Color(argb, true);
            if (COLORS.size() < 4096) {
                COLORS.put(argb, c);
            }
        }
        return c;
    }

    /** Blends one premultiplied pixel (source-over) straight into the raster: sub-pixel features. */
    private static void blendPixel(int[] px, int w, int x, int y, int argb) {
        int a = argb >>> 24;
        if (a == 0) {
            return;
        }
        int i = y * w + x;
        if (a == 255) {
            px[i] = argb;
            return;
        }
        int r = ((argb >> 16) & 0xff) * a / 255;
        int gg = ((argb >> 8) & 0xff) * a / 255;
        int b = (argb & 0xff) * a / 255;
        int d = px[i];
        int inv = 255 - a;
        int da = (d >>> 24) * inv / 255 + a;
        int dr = ((d >> 16) & 0xff) * inv / 255 + r;
        int dg = ((d >> 8) & 0xff) * inv / 255 + gg;
        int db = (d & 0xff) * inv / 255 + b;
        px[i] = da << 24 | dr << 16 | dg << 8 | db;
    }

    private static void drawLayer(Graphics2D g, BufferedImage img, Rectangle clip, Viewport vp, Envelope view,
            LayerDraw d, BooleanSupplier cancelled) {
        MapLayer l = d.layer();
        int[] idx = l.indicesIn(view); // ascending: draw in feature order, as other GIS do
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, idx.length > ANTIALIAS_LIMIT
                ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
        int[] px = img.getType() == BufferedImage.TYPE_INT_ARGB_PRE
                ? ((DataBufferInt) img.getRaster().getDataBuffer()).getData() : null;
        int iw = img.getWidth();
        int stroke = d.applyOpacity(d.style().stroke());
        float sw = (float) d.style().strokeWidth();
        BasicStroke bs = new BasicStroke(Math.max(sw, 0.1f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        g.setStroke(bs);
        Color strokeColor = color(stroke);
        int n = 0;
        double res = vp.resolution();
        for (int i : idx) {
            if ((++n & 511) == 0 && cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            Geometry geom = l.display().get(i).geometry();
            int color = d.applyOpacity(d.colorOf(i));
            Envelope e = geom.getEnvelopeInternal();
            int dim = geom.getDimension();
            if (dim > 0 && e.getWidth() < res && e.getHeight() < res) {
                // smaller than a pixel: one pixel in the feature colour
                int c = dim == 1 ? color : (Colors.alpha(color) == 0 ? stroke : color);
                int x = (int) vp.toScreenX(e.getMinX());
                int y = (int) vp.toScreenY(e.getMaxY());
                if (px != null) {
                    if (clip.contains(x, y)) {
                        blendPixel(px, iw, x, y, c);
                    }
                } else {
                    g.setColor(color(c));
                    g.fillRect(x, y, 1, 1);
                }
                continue;
            }
            if (dim == 2 && e.getWidth() < 4 * res && e.getHeight() < 4 * res) {
                // a few pixels across: its bounding box is what the eye sees, and 20x cheaper than a path
                int x0 = (int) Math.floor(vp.toScreenX(e.getMinX()));
                int y0 = (int) Math.floor(vp.toScreenY(e.getMaxY()));
                int x1 = (int) Math.ceil(vp.toScreenX(e.getMaxX()));
                int y1 = (int) Math.ceil(vp.toScreenY(e.getMinY()));
                int c = Colors.alpha(color) == 0 ? stroke : color;
                if (px != null) {
                    // straight into the raster: Java2D's translucent fill pipeline allocates per call
                    int xa = Math.max(x0, clip.x);
                    int xb = Math.min(Math.max(x0 + 1, x1), clip.x + clip.width);
                    int ya = Math.max(y0, clip.y);
                    int yb = Math.min(Math.max(y0 + 1, y1), clip.y + clip.height);
                    for (int y = ya; y < yb; y++) {
                        for (int x = xa; x < xb; x++) {
                            blendPixel(px, iw, x, y, c);
                        }
                    }
                } else {
                    g.setColor(color(c));
                    g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
                }
                continue;
            }
            if (dim == 0) {
                drawPoints(g, vp, geom, color, stroke, d.sizeOf(i), sw);
            } else if (dim == 1) {
                Path2D.Double p = new Path2D.Double();
                appendLines(p, vp, geom);
                g.setColor(color(color));
                g.draw(p);
            } else {
                Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                appendPolygons(p, vp, geom);
                if (Colors.alpha(color) > 0) {
                    g.setColor(color(color));
                    g.fill(p);
                }
                // outlines of polygons under 8 px would only darken them: skip (2x faster when zoomed out)
                if (Colors.alpha(stroke) > 0 && sw > 0 && (e.getWidth() >= 8 * res || e.getHeight() >= 8 * res
                        || Colors.alpha(color) == 0)) {
                    g.setColor(strokeColor);
                    g.draw(p);
                }
            }
        }
    }

    private static void drawSelection(Graphics2D g, Viewport vp, Envelope view, LayerDraw d) {
        MapLayer l = d.layer();
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(color(SELECTION));
        for (int i : l.query(view)) {
            if (!d.isSelected(i)) {
                continue;
            }
            Geometry geom = l.display().get(i).geometry();
            if (geom.getDimension() == 0) {
                drawPoints(g, vp, geom, Colors.withAlpha(SELECTION, 0), SELECTION, d.sizeOf(i) + 6, 3f);
                continue;
            }
            Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            if (geom.getDimension() == 1) {
                appendLines(p, vp, geom);
            } else {
                appendPolygons(p, vp, geom);
            }
            g.draw(p);
        }
    }

    private static void drawPoints(Graphics2D g, Viewport vp, Geometry geom, int fill, int stroke, float size, float sw) {
        for (int k = 0; k < geom.getNumGeometries(); k++) {
            Point pt = (Point) geom.getGeometryN(k);
            if (pt.isEmpty()) {
                continue;
            }
            double sx = vp.toScreenX(pt.getX());
            double sy = vp.toScreenY(pt.getY());
            Ellipse2D.Double c = new Ellipse2D.Double(sx - size / 2, sy - size / 2, size, size);
            if (Colors.alpha(fill) > 0) {
                g.setColor(color(fill));
                g.fill(c);
            }
            if (Colors.alpha(stroke) > 0 && sw > 0) {
                g.setColor(color(stroke));
                g.setStroke(new BasicStroke(sw));
                g.draw(c);
            }
        }
    }

    private static void appendLines(Path2D.Double p, Viewport vp, Geometry geom) {
        for (int k = 0; k < geom.getNumGeometries(); k++) {
            Geometry part = geom.getGeometryN(k);
            if (part instanceof LineString) {
                appendSequence(p, vp, ((LineString) part).getCoordinateSequence(), false);
            } else if (part instanceof Polygon) {
                appendPolygons(p, vp, part);
            }
        }
    }

    private static void appendPolygons(Path2D.Double p, Viewport vp, Geometry geom) {
        for (int k = 0; k < geom.getNumGeometries(); k++) {
            Geometry part = geom.getGeometryN(k);
            if (!(part instanceof Polygon) || part.isEmpty()) {
                continue;
            }
            Polygon poly = (Polygon) part;
            appendSequence(p, vp, poly.getExteriorRing().getCoordinateSequence(), true);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                appendSequence(p, vp, poly.getInteriorRingN(h).getCoordinateSequence(), true);
            }
        }
    }

    /** Appends a coordinate sequence in screen space, dropping vertices within half a pixel of the last one. */
    private static void appendSequence(Path2D.Double p, Viewport vp, CoordinateSequence cs, boolean close) {
        int n = cs.size();
        if (n == 0) {
            return;
        }
        double minX = vp.minX();
        double maxY = vp.maxY();
        double inv = 1.0 / vp.resolution();
        double lx = (cs.getX(0) - minX) * inv;
        double ly = (maxY - cs.getY(0)) * inv;
        p.moveTo(lx, ly);
        int drawn = 1;
        for (int i = 1; i < n; i++) {
            double x = (cs.getX(i) - minX) * inv;
            double y = (maxY - cs.getY(i)) * inv;
            if (i < n - 1 && Math.abs(x - lx) < 0.5 && Math.abs(y - ly) < 0.5) {
                continue;
            }
            p.lineTo(x, y);
            lx = x;
            ly = y;
            drawn++;
        }
        if (close && drawn > 2) {
            p.closePath();
        }
    }
}
