package io.siteplanner.ui;

import io.siteplanner.model.Plural;
import java.util.BitSet;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * The selection count in the status bar: "3 of 1,234 features selected in parcels" for the layer whose
 * selection changed last (or the layer picked in the tree), else another layer with a selection, else
 * "No features selected". A layer that leaves the project leaves the text too. FX thread only.
 */
public final class SelectionStatus {
    private final LayersViewModel layers;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final Set<LayerItem> watched = Collections.newSetFromMap(new WeakHashMap<>());
    private LayerItem focus;

    public SelectionStatus(LayersViewModel layers) {
        this.layers = layers;
        layers.layers().addListener((ListChangeListener<LayerItem>) c -> {
            layers.layers().forEach(this::watch);
            update();
        });
        layers.layers().forEach(this::watch);
        update();
    }

    /** The status text. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Shows this layer's count (the layer picked in the tree); null: keep the last one. */
    public void focus(LayerItem item) {
        if (item != null) {
            focus = item;
            update();
        }
    }

    private void watch(LayerItem i) {
        if (watched.add(i)) {
            i.selectionProperty().addListener((o, a, b) -> {
                focus = i;
                update();
            });
        }
    }

    private void update() {
        LayerItem show = focus != null && layers.layers().contains(focus) ? focus : null;
        if (show == null || show.selectionProperty().get().isEmpty()) {
            for (LayerItem i : layers.layers()) {
                if (!i.selectionProperty().get().isEmpty()) {
                    show = i;
                    break;
                }
            }
        }
        if (show == null) {
            text.set("No features selected");
            return;
        }
        text.set(describe(show.selectionProperty().get(), show.mapLayer().source().size(), show.getName()));
    }

    /** "3 of 1,234 features selected in parcels", "1 of 1 feature selected in x". */
    public static String describe(BitSet selection, int size, String layer) {
        return String.format(Locale.ROOT, "%,d of %s selected in %s", selection.cardinality(), Plural.of(size, "feature"),
                layer);
    }
}
