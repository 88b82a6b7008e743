package io.siteplanner.ui;

import io.siteplanner.project.ProjectLayer;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.MapLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Envelope;

/**
 * The map's layers, top first as in the layer tree. Loading happens in {@link #load} (any thread); the
 * list itself is changed on the FX thread only.
 */
public final class MapViewModel {
    private final ObservableList<LayerItem> layers = FXCollections.observableArrayList();
    private int added;

    /** Layers, top (drawn last) first. */
    public ObservableList<LayerItem> layers() {
        return layers;
    }

    /** Reads and prepares a layer file for display (rasters are refused): run off the FX thread. */
    public static MapLayer load(Path file, ReadOptions options, Progress progress) throws IOException {
        return io.siteplanner.render.DemoMap.prepare(file, options, progress);
    }

    /** Adds a data layer on top with its default style. FX thread. */
    public LayerItem addOnTop(String name, MapLayer layer, ProjectLayer.Role role) {
        LayerStyle style = role == ProjectLayer.Role.CANDIDATES ? DefaultStyles.candidates()
                : DefaultStyles.guess(layer.display(), added++);
        LayerItem item = new LayerItem(name, role, layer, style);
        layers.add(0, item);
        return item;
    }

    /** What to draw, bottom first: visible layers only. FX thread. */
    public List<LayerDraw> drawList() {
        List<LayerDraw> out = new ArrayList<>();
        for (LayerItem i : layers) {
            if (i.visibleProperty().get()) {
                out.add(i.draw());
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * The extent to show at start and for "full extent": the candidate sites when there are some, else
     * the union of the data layers (all layers when there are none), display CRS.
     */
    public Envelope dataExtent() {
        Envelope e = new Envelope();
        LayerItem candidates = first(ProjectLayer.Role.CANDIDATES);
        if (candidates != null && !candidates.mapLayer().bounds().isNull()) {
            return candidates.mapLayer().bounds();
        }
        for (LayerItem i : layers) {
            if (i.role() != ProjectLayer.Role.BASEMAP) {
                e.expandToInclude(i.mapLayer().bounds());
            }
        }
        if (e.isNull()) {
            for (LayerItem i : layers) {
                e.expandToInclude(i.mapLayer().bounds());
            }
        }
        return e;
    }

    /** First layer with the given role, or null. */
    public LayerItem first(ProjectLayer.Role role) {
        for (LayerItem i : layers) {
            if (i.role() == role) {
                return i;
            }
        }
        return null;
    }
}
