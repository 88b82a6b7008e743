package io.siteplanner.ui;

import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Binds {@link TransformFields}: type, direction and only the parameters the type takes. */
public final class TransformFieldsView extends GridPane {
    private int row;

    public TransformFieldsView(TransformFields f) {
        this(f, true);
    }

    /** @param withType whether to show the type and direction (the transform editor has its own) */
    public TransformFieldsView(TransformFields f, boolean withType) {
        setHgap(6);
        setVgap(4);
        ChoiceBox<Type> type = new ChoiceBox<>();
        type.setId("transform-type");
        type.getItems().addAll(Type.LINEAR, Type.LOG, Type.THRESHOLD, Type.SIGMOID, Type.GAUSSIAN, Type.PIECEWISE,
                Type.IDENTITY, Type.CATEGORIES, Type.STEPS);
        type.valueProperty().bindBidirectional(f.typeProperty());
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Type t) {
                return t == null ? "" : t.json();
            }

            @Override
            public Type fromString(String s) {
                return Type.of(s);
            }
        });
        ChoiceBox<TransformSpec.Direction> dir = new ChoiceBox<>();
        dir.setId("transform-direction");
        dir.getItems().addAll(TransformSpec.Direction.values());
        dir.valueProperty().bindBidirectional(f.directionProperty());
        if (withType) {
            add(new Label("Type"), 0, row);
            add(type, 1, row);
            add(dir, 2, row++);
        }
        dir.visibleProperty().bind(Bindings.createBooleanBinding(() -> TransformFields.directed(f.typeProperty().get()),
                f.typeProperty()));
        param("Min / max (empty: data range)", f.minProperty(), f.maxProperty(), is(f, Type.LINEAR, Type.LOG));
        param("Threshold", f.valueProperty(), null, is(f, Type.THRESHOLD));
        param("Midpoint / spread", f.midpointProperty(), f.spreadProperty(), is(f, Type.SIGMOID));
        param("Ideal / spread", f.idealProperty(), f.spreadProperty(), is(f, Type.GAUSSIAN));
        TextField points = new TextField();
        points.setPromptText("x:y, x:y, … (y in 0..1)");
        points.setPrefColumnCount(28);
        points.textProperty().bindBidirectional(f.pointsProperty());
        show(is(f, Type.PIECEWISE), points);
        addRow(row++, labelFor(is(f, Type.PIECEWISE), "Points"), points);
        setColumnSpan(points, 2);
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00;");
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        add(error, 0, row++, 3, 1);
    }

    private static BooleanBinding is(TransformFields f, Type... types) {
        return Bindings.createBooleanBinding(() -> java.util.Arrays.asList(types).contains(f.typeProperty().get()),
                f.typeProperty());
    }

    private void param(String name, StringProperty a, StringProperty b, BooleanBinding visible) {
        TextField fa = field(a);
        Node[] nodes = b == null ? new Node[] {labelFor(visible, name), fa} : new Node[] {labelFor(visible, name), fa,
            field(b)};
        for (Node n : nodes) {
            n.visibleProperty().bind(visible);
            n.managedProperty().bind(visible);
        }
        addRow(row++, nodes);
    }

    private static TextField field(StringProperty p) {
        TextField t = new TextField();
        t.setPrefColumnCount(8);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static Label labelFor(BooleanBinding visible, String s) {
        Label l = new Label(s);
        l.visibleProperty().bind(visible);
        l.managedProperty().bind(visible);
        return l;
    }

    private static void show(BooleanBinding visible, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(visible);
            n.managedProperty().bind(visible);
        }
    }
}
