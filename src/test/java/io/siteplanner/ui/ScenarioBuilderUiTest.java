package io.siteplanner.ui;

import static io.siteplanner.ui.UiTests.fx;
import static io.siteplanner.ui.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.scoring.ScoreResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scenario builder as a planner uses it, headless (Monocle): from the demo, add real HIFLD lines, make
 * "distance to lines >= 345 kV" through the layer's context menu and the criterion form, export the scenario
 * and check that {@code siteplanner score} ranks and scores the sites exactly as the window does.
 */
@org.junit.jupiter.api.extension.ExtendWith(RealMapsAfterEach.class)
@ExtendWith(ApplicationExtension.class)
class ScenarioBuilderUiTest {
    MainWindow window;

    /** The window on the invented parcels fixture as its demo ({@link ParcelsFixtureMaps}); the real demo: DemoWindowTest. */
    @Start
    void start(Stage stage) {
        window = UiTests.open(stage, ParcelsFixtureMaps.maps());
    }

    @Test
    void aCriterionBuiltInTheFormRanksLikeTheCliOnTheExportedScenario(FxRobot robot, @TempDir Path tmp) throws Exception {
        waitUntil(() -> window.model().layers().size() == 6 && window.tasks().currentProperty().get() == null
                && window.scenario().resultProperty().get() != null);
        fx(() -> window.project().layers().addFiles(List.of(TestData.shared("transmission_hifld_partial_in.geojson"))));
        waitUntil(() -> window.model().layers().size() == 7 && window.tasks().currentProperty().get() == null);

        // an added line layer goes below the point layers (not on top): scroll its row into view
        fx(() -> {
            window.layerTree().reveal("transmission_hifld_partial_in");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the layer's context menu: Use in Scenario... (Monocle delivers no context-menu request for a right
        // click, so the test fires the menu item of the layer's row itself)
        javafx.scene.control.MenuItem use = fx(() -> {
            javafx.scene.Node n = robot.lookup("#layer-transmission_hifld_partial_in").query();
            while (!(n instanceof javafx.scene.control.TreeCell)) {
                n = n.getParent();
            }
            return ((javafx.scene.control.TreeCell<?>) n).getContextMenu().getItems().stream()
                    .filter(i -> "Use in Scenario…".equals(i.getText())).findFirst().orElseThrow();
        });
        javafx.application.Platform.runLater(use::fire);
        waitUntil(() -> robot.lookup("#criterion-form").tryQuery().isPresent());
        DialogPane form = robot.lookup("#criterion-form").queryAs(DialogPane.class);
        assertThat(fx(() -> robot.lookup("#criterion-layer").queryComboBox().getValue()))
                .isEqualTo("transmission_hifld_partial_in");
        assertThat(fx(() -> robot.lookup("#criterion-kind").queryComboBox().getValue().toString())).isEqualTo("distance");
        // filter: VOLTAGE >= 345, built with the clause row
        robot.clickOn("#filter-add");
        robot.clickOn("#filter-field-0");
        robot.clickOn("VOLTAGE");
        assertThat(fx(() -> robot.lookup("#filter-op-0").queryAs(javafx.scene.control.ChoiceBox.class).getValue()))
                .isEqualTo(">=");
        robot.clickOn("#filter-value-0").write("345");
        waitUntil(() -> "VOLTAGE >= 345".equals(robot.lookup("#filter-cql").queryTextInputControl().getText()));
        String matching = fx(() -> robot.lookup("#filter-summary").queryAs(Label.class).getText());
        assertThat(matching).endsWith("features match").doesNotStartWith("0 of");
        // a short id
        robot.doubleClickOn("#criterion-id").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("d_hv");
        waitUntil(() -> "d_hv".equals(robot.lookup("#criterion-id").queryTextInputControl().getText()));
        assertThat(fx(() -> robot.lookup("#criterion-error").queryAs(Label.class).getText())).isEmpty();
        robot.clickOn(form.lookupButton(ButtonType.OK), MouseButton.PRIMARY);

        // evaluated alone in the background, then scored
        waitUntil(() -> {
            ScoreResult r = window.scenario().resultProperty().get();
            return r != null && r.session().criterionIndex("d_hv") >= 0 && window.tasks().currentProperty().get() == null;
        });
        assertThat(robot.lookup("#weight-d_hv").tryQuery()).isPresent();
        ScoreResult app = fx(() -> window.scenario().resultProperty().get());
        assertThat(app.session().scenario().criterion("d_hv").describe()).contains("VOLTAGE >= 345");

        Path json = tmp.resolve("campus.json");
        fx(() -> window.project().exportScenario(json));
        waitUntil(() -> Files.exists(json) && window.tasks().currentProperty().get() == null);
        Path out = tmp.resolve("ranked.csv");
        TestData.CliRun run = TestData.cli("score", "--scenario", json.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(app.size() + 1);
        List<String> header = List.of(lines.get(0).split(","));
        for (int k = 0; k < app.size(); k++) {
            String[] row = lines.get(k + 1).split(",");
            int site = app.siteAt(k);
            assertThat(row[header.indexOf("parcel_id")]).isEqualTo(String.valueOf(app.session().id(site)));
            assertThat(Double.parseDouble(row[header.indexOf("score")])).isEqualTo(app.score(site));
            assertThat(row[header.indexOf("d_hv")]).isEqualTo(Double.toString(app.session().raw(
                    app.session().criterionIndex("d_hv"))[site]));
        }
    }
}
