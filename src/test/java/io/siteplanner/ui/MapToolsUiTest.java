package io.siteplanner.ui;

import static io.siteplanner.ui.UiTests.fx;
import static io.siteplanner.ui.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.scoring.ScoreResult;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map tools in the main window on the bundled demo (headless, Monocle): measuring with the keyboard
 * shortcut and clicks, Esc, and identify highlighting the top-ranked site and bringing its tab forward.
 * Depends on no demo ids or counts: only that it has scored candidate sites.
 */
@ExtendWith(ApplicationExtension.class)
class MapToolsUiTest {
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTests.open(stage, Paths.get("maps"));
    }

    void waitForDemo() throws Exception {
        waitUntil(() -> window.tasks().currentProperty().get() == null && window.scenario().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void measureWithCtrlMClicksAndDoubleClickThenEscClears(FxRobot robot) throws Exception {
        waitForDemo();
        robot.clickOn("#map");
        // a plain click identifies (no tool yet); then Ctrl+M turns the distance tool on
        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        waitUntil(() -> window.map().toolProperty().get() != null);
        javafx.geometry.Bounds b = fx(() -> window.map().localToScreen(window.map().getBoundsInLocal()));
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        robot.moveTo(new javafx.geometry.Point2D(cx - 100, cy)).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        robot.moveTo(new javafx.geometry.Point2D(cx + 100, cy)).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        robot.moveTo(new javafx.geometry.Point2D(cx + 100, cy + 80)).doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> window.tools().measure().isFinished());
        assertThat(fx(() -> window.tools().measure().vertices())).hasSize(3);
        // 200 px across then 80 px down at the view's resolution: the geodesic length is of that order
        double res = fx(() -> io.siteplanner.render.WebMercator.groundResolution(window.map().getViewport().resolution(),
                window.map().getViewport().centerY()));
        assertThat(fx(() -> window.tools().measure().metres())).isBetween(270 * res, 290 * res);
        assertThat(fx(() -> window.project().statusProperty().get())).startsWith("Distance: ").contains(" km (")
                .contains(" mi)");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> window.tools().measure().vertices().isEmpty());
        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        waitUntil(() -> window.map().toolProperty().get() == null);
    }

    @Test
    void goToFindsATownOnceThePlaceNamesHaveLoadedInTheBackground(FxRobot robot) throws Exception {
        waitForDemo();
        robot.clickOn("#map");
        robot.press(KeyCode.CONTROL).press(KeyCode.G).release(KeyCode.G).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#goto-text").tryQuery().isPresent());
        robot.clickOn("#goto-text").write("Canton, MS");
        // the list fills when the names are in (loaded off the FX thread), whatever was typed meanwhile
        waitUntil(() -> !fx(() -> robot.lookup("#goto-places").<javafx.scene.control.ListView<?>>query().getItems().isEmpty()));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#goto-text").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // Canton, MS (the bundled us_places.geojson: -90.0367, 32.6126) at the map's centre
        io.siteplanner.render.Viewport v = fx(() -> window.map().getViewport());
        double cx = v.centerX();
        double cy = v.centerY();
        assertThat(io.siteplanner.render.WebMercator.lon(cx)).isCloseTo(-90.0367, org.assertj.core.data.Offset.offset(0.01));
        assertThat(io.siteplanner.render.WebMercator.lat(cy)).isCloseTo(32.6126, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aLongMeasureLabelIsWrappedToTheMapWidth() throws Exception {
        String text = "Area: 12,345.67 ha (30,506.43 acres) = 123.5 km² (47.7 sq mi), perimeter 48.21 km (29.96 mi)"
                + " (double-click to finish)";
        javafx.scene.text.Font font = javafx.scene.text.Font.font(12);
        java.util.List<String> lines = fx(() -> MeasureTool.fit(text, font, 260));
        assertThat(lines).hasSizeGreaterThan(1);
        for (String l : lines) {
            assertThat(fx(() -> MeasureTool.width(l, font))).as(l).isLessThanOrEqualTo(260);
        }
        // nothing lost, no number cut: the lines joined give the text back
        assertThat(String.join(" ", lines)).isEqualTo(text);
        assertThat(fx(() -> MeasureTool.fit("Distance: 1.00 km", font, 260))).containsExactly("Distance: 1.00 km");
    }

    @Test
    void identifyOutlinesTheTopSiteAndShowsItsTab(FxRobot robot) throws Exception {
        waitForDemo();
        int top = fx(() -> {
            ScoreResult r = window.scenario().resultProperty().get();
            for (int i = 0; i < r.size(); i++) {
                if (r.rank(i) == 1) {
                    return i;
                }
            }
            return 0;
        });
        fx(() -> {
            window.project().map().zoomToSite(top);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        // the site's interior point, on screen
        javafx.geometry.Point2D at = fx(() -> {
            org.locationtech.jts.geom.Point p = window.project().map().candidates().mapLayer().display().get(top)
                    .geometry().getInteriorPoint();
            io.siteplanner.render.Viewport v = window.map().getViewport();
            return window.map().localToScreen(v.toScreenX(p.getX()), v.toScreenY(p.getY()));
        });
        robot.moveTo(at).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> window.map().highlightProperty().get() != null);
        TabPane tabs = robot.lookup("#right-tabs").queryAs(TabPane.class);
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getText())).isEqualTo("Identify");
        assertThat(fx(() -> window.identifyPanel().rows().size())).isPositive();
    }
}
