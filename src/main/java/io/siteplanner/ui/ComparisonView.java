package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.SiteComparison;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import io.siteplanner.scoring.decision.WhatWouldChange;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.geometry.Pos;
import javafx.util.StringConverter;

/**
 * Compares 2 to 4 sites side by side, bound to a {@link ComparisonViewModel}. "Figures": score, rank and
 * pass/fail; per criterion the raw value with its unit, the transformed value and the contribution (best per
 * row in bold); time to power P10/P50/P90 where the scenario has a timeToPower criterion; the reasons; a
 * stacked bar chart of each site's score breakdown; and the criterion that decides between the two best.
 * "Rank robustness": the share of draws at each rank per site (SMAA rank acceptability). "What would
 * change": what alone would put another site ahead of the best one. "Weight sweep": rank as one weight goes
 * from 0 to 1. Each site has a "Zoom to" button; Close and Esc close the window.
 */
public final class ComparisonView {
    private final Stage stage = new Stage();
    private final ComparisonViewModel vm;
    private final SiteComparison comparison;
    private final Units.DistanceUnit du;
    private final GridPane grid = new GridPane();
    private final BarChart<String, Number> acceptability;
    private final VBox acceptabilityTexts = new VBox(2);
    private final Label ttpNote = new Label();
    private final Label[] ttp;
    private final VBox explanation = new VBox(2);

    /** The plain comparison (no robustness figures, no time to power). */
    public ComparisonView(Window owner, SiteComparison comparison, Units.DistanceUnit du, IntConsumer zoomTo) {
        this(owner, new ComparisonViewModel(comparison.result(), comparison.sites(), null, new CurrentThreadExecutor(),
                () -> null, zoomTo), du);
    }

    public ComparisonView(Window owner, ComparisonViewModel vm, Units.DistanceUnit du) {
        this.vm = vm;
        this.comparison = vm.comparison();
        this.du = du;
        int[] sites = comparison.sites();
        this.ttp = new Label[sites.length];
        stage.initOwner(owner);
        stage.setTitle("Compare sites");

        VBox figures = figures();
        TabPane tabs = new TabPane();
        tabs.setId("comparison-tabs");
        ScrollPane sp = new ScrollPane(figures);
        sp.setFitToWidth(true);
        Tab figuresTab = new Tab("Figures", sp);
        CategoryAxis rx = new CategoryAxis();
        rx.setLabel("rank");
        NumberAxis ry = new NumberAxis(0, 100, 10);
        ry.setLabel("share of draws (%)");
        acceptability = new BarChart<>(rx, ry);
        acceptability.setId("acceptability-chart");
        acceptability.setAnimated(false);
        acceptability.setTitle("Rank acceptability: share of draws at each rank");
        acceptability.setBarGap(1);
        acceptability.setCategoryGap(8);
        Label robNote = new Label();
        robNote.setId("acceptability-note");
        robNote.setWrapText(true);
        robNote.textProperty().bind(vm.robustnessNoteProperty());
        Button runRobustness = new Button("Run rank robustness…");
        runRobustness.setId("comparison-run-robustness");
        runRobustness.setDisable(vm.robustness() == null);
        runRobustness.setOnAction(e -> vm.robustness().chooseAndRun());
        if (vm.robustness() != null) {
            runRobustness.disableProperty().bind(vm.robustness().runningProperty());
        }
        VBox.setVgrow(acceptability, Priority.ALWAYS);
        VBox rob = new VBox(6, robNote, runRobustness, acceptability, acceptabilityTexts);
        rob.setPadding(new Insets(8));
        vm.acceptabilityProperty().addListener((o, a, b) -> fillAcceptability(b));
        fillAcceptability(vm.acceptabilityProperty().get());
        Tab robTab = new Tab("Rank robustness", rob);

        Tab explainTab = new Tab("What would change", explainPane());
        Tab sweepTab = new Tab("Weight sweep", new SweepPane(vm.sweep()));
        tabs.getTabs().addAll(figuresTab, robTab, explainTab, sweepTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));

        Button close = new Button("Close");
        close.setId("comparison-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(8);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(6, 10, 8, 10));
        Label hint = new Label("Esc closes this window");
        hint.setStyle("-fx-text-fill: #777;");
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        bottom.getChildren().addAll(hint, close);
        BorderPane root = new BorderPane(tabs);
        if (vm.selectionNote() != null) {
            Label top = new Label(vm.selectionNote());
            top.setId("comparison-selection-banner");
            top.setMaxWidth(Double.MAX_VALUE);
            top.setStyle("-fx-background-color: #fff4d6; -fx-padding: 6 10 6 10; -fx-font-weight: bold;");
            root.setTop(top);
        }
        root.setBottom(bottom);
        Scene scene = new Scene(root, Math.max(760, 230 + 230 * sites.length), 820);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);

