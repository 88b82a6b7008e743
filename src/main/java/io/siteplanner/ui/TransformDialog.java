package io.siteplanner.ui;

import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Edits a criterion's transform to [0,1]: type, direction and its parameters. */
public final class TransformDialog {
    private TransformDialog() {
    }

    public static Optional<TransformSpec> show(Window owner, String criterion, TransformSpec t) {
        Dialog<TransformSpec> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Transform — " + criterion);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ChoiceBox<TransformSpec.Type> type = new ChoiceBox<>();
        type.getItems().addAll(TransformSpec.Type.values());
        type.setValue(t == null ? TransformSpec.Type.LINEAR : t.type());
        ChoiceBox<TransformSpec.Direction> dir = new ChoiceBox<>();
        dir.getItems().addAll(TransformSpec.Direction.values());
        dir.setValue(t == null || t.direction() == null ? TransformSpec.Direction.values()[0] : t.direction());
        TextField min = field(t == null ? null : t.min());
        TextField max = field(t == null ? null : t.max());
        TextField value = field(t == null ? null : t.value());
        TextField midpoint = field(t == null ? null : t.midpoint());
        TextField spread = field(t == null ? null : t.spread());
        TextField ideal = field(t == null ? null : t.ideal());
        TextField points = new TextField(t == null || t.points() == null ? "" : pointsText(t.points()));
        points.setPromptText("x:y, x:y, … (y in 0..1)");
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00;");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("Type"), type);
        g.addRow(r++, new Label("Direction"), dir);
        g.addRow(r++, new Label("Min / max (linear, log; empty = data range)"), min, max);
        g.addRow(r++, new Label("Threshold value"), value);
        g.addRow(r++, new Label("Midpoint / spread (sigmoid)"), midpoint, spread);
        g.addRow(r++, new Label("Ideal / spread (gaussian)"), ideal);
        g.addRow(r++, new Label("Points (piecewise)"), points);
        g.add(error, 0, r, 3, 1);
        d.getDialogPane().setContent(g);
        d.setResultConverter(bt -> {
            if (bt != ButtonType.OK) {
                return null;
            }
            try {
                return new TransformSpec(type.getValue(), dir.getValue(), num(min), num(max), num(value), null, null,
                        type.getValue() == TransformSpec.Type.PIECEWISE ? parsePoints(points.getText()) : null,
                        num(midpoint), type.getValue() == TransformSpec.Type.GAUSSIAN && num(spread) == null ? null
                                : num(spread), num(ideal), null, t.scores(), t.otherwise());
            } catch (IllegalArgumentException e) {
                return t;
            }
        });
        return d.showAndWait().filter(x -> x != t);
    }

    private static TextField field(Double v) {
        TextField f = new TextField(v == null ? "" : io.siteplanner.model.Units.number(v).replace(",", ""));
        f.setPrefColumnCount(8);
        return f;
    }

    private static Double num(TextField f) {
        String s = f.getText().trim().replace(",", "");
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    static String pointsText(List<double[]> pts) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : pts) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%s:%s", io.siteplanner.model.Units.number(p[0]).replace(",", ""), p[1]));
        }
        return sb.toString();
    }

    static List<double[]> parsePoints(String s) {
        List<double[]> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] xy = part.trim().split(":");
            if (xy.length != 2) {
                throw new IllegalArgumentException("point '" + part + "' is not x:y");
            }
            out.add(new double[] {Double.parseDouble(xy[0].trim()), Double.parseDouble(xy[1].trim())});
        }
        return out;
    }
}
