package io.siteplanner.ui;

import io.siteplanner.export.SitesExport;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/** The menu bar and tool bar: every item calls a view-model (or the map view for zooming). */
final class MainMenu {
    /** What only the window can do. */
    interface Window {
        void zoomIn();

        void zoomOut();

        void zoomToSelectedLayer();

        void compareSelected();

        void styleSelectedLayer();

        void removeSelectedLayer();

        /** Opens the attribute table of the layer picked in the tree (F6). */
        void openAttributeTable();

        void selectByAttribute();

        void selectByLocation();

        void quit();
    }

    private final ProjectViewModel vm;
    private final Window window;

    MainMenu(ProjectViewModel vm, Window window) {
        this.vm = vm;
        this.window = window;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(text);
        mi.setMnemonicParsing(false); // names with '_' (criterion ids, files) show as they are
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    MenuBar menuBar() {
        Menu recent = new Menu("Open Recent");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        Menu export = new Menu("Export");
        for (SitesExport.Format f : SitesExport.Format.values()) {
            String label;
            switch (f) {
                case PDF: label = "PDF Report…"; break;
                case PNG: label = "Map Image (PNG)…"; break;
                case GPKG: label = "Ranked Sites as GeoPackage…"; break;
                case KML: label = "Ranked Sites as KML (Google Earth)…"; break;
                case GEOJSON: label = "Ranked Sites as GeoJSON…"; break;
                default: label = "Ranked Sites as CSV…"; break;
            }
            export.getItems().add(item(label, null, () -> vm.chooseAndExportResults(f, false)));
            if (f != SitesExport.Format.PNG) {
                export.getItems().add(item("Shortlist: " + label, null, () -> vm.chooseAndExportResults(f, true)));
            }
        }
        MenuItem exportScenario = item("Export Scenario…", null, vm::chooseAndExportScenario);
        exportScenario.setId("export-scenario");
        Menu file = new Menu("_File", null, item("New Project", "Shortcut+N", vm::newProject),
                item("Open Project…", "Shortcut+O", vm::chooseAndOpen), recent,
                item("Open Demo Project", null, () -> vm.whenSafeToDiscard(vm::openDemo)), new SeparatorMenuItem(),
                item("Save", "Shortcut+S", vm::save), item("Save As…", "Shortcut+Shift+S", vm::saveAs),
                new SeparatorMenuItem(), item("Add Layer…", "Shortcut+L", vm::chooseAndAddLayers), export,
                exportScenario, new SeparatorMenuItem(), item("Quit", "Shortcut+Q", window::quit));

        UndoManager undo = vm.undo();
        MenuItem undoItem = item("Undo", "Shortcut+Z", undo::undo);
        undoItem.disableProperty().bind(undo.canUndoProperty().not());
        undoItem.textProperty().bind(Bindings.when(undo.canUndoProperty())
                .then(Bindings.concat("Undo ", undo.undoNameProperty())).otherwise("Undo"));
        MenuItem redoItem = item("Redo", "Shortcut+Y", undo::redo);
        redoItem.disableProperty().bind(undo.canRedoProperty().not());
        redoItem.textProperty().bind(Bindings.when(undo.canRedoProperty())
                .then(Bindings.concat("Redo ", undo.redoNameProperty())).otherwise("Redo"));
        MenuItem deselect = item("Deselect Features from All Layers", "Shortcut+Shift+A", () -> vm.map().clearSelections());
        Menu edit = new Menu("_Edit", null, undoItem, redoItem, new SeparatorMenuItem(),
                item("Select by Attribute…", "Shortcut+F3", window::selectByAttribute),
                item("Select by Location…", null, window::selectByLocation), deselect);

        Menu view = new Menu("_View", null, item("Zoom In", "Shortcut+Plus", window::zoomIn),
                item("Zoom Out", "Shortcut+Minus", window::zoomOut),
                item("Zoom to Full Extent", "Shortcut+Shift+F", () -> vm.map().zoomFull()),
                item("Zoom to Layer", "Shortcut+Shift+L", window::zoomToSelectedLayer),
                item("Zoom to Selection", "Shortcut+J", () -> vm.map().zoomTo(vm.map().selectionExtent())),
                new SeparatorMenuItem(), item("Compare Selected Sites", "Shortcut+K", window::compareSelected));
        MenuItem table = item("Open Attribute Table", "F6", window::openAttributeTable);
        table.setId("menu-open-attribute-table");
        Menu layer = new Menu("_Layer", null, item("Add Layer…", null, vm::chooseAndAddLayers), table,
                item("Style…", null, window::styleSelectedLayer), item("Remove Layer", "Delete", window::removeSelectedLayer));
        MenuItem cells = item("Generate Candidates…", null,
                () -> new CandidatesViewModel(vm.layers(), vm.tasks(), vm.dialogs()).ask());
        cells.setId("generate-candidates");
        Menu scenario = new Menu("_Scenario", null, item("Add Criterion…", null, () -> vm.criteria().add(null)),
                item("AHP Weights…", null, () -> vm.editor().ahpWeights()),
                item("Rank Robustness…", null, () -> vm.robustness().chooseAndRun()), cells, new SeparatorMenuItem(),
                item("Duplicate Scenario…", null, () -> vm.scenarios().askAndDuplicate()),
                item("Rename Scenario…", null, () -> vm.scenarios().askAndRename()), exportItem());
        Menu help = new Menu("_Help", null, item("About SitePlanner", null, () -> vm.dialogs().showWarning("SitePlanner",
                "Site selection for hyperscale AI campuses.\n"
                        + "Basemap: US Census cartographic boundaries (public domain) via us-atlas.")));
        return new MenuBar(file, edit, view, layer, scenario, help);
    }

    private MenuItem exportItem() {
        return item("Export Scenario as JSON…", null, vm::chooseAndExportScenario);
    }

    private void fillRecent(Menu recentMenu) {
        recentMenu.getItems().clear();
        for (Path r : vm.recentProjects()) {
            recentMenu.getItems().add(item(r.toString(), null, () -> vm.whenSafeToDiscard(() -> vm.open(r))));
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    ToolBar toolBar() {
        Button add = new Button("Add Layer");
        add.setTooltip(new Tooltip("Add a layer from a file (Ctrl+L); or drop files on the map"));
        add.setOnAction(e -> vm.chooseAndAddLayers());
        Button crit = new Button("Add Criterion");
        crit.setId("toolbar-add-criterion");
        crit.setTooltip(new Tooltip("Add a criterion from any loaded layer"));
        crit.setOnAction(e -> vm.criteria().add(null));
        Button zin = new Button("+");
        zin.setTooltip(new Tooltip("Zoom in (+)"));
        zin.setOnAction(e -> window.zoomIn());
        Button zout = new Button("−");
        zout.setTooltip(new Tooltip("Zoom out (-)"));
        zout.setOnAction(e -> window.zoomOut());
        Button full = new Button("Full Extent");
        full.setTooltip(new Tooltip("Zoom to all data (Ctrl+Shift+F)"));
        full.setOnAction(e -> vm.map().zoomFull());
        Label hint = new Label("Drag: pan · Wheel: zoom · Click: identify · Shift+drag: select");
        hint.setStyle("-fx-text-fill: #777;");
        return new ToolBar(add, crit, new Separator(Orientation.VERTICAL), zin, zout, full,
                new Separator(Orientation.VERTICAL), hint);
    }
}
