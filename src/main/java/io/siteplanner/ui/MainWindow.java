package io.siteplanner.ui;

import io.siteplanner.project.ProjectLayer;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.project.Project;
import io.siteplanner.store.ProjectStore;
import io.siteplanner.render.ScoreColors;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.render.MapLayer;
import io.siteplanner.store.MapsDirectory;
import io.siteplanner.ui.map.MapCanvas;
import io.siteplanner.ui.task.BackgroundTasks;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.locationtech.jts.geom.Envelope;

/**
 * The main window: menu and tool bar, layer tree (left), map (centre), identify/scenario panel (right),
 * status bar with progress, cursor position, scale and CRS. Remembers its size, position and dividers.
 */
public final class MainWindow {
    private final Preferences prefs;

    private final Stage stage;
    private final MapViewModel model = new MapViewModel();
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final MapCanvas map = new MapCanvas();
    private final LayerTreeView tree;
    private final IdentifyPanel identify = new IdentifyPanel();
    private final StatusBar status = new StatusBar();
    private final DialogService dialogs;
    private final SplitPane split = new SplitPane();
    private final SplitPane vsplit = new SplitPane();
    private final TabPane rightTabs = new TabPane();
    private final ScenarioViewModel scenarioVm = new ScenarioViewModel();
    private final SiteTable siteTable = new SiteTable();
    private ScenarioPanel scenarioPanel;
    private final javafx.scene.control.Tooltip hoverTip = new javafx.scene.control.Tooltip();
    private boolean syncingSelection;
    private final UndoManager undo = new UndoManager();
    private final javafx.beans.property.BooleanProperty dirty = new javafx.beans.property.SimpleBooleanProperty(this, "dirty");
    private final javafx.beans.property.ObjectProperty<Path> projectFile =
            new javafx.beans.property.SimpleObjectProperty<>(this, "projectFile");
    private Project project;
    /** Bumped when another project is shown: late results of the previous one are then ignored. */
    private long projectGen;
    private final javafx.animation.Timeline autosave = new javafx.animation.Timeline();
    private final ShortlistPanel shortlistPanel = new ShortlistPanel(undo);
    private double[] committedWeights;
    private final javafx.animation.PauseTransition weightSettle = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(400));

    public MainWindow(Stage stage) {
        this(stage, Preferences.userNodeForPackage(MainWindow.class).node("window"));
    }

    /** A window that keeps its layout in {@code prefs} (tests pass a fresh node). */
    public MainWindow(Stage stage, Preferences prefs) {
        this.prefs = prefs;
        this.stage = stage;
        this.dialogs = new DialogService(stage);
        this.tree = new LayerTreeView(model);
        build();
    }

    public MapViewModel model() {
        return model;
    }

    public MapCanvas map() {
        return map;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public IdentifyPanel identifyPanel() {
        return identify;
    }

    public LayerTreeView layerTree() {
        return tree;
    }

    public ScenarioViewModel scenario() {
        return scenarioVm;
    }

    public SiteTable siteTable() {
        return siteTable;
    }

    public ScenarioPanel scenarioPanel() {
        return scenarioPanel;
    }

    public UndoManager undoManager() {
        return undo;
    }

    public ShortlistPanel shortlistPanel() {
        return shortlistPanel;
    }

    private void build() {
        map.setId("map");
        map.setBackgroundColor(DefaultStyles.BACKGROUND);
        map.setLayerSupplier(model::drawList);
        model.layers().addListener((javafx.collections.ListChangeListener<LayerItem>) c -> {
            while (c.next()) {
                for (LayerItem i : c.getAddedSubList()) {
                    watch(i);
                }
            }
            map.requestRender();
        });
        map.clickedPointProperty().addListener((o, a, p) -> identifyAt(p));
        map.selectedBoxProperty().addListener((o, a, box) -> selectInBox(box));

        tree.setOnZoomTo(i -> map.zoomTo(i.mapLayer().bounds()));
        tree.setOnStyle(i -> StyleDialog.show(stage, i).ifPresent(s -> i.styleProperty().set(s)));
        tree.setOnRemove(i -> model.layers().remove(i));

        scenarioPanel = new ScenarioPanel(scenarioVm, stage);
        scenarioPanel.setOnCampusChanged(this::reevaluate);
        scenarioPanel.setScenarioActions(this::switchScenario, this::duplicateScenario, this::renameScenario,
                this::deleteScenario);
        rightTabs.getTabs().add(new Tab("Scenario", scenarioPanel));
        rightTabs.getTabs().add(new Tab("Shortlist", shortlistPanel));
        rightTabs.getTabs().add(new Tab("Identify", identify));
        shortlistPanel.setOnOpen(this::zoomToSite);
        siteTable.setOnShortlist(sites -> {
            ScoreResult r = scenarioVm.resultProperty().get();
            if (r != null) {
                List<String> ids = new ArrayList<>();
                for (int i : sites) {
                    ids.add(String.valueOf(r.session().id(i)));
                }
                shortlistPanel.add(ids);
                rightTabs.getSelectionModel().select(1);
            }
        });
        trackWeightEdits();
        scenarioVm.resultProperty().addListener((o, a, r) -> showResult(r));
        scenarioVm.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.setText(b);
            }
        });
        siteTable.setOnSelect(this::selectSites);
        siteTable.setOnOpen(this::zoomToSite);
        siteTable.setOnCompare(this::compareSites);
        rightTabs.getTabs().forEach(t -> t.setClosable(false));
        rightTabs.setId("right-tabs");

        VBox left = new VBox(new Label(" Layers"), tree);
        VBox.setVgrow(tree, javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(180);
        split.getItems().addAll(left, map, rightTabs);
        split.setDividerPositions(prefs.getDouble("div0", 0.17), prefs.getDouble("div1", 0.74));
        vsplit.setOrientation(Orientation.VERTICAL);
        vsplit.getItems().addAll(split, siteTable);
        vsplit.setDividerPositions(prefs.getDouble("div2", 0.68));
        SplitPane.setResizableWithParent(siteTable, false);
        installHover();
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(rightTabs, false);

        buildStatusBar();
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(vsplit);
        root.setBottom(status);

        map.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        map.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) {
                    files.add(f.toPath());
                }
                addLayers(files);
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        Scene scene = new Scene(root, prefs.getDouble("w", 1400), prefs.getDouble("h", 880));
        // the other common redo shortcut (a second accelerator for the same menu command)
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+Z"), undo::redo);
        stage.setScene(scene);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
        stage.setOnCloseRequest(e -> {
            if (dirty.get()) {
                e.consume(); // close only once the user decided (and a chosen save has finished)
                whenSafeToDiscard(() -> {
                    dirty.set(false);
                    stage.close();
                });
            }
        });
        stage.titleProperty().bind(Bindings.createStringBinding(() -> (dirty.get() ? "• " : "")
                + (projectFile.get() == null ? "Untitled" : projectFile.get().getFileName().toString()) + " — SitePlanner",
                dirty, projectFile));
        undo.canUndoProperty().addListener((o, a, b) -> {
            if (b) {
                dirty.set(true);
            }
        });
        model.layers().addListener((javafx.collections.ListChangeListener<LayerItem>) c -> {
            if (project != null || projectFile.get() != null) {
                dirty.set(true);
            }
        });
        shortlistPanel.shortlistProperty().addListener((o, a, b) -> dirty.set(true));
        // autosave a recovery copy every 2 minutes while there are unsaved changes
        autosave.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.minutes(2), e -> {
            Path f = projectFile.get();
            if (dirty.get() && f != null && !isBundledDemo(f)) {
                Project p = currentProject();
                tasks.run("Autosaving", pr -> {
                    ProjectStore.autosave(p, f);
                    return f;
                }, done -> { }, err -> status.setText("Autosave failed: " + DialogService.messageOf(err)), false);
            }
        }));
        autosave.setCycleCount(javafx.animation.Animation.INDEFINITE);
        autosave.play();
        stage.setOnHidden(e -> {
            autosave.stop();
            saveWindowState();
            tasks.shutdown();
            map.dispose();
            scenarioVm.dispose();
        });
    }

    private final java.util.Set<LayerItem> watched = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    private void watch(LayerItem i) {
        if (!watched.add(i)) {
            return; // moved in the tree (removed and added again): already watched
        }
        Runnable r = map::requestRender;
        i.visibleProperty().addListener((o, a, b) -> r.run());
        i.opacityProperty().addListener((o, a, b) -> r.run());
        i.styleProperty().addListener((o, a, b) -> r.run());
        i.colorOverrideProperty().addListener((o, a, b) -> r.run());
        i.selectionProperty().addListener((o, a, b) -> r.run());
    }

    private void saveWindowState() {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("w", stage.getScene().getWidth());
            prefs.putDouble("h", stage.getScene().getHeight());
        }
        double[] d = split.getDividerPositions();
        if (d.length == 2) {
            prefs.putDouble("div0", d[0]);
            prefs.putDouble("div1", d[1]);
        }
        double[] v = vsplit.getDividerPositions();
        if (v.length == 1) {
            prefs.putDouble("div2", v[0]);
        }
    }

    private MenuBar menuBar() {
        MenuItem add = new MenuItem("Add Layer…");
        add.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        add.setOnAction(e -> chooseAndAddLayers());
        MenuItem demo = new MenuItem("Open Demo Project");
        demo.setOnAction(e -> whenSafeToDiscard(this::openDemo));
        MenuItem newP = new MenuItem("New Project");
        newP.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newP.setOnAction(e -> newProject());
        MenuItem open = new MenuItem("Open Project…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpenProject());
        Menu recent = new Menu("Open Recent");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem saveI = new MenuItem("Save");
        saveI.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveI.setOnAction(e -> save());
        MenuItem saveAsI = new MenuItem("Save As…");
        saveAsI.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveAsI.setOnAction(e -> saveAs());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> whenSafeToDiscard(() -> {
            dirty.set(false);
            stage.close();
        }));
        Menu export = new Menu("Export");
        for (io.siteplanner.export.SitesExport.Format f : io.siteplanner.export.SitesExport.Format.values()) {
            String label;
            switch (f) {
                case PDF: label = "PDF Report…"; break;
                case PNG: label = "Map Image (PNG)…"; break;
                case GPKG: label = "Ranked Sites as GeoPackage…"; break;
                case KML: label = "Ranked Sites as KML (Google Earth)…"; break;
                case GEOJSON: label = "Ranked Sites as GeoJSON…"; break;
                default: label = "Ranked Sites as CSV…"; break;
            }
            MenuItem mi = new MenuItem(label);
            mi.setOnAction(e -> chooseAndExport(f, false));
            export.getItems().add(mi);
            if (f != io.siteplanner.export.SitesExport.Format.PNG) {
                MenuItem sl = new MenuItem("Shortlist: " + label);
                sl.setOnAction(e -> chooseAndExport(f, true));
                export.getItems().add(sl);
            }
        }
        Menu file = new Menu("_File", null, newP, open, recent, demo, new SeparatorMenuItem(), saveI, saveAsI,
                new SeparatorMenuItem(), add, export, new SeparatorMenuItem(), quit);

        MenuItem undoItem = new MenuItem("Undo");
        undoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undoItem.setOnAction(e -> undo.undo());
        undoItem.disableProperty().bind(undo.canUndoProperty().not());
        undoItem.textProperty().bind(Bindings.when(undo.canUndoProperty()).then(Bindings.concat("Undo ", undo.undoNameProperty()))
                .otherwise("Undo"));
        MenuItem redoItem = new MenuItem("Redo");
        redoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redoItem.setOnAction(e -> undo.redo());
        redoItem.disableProperty().bind(undo.canRedoProperty().not());
        redoItem.textProperty().bind(Bindings.when(undo.canRedoProperty()).then(Bindings.concat("Redo ", undo.redoNameProperty()))
                .otherwise("Redo"));
        Menu edit = new Menu("_Edit", null, undoItem, redoItem);

        MenuItem full = new MenuItem("Zoom to Full Extent");
        full.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        full.setOnAction(e -> zoomFull());
        MenuItem zin = new MenuItem("Zoom In");
        zin.setAccelerator(KeyCombination.keyCombination("Shortcut+Plus"));
        zin.setOnAction(e -> map.zoomBy(2));
        MenuItem zout = new MenuItem("Zoom Out");
        zout.setAccelerator(KeyCombination.keyCombination("Shortcut+Minus"));
        zout.setOnAction(e -> map.zoomBy(0.5));
        MenuItem zlayer = new MenuItem("Zoom to Layer");
        zlayer.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
        zlayer.setOnAction(e -> {
            LayerItem i = tree.selectedLayer();
            if (i != null) {
                map.zoomTo(i.mapLayer().bounds());
            }
        });
        MenuItem zsel = new MenuItem("Zoom to Selection");
        zsel.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        zsel.setOnAction(e -> zoomToSelection());
        MenuItem cmp = new MenuItem("Compare Selected Sites");
        cmp.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        cmp.setOnAction(e -> siteTable.compareSelected());
        Menu view = new Menu("_View", null, zin, zout, full, zlayer, zsel, new SeparatorMenuItem(), cmp);

        MenuItem style = new MenuItem("Style…");
        style.setOnAction(e -> {
            LayerItem i = tree.selectedLayer();
            if (i != null) {
                StyleDialog.show(stage, i).ifPresent(s -> i.styleProperty().set(s));
            }
        });
        MenuItem remove = new MenuItem("Remove Layer");
        remove.setAccelerator(KeyCombination.keyCombination("Delete"));
        remove.setOnAction(e -> {
            LayerItem i = tree.selectedLayer();
            if (i != null) {
                model.layers().remove(i);
            }
        });
        MenuItem add2 = new MenuItem("Add Layer…");
        add2.setOnAction(e -> chooseAndAddLayers());
        Menu layer = new Menu("_Layer", null, add2, style, remove);
        MenuItem about = new MenuItem("About SitePlanner");
        about.setOnAction(e -> dialogs.showWarning("SitePlanner", "Site selection for hyperscale AI campuses.\n"
                + "Basemap: US Census cartographic boundaries (public domain) via us-atlas."));
        Menu help = new Menu("_Help", null, about);
        return new MenuBar(file, edit, view, layer, help);
    }

    private ToolBar toolBar() {
        Button add = new Button("Add Layer");
        add.setTooltip(new Tooltip("Add a layer from a file (Ctrl+L); or drop files on the map"));
        add.setOnAction(e -> chooseAndAddLayers());
        Button zin = new Button("+");
        zin.setTooltip(new Tooltip("Zoom in (+)"));
        zin.setOnAction(e -> map.zoomBy(2));
        Button zout = new Button("−");
        zout.setTooltip(new Tooltip("Zoom out (-)"));
        zout.setOnAction(e -> map.zoomBy(0.5));
        Button full = new Button("Full Extent");
        full.setTooltip(new Tooltip("Zoom to all data (Ctrl+Shift+F)"));
        full.setOnAction(e -> zoomFull());
        Label hint = new Label("Drag: pan · Wheel: zoom · Click: identify · Shift+drag: select");
        hint.setStyle("-fx-text-fill: #777;");
        return new ToolBar(add, new Separator(Orientation.VERTICAL), zin, zout, full, new Separator(Orientation.VERTICAL),
                hint);
    }

    private void buildStatusBar() {
        status.setId("status-bar");
        Label cursor = new Label();
        cursor.textProperty().bind(map.cursorTextProperty());
        cursor.setMinWidth(190);
        Label scale = new Label();
        scale.textProperty().bind(map.scaleTextProperty());
        scale.setMinWidth(110);
        Label crs = new Label(DemoMap.DISPLAY_CRS);
        crs.setTooltip(new Tooltip("Display CRS: WGS 84 / Pseudo-Mercator. Analysis uses a projected CRS."));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-task");
        cancel.setOnAction(e -> tasks.cancelCurrent());
        cancel.visibleProperty().bind(tasks.currentProperty().isNotNull());
        status.getRightItems().addAll(cancel, new Separator(Orientation.VERTICAL), cursor,
                new Separator(Orientation.VERTICAL), scale, new Separator(Orientation.VERTICAL), crs);
        status.setText("Ready");
        // the running task's messages are copied into the status text (not bound), so anything else may
        // still write a status message while a task runs
        javafx.beans.value.ChangeListener<String> forward = (o, a, m) -> status.setText(m);
        tasks.currentProperty().addListener((o, old, t) -> {
            if (old != null) {
                old.messageProperty().removeListener(forward);
            }
            status.progressProperty().unbind();
            if (t == null) {
                status.setText("Ready");
                status.setProgress(0);
            } else {
                status.setText(t.getMessage());
                t.messageProperty().addListener(forward);
                status.progressProperty().bind(t.progressProperty());
            }
        });
    }

    private void zoomFull() {
        map.zoomTo(model.dataExtent());
    }

    private void zoomToSelection() {
        Envelope e = new Envelope();
        for (LayerItem i : model.layers()) {
            var sel = i.selectionProperty().get();
            for (int k = sel.nextSetBit(0); k >= 0; k = sel.nextSetBit(k + 1)) {
                e.expandToInclude(i.mapLayer().display().get(k).geometry().getEnvelopeInternal());
            }
        }
        if (!e.isNull()) {
            map.zoomTo(e);
        }
    }

    /** Identify: the topmost visible non-basemap feature under the point. */
    private void identifyAt(Point2D p) {
        if (p == null) {
            return;
        }
        double tol = map.getViewport().resolution() * 6;
        for (LayerItem i : model.layers()) {
            if (!i.visibleProperty().get() || i.role() == ProjectLayer.Role.BASEMAP) {
                continue;
            }
            List<Integer> hits = i.mapLayer().featuresAt(p.getX(), p.getY(), tol);
            if (!hits.isEmpty()) {
                identify.show(i.getName(), i.mapLayer().source(), hits.get(0));
                ScoreResult res = scenarioVm.resultProperty().get();
                if (i.role() == ProjectLayer.Role.CANDIDATES && res != null && hits.get(0) < res.size()) {
                    identify.appendExplanation(res.explain(hits.get(0)),
                            io.siteplanner.model.Units.defaultDistanceUnit(Locale.getDefault()));
                }
                if (i.role() == ProjectLayer.Role.CANDIDATES) {
                    java.util.BitSet b = new java.util.BitSet();
                    b.set(hits.get(0));
                    selectSites(b);
                    siteTable.select(b, true);
                }
                return;
            }
        }
        for (LayerItem i : model.layers()) {
            if (i.visibleProperty().get() && i.role() == ProjectLayer.Role.BASEMAP) {
                List<Integer> hits = i.mapLayer().featuresAt(p.getX(), p.getY(), tol);
                if (!hits.isEmpty()) {
                    identify.show(i.getName(), i.mapLayer().source(), hits.get(0));
                    return;
                }
            }
        }
        identify.clear();
    }

    private void selectInBox(Envelope box) {
        if (box == null) {
            return;
        }
        LayerItem target = model.first(ProjectLayer.Role.CANDIDATES);
        if (target == null) {
            target = tree.selectedLayer();
        }
        if (target == null) {
            return;
        }
        java.util.BitSet bs = new java.util.BitSet();
        for (int k : target.mapLayer().featuresIn(box)) {
            bs.set(k);
        }
        target.selectionProperty().set(bs);
        if (target.role() == ProjectLayer.Role.CANDIDATES) {
            siteTable.select(bs, true);
        }
        status.setText(bs.cardinality() + " feature(s) selected in " + target.getName());
    }

    private void chooseAndAddLayers() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Add Layer");
        List<String> all = new ArrayList<>();
        for (LayerFormat f : FormatRegistry.standard().formats()) {
            List<String> globs = new ArrayList<>();
            for (String ext : f.extensions()) {
                globs.add("*." + ext);
                all.add("*." + ext);
            }
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.displayName(), globs));
        }
        fc.getExtensionFilters().add(0, new FileChooser.ExtensionFilter("All supported", all));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        String lastDir = prefs.get("lastDir", null);
        if (lastDir != null && new File(lastDir).isDirectory()) {
            fc.setInitialDirectory(new File(lastDir));
        }
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            prefs.put("lastDir", files.get(0).getParent());
            List<Path> paths = new ArrayList<>();
            files.forEach(f -> paths.add(f.toPath()));
            addLayers(paths);
        }
    }

    /** Loads files as new layers on top (off the FX thread); errors go to one dialog naming each file. */
    public Task<List<Object[]>> addLayers(List<Path> files) {
        return tasks.run("Loading " + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " files"),
                p -> {
                    List<Object[]> out = new ArrayList<>();
                    List<String> errors = new ArrayList<>();
                    for (int k = 0; k < files.size(); k++) {
                        Path f = files.get(k);
                        try {
                            MapLayer l = MapViewModel.load(f, ReadOptions.DEFAULT,
                                    p.sub((double) k / files.size(), (k + 1.0) / files.size()));
                            out.add(new Object[] {f, l});
                        } catch (java.io.IOException | RuntimeException e) {
                            errors.add(DialogService.messageOf(e));
                        }
                    }
                    out.add(new Object[] {errors});
                    return out;
                }, res -> {
                    Envelope added = new Envelope();
                    List<String> warnings = new ArrayList<>();
                    @SuppressWarnings("unchecked")
                    List<String> errors = (List<String>) res.get(res.size() - 1)[0];
                    for (Object[] r : res.subList(0, res.size() - 1)) {
                        MapLayer l = (MapLayer) r[1];
                        LayerItem item = model.addOnTop(l.source().name(), l, ProjectLayer.Role.DATA);
                        tree.getSelectionModel().select(0);
                        added.expandToInclude(l.bounds());
                        for (String w : l.source().warnings()) {
                            warnings.add(((Path) r[0]).getFileName() + ": " + w);
                        }
                        status.setText("Added " + item.getName() + " (" + l.source().size() + " features)");
                    }
                    if (!added.isNull() && !map.getViewport().envelope().intersects(added)) {
                        map.zoomTo(added);
                    }
                    if (!errors.isEmpty()) {
                        dialogs.showError(errors.size() == 1 ? "Could not add the layer" : "Could not add "
                                + errors.size() + " layers", String.join("\n", errors));
                    } else if (!warnings.isEmpty()) {
                        dialogs.showWarning("Layer added with warnings", String.join("\n", warnings));
                    }
                }, err -> dialogs.showError("Could not add the layer", DialogService.messageOf(err)));
    }

    /** Opens the bundled demo project ({@code maps/demo.siteplan.gpkg}). */
    public Task<?> openDemo() {
        Optional<Path> maps = MapsDirectory.find();
        if (maps.isEmpty() || !java.nio.file.Files.exists(MapsDirectory.demoProject(maps.get()))) {
            dialogs.showError("Demo project not found", "maps/demo.siteplan.gpkg was not found. "
                    + "Start SitePlanner from the project folder, or set -Dsiteplanner.maps=PATH.");
            return null;
        }
        return openProject(MapsDirectory.demoProject(maps.get()));
    }

    /** Result of loading a project off the FX thread. */
    private record Loaded(Path file, Project project, ScoringSession session, List<StyledLayer> layers,
            io.siteplanner.scoring.LayerSource source) {
    }

    /** Opens a project file: its layers, scenarios (the active one evaluated), shortlist and map view. */
    public Task<?> openProject(Path file) {
        Path recovery = ProjectStore.recoveryFile(file);
        boolean recover = false;
        try {
            if (java.nio.file.Files.exists(recovery) && java.nio.file.Files.exists(file)
                    && java.nio.file.Files.getLastModifiedTime(recovery).compareTo(
                            java.nio.file.Files.getLastModifiedTime(file)) > 0) {
                javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        "SitePlanner found unsaved changes of " + file.getFileName() + " from "
                                + java.nio.file.Files.getLastModifiedTime(recovery) + " (an autosaved copy).",
                        javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
                a.initOwner(stage);
                a.setHeaderText("Recover unsaved changes?");
                recover = a.showAndWait().orElse(javafx.scene.control.ButtonType.NO) == javafx.scene.control.ButtonType.YES;
            }
        } catch (java.io.IOException e) {
            recover = false;
        }
        Path source = recover ? recovery : file;
        boolean recovered = recover;
        return tasks.run("Opening " + file.getFileName(), p -> {
            Project project = ProjectStore.open(source, p.sub(0, 0.4));
            io.siteplanner.scoring.LayerSource src = new io.siteplanner.store.ProjectLayerSource(project,
                    file.toAbsolutePath().getParent());
            ScoringSession session = project.active() == null ? null
                    : ScenarioViewModel.evaluate(project.active(), src, p.sub(0.4, 0.9));
            List<StyledLayer> layers = io.siteplanner.render.ProjectMap.layers(project, session, false, p.sub(0.9, 1));
            return new Loaded(file, project, session, layers, src);
        }, l -> {
            install(l);
            if (recovered) {
                dirty.set(true);
                status.setText("Recovered unsaved changes of " + file.getFileName() + ": save to keep them");
            }
        }, err -> dialogs.showError("Could not open " + file.getFileName(), DialogService.messageOf(err)));
    }

    /** Shows a loaded project (FX thread). */
    private void install(Loaded l) {
        projectGen++;
        model.layers().clear();
        scenarioVm.clear();
        for (int k = 0; k < l.layers().size(); k++) {
            StyledLayer sl = l.layers().get(k);
            io.siteplanner.project.ProjectLayer pl = l.project().layer(sl.name());
            LayerItem item = new LayerItem(sl.name(), sl.role(), sl.layer(), sl.style());
            item.opacityProperty().set(sl.opacity());
            item.visibleProperty().set(pl == null || pl.visible());
            item.linkTo(sl.name(), pl == null ? sl.layer().source() : pl.layer());
            model.layers().add(0, item);
        }
        scenarioVm.scenarios().setAll(l.project().scenarios());
        if (l.session() != null) {
            scenarioVm.install(l.source(), l.session());
        }
        shortlistPanel.shortlistProperty().set(l.project().shortlist());
        project = l.project();
        projectFile.set(l.file());
        if (l.project().view() != null && map.getViewport() != null) {
            var v = l.project().view();
            map.viewportProperty().set(new io.siteplanner.render.Viewport(v.centerX(), v.centerY(), v.resolution(),
                    map.getViewport().width(), map.getViewport().height()));
        } else {
            zoomFull();
        }
        undo.clear();
        dirty.set(false);
        rememberRecent(l.file());
        LayerItem parcels = model.first(ProjectLayer.Role.CANDIDATES);
        status.setText(String.format(Locale.ROOT, "%s: %d candidate sites%s", l.file().getFileName(),
                parcels == null ? 0 : parcels.mapLayer().source().size(), l.session() == null ? ""
                        : " scored with \"" + l.session().scenario().name() + "\""));
    }

    /** The project as it is now in the window (layers, scenarios with their edits, shortlist, view). */
    public Project currentProject() {
        List<io.siteplanner.project.ProjectLayer> layers = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<LayerItem> items = new ArrayList<>(model.layers());
        java.util.Collections.reverse(items);
        for (LayerItem i : items) {
            String name = i.tableName() != null && !taken.contains(i.tableName()) ? i.tableName()
                    : ProjectStore.layerName(i.getName(), taken);
            taken.add(name);
            i.linkTo(name, i.saveLayer());
            layers.add(new io.siteplanner.project.ProjectLayer(name,
                    i.role(), i.saveLayer(),
                    i.styleProperty().get(), i.visibleProperty().get(), i.opacityProperty().get()));
        }
        var v = map.getViewport();
        String title = project != null ? project.title() : projectFile.get() == null ? "Untitled"
                : FormatRegistry.baseName(projectFile.get());
        return new Project(title, layers, scenarioVm.scenariosForSave(), scenarioVm.activeNameProperty().get(),
                shortlistPanel.shortlistProperty().get(), project == null ? "" : project.notes(),
                v == null ? null : new io.siteplanner.project.MapView(v.centerX(), v.centerY(), v.resolution()));
    }

    /** Saves to {@code file} in the background (atomic: the old file stays intact on failure). */
    public Task<?> saveProject(Path file) {
        Project p = currentProject();
        long gen = projectGen;
        return tasks.run("Saving " + file.getFileName(), pr -> {
            ProjectStore.save(p, file, pr);
            ProjectStore.discardRecovery(file);
            return file;
        }, f -> {
            rememberRecent(f);
            if (gen != projectGen) {
                return; // another project is open now: the save stands, the window state belongs to it
            }
            project = p;
            projectFile.set(f);
            dirty.set(false);
            rememberRecent(f);
            status.setText("Saved " + f.getFileName());
        }, err -> dialogs.showError("Could not save " + file.getFileName(), DialogService.messageOf(err)
                + "\nThe previous version of the file is unchanged."));
    }

    /** Saves to the project's file (Save As for new projects and the bundled demo); null when cancelled. */
    private Task<?> save() {
        if (projectFile.get() == null || isBundledDemo(projectFile.get())) {
            return saveAs();
        }
        return saveProject(projectFile.get());
    }

    private boolean isBundledDemo(Path f) {
        return MapsDirectory.find().map(m -> MapsDirectory.demoProject(m).toAbsolutePath().equals(f.toAbsolutePath()))
                .orElse(false);
    }

    private Task<?> saveAs() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save Project As");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("SitePlanner project", "*.siteplan.gpkg", "*.gpkg"));
        String lastDir = prefs.get("lastDir", null);
        if (lastDir != null && new File(lastDir).isDirectory()) {
            fc.setInitialDirectory(new File(lastDir));
        }
        fc.setInitialFileName("project.siteplan.gpkg");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            Path path = f.toPath();
            if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
                path = path.resolveSibling(path.getFileName() + ".siteplan.gpkg");
            }
            return saveProject(path);
        }
        return null;
    }

    private void chooseAndOpenProject() {
        whenSafeToDiscard(this::chooseAndOpenProjectNow);
    }

    private void chooseAndOpenProjectNow() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open Project");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("SitePlanner project", "*.siteplan.gpkg", "*.gpkg"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            openProject(f.toPath());
        }
    }

    private void newProject() {
        whenSafeToDiscard(this::newProjectNow);
    }

    private void newProjectNow() {
        projectGen++;
        List<LayerItem> keep = new ArrayList<>();
        for (LayerItem i : model.layers()) {
            if (i.role() == ProjectLayer.Role.BASEMAP) {
                keep.add(i);
            }
        }
        model.layers().setAll(keep);
        scenarioVm.clear();
        shortlistPanel.shortlistProperty().set(io.siteplanner.project.Shortlist.empty());
        project = null;
        projectFile.set(null);
        undo.clear();
        dirty.set(false);
    }

    /**
     * Runs {@code proceed} once unsaved changes may be dropped: at once when there are none or the user
     * chose "Don't Save"; after the save has finished when they chose "Save"; never on Cancel (or a
     * cancelled Save As).
     */
    private void whenSafeToDiscard(Runnable proceed) {
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        javafx.scene.control.ButtonType saveB = new javafx.scene.control.ButtonType("Save",
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Don't Save",
                javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The project has unsaved changes.", saveB, discard, javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText("Save changes to " + (projectFile.get() == null ? "the project" : projectFile.get().getFileName())
                + "?");
        var r = a.showAndWait();
        if (r.isEmpty() || r.get() == javafx.scene.control.ButtonType.CANCEL) {
            return;
        }
        if (r.get() == discard) {
            proceed.run();
            return;
        }
        Task<?> t = save();
        if (t != null) {
            t.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> Platform.runLater(proceed));
        }
    }

    private void rememberRecent(Path f) {
        if (isBundledDemo(f)) {
            return;
        }
        List<String> recent = new ArrayList<>(List.of(prefs.get("recent", "").split("\n")));
        recent.removeIf(x -> x.isBlank() || x.equals(f.toAbsolutePath().toString()));
        recent.add(0, f.toAbsolutePath().toString());
        prefs.put("recent", String.join("\n", recent.subList(0, Math.min(8, recent.size()))));
    }

    private void fillRecent(Menu recentMenu) {
        recentMenu.getItems().clear();
        for (String r : prefs.get("recent", "").split("\n")) {
            if (!r.isBlank()) {
                MenuItem mi = new MenuItem(r);
                mi.setOnAction(e -> whenSafeToDiscard(() -> openProject(Path.of(r))));
                recentMenu.getItems().add(mi);
            }
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void chooseAndExport(io.siteplanner.export.SitesExport.Format f, boolean shortlistOnly) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
        fc.setInitialFileName((shortlistOnly ? "shortlist." : "sites.") + f.extension());
        File out = fc.showSaveDialog(stage);
        if (out != null) {
            exportTo(f, shortlistOnly, out.toPath());
        }
    }

    /**
     * Exports the current result (and shortlist) in the background; map formats draw the visible layers
     * as they are on screen.
     */
    public Task<Path> exportTo(io.siteplanner.export.SitesExport.Format f, boolean shortlistOnly, Path out) {
        ScoreResult r = scenarioVm.resultProperty().get();
        if (r == null) {
            dialogs.showError("Nothing to export", "Score a scenario first.");
            return null;
        }
        List<StyledLayer> layers = new ArrayList<>();
        List<LayerItem> items = new ArrayList<>(model.layers());
        java.util.Collections.reverse(items);
        for (LayerItem i : items) {
            if (i.visibleProperty().get()) {
                layers.add(new StyledLayer(i.getName(), i.role(), i.mapLayer(),
                        i.styleProperty().get(), i.opacityProperty().get()));
            }
        }
        var v = map.getViewport();
        var o = io.siteplanner.export.SitesExport.Options.defaults()
                .withShortlist(shortlistPanel.shortlistProperty().get(), shortlistOnly)
                .withDistanceUnit(io.siteplanner.model.Units.defaultDistanceUnit(Locale.getDefault()))
                .withTitle(project == null ? null : project.title());
        if (f == io.siteplanner.export.SitesExport.Format.PNG && v != null) {
            o = o.withView(v.envelope()).withSize(v.width(), v.height());
        }
        var opts = o;
        boolean hasCandidates = layers.stream().anyMatch(l -> l.role() == ProjectLayer.Role.CANDIDATES);
        var content = hasCandidates ? io.siteplanner.export.MapContent.of(layers) : null;
        return tasks.run("Exporting " + out.getFileName(), p -> {
            io.siteplanner.export.SitesExport.export(r, content, opts, f, out, p);
            return out;
        }, done -> status.setText("Exported " + done.getFileName()),
                err -> dialogs.showError("Could not export " + out.getFileName(), DialogService.messageOf(err)));
    }

    /** Switches the active scenario: keeps the edits of the current one, evaluates the other. */
    public void switchScenario(String name) {
        if (name == null || name.equals(scenarioVm.activeNameProperty().get())) {
            return;
        }
        Scenario target = scenarioVm.scenarios().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        io.siteplanner.scoring.LayerSource src = scenarioVm.source();
        if (target == null || src == null) {
            return;
        }
        scenarioVm.keepEdits();
        long gen = projectGen;
        tasks.run("Evaluating " + name, p -> ScenarioViewModel.evaluate(target, src, p), session -> {
            if (gen != projectGen) {
                return;
            }
            scenarioVm.install(src, session);
            dirty.set(true);
        }, err -> dialogs.showError("Could not evaluate \"" + name + "\"", DialogService.messageOf(err)));
    }

    /** Duplicates the active scenario under a new name and makes the copy active. */
    public void duplicateScenario(String newName) {
        Scenario cur = scenarioVm.currentScenario();
        if (cur == null || newName == null || newName.isBlank() || scenarioExists(newName)) {
            return;
        }
        scenarioVm.keepEdits();
        Scenario copy = new Scenario(newName, cur.description(), cur.campus(), cur.analysisCrs(), cur.layers(),
                cur.candidates(), cur.idField(), cur.criteria(), cur.constraints(), cur.weights(), cur.method());
        scenarioVm.scenarios().add(copy);
        switchScenario(newName);
    }

    /** Renames the active scenario. */
    public void renameScenario(String newName) {
        String old = scenarioVm.activeNameProperty().get();
        if (old == null || newName == null || newName.isBlank() || scenarioExists(newName)) {
            return;
        }
        scenarioVm.keepEdits();
        for (int i = 0; i < scenarioVm.scenarios().size(); i++) {
            Scenario s = scenarioVm.scenarios().get(i);
            if (s.name().equals(old)) {
                Scenario r = new Scenario(newName, s.description(), s.campus(), s.analysisCrs(), s.layers(),
                        s.candidates(), s.idField(), s.criteria(), s.constraints(), s.weights(), s.method());
                scenarioVm.scenarios().set(i, r);
                scenarioVm.scenarioProperty().set(r);
            }
        }
        scenarioVm.activeNameProperty().set(newName);
        dirty.set(true);
    }

    /** Deletes the active scenario (not the last one) and switches to the first remaining. */
    public void deleteScenario() {
        String cur = scenarioVm.activeNameProperty().get();
        if (cur == null || scenarioVm.scenarios().size() < 2) {
            return;
        }
        scenarioVm.scenarios().removeIf(s -> s.name().equals(cur));
        scenarioVm.activeNameProperty().set(null);
        switchScenario(scenarioVm.scenarios().get(0).name());
    }

    private boolean scenarioExists(String name) {
        return scenarioVm.scenarios().stream().anyMatch(s -> s.name().equals(name));
    }

    public javafx.beans.property.BooleanProperty dirtyProperty() {
        return dirty;
    }

    public javafx.beans.property.ObjectProperty<Path> projectFileProperty() {
        return projectFile;
    }

    /** Evaluates the scenario again (campus inputs changed what is measured). */
    private void reevaluate() {
        Scenario next = scenarioVm.currentScenario();
        io.siteplanner.scoring.LayerSource src = scenarioVm.source();
        if (next == null || src == null) {
            return;
        }
        long gen = projectGen;
        tasks.run("Evaluating scenario", p -> ScenarioViewModel.evaluate(next, src, p),
                session -> {
                    if (gen == projectGen) {
                        scenarioVm.install(src, session);
                    }
                },
                err -> dialogs.showError("Could not evaluate the scenario", DialogService.messageOf(err)));
    }

    /** Colours the candidate parcels by score and fills the site table. */
    private void showResult(ScoreResult r) {
        if (r == null) {
            return;
        }
        LayerItem parcels = model.first(ProjectLayer.Role.CANDIDATES);
        if (parcels != null && parcels.mapLayer().source().size() == r.size()) {
            parcels.colorOverrideProperty().set(ScoreColors.of(r));
        }
        siteTable.show(r);
        shortlistPanel.setResult(r);
    }

    private double[] currentWeights() {
        double[] w = new double[scenarioVm.criteria().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = scenarioVm.criteria().get(i).weightProperty().get();
        }
        return w;
    }

    /** Weight changes become one undoable edit once the slider has been still for 400 ms. */
    private void trackWeightEdits() {
        weightSettle.setOnFinished(e -> {
            double[] now = currentWeights();
            double[] before = committedWeights;
            if (before != null && before.length == now.length && !java.util.Arrays.equals(before, now)) {
                undo.push(UndoManager.of("weights", () -> {
                    scenarioVm.setWeights(before);
                    committedWeights = before;
                }, () -> {
                    scenarioVm.setWeights(now);
                    committedWeights = now;
                }));
            }
            committedWeights = now;
        });
        scenarioVm.criteria().addListener((javafx.collections.ListChangeListener<ScenarioViewModel.CriterionRow>) c -> {
            committedWeights = currentWeights();
            undo.clear();
            for (ScenarioViewModel.CriterionRow row : scenarioVm.criteria()) {
                row.weightProperty().addListener((o, a, b) -> {
                    if (!undo.isApplying()) {
                        weightSettle.playFromStart();
                    }
                });
                row.transformProperty().addListener((o, a, b) -> {
                    if (!undo.isApplying() && a != null) {
                        undo.push(UndoManager.of("transform of " + row.id(), () -> row.transformProperty().set(a),
                                () -> row.transformProperty().set(b)));
                    }
                });
            }
        });
        scenarioVm.constraints().addListener(new javafx.collections.ListChangeListener<>() {
            private List<io.siteplanner.scoring.scenario.ConstraintSpec> last = List.of();

            @Override
            public void onChanged(Change<? extends io.siteplanner.scoring.scenario.ConstraintSpec> c) {
                List<io.siteplanner.scoring.scenario.ConstraintSpec> now = List.copyOf(scenarioVm.constraints());
                List<io.siteplanner.scoring.scenario.ConstraintSpec> before = last;
                last = now;
                if (!undo.isApplying() && scenarioVm.sessionProperty().get() != null && !before.isEmpty()) {
                    undo.push(UndoManager.of("constraints", () -> scenarioVm.constraints().setAll(before),
                            () -> scenarioVm.constraints().setAll(now)));
                }
            }
        });
        scenarioVm.methodProperty().addListener((o, a, b) -> {
            if (!undo.isApplying() && a != null && b != null && scenarioVm.sessionProperty().get() != null) {
                undo.push(UndoManager.of("method", () -> scenarioVm.methodProperty().set(a),
                        () -> scenarioVm.methodProperty().set(b)));
            }
        });
    }

    /** Selects candidate sites on the map (from the table). */
    private void selectSites(java.util.BitSet sites) {
        LayerItem parcels = model.first(ProjectLayer.Role.CANDIDATES);
        if (parcels != null) {
            parcels.selectionProperty().set((java.util.BitSet) sites.clone());
        }
    }

    /** Opens the comparison view for 2 to 4 sites of the current result. */
    public ComparisonView compareSites(int[] sites) {
        ScoreResult r = scenarioVm.resultProperty().get();
        if (r == null) {
            return null;
        }
        ComparisonView v = new ComparisonView(stage, new io.siteplanner.scoring.SiteComparison(r, sites),
                io.siteplanner.model.Units.defaultDistanceUnit(Locale.getDefault()), this::zoomToSite);
        v.show();
        return v;
    }

    /** Zooms to one candidate site with some context around it. */
    public void zoomToSite(int index) {
        LayerItem parcels = model.first(ProjectLayer.Role.CANDIDATES);
        if (parcels == null) {
            return;
        }
        Envelope e = new Envelope(parcels.mapLayer().display().get(index).geometry().getEnvelopeInternal());
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 1.5);
        map.zoomTo(e);
        java.util.BitSet b = new java.util.BitSet();
        b.set(index);
        selectSites(b);
    }

    /** Hover tooltip over candidate sites: id, rank and score. */
    private void installHover() {
        hoverTip.setShowDelay(javafx.util.Duration.millis(300));
        map.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            ScoreResult r = scenarioVm.resultProperty().get();
            LayerItem parcels = model.first(ProjectLayer.Role.CANDIDATES);
            if (r == null || parcels == null || !parcels.visibleProperty().get() || map.getViewport() == null) {
                hoverTip.hide();
                return;
            }
            var v = map.getViewport();
            List<Integer> hits = parcels.mapLayer().featuresAt(v.toMapX(e.getX()), v.toMapY(e.getY()), v.resolution() * 3);
            if (hits.isEmpty() || hits.get(0) >= r.size()) {
                hoverTip.hide();
                return;
            }
            int i = hits.get(0);
            Object id = r.session().id(i);
            hoverTip.setText(String.format(Locale.ROOT, "%s — rank %d of %d, score %.3f%s", id, r.rank(i), r.size(),
                    r.score(i), r.passed(i) ? "" : "\nfails: " + String.join("; ", r.reasons(i))));
            hoverTip.show(map, e.getScreenX() + 14, e.getScreenY() + 14);
        });
        map.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> hoverTip.hide());
    }

    /** Shows the window and, on first start, opens the demo. */
    public void show(boolean openDemo) {
        show(openDemo, List.of());
    }

    /** Shows the window, opens the demo when asked, then adds {@code files} as layers on top. */
    public void show(boolean openDemo, List<Path> files) {
        stage.show();
        Platform.runLater(() -> {
            if (map.getViewport() == null) {
                map.zoomTo(new Envelope());
            }
            Task<?> demo = openDemo ? openDemo() : null;
            if (!files.isEmpty()) {
                if (demo == null) {
                    addLayers(files);
                } else {
                    demo.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> addLayers(files));
                    demo.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> addLayers(files));
                }
            }
        });
    }

    static Progress none() {
        return Progress.NONE;
    }
}
