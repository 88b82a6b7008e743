package io.siteplanner.ui.map;

import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** The map's scale bar (metric and imperial), scale and cursor position texts. */
final class ScaleBar {
    private ScaleBar() {
    }

    /** "32.40000°N, 90.10000°W" for a screen point. */
    static String position(Viewport v, double sx, double sy) {
        double lon = WebMercator.lon(v.toMapX(sx));
        double lat = WebMercator.lat(v.toMapY(sy));
        return String.format(Locale.ROOT, "%.5f°%s, %.5f°%s", Math.abs(lat), lat >= 0 ? "N" : "S", Math.abs(lon),
                lon >= 0 ? "E" : "W");
    }

    /** "1:250,000" at the centre of the view. */
    static String scale(Viewport v) {
        return String.format(Locale.ROOT, "1:%,.0f", WebMercator.groundResolution(v.resolution(), v.centerY()) / 0.00028);
    }

    /** Draws the two bars in the lower left corner of an overlay {@code height} pixels high. */
    static void draw(GraphicsContext g, Viewport v, double height) {
        double groundRes = WebMercator.groundResolution(v.resolution(), v.centerY());
        double x0 = 12;
        double y0 = height - 16;
        double maxM = groundRes * 120;
        double m = nice(maxM);
        String kmLabel = m >= 1000 ? fmt(m / 1000) + " km" : fmt(m) + " m";
        double maxMi = maxM / 1609.344;
        double mi;
        String miLabel;
        if (maxMi >= 1) {
            mi = nice(maxMi);
            miLabel = fmt(mi) + " mi";
            mi *= 1609.344;
        } else {
            double ft = nice(maxM / 0.3048);
            miLabel = fmt(ft) + " ft";
            mi = ft * 0.3048;
        }
        double wKm = m / groundRes;
        double wMi = mi / groundRes;
        g.setFill(Color.rgb(255, 255, 255, 0.8));
        g.fillRect(x0 - 6, y0 - 30, Math.max(wKm, wMi) + 70, 40);
        g.setStroke(Color.rgb(40, 40, 40));
        g.setLineWidth(2);
        g.strokeLine(x0, y0 - 12, x0 + wKm, y0 - 12);
        g.strokeLine(x0, y0 - 18, x0, y0 - 6);
        g.strokeLine(x0 + wKm, y0 - 18, x0 + wKm, y0 - 12);
        g.strokeLine(x0, y0, x0 + wMi, y0);
        g.strokeLine(x0 + wMi, y0, x0 + wMi, y0 - 6);
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(Font.font(11));
        g.fillText(kmLabel, x0 + wKm + 6, y0 - 8);
        g.fillText(miLabel, x0 + wMi + 6, y0 + 4);
    }

    /** The largest 1, 2 or 5 x 10^k not above {@code max}. */
    static double nice(double max) {
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
