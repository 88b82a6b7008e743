package io.siteplanner.ui;

import io.siteplanner.scoring.criteria.CriterionKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The criterion form as a dialog, bound to a {@link CriterionFormViewModel}: kind (each with its summary),
 * id and label, source layer, attribute (with type and sample values), filter builder, the kind's other
 * keys, transform, weight and display unit. OK is enabled only while the form is valid. Ids for tests:
 * {@code criterion-kind}, {@code criterion-id}, {@code criterion-layer}, {@code criterion-attribute},
 * {@code criterion-weight}, {@code criterion-unit}, {@code criterion-error}, {@code criterion-form}.
 */
public final class CriterionFormView {
    private final CriterionFormViewModel vm;
    private final GridPane others = new GridPane();

    public CriterionFormView(CriterionFormViewModel vm) {
        this.vm = vm;
    }

    /** Shows the form; true when OK was pressed (the form is valid then). */
    public boolean showAndWait(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(vm.isEdit() ? "Edit criterion" : "Add criterion");
        d.setResizable(true);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("criterion-form");
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.errorProperty().isNotEmpty());
        ScrollPane scroll = new ScrollPane(content());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(620);
        scroll.setPrefViewportWidth(640);
        d.getDialogPane().setContent(scroll);
        return d.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK && vm.isValid();
    }

    private Node content() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.getColumnConstraints().add(labels);
        int r = 0;
        ComboBox<CriterionKind> kind = new ComboBox<>(vm.kinds());
        kind.setId("criterion-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CriterionKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.json() + " — " + k.summary());
            }
        });
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(CriterionKind k) {
                return k == null ? "" : k.json();
            }

            @Override
            public CriterionKind fromString(String s) {
                return null;
            }
        });
        Label summary = new Label();
        summary.setWrapText(true);
        summary.setMaxWidth(420);
        summary.setStyle("-fx-text-fill: #555;");
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.kindProperty().get() == null ? ""
                : vm.kindProperty().get().summary(), vm.kindProperty()));
        g.addRow(r++, new Label("Kind"), kind);
        g.add(summary, 1, r++);
        TextField id = text(vm.idProperty(), "criterion-id", "column name, e.g. d_hv");
        TextField label = text(vm.labelProperty(), "criterion-label", "shown in the panel (optional)");
        g.addRow(r++, new Label("Id"), id);
        g.addRow(r++, new Label("Label"), label);

        BooleanBinding layered = uses(() -> vm.usesLayer());
        ComboBox<String> layer = new ComboBox<>(vm.layerChoices());
        layer.setId("criterion-layer");
        layer.valueProperty().bindBidirectional(vm.layerProperty());
        r = row(g, r, layered, new Label("Source layer"), layer);

        BooleanBinding attributed = uses(() -> vm.usesAttribute());
        ComboBox<CriterionFormViewModel.FieldInfo> attribute = new ComboBox<>(vm.attributeChoices());
        attribute.setId("criterion-attribute");
        attribute.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CriterionFormViewModel.FieldInfo f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.name() + "  (" + f.type() + ")  e.g. "
                        + String.join(", ", f.samples()));
            }
        });
        attribute.valueProperty().addListener((o, a, b) -> vm.attributeProperty().set(b == null ? null : b.name()));
        vm.attributeChoices().addListener((ListChangeListener<CriterionFormViewModel.FieldInfo>) c -> select(attribute));
        select(attribute);
        r = row(g, r, attributed, new Label("Attribute"), attribute);

        BooleanBinding filtered = uses(() -> vm.usesFilter());
        r = row(g, r, filtered, new Label("Filter"), new FilterBuilderView(vm.filter()));

        others.setHgap(6);
        others.setVgap(4);
        vm.otherKeys().addListener((ListChangeListener<CriterionFormViewModel.KeyField>) c -> fillOthers());
        fillOthers();
        r = row(g, r, Bindings.isNotEmpty(vm.otherKeys()), new Label("Options"), others);
        g.add(new Separator(), 0, r++, 2, 1);
        g.addRow(r++, new Label("Transform"), new TransformFieldsView(vm.transform()));
        Spinner<Double> weight = new Spinner<>(0.0, 1000.0, vm.weightProperty().get(), 0.05);
        weight.setId("criterion-weight");
        weight.setEditable(true);
        weight.valueProperty().addListener((o, a, b) -> vm.weightProperty().set(b == null ? 0 : b));
        g.addRow(r++, new Label("Weight"), weight);
        TextField unit = text(vm.unitProperty(), "criterion-unit", "");
        unit.promptTextProperty().bind(Bindings.createStringBinding(() -> vm.unitHintProperty().get().isEmpty()
                ? "unit of the values, e.g. USD/MWh" : vm.unitHintProperty().get() + " (the kind's unit)",
                vm.unitHintProperty()));
        g.addRow(r++, new Label("Display unit"), unit);
        Label what = new Label();
        what.setWrapText(true);
        what.setMaxWidth(480);
        what.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.setId("criterion-error");
        error.setWrapText(true);
        error.setMaxWidth(480);
        error.setStyle("-fx-text-fill: #b00;");
        error.textProperty().bind(vm.errorProperty());
        return new VBox(6, g, what, error);
    }

    private void select(ComboBox<CriterionFormViewModel.FieldInfo> box) {
        String want = vm.attributeProperty().get();
        box.setValue(vm.attributeChoices().stream().filter(f -> f.name().equals(want)).findFirst().orElse(null));
    }

    private void fillOthers() {
        others.getChildren().clear();
        int r = 0;
        for (CriterionFormViewModel.KeyField f : vm.otherKeys()) {
            Node input;
            if (f.choices().isEmpty()) {
                input = text(f.valueProperty(), "criterion-key-" + f.key(), "");
            } else {
                ComboBox<String> c = new ComboBox<>();
                c.setId("criterion-key-" + f.key());
                c.setEditable(true);
                c.getItems().setAll(f.choices());
                c.getEditor().textProperty().bindBidirectional(f.valueProperty());
                c.valueProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        f.valueProperty().set(b);
                    }
                });
                input = c;
            }
            others.addRow(r++, new Label(f.key()), input);
        }
    }

    private BooleanBinding uses(java.util.function.BooleanSupplier s) {
        return Bindings.createBooleanBinding(s::getAsBoolean, vm.kindProperty());
    }

    private static int row(GridPane g, int r, BooleanBinding visible, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(visible);
            n.managedProperty().bind(visible);
        }
        g.addRow(r, nodes);
        return r + 1;
    }

    private static TextField text(javafx.beans.property.StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(24);
        return t;
    }
}
