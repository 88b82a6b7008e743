package io.siteplanner.render.tiles;

import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An XYZ tile basemap under the vector layers of a map in EPSG:3857: the zoom whose tile resolution is
 * nearest to the view's, the tiles covering the view from a {@link TileCache}. Offline fallback: a tile
 * that can be neither read nor fetched is cut from the nearest cached tile of a lower zoom (blurry, but in
 * place), else left out (the vector basemap shows through). Thread-safe; {@link #frame} does the I/O, so
 * call it once per render and draw the frame from any thread.
 */
public final class TileLayer {
    /** Half the width of the EPSG:3857 world, metres. */
    static final double HALF = Math.PI * WebMercator.R;
    /** How many zoom levels a missing tile may be cut from. */
    static final int FALLBACK_LEVELS = 6;

    private final TileCache cache;
    private final float opacity;

    public TileLayer(TileCache cache, double opacity) {
        this.cache = cache;
        this.opacity = (float) Math.max(0, Math.min(1, opacity));
    }

    public TileCache cache() {
        return cache;
    }

    public String attribution() {
        return cache.source().attribution();
    }

    /** The zoom level for a resolution (m/px): nearest tile resolution, within the source's range. */
    public int zoomFor(double resolution) {
        double z = Math.log(2 * HALF / (256 * resolution)) / Math.log(2);
        return (int) Math.max(cache.source().minZoom(), Math.min(cache.source().maxZoom(), Math.round(z)));
    }

    /** One tile as drawn: where it goes (tile column/row at the frame's zoom) and the image part to draw. */
    record Piece(int x, int y, BufferedImage image, int sx, int sy, int size) {
    }

    /** The tiles of one view, loaded. */
    public static final class Frame {
        final int zoom;
        final List<Piece> pieces;
        final float opacity;
        final int missing;

        Frame(int zoom, List<Piece> pieces, float opacity, int missing) {
            this.zoom = zoom;
            this.pieces = pieces;
            this.opacity = opacity;
            this.missing = missing;
        }

        public int zoom() {
            return zoom;
        }

        /** Tiles of the view drawn from their own image or a lower zoom's. */
        public int drawn() {
            return pieces.size();
        }

        /** Tiles of the view left out (nothing cached, no network). */
        public int missing() {
            return missing;
        }

        /** Draws the pieces that touch {@code clip} (screen pixels). */
        public void draw(Graphics2D g, Viewport vp, Rectangle clip) {
            double size = 2 * HALF / (1 << zoom);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            java.awt.Composite old = g.getComposite();
            if (opacity < 1) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
            }
            for (Piece p : pieces) {
                // edges from absolute coordinates, so neighbouring tiles and pan strips meet exactly
                int x0 = (int) Math.round(vp.toScreenX(-HALF + p.x() * size));
                int x1 = (int) Math.round(vp.toScreenX(-HALF + (p.x() + 1) * size));
                int y0 = (int) Math.round(vp.toScreenY(HALF - p.y() * size));
                int y1 = (int) Math.round(vp.toScreenY(HALF - (p.y() + 1) * size));
                if (x1 <= clip.x || x0 >= clip.x + clip.width || y1 <= clip.y || y0 >= clip.y + clip.height) {
                    continue;
                }
                g.drawImage(p.image(), x0, y0, x1, y1, p.sx(), p.sy(), p.sx() + p.size(), p.sy() + p.size(), null);
            }
            g.setComposite(old);
        }
    }

    /** Loads the tiles covering a view: cache, network, else a lower zoom's cached tile. */
    public Frame frame(Viewport vp) {
        int z = zoomFor(vp.resolution());
        int n = 1 << z;
        double size = 2 * HALF / n;
        org.locationtech.jts.geom.Envelope e = vp.envelope();
        int tx0 = clamp((int) Math.floor((e.getMinX() + HALF) / size), n);
        int tx1 = clamp((int) Math.floor((e.getMaxX() + HALF) / size), n);
        int ty0 = clamp((int) Math.floor((HALF - e.getMaxY()) / size), n);
        int ty1 = clamp((int) Math.floor((HALF - e.getMinY()) / size), n);
        List<Piece> pieces = new ArrayList<>();
        int missing = 0;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                BufferedImage img = cache.get(z, tx, ty);
                if (img != null) {
                    pieces.add(new Piece(tx, ty, img, 0, 0, img.getWidth()));
                    continue;
                }
                Piece p = fromLowerZoom(z, tx, ty);
                if (p != null) {
                    pieces.add(p);
                } else {
                    missing++;
                }
            }
        }
        return new Frame(z, pieces, opacity, missing);
    }

    private Piece fromLowerZoom(int z, int tx, int ty) {
        for (int d = 1; d <= FALLBACK_LEVELS && z - d >= 0; d++) {
            BufferedImage parent = cache.cached(z - d, tx >> d, ty >> d);
            if (parent != null) {
                int part = parent.getWidth() >> d;
                if (part < 1) {
                    return null;
                }
                int mask = (1 << d) - 1;
                return new Piece(tx, ty, parent, (tx & mask) * part, (ty & mask) * part, part);
            }
        }
        return null;
    }

    private static int clamp(int t, int n) {
        return Math.max(0, Math.min(n - 1, t));
    }
}
