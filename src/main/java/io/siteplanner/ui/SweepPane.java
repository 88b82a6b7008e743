package io.siteplanner.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The weight sweep chart: a criterion chooser and a line chart of each site's rank (rank 1 at the top) as
 * the criterion's weight goes from 0 to 100 %, bound to a {@link SweepViewModel}.
 */
public final class SweepPane extends VBox {
    private final LineChart<Number, Number> chart;

    public SweepPane(SweepViewModel vm) {
        super(6);
        setPadding(new Insets(8));
        setId("sweep-pane");
        ChoiceBox<String> criterion = new ChoiceBox<>();
        criterion.setId("sweep-criterion");
        criterion.getItems().setAll(vm.criteria());
        criterion.valueProperty().bindBidirectional(vm.criterionProperty());
        HBox top = new HBox(8, new Label("Sweep the weight of"), criterion);
        top.setAlignment(Pos.CENTER_LEFT);
        NumberAxis x = new NumberAxis(0, 100, 10);
        x.setLabel("weight of the criterion (%)");
        NumberAxis y = new NumberAxis();
        y.setLabel("rank (1 = best)");
        y.setForceZeroInRange(false);
        // ranks are plotted negated so that rank 1 is at the top
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double r = -n.doubleValue();
                return r == Math.rint(r) && r >= 1 ? String.format(Locale.ROOT, "%.0f", r) : "";
            }

            @Override
            public Number fromString(String s) {
                return -Double.parseDouble(s);
            }
        });
        chart = new LineChart<>(x, y);
        chart.setId("sweep-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setTitle("Rank as one weight goes from 0 to 100 %");
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label note = new Label();
        note.setId("sweep-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        vm.seriesProperty().addListener((o, a, b) -> fill(b));
        fill(vm.seriesProperty().get());
        getChildren().addAll(top, chart, note);
        if (vm.criterionProperty().get() == null && !vm.criteria().isEmpty()) {
            vm.criterionProperty().set(vm.criteria().get(0));
        }
    }

    private void fill(List<SweepViewModel.Series> series) {
        chart.getData().clear();
        int worst = 1;
        for (SweepViewModel.Series s : series) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(String.valueOf(s.id()));
            for (int k = 0; k < s.weights().length; k++) {
                line.getData().add(new XYChart.Data<>(100 * s.weights()[k], -s.ranks()[k]));
                worst = Math.max(worst, s.ranks()[k]);
            }
            chart.getData().add(line);
        }
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(-worst - Math.max(1, worst / 20));
        y.setUpperBound(0);
        y.setTickUnit(Math.max(1, Math.ceil(worst / 10.0)));
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }
}
