package io.siteplanner.render;

import java.util.Locale;

/**
 * The two scale bars of a map (metric and imperial), shared by the desktop map's overlay and the printed
 * maps: each the largest 1, 2 or 5 x 10^k that fits {@code maxPx} pixels at the view's centre latitude
 * (Web Mercator ground resolution), with its label and its length in pixels.
 *
 * @param kmLabel "200 km" or "500 m"
 * @param kmPx    length of the metric bar in pixels
 * @param miLabel "100 mi" or "2,000 ft"
 * @param miPx    length of the imperial bar in pixels
 */
public record ScaleBars(String kmLabel, double kmPx, String miLabel, double miPx) {
    private static final double FOOT_M = 0.3048;

    /** The bars of a viewport, at most {@code maxPx} pixels long. */
    public static ScaleBars of(Viewport vp, double maxPx) {
        double groundRes = WebMercator.groundResolution(vp.resolution(), vp.centerY());
        double maxM = groundRes * maxPx;
        double m = nice(maxM);
        double maxMi = maxM / io.siteplanner.model.Units.METRES_PER_MILE;
        double mi;
        String miLabel;
        if (maxMi >= 1) {
            double n = nice(maxMi);
            miLabel = fmt(n) + " mi";
            mi = n * io.siteplanner.model.Units.METRES_PER_MILE;
        } else {
            double ft = nice(maxM / FOOT_M);
            miLabel = fmt(ft) + " ft";
            mi = ft * FOOT_M;
        }
        String kmLabel = m >= 1000 ? fmt(m / 1000) + " km" : fmt(m) + " m";
        return new ScaleBars(kmLabel, m / groundRes, miLabel, mi / groundRes);
    }

    /** The largest 1, 2 or 5 x 10^k not above {@code max}. */
    public static double nice(double max) {
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double s : new double[] {5, 2, 1}) {
            if (s * p <= max) {
                return s * p;
            }
        }
        return p;
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
