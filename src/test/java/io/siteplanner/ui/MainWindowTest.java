package io.siteplanner.ui;

import static io.siteplanner.ui.UiTests.fx;
import static io.siteplanner.ui.UiTests.waitUntil;

import io.siteplanner.project.ProjectLayer;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.render.Viewport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on the parcels fixture (ParcelsFixtureMaps), headless (Monocle), with real files and real rendering. */
@org.junit.jupiter.api.extension.ExtendWith(RealMapsAfterEach.class)
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    MainWindow window;

    /** The window on the invented parcels fixture as its demo ({@link ParcelsFixtureMaps}); the real demo: DemoWindowTest. */
    @Start
    void start(Stage stage) {
        window = UiTests.open(stage, ParcelsFixtureMaps.maps());
    }

    void waitUntil(Callable<Boolean> cond) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(cond));
    }

    void waitForDemo() throws Exception {
        waitUntil(() -> window.model().layers().size() == 6 && window.tasks().currentProperty().get() == null
                && window.scenario().resultProperty().get() != null);
        UiTests.waitForRender(window);
    }

    /** Waits until a render newer than now has been committed and none is pending. */

    /** Scrolls the layer tree so the named layer's row is shown. */
    void reveal(String layer) throws Exception {
        fx(() -> {
            window.layerTree().reveal(layer);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    java.awt.image.BufferedImage snapshot() throws Exception {
        WritableImage img = fx(() -> window.map().snapshot(null, null));
        return SwingFXUtils.fromFXImage(img, null);
    }

    static double difference(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long diff = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    diff++;
                }
            }
        }
        return (double) diff / ((long) w * h);
    }

    @Test
    void opensDemoWithItsLayersInTheTree(FxRobot robot) throws Exception {
        waitForDemo();
        List<String> names = fx(() -> window.model().layers().stream().map(LayerItem::getName).toList());
        assertThat(names).containsExactly("substations", "lines", "parcels", "zones", "us_counties", "us_states");
        assertThat(robot.lookup("#layer-parcels").tryQuery()).isPresent();
        reveal("us_states");
        assertThat(robot.lookup("#layer-us_states").tryQuery()).isPresent();
        // the view is zoomed to the demo data: between Mississippi and Indiana
        Viewport v = fx(() -> window.map().getViewport());
        assertThat(io.siteplanner.render.WebMercator.lon(v.centerX())).isBetween(-91.0, -86.0);
    }

    @Test
    void togglingALayerChangesTheRenderedMap(FxRobot robot) throws Exception {
        waitForDemo();
        reveal("us_states");
        UiTests.waitForRender(window); // revealing the row may re-lay out the window: the map drawn at its final size
        java.awt.image.BufferedImage before = snapshot();
        robot.clickOn("#visible-us_states");
        waitUntil(() -> !window.model().layers().get(5).visibleProperty().get());
        UiTests.waitForRender(window);
        java.awt.image.BufferedImage after = snapshot();
        assertThat(fx(() -> window.model().layers().get(5).visibleProperty().get())).isFalse();
        assertThat(difference(before, after)).isGreaterThan(0.05);
        robot.clickOn("#visible-us_states");
        waitUntil(() -> window.model().layers().get(5).visibleProperty().get());
        UiTests.waitForRender(window);
        assertThat(difference(before, snapshot())).isLessThan(0.001);
    }

    @Test
    void clickingAParcelIdentifiesIt(FxRobot robot) throws Exception {
        waitForDemo();
        LayerItem parcels = fx(() -> window.model().first(ProjectLayer.Role.CANDIDATES));
        // zoom to the first parcel and click the centre of the map
        fx(() -> {
            window.map().zoomTo(parcels.mapLayer().display().get(0).geometry().getEnvelopeInternal());
            return null;
        });
        UiTests.waitForRender(window);
        org.locationtech.jts.geom.Point c = parcels.mapLayer().display().get(0).geometry().getInteriorPoint();
        Viewport v = fx(() -> window.map().getViewport());
        javafx.geometry.Point2D screen = fx(() -> window.map().localToScreen(v.toScreenX(c.getX()), v.toScreenY(c.getY())));
        robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        waitUntil(() -> window.identifyPanel().headerText().startsWith("parcels"));
        List<String[]> rows = fx(() -> List.copyOf(window.identifyPanel().rows()));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r[0]).isEqualTo("parcel_id");
            assertThat(r[1]).isEqualTo("MS-001");
        });
        // the score is explained down to raw value, transform, weight and contribution
        io.siteplanner.scoring.ScoreResult res = fx(() -> window.scenario().resultProperty().get());
        io.siteplanner.scoring.ScoreResult.Part acres = res.explain(0).parts().get(0);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r[0]).isEqualTo("  acres");
            assertThat(r[1]).endsWith(String.format(java.util.Locale.ROOT, "= %.4f", acres.contribution()));
        });
        assertThat(rows).anySatisfy(r -> assertThat(r[1]).startsWith(String.format(java.util.Locale.ROOT, "%.4f (rank %d",
                res.score(0), res.rank(0))));
    }

    @Test
    void addingARealLayerAddsItAndACorruptFileShowsAnError(FxRobot robot, @TempDir Path tmp) throws Exception {
        waitForDemo();
        Path real = io.siteplanner.TestData.shared("substations_hifld_partial_ms.geojson");
        fx(() -> window.project().layers().addFiles(List.of(real)));
        waitUntil(() -> window.model().layers().size() == 7 && window.tasks().currentProperty().get() == null);
        assertThat(fx(() -> window.model().layers().get(0).mapLayer().source().size())).isEqualTo(901);

        Path bad = tmp.resolve("broken.gpkg");
        Files.writeString(bad, "this is not a geopackage");
        fx(() -> window.project().layers().addFiles(List.of(bad)));
        waitUntil(() -> robot.lookup("#error-dialog").tryQuery().isPresent());
        String text = fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#error-dialog").query())
                .getContent().toString());
        assertThat(text).contains("broken.gpkg");
        assertThat(text).doesNotContain("Exception");
        fx(() -> {
            ((javafx.stage.Stage) robot.lookup("#error-dialog").query().getScene().getWindow()).close();
            return null;
        });
        // the app keeps working: still 7 layers and the map still renders
        assertThat(fx(() -> window.model().layers().size())).isEqualTo(7);
        UiTests.waitForRender(window);
    }

    static void runLater(Runnable r) {
        Platform.runLater(r);
    }

    @Test
    void demoOpensScoredAndMovingAWeightSliderChangesRankingAndColours(FxRobot robot) throws Exception {
        waitForDemo();
        io.siteplanner.scoring.ScoreResult before = fx(() -> window.scenario().resultProperty().get());
        LayerItem parcels = fx(() -> window.model().first(ProjectLayer.Role.CANDIDATES));
        int[] coloursBefore = fx(() -> parcels.colorOverrideProperty().get().clone());
        assertThat(before.size()).isEqualTo(280);
        int topBefore = before.siteAt(0);
        // the table lists the sites in rank order
        assertThat(fx(() -> window.siteTable().tableView().getItems().get(0).index())).isEqualTo(topBefore);

        javafx.scene.control.Slider d = robot.lookup("#weight-d_sub").queryAs(javafx.scene.control.Slider.class);
        // drag the distance-to-substation slider to 0 with the mouse, as a user would
        robot.drag(d.lookup(".thumb")).moveBy(-400, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> window.scenario().criteria().get(1).weightProperty().get() == 0.0);
        assertThat(robot.lookup("#weight-pct-d_sub").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("0 %");
        // then leave only land price (the other sliders, set through their controls)
        fx(() -> {
            for (String id : new String[] {"acres", "d_line", "price", "headroom"}) {
                robot.lookup("#weight-" + id).queryAs(javafx.scene.control.Slider.class).setValue(0);
            }
            robot.lookup("#weight-land").queryAs(javafx.scene.control.Slider.class).setValue(1);
            return null;
        });
        waitUntil(() -> {
            io.siteplanner.scoring.ScoreResult r = window.scenario().resultProperty().get();
            return r != before && r.weights()[r.session().criterionIndex("land")] == 1.0;
        });
        io.siteplanner.scoring.ScoreResult after = fx(() -> window.scenario().resultProperty().get());
        // only land price counts now: the cheapest passing parcel ranks first
        int top = after.siteAt(0);
        int landCol = after.session().criterionIndex("land");
        double cheapest = Double.MAX_VALUE;
        for (int i = 0; i < after.size(); i++) {
            if (after.passed(i)) {
                cheapest = Math.min(cheapest, after.session().raw(landCol)[i]);
            }
        }
        java.util.List<Integer> order = new java.util.ArrayList<>();
        java.util.List<Integer> orderBefore = new java.util.ArrayList<>();
        for (int k = 0; k < 10; k++) {
            order.add(after.siteAt(k));
            orderBefore.add(before.siteAt(k));
        }
        assertThat(order).isNotEqualTo(orderBefore);
        assertThat(after.session().raw(landCol)[top]).isEqualTo(cheapest);
        int[] coloursAfter = fx(() -> parcels.colorOverrideProperty().get());
        assertThat(coloursAfter).isNotEqualTo(coloursBefore);
        assertThat(fx(() -> window.siteTable().tableView().getItems().get(0).index())).isEqualTo(top);
    }

    @Test
    void selectingATableRowSelectsTheSiteOnTheMapAndBack(FxRobot robot) throws Exception {
        waitForDemo();
        LayerItem parcels = fx(() -> window.model().first(ProjectLayer.Role.CANDIDATES));
        javafx.scene.control.TableView<SiteTable.SiteRow> tv = window.siteTable().tableView();
        SiteTable.SiteRow third = fx(() -> tv.getItems().get(2));
        javafx.scene.Node cell = robot.from(tv).lookup(".table-row-cell")
                .match(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getIndex() == 2).query();
        robot.clickOn(cell);
        waitUntil(() -> parcels.selectionProperty().get().get(third.index()));
        assertThat(fx(() -> parcels.selectionProperty().get().cardinality())).isEqualTo(1);
        // the map draws the highlight: compare with no selection
        UiTests.waitForRender(window);
        fx(() -> {
            window.project().map().zoomToSite(third.index());
            return null;
        });
        UiTests.waitForRender(window);
        java.awt.image.BufferedImage selected = snapshot();
        fx(() -> {
            parcels.selectionProperty().set(new java.util.BitSet());
            return null;
        });
        UiTests.waitForRender(window);
        assertThat(difference(selected, snapshot())).isGreaterThan(0.001);
        // and back: a click on a parcel on the map selects its row
        int other = fx(() -> tv.getItems().get(0).index());
        org.locationtech.jts.geom.Point c = parcels.mapLayer().display().get(other).geometry().getInteriorPoint();
        fx(() -> {
            window.project().map().zoomToSite(other);
            return null;
        });
        UiTests.waitForRender(window);
        Viewport v = fx(() -> window.map().getViewport());
        javafx.geometry.Point2D screen = fx(() -> window.map().localToScreen(v.toScreenX(c.getX()), v.toScreenY(c.getY())));
        robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        waitUntil(() -> tv.getSelectionModel().getSelectedItems().size() == 1
                && tv.getSelectionModel().getSelectedItem().index() == other);
    }

    @Test
    void comparisonViewShowsTheSelectedSitesFigures(FxRobot robot) throws Exception {
        waitForDemo();
        javafx.scene.control.TableView<SiteTable.SiteRow> tv = window.siteTable().tableView();
        fx(() -> {
            tv.getSelectionModel().clearSelection();
            tv.getSelectionModel().selectIndices(0, 1);
            return null;
        });
        robot.clickOn("#compare-button");
        waitUntil(() -> robot.lookup("#comparison-decision").tryQuery().isPresent());
        io.siteplanner.scoring.ScoreResult r = fx(() -> window.scenario().resultProperty().get());
        Object first = r.session().id(r.siteAt(0));
        Object second = r.session().id(r.siteAt(1));
        String decision = fx(() -> robot.lookup("#comparison-decision").queryAs(javafx.scene.control.Label.class).getText());
        assertThat(decision).startsWith(first + " is ahead of " + second);
        String site0 = fx(() -> robot.lookup("#compare-site-0").queryAs(javafx.scene.control.Label.class).getText());
        assertThat(site0).isEqualTo(first.toString());
        // the acres row shows the first site's area with its unit
        int acresCol = r.session().criterionIndex("acres");
        String acres = fx(() -> robot.lookup("#compare-acres-0").queryAs(javafx.scene.control.Label.class).getText());
        assertThat(acres).startsWith(io.siteplanner.model.Units.format(r.session().raw(acresCol)[r.siteAt(0)], "acres",
                io.siteplanner.model.Units.DistanceUnit.KM));
        javafx.scene.chart.StackedBarChart<?, ?> chart = robot.lookup("#comparison-chart").queryAs(javafx.scene.chart.StackedBarChart.class);
        assertThat(chart.getData()).hasSize(6); // criteria with weight > 0
    }

    @Test
    void shortlistAndWeightEditsUndoAndRedoWithTheKeyboard(FxRobot robot) throws Exception {
        waitForDemo();
        javafx.scene.control.TableView<SiteTable.SiteRow> tv = window.siteTable().tableView();
        String firstId = fx(() -> tv.getItems().get(0).id());
        fx(() -> {
            tv.getSelectionModel().clearSelection();
            tv.getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#shortlist-button");
        waitUntil(() -> window.project().shortlist().shortlistProperty().get().contains(firstId));
        fx(() -> {
            window.project().shortlist().apply("note", window.project().shortlist().shortlistProperty().get()
                    .update(window.project().shortlist().shortlistProperty().get().get(firstId).get().withNote("call the utility")));
            return null;
        });
        assertThat(fx(() -> window.project().shortlist().shortlistProperty().get().get(firstId).get().note()))
                .isEqualTo("call the utility");

        // a weight change, recorded once the slider is still
        double before = fx(() -> window.scenario().criteria().get(3).weightProperty().get());
        io.siteplanner.scoring.ScoreResult r0 = fx(() -> window.scenario().resultProperty().get());
        fx(() -> {
            window.scenario().criteria().get(3).weightProperty().set(0.9);
            return null;
        });
        waitUntil(() -> window.project().undo().undoNameProperty().get().equals("weights"));
        waitUntil(() -> window.scenario().resultProperty().get() != r0);

        robot.clickOn("#map");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> window.scenario().criteria().get(3).weightProperty().get() == before);
        // undo again: the note goes, then the site leaves the shortlist
        fx(() -> {
            window.project().undo().undo();
            return null;
        });
        assertThat(fx(() -> window.project().shortlist().shortlistProperty().get().get(firstId).get().note())).isEmpty();
        fx(() -> {
            window.project().undo().undo();
            return null;
        });
        assertThat(fx(() -> window.project().shortlist().shortlistProperty().get().contains(firstId))).isFalse();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Y)
                .release(javafx.scene.input.KeyCode.Y, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> window.project().shortlist().shortlistProperty().get().contains(firstId));
        // Ctrl+Shift+Z redoes too: the note comes back
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> "call the utility".equals(window.project().shortlist().shortlistProperty().get().get(firstId).get().note()));
    }

    @Test
    void editingAConstraintValueRescores(FxRobot robot) throws Exception {
        waitForDemo();
        int passedBefore = fx(() -> window.scenario().resultProperty().get().passedCount());
        javafx.scene.control.TextField f = robot.lookup("#constraint-value-acres").queryAs(javafx.scene.control.TextField.class);
        fx(() -> {
            f.setText("500");
            f.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        waitUntil(() -> window.scenario().resultProperty().get().passedCount() > passedBefore);
        io.siteplanner.scoring.ScoreResult r = fx(() -> window.scenario().resultProperty().get());
        int acres = r.session().criterionIndex("acres");
        int expected = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.session().raw(acres)[i] >= 500) {
                expected++;
            }
        }
        assertThat(r.passedCount()).isEqualTo(expected);
        fx(() -> {
            window.project().undo().undo();
            return null;
        });
        waitUntil(() -> window.scenario().resultProperty().get().passedCount() == passedBefore);
    }

    @Test
    void switchesScenariosAndSavesAndReopensTheProject(FxRobot robot, @TempDir Path tmp) throws Exception {
        waitForDemo();
        assertThat(fx(() -> window.project().scenarios().scenarios().size())).isEqualTo(2);
        int passed1gw = fx(() -> window.scenario().resultProperty().get().passedCount());
        String top1gw = fx(() -> window.siteTable().tableView().getItems().get(0).id());
        fx(() -> {
            window.project().shortlist().add(List.of(top1gw));
            window.project().scenarios().switchTo("300 MW, fast power");
            return null;
        });
        // the other scenario is evaluated in the background; meanwhile there is no result
        waitUntil(() -> window.scenario().resultProperty().get() != null
                && "300 MW, fast power".equals(window.scenario().resultProperty().get().session().scenario().name()));
        int passed300 = fx(() -> window.scenario().resultProperty().get().passedCount());
        assertThat(passed300).isGreaterThan(passed1gw); // 300 acres minimum instead of 1,000
        assertThat(fx(() -> window.project().dirtyProperty().get())).isTrue();
        // the combo box follows
        javafx.scene.control.ComboBox<?> box = robot.lookup("#scenario-box").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(fx(() -> box.getValue())).isEqualTo("300 MW, fast power");

        Path file = tmp.resolve("mine.siteplan.gpkg");
        fx(() -> window.project().saveTo(file));
        waitUntil(() -> !window.project().dirtyProperty().get() && file.equals(window.project().projectFileProperty().get()));
        assertThat(Files.exists(file)).isTrue();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("mine.siteplan.gpkg");
        }

        fx(() -> window.project().open(file));
        waitUntil(() -> window.tasks().currentProperty().get() == null && window.scenario().resultProperty().get() != null
                && "300 MW, fast power".equals(window.project().scenarios().activeProperty().get()));
        assertThat(fx(() -> window.model().layers().size())).isEqualTo(6);
        assertThat(fx(() -> window.project().shortlist().shortlistProperty().get().contains(top1gw))).isTrue();
        assertThat(fx(() -> window.scenario().resultProperty().get().passedCount())).isEqualTo(passed300);
        assertThat(fx(() -> window.project().dirtyProperty().get())).isFalse();
    }

    @Test
    void exportsTheShortlistAndAPdfReportFromTheWindow(FxRobot robot, @TempDir Path tmp) throws Exception {
        waitForDemo();
        String second = fx(() -> window.siteTable().tableView().getItems().get(1).id());
        fx(() -> {
            window.project().shortlist().add(List.of(second));
            return null;
        });
        Path csv = tmp.resolve("shortlist.csv");
        fx(() -> window.project().exportResults(io.siteplanner.export.SitesExport.Format.CSV, true, csv));
        waitUntil(() -> Files.exists(csv) && window.tasks().currentProperty().get() == null);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("2," + second + ",");
        Path pdf = tmp.resolve("report.pdf");
        fx(() -> window.project().exportResults(io.siteplanner.export.SitesExport.Format.PDF, false, pdf));
        waitUntil(() -> Files.exists(pdf) && window.tasks().currentProperty().get() == null);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("1 GW AI campus (demo)").contains(second);
        }
    }

    @Test
    void statusMessagesStillShowWhileAnotherTaskRuns(FxRobot robot, @TempDir Path tmp) throws Exception {
        waitForDemo();
        Path csv = tmp.resolve("sites.csv");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        fx(() -> {
            window.project().exportResults(io.siteplanner.export.SitesExport.Format.CSV, false, csv);
            // a second, longer task becomes the status bar's current task while the export finishes
            window.tasks().run("Waiting", p -> {
                release.await(30, TimeUnit.SECONDS);
                return null;
            }, x -> { }, e -> { });
            return null;
        });
        org.controlsfx.control.StatusBar bar = robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
        waitUntil(() -> bar.getText() != null && bar.getText().startsWith("Exported sites.csv"));
        release.countDown();
        waitUntil(() -> window.tasks().currentProperty().get() == null);
        assertThat(Files.readAllLines(csv)).hasSize(281);
    }
}
