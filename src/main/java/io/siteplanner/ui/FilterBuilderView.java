package io.siteplanner.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Binds a {@link FilterBuilderViewModel}: one row per clause (field, operator, value with the field's
 * values to pick from), AND/OR, the CQL it makes (editable), and "12 of 35 features match" or the error.
 * Ids for tests: {@code filter-field-N}, {@code filter-op-N}, {@code filter-value-N}, {@code filter-add},
 * {@code filter-cql}, {@code filter-summary}.
 */
public final class FilterBuilderView extends VBox {
    private final FilterBuilderViewModel vm;
    private final VBox rows = new VBox(4);

    public FilterBuilderView(FilterBuilderViewModel vm) {
        super(4);
        this.vm = vm;
        Button add = new Button("+ Condition");
        add.setId("filter-add");
        add.setOnAction(e -> vm.addClause());
        ChoiceBox<String> combine = new ChoiceBox<>();
        combine.getItems().addAll("AND", "OR");
        combine.valueProperty().bindBidirectional(vm.combineProperty());
        combine.setTooltip(new Tooltip("How the conditions combine"));
        HBox top = new HBox(6, add, new Label("combined with"), combine);
        top.setAlignment(Pos.CENTER_LEFT);
        TextField cql = new TextField();
        cql.setId("filter-cql");
        cql.setPromptText("CQL, e.g. VOLTAGE >= 345 (empty: all features)");
        cql.textProperty().bindBidirectional(vm.cqlProperty());
        Label summary = new Label();
        summary.setId("filter-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        vm.errorProperty().addListener((o, a, b) -> summary.setStyle(b.isEmpty() ? "-fx-text-fill: #2a7a2a;"
                : "-fx-text-fill: #b00;"));
        summary.setStyle(vm.errorProperty().get().isEmpty() ? "-fx-text-fill: #2a7a2a;" : "-fx-text-fill: #b00;");
        getChildren().addAll(top, rows, cql, summary);
        vm.clauses().addListener((ListChangeListener<FilterBuilderViewModel.Clause>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().clear();
        int n = 0;
        for (FilterBuilderViewModel.Clause c : vm.clauses()) {
            ComboBox<String> field = new ComboBox<>();
            field.setId("filter-field-" + n);
            field.getItems().setAll(vm.fields());
            field.valueProperty().bindBidirectional(c.fieldProperty());
            ChoiceBox<String> op = new ChoiceBox<>();
            op.setId("filter-op-" + n);
            op.getItems().setAll(FilterBuilderViewModel.OPERATORS);
            op.valueProperty().bindBidirectional(c.opProperty());
            ComboBox<String> value = new ComboBox<>();
            value.setId("filter-value-" + n);
            value.setEditable(true);
            value.setPrefWidth(150);
            value.getItems().setAll(c.valueChoices());
            value.getEditor().textProperty().bindBidirectional(c.valueProperty());
            value.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    c.valueProperty().set(b);
                }
            });
            field.valueProperty().addListener((o, a, b) -> value.getItems().setAll(c.valueChoices()));
            value.disableProperty().bind(c.opProperty().isNotNull().and(
                    javafx.beans.binding.Bindings.createBooleanBinding(() -> c.opProperty().get().startsWith("IS"),
                            c.opProperty())));
            Button remove = new Button("✕");
            remove.setTooltip(new Tooltip("Remove this condition"));
            remove.setOnAction(e -> vm.removeClause(c));
            HBox row = new HBox(4, field, op, value, remove);
            HBox.setHgrow(value, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
            n++;
        }
    }
}
