package io.siteplanner.render;

/**
 * Spherical Web Mercator (EPSG:3857) formulas for the status bar and scale bar, where calling GeoTools
 * per mouse move would be wasteful. Layers themselves are reprojected with GeoTools.
 */
public final class WebMercator {
    /** WGS 84 semi-major axis, the sphere radius of EPSG:3857. */
    public static final double R = 6378137.0;

    private WebMercator() {
    }

    public static double lon(double x) {
        return Math.toDegrees(x / R);
    }

    public static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(y / R)));
    }

    public static double x(double lon) {
        return Math.toRadians(lon) * R;
    }

    public static double y(double lat) {
        double l = Math.max(-85.05112878, Math.min(85.05112878, lat));
        return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(l) / 2));
    }

    /** Ground metres per pixel at map y for a display resolution (Mercator scale factor 1/cos(lat)). */
    public static double groundResolution(double resolution, double y) {
        return resolution * Math.cos(Math.toRadians(lat(y)));
    }
}
