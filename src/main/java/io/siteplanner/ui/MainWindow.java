package io.siteplanner.ui;

import io.siteplanner.render.DemoMap;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.ui.map.MapCanvas;
import io.siteplanner.ui.task.FxTaskExecutor;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.locationtech.jts.geom.Envelope;

/**
 * The main window, a shell of views bound to a {@link ProjectViewModel}: menu and tool bar, layer tree
 * (left), map (centre), scenario / shortlist / identify tabs (right), site table (bottom), status bar with
 * progress, Cancel, cursor position, scale and CRS. Remembers its size, position and dividers.
 */
public final class MainWindow {
    private final Preferences prefs;
    private final Stage stage;
    private final TaskExecutor tasks = new FxTaskExecutor();
    private final ProjectViewModel vm;
    private final MapCanvas map = new MapCanvas();
    private final LayerTreeView tree;
    private final IdentifyPanel identify = new IdentifyPanel();
    private final StatusBar status = new StatusBar();
    private final SplitPane split = new SplitPane();
    private final SplitPane vsplit = new SplitPane();
    private final TabPane rightTabs = new TabPane();
    private final SiteTable siteTable = new SiteTable();
    private final ScenarioPanel scenarioPanel;
    private final ShortlistPanel shortlistPanel;
    private final Timeline autosave = new Timeline();
    private final SelectionStatus selectionStatus;
    private AttributeTables attributeTables;
    private MapTools tools;
    private boolean syncingSelection;

    public MainWindow(Stage stage) {
        this(stage, defaultPrefs());
    }

    /** Where the window keeps its layout, recent projects and "Reopen Last Project at Start". */
    public static Preferences defaultPrefs() {
        return Preferences.userNodeForPackage(MainWindow.class).node("window");
    }

    /** A window that keeps its layout and recent projects in {@code prefs} (tests pass a fresh node). */
    public MainWindow(Stage stage, Preferences prefs) {
        this.prefs = prefs;
        this.stage = stage;
        this.vm = new ProjectViewModel(tasks, new FxDialogService(stage), prefs);
        this.tree = new LayerTreeView(vm.layers(), vm.criteria(), vm.editor());
        this.scenarioPanel = new ScenarioPanel(vm);
        this.shortlistPanel = new ShortlistPanel(vm.shortlist());
        this.selectionStatus = new SelectionStatus(vm.layers());
        build();
    }

    /** The project view-model (everything the window shows and does). */
    public ProjectViewModel project() {
        return vm;
    }

    /** The layers (the start-up probe counts them). */
    public LayersViewModel model() {
        return vm.layers();
    }

    /** The active scenario (the start-up probe waits for its result). */
    public ScenarioEditorViewModel scenario() {
        return vm.editor();
    }

