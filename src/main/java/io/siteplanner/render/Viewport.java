package io.siteplanner.render;

import org.locationtech.jts.geom.Envelope;

/**
 * What part of the map is shown: centre and resolution in display-CRS units (metres for EPSG:3857) per
 * pixel, and the pixel size. Immutable; screen y grows downwards.
 */
public record Viewport(double centerX, double centerY, double resolution, int width, int height) {
    /** Smallest and largest resolutions (m/px): about 0.1 m/px to the whole world on a small window. */
    public static final double MIN_RES = 0.1;
    public static final double MAX_RES = 200_000;

    public Viewport {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("viewport size must be positive: " + width + "x" + height);
        }
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive: " + resolution);
        }
    }

    /** A viewport showing {@code env} whole, centred, with a margin fraction on each side. */
    public static Viewport fit(Envelope env, int width, int height, double margin) {
        Envelope e = new Envelope(env);
        if (e.isNull()) {
            e = new Envelope(-1.4e7, -7.0e6, 2.5e6, 6.5e6); // contiguous US in EPSG:3857
        }
        if (e.getWidth() == 0 && e.getHeight() == 0) {
            e.expandBy(1000);
        }
        double res = Math.max(e.getWidth() / width, e.getHeight() / height) * (1 + 2 * margin);
        res = clamp(res);
        return new Viewport(e.centre().x, e.centre().y, res, width, height);
    }

    private static double clamp(double res) {
        return Math.max(MIN_RES, Math.min(MAX_RES, res));
    }

    public double minX() {
        return centerX - width * resolution / 2;
    }

    public double maxY() {
        return centerY + height * resolution / 2;
    }

    /** The map envelope shown. */
    public Envelope envelope() {
        double hw = width * resolution / 2;
        double hh = height * resolution / 2;
        return new Envelope(centerX - hw, centerX + hw, centerY - hh, centerY + hh);
    }

    public double toScreenX(double x) {
        return (x - minX()) / resolution;
    }

    public double toScreenY(double y) {
        return (maxY() - y) / resolution;
    }

    public double toMapX(double sx) {
        return minX() + sx * resolution;
    }

    public double toMapY(double sy) {
        return maxY() - sy * resolution;
    }

    /** Zooms by {@code factor} (&gt; 1 zooms in) keeping the map point under screen (sx, sy) fixed. */
    public Viewport zoomAt(double factor, double sx, double sy) {
        double newRes = clamp(resolution / factor);
        double mx = toMapX(sx);
        double my = toMapY(sy);
        double cx = mx - (sx - width / 2.0) * newRes;
        double cy = my + (sy - height / 2.0) * newRes;
        return new Viewport(cx, cy, newRes, width, height);
    }

    /** Moves the map with the mouse: dragging right by dx pixels shows what was to the left. */
    public Viewport pan(double dxPixels, double dyPixels) {
        return new Viewport(centerX - dxPixels * resolution, centerY + dyPixels * resolution, resolution, width,
                height);
    }

    public Viewport resize(int w, int h) {
        return new Viewport(centerX, centerY, resolution, Math.max(1, w), Math.max(1, h));
    }

    public Viewport withCenter(double x, double y) {
        return new Viewport(x, y, resolution, width, height);
    }
}
