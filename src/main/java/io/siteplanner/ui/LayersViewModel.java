package io.siteplanner.ui;

import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.MapLayer;
import io.siteplanner.scoring.LayerSource;
import io.siteplanner.store.ProjectLayerSource;
import io.siteplanner.store.ProjectStore;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Envelope;

/**
 * The project's layers, top first as in the layer tree: adding files (in the background), removing (asking
 * first when a scenario reads the layer), moving and styling, all undoable. Every layer has a unique
 * project name (its GeoPackage table name), which scenarios use as {@code "@name"}. FX thread only.
 */
public final class LayersViewModel {
    /** What else changes when a layer goes: the scenarios that read it. */
    public interface RemovalListener {
        /** Asks the user when scenarios read the layer; false keeps it. */
        boolean confirmRemoval(String layer);

        /** The layer is gone; returns how to undo what that changed in the scenarios. */
        Runnable removed(String layer);
    }

    private final ObservableList<LayerItem> layers = FXCollections.observableArrayList();
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UndoManager undo;
    private final Supplier<Path> baseDir;
    private RemovalListener removal;
    private Consumer<String> status = s -> { };
    private java.util.function.BiConsumer<String, LayerItem> layerStatus = (s, i) -> status.accept(s);
    private Consumer<Envelope> added = e -> { };
    private int ordinal;

