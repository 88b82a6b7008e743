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
        String text = vm.resultProperty().get();
        g.setFont(Font.font(12));
        double w = text.length() * 6.6 + 12;
        double bx = Math.min(xs[n - 1] + 12, Math.max(4, v.width() - w - 4));
        double by = Math.max(4, ys[n - 1] - 30);
        g.setFill(Color.rgb(255, 255, 255, 0.92));
        g.fillRoundRect(bx, by, w, 22, 6, 6);
        g.setStroke(Color.rgb(230, 90, 0));
        g.setLineWidth(1);
        g.strokeRoundRect(bx, by, w, 22, 6, 6);
        g.setFill(Color.rgb(40, 40, 40));
        g.fillText(text, bx + 6, by + 15);
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
