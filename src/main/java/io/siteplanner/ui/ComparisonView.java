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

/**
 * Compares 2 to 4 sites side by side: score, rank and pass/fail; per criterion the raw value with its
 * unit, the transformed value and the contribution (best per row in bold); the dollar figures; the
 * reasons; a stacked bar chart of each site's score breakdown; and the criterion that decides between
 * the two best. Each site has a "Zoom to" button.
 */
public final class ComparisonView {
    private final Stage stage = new Stage();
    private final SiteComparison comparison;

    public ComparisonView(Window owner, SiteComparison comparison, Units.DistanceUnit du, IntConsumer zoomTo) {
        this.comparison = comparison;
        stage.initOwner(owner);
        stage.setTitle("Compare sites");
        ScoreResult r = comparison.result();
        int[] sites = comparison.sites();
        GridPane g = new GridPane();
        g.setId("comparison-grid");
        g.setHgap(14);
        g.setVgap(4);
        g.setPadding(new Insets(10));
        g.getColumnConstraints().add(new ColumnConstraints(170));
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
            b.setOnAction(e -> zoomTo.accept(site));
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
        VBox box = new VBox(6, decides, g, chart);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        stage.setScene(new Scene(sp, 230 + 230 * sites.length, 780));
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

    public void show() {
        stage.show();
    }
}
