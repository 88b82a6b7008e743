package io.siteplanner.ui;

import static io.siteplanner.ui.UiTests.fx;
import static io.siteplanner.ui.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.render.MapRenderer;
import io.siteplanner.render.Viewport;
import java.nio.file.Paths;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The attribute table flows in the main window on the bundled demo, headless (Monocle): open it from the
 * layer tree, select rows and see the map highlight them (and the site table and the status bar count),
 * select on the map and see the rows selected. Uses only the demo's candidate layer, whatever its name.
 */
@ExtendWith(ApplicationExtension.class)
class AttributeTableUiTest {
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTests.open(stage, Paths.get("maps"));
    }

    LayerItem waitForDemo() throws Exception {
        waitUntil(() -> window.project().map().candidates() != null && window.tasks().currentProperty().get() == null
                && window.scenario().resultProperty().get() != null);
        UiTests.waitForRender(window);
        return fx(() -> window.project().map().candidates());
    }

    /** Pixels of the map drawn in the selection colour exactly. */
    int highlightPixels() throws Exception {
        java.awt.image.BufferedImage img = SwingFXUtils.fromFXImage(fx(() -> window.map().snapshot(null, null)), null);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == (MapRenderer.SELECTION & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    TableRow<?> row(FxRobot robot, TableView<Integer> tv, int index) {
        return robot.from(tv).lookup(".table-row-cell")
                .match(n -> n.isVisible() && ((TableRow<?>) n).getIndex() == index).query();
    }

    @Test
    void openFromTheTreeSelectRowsSeeThemOnTheMapAndSelectOnTheMapSeeTheRows(FxRobot robot) throws Exception {
        LayerItem cand = waitForDemo();
        String name = cand.getName();
        int size = cand.mapLayer().source().size();
        fx(() -> {
            window.layerTree().reveal(name);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(highlightPixels()).isZero();
        // open the table from the layer's context menu (Monocle delivers no context-menu request for a right
        // click, so the test fires the menu item of the layer's row itself, as ScenarioBuilderUiTest does)
        javafx.scene.control.MenuItem open = fx(() -> {
            javafx.scene.Node n = robot.lookup("#layer-" + LayerTreeView.cssId(name)).query();
            while (!(n instanceof javafx.scene.control.TreeCell)) {
                n = n.getParent();
            }
            return ((javafx.scene.control.TreeCell<?>) n).getContextMenu().getItems().stream()
                    .filter(i -> "open-attribute-table".equals(i.getId())).findFirst().orElseThrow();
        });
        javafx.application.Platform.runLater(open::fire);
        waitUntil(() -> window.attributeTables().viewOf(cand) != null);
        AttributeTableView view = fx(() -> window.attributeTables().viewOf(cand));
        TableView<Integer> tv = view.tableView();
        waitUntil(() -> tv.getItems().size() == size);
        // the table lays its rows out at a later pulse than its items arrive: wait for the cells
        waitUntil(() -> robot.from(tv).lookup(".table-row-cell")
                .match(n -> n.isVisible() && ((TableRow<?>) n).getIndex() == 2).tryQuery().isPresent());
        // select three rows: click the first, Shift+click the third
        robot.clickOn(row(robot, tv, 0));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, tv, 2)).release(KeyCode.SHIFT);
        waitUntil(() -> cand.selectionProperty().get().cardinality() == 3);
        BitSet sel = fx(() -> (BitSet) cand.selectionProperty().get().clone());
        assertThat(sel).isEqualTo(BitSet.valueOf(new long[] {0b111}));
        // Ctrl+click adds a row, Ctrl+click again removes it
        robot.press(KeyCode.CONTROL).clickOn(row(robot, tv, 4)).release(KeyCode.CONTROL);
        waitUntil(() -> cand.selectionProperty().get().cardinality() == 4 && cand.selectionProperty().get().get(4));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, tv, 4)).release(KeyCode.CONTROL);
        waitUntil(() -> cand.selectionProperty().get().equals(sel));
        assertThat(fx(() -> view.isSelectedRow(2) && !view.isSelectedRow(3))).isTrue();
        // the site table and the status bar follow; the map draws three highlighted features
        waitUntil(() -> window.siteTable().selection().equals(sel));
        Label count = robot.lookup("#selection-count").queryAs(Label.class);
        assertThat(fx(count::getText)).isEqualTo(String.format(java.util.Locale.ROOT,
                "3 of %,d features selected in %s", size, name));
        assertThat(fx(() -> cand.draw().selected().cardinality())).isEqualTo(3);
        robot.clickOn("#attr-zoom-selection");
        UiTests.waitForRender(window);
        int lit = highlightPixels();
        assertThat(lit).isGreaterThan(20);
        // select on the map: click inside another feature, its row is selected in the table (the table's
        // window is moved off the map first: it opens over the main window)
        fx(() -> {
            javafx.stage.Window w = tv.getScene().getWindow();
            w.setX(0);
            w.setY(1050);
            return null;
        });
        int other = 5;
        org.locationtech.jts.geom.Point c = cand.mapLayer().display().get(other).geometry().getInteriorPoint();
        fx(() -> {
            org.locationtech.jts.geom.Envelope e = cand.mapLayer().display().get(other).geometry().getEnvelopeInternal();
            e.expandBy(Math.max(e.getWidth(), e.getHeight()));
            window.map().zoomTo(e);
            return null;
        });
        UiTests.waitForRender(window);
        Viewport v = fx(() -> window.map().getViewport());
        javafx.geometry.Point2D screen = fx(() -> window.map().localToScreen(v.toScreenX(c.getX()), v.toScreenY(c.getY())));
        robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        waitUntil(() -> cand.selectionProperty().get().cardinality() == 1 && cand.selectionProperty().get().get(other));
        // its row is shown and drawn selected (the table scrolls to it), the three before are not
        waitUntil(() -> {
            int pos = tv.getItems().indexOf(other);
            return view.isSelectedRow(pos) && !view.isSelectedRow(0) && robot.from(tv).lookup(".table-row-cell")
                    .match(n -> ((TableRow<?>) n).getIndex() == pos && n.getPseudoClassStates().stream()
                            .anyMatch(pc -> pc.getPseudoClassName().equals("selected-feature"))).tryQuery().isPresent();
        });
        assertThat(fx(count::getText)).startsWith("1 of ");
        // deselect: nothing highlighted any more
        fx(() -> {
            window.project().map().clearSelections();
            return null;
        });
        UiTests.waitForRender(window);
        assertThat(highlightPixels()).isZero();
        assertThat(fx(() -> robot.from(tv).lookup(".table-row-cell").match(n -> n.getPseudoClassStates().stream()
                .anyMatch(pc -> pc.getPseudoClassName().equals("selected-feature"))).queryAll())).isEmpty();
    }

    @Test
    void f6OpensTheTableOfTheLayerPickedInTheTreeAndItClosesWithTheLayer(FxRobot robot) throws Exception {
        waitForDemo();
        int before = fx(() -> window.model().layers().size());
        fx(() -> window.project().layers().addFiles(java.util.List.of(
                io.siteplanner.TestData.shared("substations_hifld_partial_ms.geojson"))));
        waitUntil(() -> window.model().layers().size() == before + 1 && window.tasks().currentProperty().get() == null);
        LayerItem data = fx(() -> window.model().layers().get(0));
        fx(() -> {
            window.layerTree().reveal(data.getName());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#layer-" + LayerTreeView.cssId(data.getName()));
        robot.press(KeyCode.F6).release(KeyCode.F6);
        waitUntil(() -> window.attributeTables().viewOf(data) != null);
        AttributeTableView view = fx(() -> window.attributeTables().viewOf(data));
        waitUntil(() -> view.tableView().getItems().size() == data.mapLayer().source().size());
        assertThat(fx(() -> view.tableView().getColumns().size())).isEqualTo(data.mapLayer().source().schema().size());
        // a layer that leaves the project takes its table with it
        fx(() -> window.project().layers().remove(data));
        waitUntil(() -> window.attributeTables().viewOf(data) == null);
    }

    @Test
    void selectByLocationDialogSelectsSubstationsNearLinesInTheAnalysisCrs(FxRobot robot) throws Exception {
        waitForDemo();
        int before = fx(() -> window.model().layers().size());
        fx(() -> window.project().layers().addFiles(java.util.List.of(
                io.siteplanner.TestData.shared("transmission_hifld_partial_ms.geojson"),
                io.siteplanner.TestData.shared("substations_hifld_partial_ms.geojson"))));
        waitUntil(() -> window.model().layers().size() == before + 2 && window.tasks().currentProperty().get() == null);
        LayerItem subs = fx(() -> window.model().byName("substations_hifld_partial_ms"));
        LayerItem lines = fx(() -> window.model().byName("transmission_hifld_partial_ms"));
        javafx.scene.control.Dialog<?> d = fx(() -> window.selectByLocation());
        fx(() -> {
            robot.lookup("#select-loc-target").queryAs(javafx.scene.control.ChoiceBox.class).setValue(subs);
            robot.lookup("#select-loc-reference").queryAs(javafx.scene.control.ChoiceBox.class).setValue(lines);
            return null;
        });
        fx(() -> {
            javafx.scene.Node rel = robot.lookup("#select-loc-distance").query().getParent().getChildrenUnmodifiable()
                    .stream().filter(n -> n instanceof javafx.scene.control.ChoiceBox<?> && ((javafx.scene.control.ChoiceBox<?>) n)
                    .getValue() instanceof io.siteplanner.gis.SelectByLocation.Relation).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<io.siteplanner.gis.SelectByLocation.Relation> cb =
                    (javafx.scene.control.ChoiceBox<io.siteplanner.gis.SelectByLocation.Relation>) rel;
            cb.setValue(io.siteplanner.gis.SelectByLocation.Relation.WITHIN_DISTANCE);
            return null;
        });
        robot.doubleClickOn("#select-loc-distance .text-field").write("1500").type(KeyCode.ENTER);
        robot.clickOn("#select-apply");
        waitUntil(() -> window.tasks().currentProperty().get() == null && !subs.selectionProperty().get().isEmpty());
        org.geotools.api.referencing.crs.CoordinateReferenceSystem crs = fx(() -> {
            io.siteplanner.scoring.ScoreResult r = window.scenario().resultProperty().get();
            return r.session().analysisCrs();
        });
        BitSet want = io.siteplanner.gis.SelectByLocation.select(subs.mapLayer().source(), lines.mapLayer().source(), null,
                io.siteplanner.gis.SelectByLocation.Relation.WITHIN_DISTANCE, 1500, crs, io.siteplanner.model.Progress.NONE);
        assertThat(fx(() -> subs.selectionProperty().get())).isEqualTo(want);
        Label count = robot.lookup("#selection-count").queryAs(Label.class);
        assertThat(fx(count::getText)).isEqualTo(String.format(java.util.Locale.ROOT,
                "%,d of 901 features selected in substations_hifld_partial_ms", want.cardinality()));
        // a picture of the dialog for people to look at (target/, not checked)
        java.awt.image.BufferedImage img = SwingFXUtils.fromFXImage(fx(() -> d.getDialogPane().snapshot(null, null)), null);
        javax.imageio.ImageIO.write(img, "png", Paths.get("target", "select-by-location.png").toFile());
        fx(() -> {
            d.close();
            return null;
        });
    }
}
