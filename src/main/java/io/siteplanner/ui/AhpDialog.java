package io.siteplanner.ui;

import io.siteplanner.scoring.Ahp;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * AHP pairwise comparison (Saaty 1..9): the upper triangle is edited, the lower triangle is its
 * reciprocal; weights, lambda max, CI and CR update live; OK applies the weights to the sliders.
 */
public final class AhpDialog {
    static final String[] SCALE = {"1/9", "1/7", "1/5", "1/3", "1", "3", "5", "7", "9"};

    private AhpDialog() {
    }

    /** Shows the dialog for criteria {@code ids} starting from their {@code current} weights; the weights on OK. */
    public static java.util.Optional<double[]> show(Window owner, List<String> ids, double[] current) {
        int n = ids.size();
        if (n < 2) {
            return java.util.Optional.empty();
        }
        Dialog<double[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("AHP pairwise comparison");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(4);
        g.setPadding(new Insets(10));
        double[][] a = new double[n][n];
        Label[][] lower = new Label[n][n];
        Label result = new Label();
        result.setId("ahp-result");
        Label[] weights = new Label[n];
        for (int i = 0; i < n; i++) {
            g.add(new Label(ids.get(i)), 0, i + 1);
            g.add(new Label(ids.get(i)), i + 1, 0);
            a[i][i] = 1;
            weights[i] = new Label();
            g.add(weights[i], n + 1, i + 1);
        }
        g.add(new Label("weight"), n + 1, 0);
        Runnable recompute = () -> {
            try {
                Ahp.Result r = Ahp.compute(a);
                for (int i = 0; i < n; i++) {
                    weights[i].setText(String.format(Locale.ROOT, "%.3f", r.weights()[i]));
                }
                result.setText(String.format(Locale.ROOT, "λmax %.3f   CI %.3f   CR %.3f%s", r.lambdaMax(), r.ci(), r.cr(),
                        r.consistent() ? "  (consistent)" : "  — CR ≥ 0.10: revise the judgements"));
                result.setStyle(r.consistent() ? "" : "-fx-text-fill: #b00;");
                d.setResult(null);
            } catch (RuntimeException e) {
                result.setText(e.getMessage());
            }
        };
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    g.add(new Label("1"), j + 1, i + 1);
                } else if (j > i) {
                    ComboBox<String> c = new ComboBox<>();
                    c.getItems().addAll(SCALE);
                    // initial judgement from the current weights' ratio, snapped to the scale
                    double wi = Math.max(1e-9, current[i]);
                    double wj = Math.max(1e-9, current[j]);
                    String init = snap(wi / wj);
                    c.setValue(init);
                    a[i][j] = Ahp.parseJudgement(init);
                    a[j][i] = 1 / a[i][j];
                    final int fi = i;
                    final int fj = j;
                    c.valueProperty().addListener((o, x, v) -> {
                        a[fi][fj] = Ahp.parseJudgement(v);
                        a[fj][fi] = 1 / a[fi][fj];
                        lower[fj][fi].setText(recip(v));
                        recompute.run();
                    });
                    g.add(c, j + 1, i + 1);
                } else {
                    lower[i][j] = new Label();
                    g.add(lower[i][j], j + 1, i + 1);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                lower[i][j].setText(recip(snap(a[j][i])));
            }
        }
        recompute.run();
        d.getDialogPane().setContent(new VBox(8, new Label("How much more important is the row than the column? "
                + "(1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme)"), g, result));
        d.setResultConverter(bt -> bt == ButtonType.OK ? Ahp.compute(a).weights() : null);
        return d.showAndWait();
    }

    static String snap(double ratio) {
        double best = Double.MAX_VALUE;
        String out = "1";
        for (String s : SCALE) {
            double v = Ahp.parseJudgement(s);
            double dist = Math.abs(Math.log(v) - Math.log(ratio));
            if (dist < best) {
                best = dist;
                out = s;
            }
        }
        return out;
    }

    static String recip(String s) {
        return s.startsWith("1/") ? s.substring(2) : s.equals("1") ? "1" : "1/" + s;
    }
}
