package io.siteplanner.ui;

import io.siteplanner.render.Viewport;
import io.siteplanner.ui.map.MapTool;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** Draws the measure view-model's path or polygon and its result on the map, and feeds it clicks. */
final class MeasureTool implements MapTool {
    private final MeasureViewModel vm;

    MeasureTool(MeasureViewModel vm) {
        this.vm = vm;
    }

    @Override
    public void click(double x, double y, int clicks) {
        vm.click(x, y, clicks);
    }

    @Override
    public void move(double x, double y) {
        vm.move(x, y);
    }

    @Override
    public void cancel() {
        vm.clear();
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        List<double[]> pts = vm.vertices();
        if (pts.isEmpty()) {
            return;
        }
        int n = pts.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = v.toScreenX(pts.get(i)[0]);
            ys[i] = v.toScreenY(pts.get(i)[1]);
        }
        boolean area = vm.modeProperty().get() == MeasureViewModel.Mode.AREA;
        if (area && n >= 3) {
            g.setFill(Color.rgb(255, 140, 0, 0.18));
            g.fillPolygon(xs, ys, n);
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.9));
        g.setLineWidth(4.5);
        strokePath(g, xs, ys, area);
        g.setStroke(Color.rgb(230, 90, 0));
        g.setLineWidth(2);
        g.setLineDashes(vm.isFinished() ? null : new double[] {7, 4});
        strokePath(g, xs, ys, area);
        g.setLineDashes((double[]) null);
        for (int i = 0; i < n; i++) {
            g.setFill(Color.WHITE);
            g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
            g.setStroke(Color.rgb(230, 90, 0));
            g.setLineWidth(1.5);
            g.strokeOval(xs[i] - 4, ys[i] - 4, 8, 8);
        }
        Font font = Font.font(12);
        // the label stays inside the map: measured, wrapped when wider than the map, and moved in
        List<String> lines = fit(vm.resultProperty().get(), font, v.width() - 20);
        double w = 0;
        for (String l : lines) {
            w = Math.max(w, width(l, font));
        }
        w += 12;
        double h = 8 + 15 * lines.size();
        double bx = Math.max(4, Math.min(xs[n - 1] + 12, v.width() - w - 4));
        double by = Math.max(4, Math.min(ys[n - 1] - 30, v.height() - h - 4));
        g.setFont(font);
        g.setFill(Color.rgb(255, 255, 255, 0.92));
        g.fillRoundRect(bx, by, w, h, 6, 6);
        g.setStroke(Color.rgb(230, 90, 0));
        g.setLineWidth(1);
        g.strokeRoundRect(bx, by, w, h, 6, 6);
        g.setFill(Color.rgb(40, 40, 40));
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + 6, by + 15 + 15 * i);
        }
    }

    /**
     * The text in lines no wider than {@code max} px where it can break: after ", " and before " (" (never
     * inside a number: thousands separators have no space); a part wider than {@code max} keeps its line.
     */
    static List<String> fit(String text, Font font, double max) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : text.split("(?<=, )|(?= \\()")) {
            if (line.length() > 0 && width(line + part.stripTrailing(), font) > max) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? part.stripLeading() : part);
        }
        out.add(line.toString().stripTrailing());
        return out;
    }

    /** The width of a text in a font, px. */
    static double width(String s, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static void strokePath(GraphicsContext g, double[] xs, double[] ys, boolean closed) {
        g.beginPath();
        g.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            g.lineTo(xs[i], ys[i]);
        }
        if (closed && xs.length >= 3) {
            g.closePath();
        }
        g.stroke();
    }
}
