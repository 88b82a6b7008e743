package io.siteplanner.ui;

import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Plural;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.BitSet;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Select by attribute: a layer, an expression made with the filter builder (field, operator, value picked
 * from the field's values; the same CQL engine as filters and the attribute table) and how the result
 * combines with the selection (new, add, remove, intersect). The query runs off the FX thread.
 */
public final class SelectByAttributeViewModel {
    private final MapViewModel map;
    private final TaskExecutor tasks;
    private final BiConsumer<String, LayerItem> status;
    private final ObservableList<LayerItem> layers = FXCollections.observableArrayList();
    private final ObjectProperty<LayerItem> layer = new SimpleObjectProperty<>(this, "layer");
    private final ObjectProperty<SelectMode> mode = new SimpleObjectProperty<>(this, "mode", SelectMode.NEW);
    private final FilterBuilderViewModel filter = new FilterBuilderViewModel(Map.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param choices the layers to choose from (top first)
     * @param initial the layer chosen first (the one picked in the tree), or null for the first
     * @param status  where the outcome goes (the status bar)
     */
    public SelectByAttributeViewModel(java.util.List<LayerItem> choices, LayerItem initial, MapViewModel map,
            TaskExecutor tasks, BiConsumer<String, LayerItem> status) {
        this.map = map;
        this.tasks = tasks;
        this.status = status;
        layers.setAll(choices);
        layer.addListener((o, a, b) -> {
            filter.setFilter(null);
            filter.setLayer(b == null ? null : b.mapLayer().source());
        });
        layer.set(initial != null && choices.contains(initial) ? initial : choices.isEmpty() ? null : choices.get(0));
    }

    public ObservableList<LayerItem> layers() {
        return layers;
    }

    public ObjectProperty<LayerItem> layerProperty() {
        return layer;
    }

    public ObjectProperty<SelectMode> modeProperty() {
        return mode;
    }

    public FilterBuilderViewModel filter() {
        return filter;
    }

    /** What is wrong ("" when fine). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Runs the query and changes the selection; the status bar says how many are selected.
     *
     * @return the job, or null when the form is not valid
     */
    public Job apply() {
        LayerItem item = layer.get();
        if (item == null) {
            problem.set("choose a layer");
            return null;
        }
        if (!filter.isValid()) {
            problem.set(filter.errorProperty().get());
            return null;
        }
        problem.set("");
        String cql = filter.filter();
        SelectMode m = mode.get();
        return tasks.run("Selecting in " + item.getName(),
                p -> {
                    int[] rows = AttributeTableViewModel.computeRows(item.mapLayer().source(), cql, null, null, true, p);
                    BitSet b = new BitSet();
                    for (int r : rows) {
                        b.set(r);
                    }
                    return b;
                }, found -> {
                    map.setSelection(item, m.apply(item.selectionProperty().get(), found));
                    status.accept(Plural.of(found.cardinality(), "feature") + " matched" + (cql == null ? ""
                            : " " + cql) + "; " + SelectionStatus.describe(item.selectionProperty().get(),
                            item.mapLayer().source().size(), item.getName()), item);
                }, err -> problem.set(DialogService.messageOf(err)));
    }
}
