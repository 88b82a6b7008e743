package io.siteplanner.ui;

import io.siteplanner.project.ProjectLayer;
import io.siteplanner.model.style.Colors;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The layer tree with legend: a check box per layer (visibility), legend rows under each layer, drag to
 * reorder, and a context menu (zoom to, style, use in the scenario, use as candidates, opacity, move,
 * remove). Binds to {@link LayersViewModel}; scenario actions go to the criteria and editor view-models.
 */
public final class LayerTreeView extends TreeView<Object> {
    private final LayersViewModel model;
    private final CriteriaViewModel criteria;
    private final ScenarioEditorViewModel editor;
    private Consumer<LayerItem> onZoomTo = i -> { };
    private Consumer<LayerItem> onOpenTable = i -> { };
    private final java.util.Map<LayerItem, javafx.beans.InvalidationListener> legendListeners = new java.util.WeakHashMap<>();
    private final java.util.Set<LayerItem> roleWatched = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    public LayerTreeView(LayersViewModel model, CriteriaViewModel criteria, ScenarioEditorViewModel editor) {
        this.model = model;
        this.criteria = criteria;
        this.editor = editor;
        setId("layer-tree");
        setShowRoot(false);
        setRoot(new TreeItem<>("layers"));
        setCellFactory(tv -> new Cell());
        model.layers().addListener((ListChangeListener<LayerItem>) c -> rebuild());
        rebuild();
    }

    public void setOnZoomTo(Consumer<LayerItem> c) {
        onZoomTo = c;
    }

    /** "Open Attribute Table" in a layer's context menu. */
    public void setOnOpenTable(Consumer<LayerItem> c) {
        onOpenTable = c;
    }


    /** The layer of the selected row (a layer or one of its legend rows), or null. */
    public LayerItem selectedLayer() {
        TreeItem<Object> t = getSelectionModel().getSelectedItem();
        while (t != null && !(t.getValue() instanceof LayerItem)) {
            t = t.getParent();
        }
        return t == null ? null : (LayerItem) t.getValue();
    }

    /** Scrolls so the row of the named layer is visible. */
    public void reveal(String layerName) {
        for (TreeItem<Object> t : getRoot().getChildren()) {
            if (t.getValue() instanceof LayerItem && ((LayerItem) t.getValue()).getName().equals(layerName)) {
                int row = getRow(t);
                if (row >= 0) {
                    scrollTo(row);
                }
                return;
            }
        }
    }

    /** Rebuilds the tree from the model (layers, then legend rows). */
    public void rebuild() {
        LayerItem sel = selectedLayer();
        getRoot().getChildren().clear();
        for (LayerItem item : model.layers()) {
            TreeItem<Object> t = new TreeItem<>(item);
            for (LegendEntry e : LegendEntry.of(item)) {
                t.getChildren().add(new TreeItem<>(e));
            }
            t.setExpanded(item.role() != ProjectLayer.Role.BASEMAP);
            if (roleWatched.add(item)) {
                item.roleProperty().addListener(o -> refresh()); // basemap grey, candidates' menu
            }
            getRoot().getChildren().add(t);
            // one legend listener per layer: drop the one of the previous rebuild (it points at an old row)
            javafx.beans.InvalidationListener old = legendListeners.remove(item);
            if (old != null) {
                item.styleProperty().removeListener(old);
                item.colorOverrideProperty().removeListener(old);
            }
            javafx.beans.InvalidationListener l = o -> refreshLegend(t, item);
            legendListeners.put(item, l);
            item.styleProperty().addListener(l);
            item.colorOverrideProperty().addListener(l);
            if (item == sel) {
                getSelectionModel().select(t);
            }
        }
    }

    private void refreshLegend(TreeItem<Object> t, LayerItem item) {
        t.getChildren().clear();
        for (LegendEntry e : LegendEntry.of(item)) {
            t.getChildren().add(new TreeItem<>(e));
        }
    }

    /** A layer name made fit for a CSS id: non-word characters become '_'. */
    public static String cssId(String name) {
        return name.replaceAll("\\W+", "_");
    }

    /** A small swatch for a legend entry. */
    static Node swatch(LegendEntry e) {
        Color fill = fx(e.fill());
        Color stroke = fx(e.stroke());
        if (e.dimension() == 0) {
            Circle c = new Circle(6, fill);
            c.setStroke(stroke);
            return c;
        }
        if (e.dimension() == 1) {
            Line l = new Line(0, 6, 16, 6);
            l.setStroke(Colors.alpha(e.stroke()) == 0 ? Color.GRAY : stroke);
            l.setStrokeWidth(3);
            return l;
        }
        Rectangle r = new Rectangle(16, 12, fill);
        r.setStroke(stroke);
        return r;
    }

