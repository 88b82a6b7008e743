package io.siteplanner.ui;

import io.siteplanner.scoring.decision.Variation;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The options of a rank robustness run (as {@code siteplanner robustness}): draws, seed, weight spread, the k
 * of P(top k) and input variations. Run stays disabled while a field is not valid, with the reason shown.
 */
final class RobustnessDialog {
    private RobustnessDialog() {
    }

    /** Edits the options of {@code vm} in place; true for Run. */
    static boolean show(Window owner, RobustnessViewModel vm) {
        Dialog<Boolean> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Rank robustness");
        d.setHeaderText("How sure is the ranking? Draw the weights (and inputs) many times, re-score, count ranks");
        ButtonType run = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(run, ButtonType.CANCEL);
        d.getDialogPane().setId("robustness-dialog");
        TextField draws = field("robustness-draws", Integer.toString(vm.drawsProperty().get()));
        TextField seed = field("robustness-seed", Long.toString(vm.seedProperty().get()));
        TextField spread = field("robustness-spread", String.format(Locale.ROOT, "%s", vm.spreadProperty().get()));
        TextField k = field("robustness-k", Integer.toString(vm.kProperty().get()));
        TextField vary = field("robustness-vary", vm.varyProperty().get());
        vary.setPromptText("e.g. price=10%,itLoadMw=20%");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        int row = 0;
        row = add(g, row, "Draws", draws, "Monte Carlo draws (1 to 10,000,000); 10,000 gives about ±1 percentage point");
        row = add(g, row, "Seed", seed, "The same seed and scenario give the same figures");
        row = add(g, row, "Weight spread", spread, "Dirichlet spread around the scenario's weights: the coefficient of"
                + " variation of each weight when the weights are equal (0 = fixed weights)");
        row = add(g, row, "k of P(top k)", k, "P(top k): share of draws in which a site ranks k or better");
        add(g, row, "Vary inputs", vary, "Multiply a criterion's values by a random factor per site and draw"
                + " (uniform on 1 ± p), e.g. price=10%; itLoadMw=20% varies the campus IT load");
        Label problem = new Label();
        problem.setId("robustness-problem");
        problem.setStyle("-fx-text-fill: #b00;");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        Node runButton = d.getDialogPane().lookupButton(run);
        Runnable check = () -> {
            String p = problem(draws.getText(), seed.getText(), spread.getText(), k.getText(), vary.getText());
            problem.setText(p == null ? "" : p);
            runButton.setDisable(p != null);
        };
        for (TextField f : new TextField[] {draws, seed, spread, k, vary}) {
            f.textProperty().addListener((o, a, b) -> check.run());
        }
        check.run();
        Label about = new Label("Results fill the P(top k) and P(rank 1) columns of the site table and the rank"
                + " acceptability chart of the comparison view. See docs/decision.md.");
        about.setWrapText(true);
        about.setMaxWidth(460);
        d.getDialogPane().setContent(new VBox(6, g, problem, about));
        d.setResultConverter(bt -> bt == run);
        boolean ok = d.showAndWait().orElse(false);
        if (ok) {
            vm.drawsProperty().set(Integer.parseInt(draws.getText().strip().replace(",", "")));
            vm.seedProperty().set(Long.parseLong(seed.getText().strip()));
            vm.spreadProperty().set(Double.parseDouble(spread.getText().strip()));
            vm.kProperty().set(Integer.parseInt(k.getText().strip()));
            vm.varyProperty().set(vary.getText().strip());
        }
        return ok;
    }

    /** Why the options cannot run, or null. */
    static String problem(String draws, String seed, String spread, String k, String vary) {
        try {
            int n = Integer.parseInt(draws.strip().replace(",", ""));
            if (n < 1 || n > 10_000_000) {
                return "Draws must be from 1 to 10,000,000";
            }
        } catch (NumberFormatException e) {
            return "Draws must be a whole number";
        }
        try {
            Long.parseLong(seed.strip());
        } catch (NumberFormatException e) {
            return "The seed must be a whole number";
        }
        try {
            double s = Double.parseDouble(spread.strip());
            if (!(s >= 0) || Double.isInfinite(s)) {
                return "The weight spread must be a number >= 0";
            }
        } catch (NumberFormatException e) {
            return "The weight spread must be a number >= 0";
        }
        try {
            if (Integer.parseInt(k.strip()) < 1) {
                return "k must be >= 1";
            }
        } catch (NumberFormatException e) {
            return "k must be a whole number";
        }
        if (vary != null && !vary.isBlank()) {
            try {
                for (Variation v : Variation.parse(vary.strip())) {
                    v.check(Variation.Shape.UNIFORM);
                }
            } catch (IllegalArgumentException e) {
                return "Vary inputs: " + e.getMessage();
            }
        }
        return null;
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(18);
        return f;
    }

    private static int add(GridPane g, int row, String label, TextField f, String tip) {
        Label l = new Label(label);
        l.setTooltip(new Tooltip(tip));
        f.setTooltip(new Tooltip(tip));
        g.add(l, 0, row);
        g.add(f, 1, row);
        return row + 1;
    }
}
