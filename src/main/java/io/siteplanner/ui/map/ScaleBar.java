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
        double x0 = 12;
        double y0 = height - 16;
        io.siteplanner.render.ScaleBars bars = io.siteplanner.render.ScaleBars.of(v, 120);
        String kmLabel = bars.kmLabel();
        String miLabel = bars.miLabel();
        double wKm = bars.kmPx();
        double wMi = bars.miPx();
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

}