    static Color fx(int argb) {
        return Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff, (argb >>> 24) / 255.0);
    }

    private final class Cell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            setText(null);
            setContextMenu(null);
            setOnDragDetected(null);
            setOnDragOver(null);
            setOnDragDropped(null);
            if (empty || value == null) {
                setGraphic(null);
                return;
            }
            if (value instanceof LegendEntry) {
                LegendEntry e = (LegendEntry) value;
                Label l = new Label(e.label());
                l.setStyle("-fx-font-size: 11px;");
                HBox box = new HBox(6, swatch(e), l);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
                return;
            }
            LayerItem item = (LayerItem) value;
            CheckBox cb = new CheckBox();
            cb.selectedProperty().bindBidirectional(item.visibleProperty());
            cb.setId("visible-" + cssId(item.getName()));
            Label name = new Label(item.getName());
            name.setId("layer-" + cssId(item.getName()));
            if (item.role() == ProjectLayer.Role.BASEMAP) {
                name.setStyle("-fx-text-fill: #666;");
            }
            boolean single = LegendEntry.of(item).isEmpty();
            HBox box = single ? new HBox(6, cb, swatch(LegendEntry.swatch(item)), name) : new HBox(6, cb, name);
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
            setContextMenu(menu(item));
            setOnDragDetected(ev -> {
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent cc = new ClipboardContent();
                cc.putString(Integer.toString(model.layers().indexOf(item)));
                db.setContent(cc);
                ev.consume();
            });
            setOnDragOver(ev -> {
                if (ev.getGestureSource() != this && ev.getDragboard().hasString()) {
                    ev.acceptTransferModes(TransferMode.MOVE);
                }
                ev.consume();
            });
            setOnDragDropped(ev -> {
                boolean ok = false;
                try {
                    int from = Integer.parseInt(ev.getDragboard().getString());
                    int to = model.layers().indexOf(item);
                    if (from >= 0 && from < model.layers().size() && to >= 0 && from != to) {
                        model.moveTo(model.layers().get(from), to);
                        ok = true;
                    }
                } catch (NumberFormatException ignored) {
                    ok = false;
                }
                ev.setDropCompleted(ok);
                ev.consume();
            });
        }

        private ContextMenu menu(LayerItem item) {
            MenuItem zoom = new MenuItem("Zoom to Layer");
            zoom.setOnAction(e -> onZoomTo.accept(item));
            MenuItem table = new MenuItem("Open Attribute Table (F6)");
            table.setId("open-attribute-table");
            table.setOnAction(e -> onOpenTable.accept(item));
            MenuItem style = new MenuItem("Style…");
            style.setOnAction(e -> model.editStyle(item));
            MenuItem use = new MenuItem("Use in Scenario…");
            use.setId("use-in-scenario");
            use.setOnAction(e -> criteria.add(item.getName()));
            use.setDisable(item.role() == ProjectLayer.Role.CANDIDATES || editor.current() == null);
            MenuItem cand = new MenuItem("Use as Candidate Sites");
            cand.setOnAction(e -> editor.setCandidates(item.getName(), null));
            int dim = item.mapLayer().dimension();
            cand.setDisable(item.role() == ProjectLayer.Role.CANDIDATES || !(dim == 0 || dim == 2));
            Slider opacity = new Slider(0, 1, item.opacityProperty().get());
            opacity.valueProperty().bindBidirectional(item.opacityProperty());
            opacity.setPrefWidth(140);
            CustomMenuItem op = new CustomMenuItem(new VBox(2, new Label("Opacity"), opacity), false);
            MenuItem up = new MenuItem("Move Up");
            up.setOnAction(e -> model.move(item, -1));
            MenuItem down = new MenuItem("Move Down");
            down.setOnAction(e -> model.move(item, 1));
            MenuItem remove = new MenuItem("Remove Layer");
            remove.setOnAction(e -> model.remove(item));
            return new ContextMenu(zoom, table, style, op, new SeparatorMenuItem(), use, cand, new SeparatorMenuItem(), up,
                    down, new SeparatorMenuItem(), remove);
        }
    }
}
