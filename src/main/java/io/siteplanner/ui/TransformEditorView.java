package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * The transform editor dialog: the histogram of the criterion's raw values over all candidates (passing
 * sites dark, failing ones red, stacked), the transform curve over it, and handles to drag; the numeric
 * fields below follow. Bound to a {@link TransformEditorViewModel}, which re-scores live. Ids for tests:
 * {@code transform-canvas}, {@code transform-editor-type}.
 */
public final class TransformEditorView {
    static final double W = 640;
    static final double H = 300;
    static final double PAD_L = 46;
    static final double PAD_R = 14;
    static final double PAD_T = 12;
    static final double PAD_B = 34;

    private final TransformEditorViewModel vm;
    private final Canvas canvas = new Canvas(W, H);
    private int dragging = -1;

    public TransformEditorView(TransformEditorViewModel vm) {
        this.vm = vm;
    }

    /** Shows the editor; the transform on OK, empty on Cancel. */
    public Optional<TransformSpec> showAndWait(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Transform — " + vm.criterion());
        d.setResizable(true);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("transform-editor");
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.fields().errorProperty().isNotEmpty());
        d.getDialogPane().setContent(content());
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> vm.transformProperty().get());
    }

    private VBox content() {
        canvas.setId("transform-canvas");
        ChoiceBox<Type> type = new ChoiceBox<>();
        type.setId("transform-editor-type");
        type.getItems().addAll(Type.LINEAR, Type.LOG, Type.THRESHOLD, Type.SIGMOID, Type.GAUSSIAN, Type.PIECEWISE,
                Type.IDENTITY);
        type.setValue(vm.transformProperty().get().type());
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Type t) {
                return t == null ? "" : t.json();
            }

            @Override
            public Type fromString(String s) {
                return Type.of(s);
            }
        });
        type.setOnAction(e -> {
            if (type.getValue() != null && type.getValue() != vm.transformProperty().get().type()) {
                vm.setType(type.getValue());
            }
        });
        ChoiceBox<TransformSpec.Direction> dir = new ChoiceBox<>();
        dir.getItems().addAll(TransformSpec.Direction.values());
        dir.setValue(vm.transformProperty().get().direction());
        dir.setOnAction(e -> {
            if (dir.getValue() != null) {
                vm.setDirection(dir.getValue());
            }
        });
        vm.transformProperty().addListener((o, a, t) -> {
            type.setValue(t.type());
            dir.setValue(t.direction());
            dir.setVisible(t.direction() != null);
            draw();
        });
        dir.setVisible(vm.transformProperty().get().direction() != null);
        Label info = new Label(String.format(Locale.ROOT, "%s: %,d without a value. Bars: sites per value"
                + " (dark: pass the constraints, red: fail). Line: the score. Drag the handles.",
                io.siteplanner.model.Plural.of(vm.siteCount(), "site"), vm.missingCount()));
        info.setWrapText(true);
        info.setMaxWidth(W);
        canvas.setOnMousePressed(e -> dragging = nearest(e.getX(), e.getY()));
        canvas.setOnMouseDragged(e -> {
            if (dragging >= 0) {
                vm.moveHandle(dragging, xValue(e.getX()), yValue(e.getY()));
            }
        });
        canvas.setOnMouseReleased(e -> dragging = -1);
        HBox top = new HBox(8, new Label("Type"), type, dir);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, canvas, info, new TransformFieldsView(vm.fields(), false));
        box.setPadding(new Insets(10));
        draw();
        return box;
    }

    private double[] range() {
        return vm.xRange();
    }

    double xPixel(double x) {
        double[] r = range();
        return PAD_L + (x - r[0]) / (r[1] - r[0]) * (W - PAD_L - PAD_R);
    }

    double xValue(double px) {
        double[] r = range();
        return r[0] + (px - PAD_L) / (W - PAD_L - PAD_R) * (r[1] - r[0]);
    }

    static double yPixel(double y) {
        return PAD_T + (1 - y) * (H - PAD_T - PAD_B);
    }

    static double yValue(double py) {
        return 1 - (py - PAD_T) / (H - PAD_T - PAD_B);
    }

    private int nearest(double px, double py) {
        List<TransformEditorViewModel.Handle> hs = vm.handles();
        int best = -1;
        double bestD = 12;
        for (int i = 0; i < hs.size(); i++) {
            double d = Math.hypot(xPixel(hs.get(i).x()) - px, yPixel(hs.get(i).y()) - py);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, H);
        int[] pass = vm.passingCounts();
        int[] fail = vm.failingCounts();
        int max = 1;
        for (int i = 0; i < pass.length; i++) {
            max = Math.max(max, pass[i] + fail[i]);
        }
        double bw = (vm.dataMax() - vm.dataMin()) / TransformEditorViewModel.BINS;
        double plotH = H - PAD_T - PAD_B;
        for (int i = 0; i < pass.length; i++) {
            double x0 = xPixel(vm.dataMin() + i * bw);
            double x1 = Math.max(x0 + 1, xPixel(vm.dataMin() + (i + 1) * bw) - 1);
            double hp = plotH * pass[i] / max;
            double hf = plotH * fail[i] / max;
            g.setFill(Color.rgb(120, 130, 145));
            g.fillRect(x0, H - PAD_B - hp, x1 - x0, hp);
            g.setFill(Color.rgb(214, 96, 77, 0.85));
            g.fillRect(x0, H - PAD_B - hp - hf, x1 - x0, hf);
        }
        // axes
        g.setStroke(Color.GRAY);
        g.setLineWidth(1);
        g.strokeLine(PAD_L, H - PAD_B, W - PAD_R, H - PAD_B);
        g.strokeLine(PAD_L, PAD_T, PAD_L, H - PAD_B);
        g.setFill(Color.DIMGRAY);
        g.fillText("1", PAD_L - 14, yPixel(1) + 4);
        g.fillText("0", PAD_L - 14, yPixel(0) + 4);
        double[] r = range();
        for (int k = 0; k <= 4; k++) {
            double x = r[0] + (r[1] - r[0]) * k / 4;
            String label = Units.format(x, vm.unit(), Units.defaultDistanceUnit(Locale.getDefault()));
            double px = Math.max(2, Math.min(W - 7 * label.length() - 2, xPixel(x) - 3.5 * label.length()));
            g.fillText(label, px, H - PAD_B + 16);
        }
        // curve
        g.setStroke(Color.rgb(31, 119, 180));
        g.setLineWidth(2.5);
        g.beginPath();
        int n = 300;
        for (int k = 0; k <= n; k++) {
            double x = r[0] + (r[1] - r[0]) * k / n;
            double y = vm.score(x);
            if (Double.isNaN(y)) {
                continue;
            }
            if (k == 0) {
                g.moveTo(xPixel(x), yPixel(y));
            } else {
                g.lineTo(xPixel(x), yPixel(y));
            }
        }
        g.stroke();
        // handles
        for (TransformEditorViewModel.Handle h : vm.handles()) {
            double px = xPixel(h.x());
            double py = yPixel(h.y());
            g.setFill(Color.WHITE);
            g.fillOval(px - 6, py - 6, 12, 12);
            g.setStroke(Color.rgb(31, 119, 180));
            g.setLineWidth(2);
            g.strokeOval(px - 6, py - 6, 12, 12);
            if (!h.movesY()) {
                g.setLineDashes(3, 3);
                g.strokeLine(px, PAD_T, px, H - PAD_B);
                g.setLineDashes();
            }
        }
    }
}
