package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.Viewport;
import io.siteplanner.ui.map.MapCanvas;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;

/**
 * Binds the {@link MapCanvas} to the {@link MapViewModel}: draws the visible layers (re-rendering when a
 * layer's visibility, opacity, style, score colours or selection change), follows view requests, reports
 * its viewport, and turns clicks, Shift+drags, hovering and dropped files into view-model calls.
 */
final class MapPane {
    private final MapCanvas canvas;
    private final MapViewModel map;
    private final Tooltip hover = new Tooltip();
    private final Set<LayerItem> watched = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * @param onIdentify shows what identify found (null: nothing there)
     * @param fallback   the layer to box-select in when there are no candidates (the selected tree layer)
     */
    MapPane(MapCanvas canvas, ProjectViewModel vm, Consumer<MapViewModel.Identified> onIdentify,
            java.util.function.Supplier<LayerItem> fallback) {
        this.canvas = canvas;
        this.map = vm.map();
        canvas.setId("map");
        canvas.setBackgroundColor(DefaultStyles.BACKGROUND);
        canvas.setLayerSupplier(map::drawList);
        vm.layers().layers().addListener((ListChangeListener<LayerItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            canvas.requestRender();
        });
        vm.layers().layers().forEach(this::watch);
        canvas.viewportProperty().addListener((o, a, v) -> map.viewportProperty().set(v));
        map.requestProperty().addListener((o, a, r) -> {
            if (r == null) {
                return;
            }
            Viewport v = canvas.getViewport();
            if (r.view() != null && v != null) {
                canvas.viewportProperty().set(new Viewport(r.view().centerX(), r.view().centerY(), r.view().resolution(),
                        v.width(), v.height()));
            } else if (r.extent() != null) {
                canvas.zoomTo(r.extent());
            }
        });
        canvas.clickedPointProperty().addListener((o, a, p) -> {
            if (p != null && canvas.getViewport() != null) {
                onIdentify.accept(map.identify(p.getX(), p.getY(), canvas.getViewport().resolution() * 6));
            }
        });
        canvas.selectedBoxProperty().addListener((o, a, box) -> {
            String s = map.selectInBox(box, fallback.get());
            if (s != null) {
                vm.setStatus(s, map.candidates() != null ? map.candidates() : fallback.get());
            }
        });
        hover.setShowDelay(javafx.util.Duration.millis(300));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Viewport v = canvas.getViewport();
            String t = v == null ? null : map.hoverText(v.toMapX(e.getX()), v.toMapY(e.getY()), v.resolution() * 3);
            if (t == null) {
                hover.hide();
            } else {
                hover.setText(t);
                hover.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.hide());
        canvas.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        canvas.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) {
                    files.add(f.toPath());
                }
                vm.layers().addFiles(files);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        vm.layers().setOnAdded(env -> {
            Viewport v = canvas.getViewport();
            if (v != null && !env.isNull() && !v.envelope().intersects(env)) {
                canvas.zoomTo(env);
            }
        });
    }

    private void watch(LayerItem i) {
        if (!watched.add(i)) {
            return; // moved in the tree (removed and added again): already watched
        }
        Runnable r = canvas::requestRender;
        i.visibleProperty().addListener((o, a, b) -> r.run());
        i.opacityProperty().addListener((o, a, b) -> r.run());
        i.styleProperty().addListener((o, a, b) -> r.run());
        i.colorOverrideProperty().addListener((o, a, b) -> r.run());
        i.selectionProperty().addListener((o, a, b) -> r.run());
    }

    /** The site explanation unit for identify. */
    static Units.DistanceUnit distanceUnit() {
        return Units.defaultDistanceUnit(Locale.getDefault());
    }
}