    /**
     * @param baseDir folder of the project file (scenario paths that are not {@code "@name"} are relative
     *                to it), null when the project has no file yet
     */
    public LayersViewModel(TaskExecutor tasks, DialogService dialogs, UndoManager undo, Supplier<Path> baseDir) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.undo = undo;
        this.baseDir = baseDir;
    }

    /** Layers, top (drawn last) first. */
    public ObservableList<LayerItem> layers() {
        return layers;
    }

    public void setRemovalListener(RemovalListener l) {
        removal = l;
    }

    /** Where "Added ..." messages go (the status bar). */
    public void setStatus(Consumer<String> s) {
        status = s;
    }

    /** Where messages about one layer go (the status bar clears them when the layer leaves). */
    public void setLayerStatus(java.util.function.BiConsumer<String, LayerItem> s) {
        layerStatus = s;
    }

    /** Called with the extent (display CRS) of layers added from files, to bring them into view. */
    public void setOnAdded(Consumer<Envelope> c) {
        added = c;
    }

    /** Reads and prepares a layer file for display (rasters are refused): any thread. */
    public static MapLayer load(Path file, ReadOptions options, Progress progress) throws IOException {
        return io.siteplanner.render.DemoMap.prepare(file, options, progress);
    }

    /** A unique, valid project name made from {@code raw}. */
    public String uniqueName(String raw) {
        return ProjectStore.layerName(raw, names());
    }

    /** Adds a layer on top with its default style under a unique name (not undoable by itself). */
    public LayerItem addOnTop(String name, MapLayer layer, Role role) {
        LayerStyle style = role == Role.CANDIDATES ? DefaultStyles.candidates() : DefaultStyles.guess(layer.display(), ordinal++);
        LayerItem item = new LayerItem(uniqueName(name), role, layer, style);
        layers.add(0, item);
        return item;
    }

    /**
     * Adds a layer the user chose, with a colour no other layer uses ({@link DefaultStyles#guessAdded}), on
     * top of the layers of its kind: points above lines above the candidate sites above polygons, so that a
     * new area layer does not hide lines, points or sites (not undoable by itself).
     */
    public LayerItem addAdded(String name, MapLayer layer) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (LayerItem i : layers) {
            used.add(i.styleProperty().get().stroke() & 0xffffff);
            used.add(i.styleProperty().get().fill() & 0xffffff);
        }
        int color = DefaultStyles.ADDED[Math.floorMod(ordinal++, DefaultStyles.ADDED.length)];
        for (int c : DefaultStyles.ADDED) {
            if (!used.contains(c)) {
                color = c;
                break;
            }
        }
        LayerItem item = new LayerItem(uniqueName(name), Role.DATA, layer, DefaultStyles.guessAdded(layer.display(), color));
        layers.add(insertionIndex(item), item);
        return item;
    }

    /** Where a layer goes: above the first layer (top first) that draws at its level or below. */
    int insertionIndex(LayerItem item) {
        double level = level(item);
        for (int i = 0; i < layers.size(); i++) {
            if (level(layers.get(i)) >= level) {
                return i;
            }
        }
        return layers.size();
    }

    /** 0 points, 1 lines, 1.5 candidate sites, 2 polygons, 3 basemap. */
    private static double level(LayerItem i) {
        if (i.role() == Role.BASEMAP) {
            return 3;
        }
        int d = Math.max(0, i.mapLayer().dimension());
        return i.role() == Role.CANDIDATES ? Math.min(d, 1.5) : d;
    }

    /** Loads files as new layers on top in the background (undoable); errors go to one dialog naming each file. */
    public Job addFiles(List<Path> chosen) {
        record Loaded(List<Path> files, List<MapLayer> layers, List<String> errors) {
        }
        // a GeoPackage with several tables: ask which (each becomes a layer)
        List<Path> files = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (Path f : chosen) {
            List<String> names = List.of();
            if (f.getFileName() != null && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
                try {
                    names = io.siteplanner.gis.FormatRegistry.standard().layerNames(f);
                } catch (IOException | RuntimeException e) {
                    names = List.of(); // the load below reports the problem with the file
                }
            }
            if (names.size() > 1) {
                for (String t : dialogs.chooseTables(f, names).orElse(List.of())) {
                    files.add(f);
                    tables.add(t);
                }
            } else {
                files.add(f);
                tables.add(null);
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        String title = "Loading " + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " files");
        return tasks.run(title, p -> {
            List<Path> ok = new ArrayList<>();
            List<MapLayer> out = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (int k = 0; k < files.size(); k++) {
                Path f = files.get(k);
                try {
                    out.add(load(f, ReadOptions.DEFAULT.withLayer(tables.get(k)),
                            p.sub((double) k / files.size(), (k + 1.0) / files.size())));
                    ok.add(f);
                } catch (IOException | RuntimeException e) {
                    errors.add(DialogService.messageOf(e));
                }
            }
            return new Loaded(ok, out, errors);
        }, res -> {
            Envelope env = new Envelope();
            List<String> warnings = new ArrayList<>();
            List<LayerItem> items = new ArrayList<>();
            for (int k = 0; k < res.layers().size(); k++) {
                MapLayer l = res.layers().get(k);
                LayerItem item = addAdded(l.source().name(), l);
                items.add(item);
                env.expandToInclude(l.bounds());
                for (String w : l.source().warnings()) {
                    warnings.add(res.files().get(k).getFileName() + ": " + w);
                }
                layerStatus.accept("Added " + item.getName() + " (" + io.siteplanner.model.Plural.of(l.source().size(),
                        "feature") + ")", item);
            }
            if (!items.isEmpty()) {
                undo.push(UndoManager.of(items.size() == 1 ? "add layer " + items.get(0).getName() : "add layers",
                        () -> layers.removeAll(items), () -> items.forEach(i -> layers.add(insertionIndex(i), i))));
                added.accept(env);
            }
            if (!res.errors().isEmpty()) {
                dialogs.showError(res.errors().size() == 1 ? "Could not add the layer"
                        : "Could not add " + res.errors().size() + " layers", String.join("\n", res.errors()));
            } else if (!warnings.isEmpty()) {
                dialogs.showWarning("Layer added with warnings", String.join("\n", warnings));
            }
        }, err -> dialogs.showError("Could not add the layer", DialogService.messageOf(err)));
    }

    private static List<LayerItem> reversed(List<LayerItem> l) {
        List<LayerItem> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }

    /**
     * Removes a layer: when a scenario reads it, the user is asked first (naming what reads it) and the
     * criteria that read it are disabled. Undo brings the layer and the criteria back.
     *
     * @return whether the layer was removed
     */
    public boolean remove(LayerItem item) {
        int at = layers.indexOf(item);
        if (at < 0 || removal != null && !removal.confirmRemoval(item.getName())) {
            return false;
        }
        layers.remove(at);
        Runnable restore = removal == null ? () -> { } : removal.removed(item.getName());
        undo.push(UndoManager.of("remove layer " + item.getName(), () -> {
            layers.add(Math.min(at, layers.size()), item);
            restore.run();
        }, () -> {
            layers.remove(item);
            if (removal != null) {
                removal.removed(item.getName());
            }
        }));
        status.accept("Removed " + item.getName() + " (Undo brings it back)");
        return true;
    }

    /** Moves a layer up (-1) or down (+1) in the drawing order (undoable). */
    public void move(LayerItem item, int delta) {
        int i = layers.indexOf(item);
        int j = i + delta;
        if (i >= 0 && j >= 0 && j < layers.size()) {
            moveTo(item, j);
        }
    }

    /** Moves a layer to position {@code to} (drag and drop; undoable). */
    public void moveTo(LayerItem item, int to) {
        int from = layers.indexOf(item);
        if (from < 0 || to < 0 || to >= layers.size() || from == to) {
            return;
        }
        layers.remove(from);
        layers.add(to, item);
        undo.push(UndoManager.of("move layer " + item.getName(), () -> {
            layers.remove(item);
            layers.add(from, item);
        }, () -> {
            layers.remove(item);
            layers.add(to, item);
        }));
    }

    /** Opens the style dialog and applies its answer (undoable). */
    public void editStyle(LayerItem item) {
        dialogs.editStyle(item).ifPresent(s -> setStyle(item, s));
    }

    public void setStyle(LayerItem item, LayerStyle style) {
        LayerStyle before = item.styleProperty().get();
        if (before.equals(style)) {
            return;
        }
        item.styleProperty().set(style);
        undo.push(UndoManager.of("style of " + item.getName(), () -> item.styleProperty().set(before),
                () -> item.styleProperty().set(style)));
    }

    /** The layer with this project name, or null. */
    public LayerItem byName(String name) {
        for (LayerItem i : layers) {
            if (i.getName().equals(name)) {
                return i;
            }
        }
        return null;
    }

    public boolean exists(String name) {
        return byName(name) != null;
    }

    /** Project names, top first. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (LayerItem i : layers) {
            out.add(i.getName());
        }
        return out;
    }

    /** The data of a layer as read (its own CRS), or null. */
    public VectorLayer data(String name) {
        LayerItem i = byName(name);
        return i == null ? null : i.saveLayer();
    }

    /** First layer with the given role, or null. */
    public LayerItem first(Role role) {
        for (LayerItem i : layers) {
            if (i.role() == role) {
                return i;
            }
        }
        return null;
    }

    /** The layers as project layers, bottom first (what is saved). */
    public List<ProjectLayer> projectLayers() {
        List<ProjectLayer> out = new ArrayList<>();
        for (int k = layers.size() - 1; k >= 0; k--) {
            LayerItem i = layers.get(k);
            out.add(new ProjectLayer(i.getName(), i.role(), i.saveLayer(), i.styleProperty().get(),
                    i.visibleProperty().get(), i.opacityProperty().get()));
        }
        return out;
    }

    /** Where scenarios read layers from now: these layers as {@code "@name"}, other paths beside the project. */
    public LayerSource source() {
        io.siteplanner.project.Project p = new io.siteplanner.project.Project("layers", projectLayers(), List.of(), null,
                null, null, null);
        return new ProjectLayerSource(p, baseDir.get());
    }

    /** Folder that scenario paths other than {@code "@name"} are relative to (null: the working folder). */
    public Path baseDir() {
        return baseDir.get();
    }

    /** Makes {@code name} the candidate layer (and the former one a data layer); null: none. */
    public void setCandidates(String name) {
        for (LayerItem i : layers) {
            if (i.getName().equals(name)) {
                i.roleProperty().set(Role.CANDIDATES);
            } else if (i.role() == Role.CANDIDATES) {
                i.roleProperty().set(Role.DATA);
                i.colorOverrideProperty().set(null);
                i.selectionProperty().set(new java.util.BitSet());
            }
        }
    }
}
