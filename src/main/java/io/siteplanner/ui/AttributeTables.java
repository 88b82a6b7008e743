package io.siteplanner.ui;

import io.siteplanner.ui.task.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The open attribute table windows, one per layer (opening it again brings it forward), as QGIS does;
 * a window closes when its layer leaves the project. FX thread only.
 */
public final class AttributeTables {
    private final Window owner;
    private final LayersViewModel layers;
    private final MapViewModel map;
    private final TaskExecutor tasks;
    private final Map<LayerItem, Stage> open = new LinkedHashMap<>();

    public AttributeTables(Window owner, LayersViewModel layers, MapViewModel map, TaskExecutor tasks) {
        this.owner = owner;
        this.layers = layers;
        this.map = map;
        this.tasks = tasks;
        layers.layers().addListener((ListChangeListener<LayerItem>) c -> {
            for (LayerItem i : open.keySet().toArray(new LayerItem[0])) {
                if (!layers.layers().contains(i)) {
                    open.get(i).close();
                }
            }
        });
    }

    /** Opens (or brings forward) the attribute table of a layer; returns its view. */
    public AttributeTableView open(LayerItem item) {
        Stage s = open.get(item);
        if (s != null) {
            s.toFront();
            s.requestFocus();
            return (AttributeTableView) s.getScene().getRoot();
        }
        AttributeTableViewModel vm = new AttributeTableViewModel(item, map, tasks);
        AttributeTableView view = new AttributeTableView(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> "Attribute Table — " + item.getName() + " — "
                + vm.summaryProperty().get(), item.nameProperty(), vm.summaryProperty()));
        stage.setScene(new Scene(view, 1000, 520));
        stage.setOnHidden(e -> {
            open.remove(item);
            view.dispose();
        });
        open.put(item, stage);
        stage.show();
        return view;
    }

    /** The open table of a layer, or null. */
    public AttributeTableView viewOf(LayerItem item) {
        Stage s = open.get(item);
        return s == null ? null : (AttributeTableView) s.getScene().getRoot();
    }
}
