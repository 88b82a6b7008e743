package io.siteplanner.ui;

import io.siteplanner.gis.SelectByLocation;
import io.siteplanner.gis.SelectMode;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The Select by Attribute and Select by Location dialogs, bound to their view-models. "Select" applies and
 * keeps the dialog open (to refine with add/remove/intersect, as in QGIS); "Close" closes it. Non-modal,
 * so the map and the attribute table can be used meanwhile.
 */
final class SelectDialogs {
    static final ButtonType SELECT = new ButtonType("Select", ButtonBar.ButtonData.APPLY);

    private SelectDialogs() {
    }

    static Dialog<ButtonType> byAttribute(Window owner, SelectByAttributeViewModel vm) {
        ChoiceBox<LayerItem> layer = new ChoiceBox<>(vm.layers());
        layer.setId("select-attr-layer");
        layer.valueProperty().bindBidirectional(vm.layerProperty());
        ChoiceBox<SelectMode> mode = modeBox(vm.modeProperty());
        // a new filter builder view per layer: its field lists are the layer's
        VBox builder = new VBox(new FilterBuilderView(vm.filter()));
        vm.layerProperty().addListener((o, a, b) -> builder.getChildren().setAll(new FilterBuilderView(vm.filter())));
        Label problem = problemLabel(vm.problemProperty());
        GridPane g = grid();
        g.addRow(0, label("Layer"), layer);
        g.addRow(1, label("Mode"), mode);
        VBox content = new VBox(8, g, label("Expression (field, operator, value; or type CQL)"), builder, problem);
        content.setPrefWidth(560);
        return dialog(owner, "Select by Attribute", content, vm::apply);
    }

    static Dialog<ButtonType> byLocation(Window owner, SelectByLocationViewModel vm) {
        ChoiceBox<LayerItem> target = new ChoiceBox<>(vm.layers());
        target.setId("select-loc-target");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        ChoiceBox<LayerItem> reference = new ChoiceBox<>(vm.layers());
        reference.setId("select-loc-reference");
        reference.valueProperty().bindBidirectional(vm.referenceProperty());
        ChoiceBox<SelectByLocation.Relation> relation = new ChoiceBox<>();
        relation.getItems().setAll(SelectByLocation.Relation.values());
        relation.valueProperty().bindBidirectional(vm.relationProperty());
        Spinner<Double> distance = new Spinner<>(0.0, 1e7, vm.distanceProperty().get(), 100);
        distance.setEditable(true);
        distance.setId("select-loc-distance");
        distance.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.distanceProperty().set(b);
            }
        });
        distance.disableProperty().bind(vm.relationProperty().isNotEqualTo(SelectByLocation.Relation.WITHIN_DISTANCE));
        Label metres = label("m");
        CheckBox only = new CheckBox("Selected features only");
        only.selectedProperty().bindBidirectional(vm.selectedOnlyProperty());
        only.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ChoiceBox<SelectMode> mode = modeBox(vm.modeProperty());
        Label crs = new Label();
        crs.setWrapText(true);
        crs.setStyle("-fx-text-fill: #555;");
        crs.textProperty().bind(vm.crsTextProperty());
        GridPane g = grid();
        g.addRow(0, label("Select features from"), target);
        g.addRow(1, label("that"), relation, distance, metres);
        g.addRow(2, label("features of"), reference, only);
        g.addRow(3, label("Mode"), mode);
        VBox content = new VBox(8, g, crs, problemLabel(vm.problemProperty()));
        content.setPrefWidth(720);
        return dialog(owner, "Select by Location", content, vm::apply);
    }

    private static ChoiceBox<SelectMode> modeBox(javafx.beans.property.ObjectProperty<SelectMode> p) {
        ChoiceBox<SelectMode> mode = new ChoiceBox<>();
        mode.getItems().setAll(SelectMode.values());
        mode.valueProperty().bindBidirectional(p);
        return mode;
    }

    private static Label problemLabel(javafx.beans.value.ObservableStringValue p) {
        Label l = new Label();
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: #b00;");
        l.textProperty().bind(Bindings.createStringBinding(p::get, p));
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(4));
        return g;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, javafx.scene.Node content, Runnable apply) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle(title);
        d.setResizable(true);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(SELECT, ButtonType.CLOSE);
        Button select = (Button) d.getDialogPane().lookupButton(SELECT);
        select.setId("select-apply");
        select.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open
            apply.run();
        });
        return d;
    }
}
