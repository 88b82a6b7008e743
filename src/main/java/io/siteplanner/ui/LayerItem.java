package io.siteplanner.ui;

import io.siteplanner.project.ProjectLayer;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.MapLayer;
import java.util.BitSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One layer in the layer tree: the prepared data plus the user's visibility, opacity and style. FX thread only. */
public final class LayerItem {
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role");
    private final MapLayer mapLayer;
    private final ObjectProperty<LayerStyle> style = new SimpleObjectProperty<>(this, "style");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 1.0);
    private final ObjectProperty<int[]> colorOverride = new SimpleObjectProperty<>(this, "colorOverride");
    private final ObjectProperty<io.siteplanner.render.ScoreLegend> scoreLegend = new SimpleObjectProperty<>(this,
            "scoreLegend");
    private final ObjectProperty<BitSet> selection = new SimpleObjectProperty<>(this, "selection", new BitSet());
    private LayerDraw cached;
    private String tableName;
    private io.siteplanner.model.VectorLayer saveLayer;

    public LayerItem(String name, Role role, MapLayer mapLayer, LayerStyle style) {
        this.name.set(name);
        this.role.set(role);
        this.tableName = name;
        this.mapLayer = mapLayer;
        this.style.set(style);
        Runnable inval = () -> cached = null;
        this.style.addListener((o, a, b) -> inval.run());
        this.opacity.addListener((o, a, b) -> inval.run());
        this.colorOverride.addListener((o, a, b) -> inval.run());
        this.selection.addListener((o, a, b) -> inval.run());
    }

    /** Name of the layer in the project file (a table name; also its name in the tree). */
    public String tableName() {
        return tableName;
    }

    /** The data to save for this layer (the layer as read; for candidates not the scored copy). */
    public io.siteplanner.model.VectorLayer saveLayer() {
        return saveLayer != null ? saveLayer : mapLayer.source();
    }

    /** Links this item to a project layer. */
    public LayerItem linkTo(String table, io.siteplanner.model.VectorLayer data) {
        this.tableName = table;
        this.saveLayer = data;
        return this;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String getName() {
        return name.get();
    }

    public Role role() {
        return role.get();
    }

    /** Basemap, data or candidates (the candidates follow the active scenario). */
    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public MapLayer mapLayer() {
        return mapLayer;
    }

    public ObjectProperty<LayerStyle> styleProperty() {
        return style;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** Per-feature colours replacing the style's (scores), or null. */
    /** The score classes the override colours come from (the legend shows their value ranges), or null. */
    public ObjectProperty<io.siteplanner.render.ScoreLegend> scoreLegendProperty() {
        return scoreLegend;
    }

    public ObjectProperty<int[]> colorOverrideProperty() {
        return colorOverride;
    }

    /** Selected feature indices; set a new BitSet to change it. */
    public ObjectProperty<BitSet> selectionProperty() {
        return selection;
    }

    /** The draw snapshot for the renderer, cached until style, opacity, colours or selection change. */
    public LayerDraw draw() {
        if (cached == null) {
            cached = LayerDraw.of(mapLayer, style.get(), opacity.get(), colorOverride.get(), selection.get());
        }
        return cached;
    }

    @Override
    public String toString() {
        return name.get();
    }
}