    public MapCanvas map() {
        return map;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public IdentifyPanel identifyPanel() {
        return identify;
    }

    public LayerTreeView layerTree() {
        return tree;
    }

    public SiteTable siteTable() {
        return siteTable;
    }

    public ScenarioPanel scenarioPanel() {
        return scenarioPanel;
    }

    public ShortlistPanel shortlistPanel() {
        return shortlistPanel;
    }

    /** The open attribute tables (one window per layer). */
    public AttributeTables attributeTables() {
        return attributeTables;
    }

    /** Opens the Select by Attribute dialog for the layer picked in the tree. */
    public javafx.scene.control.Dialog<?> selectByAttribute() {
        javafx.scene.control.Dialog<?> d = SelectDialogs.byAttribute(stage, new SelectByAttributeViewModel(selectable(),
                tree.selectedLayer(), vm.map(), tasks, vm::setStatus));
        d.show();
        return d;
    }

    /** Opens the Select by Location dialog for the layer picked in the tree. */
    public javafx.scene.control.Dialog<?> selectByLocation() {
        javafx.scene.control.Dialog<?> d = SelectDialogs.byLocation(stage, new SelectByLocationViewModel(selectable(),
                tree.selectedLayer(), vm.map(), tasks, vm::setStatus, () -> {
                    io.siteplanner.scoring.ScoreResult r = vm.editor().resultProperty().get();
                    return r == null ? null : r.session().analysisCrs();
                }));
        d.show();
        return d;
    }

    private List<LayerItem> selectable() {
        return vm.layers().layers().stream().filter(i -> i.role() != io.siteplanner.project.ProjectLayer.Role.BASEMAP)
                .toList();
    }

    private void build() {
        new MapPane(map, vm, this::showIdentified, tree::selectedLayer);
        tree.setOnZoomTo(i -> map.zoomTo(i.mapLayer().bounds()));
        attributeTables = new AttributeTables(stage, vm.layers(), vm.map(), tasks);
        tree.setOnOpenTable(attributeTables::open);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selectionStatus.focus(tree.selectedLayer()));
        rightTabs.getTabs().addAll(new Tab("Scenario", scenarioPanel), new Tab("Shortlist", shortlistPanel),
                new Tab("Identify", identify));
        rightTabs.getTabs().forEach(t -> t.setClosable(false));
        rightTabs.setId("right-tabs");
        shortlistPanel.setOnOpen(vm.map()::zoomToSite);
        siteTable.setOnShortlist(sites -> {
            vm.shortlist().addSites(sites);
            rightTabs.getSelectionModel().select(1);
        });
        siteTable.setOnSelect(sites -> {
            if (!syncingSelection) {
                syncingSelection = true;
                try {
                    vm.map().selectedSitesProperty().set(sites);
                } finally {
                    syncingSelection = false;
                }
            }
        });
        vm.map().selectedSitesProperty().addListener((o, a, b) -> {
            if (!syncingSelection) {
                syncingSelection = true;
                try {
                    siteTable.select(b, true);
                } finally {
                    syncingSelection = false;
                }
            }
        });
        siteTable.setOnOpen(vm.map()::zoomToSite);
        siteTable.setOnCompare(vm::compare);
        siteTable.setRobustness(vm.robustness());
        vm.editor().resultProperty().addListener((o, a, r) -> showResult(r));

        Label layersLabel = new Label(" Layers");
        VBox left = new VBox(layersLabel, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setMinWidth(180);
        split.getItems().addAll(left, map, rightTabs);
        split.setDividerPositions(prefs.getDouble("div0", 0.17), prefs.getDouble("div1", 0.72));
        vsplit.setOrientation(Orientation.VERTICAL);
        vsplit.getItems().addAll(split, siteTable);
        vsplit.setDividerPositions(prefs.getDouble("div2", 0.68));
        SplitPane.setResizableWithParent(siteTable, false);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(rightTabs, false);
        buildStatusBar();
        MainMenu menu = new MainMenu(vm, new MainMenu.Window() {
            @Override
            public void zoomIn() {
                map.zoomBy(2);
            }

            @Override
            public void zoomOut() {
                map.zoomBy(0.5);
            }

            @Override
            public void zoomToSelectedLayer() {
                LayerItem i = tree.selectedLayer();
                if (i != null) {
                    map.zoomTo(i.mapLayer().bounds());
                }
            }

            @Override
            public void compareSelected() {
                siteTable.compareSelected();
            }

            @Override
            public void styleSelectedLayer() {
                LayerItem i = tree.selectedLayer();
                if (i != null) {
                    vm.layers().editStyle(i);
                }
            }

            @Override
            public void removeSelectedLayer() {
                LayerItem i = tree.selectedLayer();
                if (i != null) {
                    vm.layers().remove(i);
                }
            }

            @Override
            public void openAttributeTable() {
                LayerItem i = tree.selectedLayer();
                if (i == null) {
                    i = vm.map().candidates();
                }
                if (i != null) {
                    attributeTables.open(i);
                }
            }

            @Override
            public void selectByAttribute() {
                MainWindow.this.selectByAttribute();
            }

            @Override
            public void selectByLocation() {
                MainWindow.this.selectByLocation();
            }

            @Override
            public void quit() {
                vm.whenSafeToDiscard(stage::close);
            }
        });
        tools = new MapTools(map, vm);
        javafx.scene.control.MenuBar bar = menu.menuBar();
        bar.getMenus().add(bar.getMenus().size() - 1, tools.menu());
        javafx.scene.control.CheckMenuItem reopen = new javafx.scene.control.CheckMenuItem("Reopen Last Project at Start");
        reopen.setId("menu-reopen-last");
        reopen.setSelected(StartupPlan.reopenLast(prefs));
        reopen.selectedProperty().addListener((o, a, b) -> prefs.putBoolean(StartupPlan.REOPEN_LAST, b));
        javafx.scene.control.Menu fileMenu = bar.getMenus().get(0);
        fileMenu.getItems().add(fileMenu.getItems().size() - 2, reopen);
        javafx.scene.control.ToolBar toolBar = menu.toolBar();
        toolBar.getItems().add(toolBar.getItems().size() - 2, new Separator(Orientation.VERTICAL));
        toolBar.getItems().addAll(toolBar.getItems().size() - 2, tools.buttons());
        BorderPane root = new BorderPane();
        root.setTop(new VBox(bar, toolBar));
        root.setCenter(vsplit);
        root.setBottom(status);
        Scene scene = new Scene(root, prefs.getDouble("w", 1400), prefs.getDouble("h", 880));
        // the other common redo shortcut (a second accelerator for the same menu command)
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+Z"), vm.undo()::redo);
        stage.setScene(scene);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
        stage.setOnCloseRequest(e -> {
            if (vm.dirtyProperty().get()) {
                e.consume(); // close only once the user decided (and a chosen save has finished)
                vm.whenSafeToDiscard(stage::close);
            }
        });
        stage.titleProperty().bind(vm.titleBinding());
        // a recovery copy every 2 minutes while there are unsaved changes
        autosave.getKeyFrames().add(new KeyFrame(Duration.minutes(2), e -> vm.autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        stage.setOnHidden(e -> {
            autosave.stop();
            saveWindowState();
            tasks.shutdown();
            map.dispose();
        });
    }

    /** The map tools (measure, go to, highlight). */
    public MapTools tools() {
        return tools;
    }

    private void showIdentified(MapViewModel.Identified found) {
        if (found == null) {
            identify.clear();
            tools.highlight(null);
            return;
        }
        identify.show(found.layer(), found.item().mapLayer().source(), found.feature());
        tools.highlight(found.item().mapLayer().display().get(found.feature()).geometry());
        rightTabs.getTabs().stream().filter(t -> t.getContent() == identify).findFirst()
                .ifPresent(t -> rightTabs.getSelectionModel().select(t));
        if (found.explanation() != null) {
            identify.appendExplanation(found.explanation(), MapPane.distanceUnit());
        }
    }

    /** Fills the site table (the map colours follow the result in the map view-model). */
    private void showResult(ScoreResult r) {
        if (r != null) {
            siteTable.show(r);
        }
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

    private void buildStatusBar() {
        status.setId("status-bar");
        Label cursor = new Label();
        cursor.textProperty().bind(map.cursorTextProperty());
        cursor.setMinWidth(190);
        Label scale = new Label();
        scale.textProperty().bind(map.scaleTextProperty());
        scale.setMinWidth(110);
        Label selected = new Label();
        selected.setId("selection-count");
        selected.textProperty().bind(selectionStatus.textProperty());
        selected.setMaxWidth(420);
        Label crs = new Label(DemoMap.DISPLAY_CRS);
        crs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        crs.setTooltip(new Tooltip("Display CRS: WGS 84 / Pseudo-Mercator. Analysis uses a projected CRS."));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-task");
        cancel.setOnAction(e -> tasks.cancelCurrent());
        cancel.visibleProperty().bind(tasks.currentProperty().isNotNull());
        status.getRightItems().addAll(cancel, new Separator(Orientation.VERTICAL), selected,
                new Separator(Orientation.VERTICAL), cursor,
                new Separator(Orientation.VERTICAL), scale, new Separator(Orientation.VERTICAL), crs);
        status.setText("Ready");
        vm.statusProperty().addListener((o, a, b) -> status.setText(b));
        // the running job's messages are copied into the status text (not bound), so anything else may
        // still write a status message while a job runs
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
                status.setText(t.messageProperty().get());
                t.messageProperty().addListener(forward);
                status.progressProperty().bind(t.progressProperty());
            }
        });
    }

    /** Shows the window and, on first start, opens the demo. */
    public void show(boolean openDemo) {
        show(openDemo, List.of());
    }

    /**
     * Shows the window and opens what {@link StartupPlan} decides: a project named in {@code files}, else
     * the last project when the preference says so, else the demo when asked; then adds the other files as
     * layers on top.
     */
    public void show(boolean openDemo, List<Path> files) {
        show(StartupPlan.decide(files, openDemo, StartupPlan.reopenLast(prefs), vm.recentProjects()));
    }

    /** Shows the window, opens what {@code plan} says (the project, else the demo when asked) and adds its layers on top. */
    public void show(StartupPlan plan) {
        show(() -> {
            Job first = plan.project() != null ? vm.open(plan.project()) : plan.demo() ? vm.openDemo() : null;
            return java.util.Map.entry(java.util.Optional.ofNullable(first), plan.layers());
        });
    }

    /** Shows the window; on the next FX turn opens what {@code plan} opens and adds its layers once it is open. */
    private void show(java.util.function.Supplier<java.util.Map.Entry<java.util.Optional<Job>, List<Path>>> plan) {
        stage.show();
        Platform.runLater(() -> {
            if (map.getViewport() == null) {
                map.zoomTo(new Envelope());
            }
            var p = plan.get();
            List<Path> layers = p.getValue();
            if (!layers.isEmpty()) {
                if (p.getKey().isEmpty()) {
                    vm.layers().addFiles(layers);
                } else {
                    p.getKey().get().whenSucceeded(() -> vm.layers().addFiles(layers));
                }
            }
        });
    }
}