        vm.timeToPowerProperty().addListener((o, a, b) -> fillTimeToPower(b));
        ttpNote.textProperty().bind(vm.timeToPowerNoteProperty());
        List<Integer> others = vm.challengers();
        if (!others.isEmpty()) {
            vm.versusProperty().set(others.get(0));
        }
    }

    private VBox figures() {
        ScoreResult r = comparison.result();
        int[] sites = comparison.sites();
        GridPane g = grid;
        g.setId("comparison-grid");
        g.setHgap(14);
        g.setVgap(4);
        g.setPadding(new Insets(10));
        g.getColumnConstraints().add(new ColumnConstraints(185));
        for (int k = 0; k < sites.length; k++) {
            ColumnConstraints cc = new ColumnConstraints(215);
            cc.setHalignment(HPos.RIGHT);
            g.getColumnConstraints().add(cc);
        }
        int row = 0;
        g.add(bold("Site"), 0, row);
        for (int k = 0; k < sites.length; k++) {
            ScoreResult.Explanation e = comparison.explanations().get(k);
            Label id = bold(String.valueOf(e.id()));
            id.setId("compare-site-" + k);
            g.add(id, k + 1, row);
        }
        row++;
        g.add(new Label("Rank / score"), 0, row);
        for (int k = 0; k < sites.length; k++) {
            ScoreResult.Explanation e = comparison.explanations().get(k);
            g.add(new Label(String.format(Locale.ROOT, "#%d   %.4f", e.rank(), e.score())), k + 1, row);
        }
        row++;
        g.add(new Label("Passes constraints"), 0, row);
        for (int k = 0; k < sites.length; k++) {
            g.add(new Label(comparison.explanations().get(k).passed() ? "yes" : "no"), k + 1, row);
        }
        row++;
        if (vm.timeToPowerCriterion() != null) {
            Label name = new Label("Time to power P10/P50/P90");
            name.setTooltip(new javafx.scene.control.Tooltip("Months from now to energization: 10 %, 50 % and 90 %"
                    + " of the Monte Carlo samples of the fastest connection path (" + vm.timeToPowerCriterion().id()
                    + ")"));
            g.add(name, 0, row);
            for (int k = 0; k < sites.length; k++) {
                ttp[k] = new Label("…");
                ttp[k].setId("compare-ttp-" + k);
                g.add(ttp[k], k + 1, row);
            }
            row++;
        }
        g.add(new Label(" "), 0, row++);
        g.add(bold("Criterion (weight)"), 0, row);
        for (int k = 0; k < sites.length; k++) {
            g.add(new Label("raw · score · contribution"), k + 1, row);
        }
        row++;
        for (SiteComparison.Row cr : comparison.rows()) {
            Label name = new Label(String.format(Locale.ROOT, "%s (%.0f %%)", cr.criterion(), 100 * cr.weight()));
            name.setTooltip(new javafx.scene.control.Tooltip(cr.label()));
            g.add(name, 0, row);
            int best = cr.weight() > 0 ? cr.best() : -1;
            for (int k = 0; k < sites.length; k++) {
                ScoreResult.Part p = cr.parts().get(k);
                Label v = new Label(String.format(Locale.ROOT, "%s · %.2f · %.3f", p.format(du),
                        p.transformed(), p.contribution()));
                v.setId("compare-" + cr.criterion() + "-" + k);
                if (k == best) {
                    v.setStyle("-fx-font-weight: bold; -fx-text-fill: #1a7a3a;");
                }
                g.add(v, k + 1, row);
            }
            row++;
        }
        g.add(new Label(" "), 0, row++);
        g.add(bold("Reasons"), 0, row);
        for (int k = 0; k < sites.length; k++) {
            Label l = new Label(String.join("\n", comparison.explanations().get(k).reasons()));
            l.setWrapText(true);
            g.add(l, k + 1, row);
        }
        row++;
        for (int k = 0; k < sites.length; k++) {
            final int site = sites[k];
            Button b = new Button("Zoom to");
            b.setOnAction(e -> vm.zoomTo(site));
            g.add(b, k + 1, row);
        }
        Label decides = new Label(comparison.decisionText());
        decides.setId("comparison-decision");
        decides.setWrapText(true);
        decides.setStyle("-fx-font-size: 13px; -fx-font-weight: bold; -fx-padding: 8 10 0 10;");

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("contribution to score");
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId("comparison-chart");
        chart.setTitle("Score breakdown");
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        for (SiteComparison.Row cr : comparison.rows()) {
            if (cr.weight() <= 0) {
                continue;
            }
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(cr.criterion());
            for (int k = 0; k < sites.length; k++) {
                s.getData().add(new XYChart.Data<>(String.valueOf(comparison.explanations().get(k).id()),
                        Math.max(0, cr.parts().get(k).contribution())));
            }
            chart.getData().add(s);
        }
        ttpNote.setWrapText(true);
        ttpNote.setStyle("-fx-text-fill: #555; -fx-padding: 0 10 0 10;");
        ttpNote.setId("compare-ttp-note");
        return new VBox(6, decides, g, ttpNote, chart);
    }

    private void fillTimeToPower(List<ComparisonViewModel.TimeToPower> l) {
        for (ComparisonViewModel.TimeToPower t : l) {
            int[] sites = comparison.sites();
            for (int k = 0; k < sites.length; k++) {
                if (sites[k] == t.site() && ttp[k] != null) {
                    ttp[k].setText(ComparisonViewModel.monthsText(t));
                }
            }
        }
    }

    private void fillAcceptability(List<ComparisonViewModel.Acceptability> l) {
        acceptability.getData().clear();
        acceptabilityTexts.getChildren().clear();
        acceptability.setVisible(!l.isEmpty());
        acceptability.setManaged(!l.isEmpty());
        for (ComparisonViewModel.Acceptability a : l) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(String.valueOf(a.id()));
            for (int q = 0; q < a.shares().length; q++) {
                s.getData().add(new XYChart.Data<>(Integer.toString(q + 1), 100 * a.shares()[q]));
            }
            acceptability.getData().add(s);
            Label t = new Label(vm.robustnessText(a));
            t.setId("acceptability-text-" + acceptabilityTexts.getChildren().size());
            acceptabilityTexts.getChildren().add(t);
        }
    }

    private javafx.scene.Node explainPane() {
        List<Integer> others = vm.challengers();
        ChoiceBox<Integer> versus = new ChoiceBox<>();
        versus.setId("explain-versus");
        versus.getItems().setAll(others);
        versus.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer site) {
                return site == null ? "" : String.valueOf(comparison.result().session().id(site));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        versus.valueProperty().bindBidirectional(vm.versusProperty());
        Object leader = comparison.result().session().id(vm.leader());
        HBox top = new HBox(8, new Label("What alone would put"), versus, new Label("ahead of " + leader + "?"));
        top.setAlignment(Pos.CENTER_LEFT);
        explanation.setId("explain-lines");
        vm.explanationProperty().addListener((o, a, b) -> fillExplanation(b));
        Label about = new Label("One criterion at a time, everything else as evaluated: the smallest change of its"
                + " weight (the others keep their proportions), and the smallest change of the site's own value."
                + " Each change was checked by re-scoring (docs/decision.md).");
        about.setWrapText(true);
        about.setStyle("-fx-text-fill: #555;");
        VBox box = new VBox(8, top, explanation, about);
        box.setPadding(new Insets(10));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private void fillExplanation(WhatWouldChange.Result r) {
        explanation.getChildren().clear();
        int n = 0;
        for (String line : ComparisonViewModel.lines(r)) {
            Label l = new Label(line.startsWith("  ") ? "•  " + line.strip() : line);
            l.setWrapText(true);
            l.setId("explain-line-" + n++);
            if (!line.startsWith("  ")) {
                l.setStyle("-fx-font-weight: bold; -fx-padding: 4 0 0 0;");
            } else if (line.contains("no change of")) {
                l.setStyle("-fx-text-fill: #777; -fx-padding: 0 0 0 14;");
            } else {
                l.setStyle("-fx-padding: 0 0 0 14;");
            }
            explanation.getChildren().add(l);
        }
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    public Stage stage() {
        return stage;
    }

    public SiteComparison comparison() {
        return comparison;
    }

    public ComparisonViewModel viewModel() {
        return vm;
    }

    public BarChart<String, Number> acceptabilityChart() {
        return acceptability;
    }

    public void show() {
        stage.show();
    }
}
