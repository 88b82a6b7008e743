package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The constraints: comparisons on criteria (operator, value in the raw unit) and exclusion layers (filter,
 * buffer), each with how many sites it removes; rows to add a comparison and an exclusion. Ids:
 * {@code constraint-value-CRITERION}, {@code constraint-failing-N}, {@code add-comparison-*},
 * {@code add-exclusion-*}.
 */
public final class ConstraintsView extends VBox {
    private final ConstraintsViewModel vm;
    private final VBox rows = new VBox(4);

    public ConstraintsView(ConstraintsViewModel vm, ScenarioEditorViewModel editor) {
        super(6);
        this.vm = vm;
        Label add = new Label("Add a constraint on a criterion, or exclude sites near a layer:");
        add.setWrapText(true);
        add.setStyle("-fx-text-fill: #555; -fx-font-size: 11px;");
        getChildren().addAll(rows, add, addComparison(), addExclusion());
        editor.constraints().addListener((ListChangeListener<ConstraintRow>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().clear();
        for (int i = 0; i < vm.rows().size(); i++) {
            final int idx = i;
            ConstraintRow row = vm.rows().get(i);
            ConstraintSpec k = row.spec();
            CheckBox on = new CheckBox();
            on.setSelected(k.enabled());
            on.setTooltip(new Tooltip("Apply this constraint"));
            on.setOnAction(e -> vm.setEnabled(idx, on.isSelected()));
            Button remove = new Button("✕");
            remove.setTooltip(new Tooltip("Remove this constraint"));
            remove.setOnAction(e -> vm.remove(idx));
            Label failing = new Label();
            failing.setId("constraint-failing-" + idx);
            failing.setStyle("-fx-text-fill: #777; -fx-font-size: 11px;");
            failing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> row.failingProperty()
                    .get() < 0 ? "" : "removes " + io.siteplanner.model.Plural.of(row.failingProperty().get(), "site"),
                    row.failingProperty()));
            Node[] edit;
            if (k.isExclusion()) {
                TextField filter = new TextField(k.filter() == null ? "" : k.filter());
                filter.setPromptText("filter (all features)");
                filter.setPrefColumnCount(12);
                TextField buffer = number(k.buffer(), 5);
                Runnable commit = () -> parse(buffer, b -> vm.setExclusion(idx, filter.getText(), b), k.buffer());
                filter.setOnAction(e -> commit.run());
                buffer.setOnAction(e -> commit.run());
                edit = new Node[] {new Label("not within"), buffer, new Label("m of " + k.exclude()), filter};
            } else {
                ChoiceBox<String> op = new ChoiceBox<>();
                op.getItems().addAll(ConstraintsViewModel.OPS);
                op.setValue(k.op());
                TextField value = number(k.value(), 8);
                value.setId("constraint-value-" + k.criterion());
                Runnable commit = () -> parse(value, v -> vm.setComparison(idx, op.getValue(), v), k.value());
                value.setOnAction(e -> commit.run());
                value.focusedProperty().addListener((o, a, f) -> {
                    if (!f) {
                        commit.run();
                    }
                });
                op.setOnAction(e -> commit.run());
                edit = new Node[] {new Label(k.criterion()), op, value, new Label(row.unit())};
            }
            FlowPane line = new FlowPane(4, 2);
            line.getChildren().add(on);
            line.getChildren().addAll(edit);
            line.getChildren().addAll(remove, failing);
            line.setOpacity(k.enabled() ? 1 : 0.6);
            rows.getChildren().add(line);
        }
    }

    private FlowPane addComparison() {
        ChoiceBox<String> crit = new ChoiceBox<>();
        crit.setId("add-comparison-criterion");
        crit.setMinWidth(90);
        crit.setTooltip(new Tooltip("The criterion whose raw value is compared"));
        crit.setOnShowing(e -> crit.getItems().setAll(vm.criterionChoices()));
        ChoiceBox<String> op = new ChoiceBox<>();
        op.getItems().addAll(ConstraintsViewModel.OPS);
        op.setValue(">=");
        TextField value = new TextField();
        value.setId("add-comparison-value");
        value.setPromptText("value");
        value.setPrefColumnCount(6);
        Label unit = new Label();
        crit.valueProperty().addListener((o, a, b) -> unit.setText(b == null ? "" : vm.unitOf(b)));
        Button add = new Button("Add");
        add.setId("add-comparison");
        add.setOnAction(e -> {
            if (crit.getValue() != null) {
                parse(value, v -> vm.addComparison(crit.getValue(), op.getValue(), v), Double.NaN);
                value.clear();
            }
        });
        FlowPane row = new FlowPane(6, 4, crit, op, value, unit, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox addExclusion() {
        ChoiceBox<String> layer = new ChoiceBox<>();
        layer.setId("add-exclusion-layer");
        layer.setMinWidth(90);
        layer.setOnShowing(e -> layer.getItems().setAll(vm.layerChoices()));
        TextField filter = new TextField();
        filter.setId("add-exclusion-filter");
        filter.setPromptText("filter, e.g. FLD_ZONE IN ('A', 'AE')");
        TextField buffer = new TextField("0");
        buffer.setId("add-exclusion-buffer");
        buffer.setPrefColumnCount(5);
        Label check = new Label();
        check.setWrapText(true);
        check.setStyle("-fx-font-size: 11px;");
        // one filter builder per chosen layer checks and counts the filter as it is typed
        javafx.beans.property.ObjectProperty<FilterBuilderViewModel> builder =
                new javafx.beans.property.SimpleObjectProperty<>();
        Runnable validate = () -> {
            FilterBuilderViewModel f = builder.get();
            if (f == null) {
                check.setText("");
                return;
            }
            f.cqlProperty().set(filter.getText());
            check.setText(f.summaryProperty().get());
            check.setStyle("-fx-font-size: 11px; -fx-text-fill: " + (f.isValid() ? "#2a7a2a;" : "#b00;"));
        };
        layer.valueProperty().addListener((o, a, b) -> {
            builder.set(b == null ? null : vm.filterFor(b));
            validate.run();
        });
        filter.textProperty().addListener((o, a, b) -> validate.run());
        Button add = new Button("Exclude");
        add.setId("add-exclusion");
        add.setTooltip(new Tooltip("Sites within the buffer of a feature (passing the filter) fail"));
        add.setOnAction(e -> {
            if (layer.getValue() != null) {
                parse(buffer, b -> vm.addExclusion(layer.getValue(), filter.getText(), b), 0);
                filter.clear();
            }
        });
        FlowPane row = new FlowPane(6, 4, new Label("Near"), layer, new Label("within"), buffer, new Label("m"), add);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, filter, check);
    }

    private static TextField number(double v, int columns) {
        TextField t = new TextField(Units.number(v).replace(",", ""));
        t.setPrefColumnCount(columns);
        return t;
    }

    /** Parses a field and passes the number on; restores {@code old} when it is not a number. */
    private static void parse(TextField f, java.util.function.DoubleConsumer then, double old) {
        try {
            double v = Double.parseDouble(f.getText().trim().replace(",", ""));
            if (Double.isFinite(v)) {
                then.accept(v);
                return;
            }
        } catch (NumberFormatException e) {
            // restored below
        }
        f.setText(Double.isNaN(old) ? "" : Units.number(old).replace(",", ""));
    }
}
