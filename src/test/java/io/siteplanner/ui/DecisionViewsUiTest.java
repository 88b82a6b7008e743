package io.siteplanner.ui;

import static io.siteplanner.ui.UiTests.fx;
import static io.siteplanner.ui.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.decision.RobustnessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The decision views in the main window on the bundled demo, headless (Monocle): the rank robustness
 * dialog fills the P(top k) column; the comparison view says when more than 4 sites were selected, closes on
 * Esc and on Close, and its rank acceptability and sweep charts have one series per compared site.
 * Snapshots of each view go to target/decision-views/ to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class DecisionViewsUiTest {
    static final Path SHOTS = Paths.get("target", "decision-views");
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTests.open(stage, Paths.get("maps"));
    }

    void waitUntil(Callable<Boolean> cond) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(cond));
    }

    void waitForDemo() throws Exception {
        waitUntil(() -> window.tasks().currentProperty().get() == null
                && window.scenario().resultProperty().get() != null);
    }

    Stage comparisonStage() throws Exception {
        return fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage && "Compare sites".equals(((Stage) w).getTitle()) && w.isShowing()) {
                    return (Stage) w;
                }
            }
            return null;
        });
    }

    void select(int n) throws Exception {
        TableView<SiteTable.SiteRow> tv = window.siteTable().tableView();
        fx(() -> {
            tv.getSelectionModel().clearSelection();
            tv.getSelectionModel().selectRange(0, n);
            return null;
        });
    }

    static void shot(Node n, String name) throws Exception {
        Files.createDirectories(SHOTS);
        javafx.scene.image.WritableImage img = fx(() -> n.snapshot(null, null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

    @Test
    void comparisonOfSixSaysFirstFourAndClosesOnEscAndClose(FxRobot robot) throws Exception {
        waitForDemo();
        select(6);
        assertThat(fx(() -> robot.lookup("#compare-button").queryButton().isDisabled())).isFalse();
        robot.clickOn("#compare-button");
        waitUntil(() -> comparisonStage() != null);
        Stage cmp = comparisonStage();
        Label banner = fx(() -> (Label) cmp.getScene().lookup("#comparison-selection-banner"));
        assertThat(banner.getText()).isEqualTo("Comparing the first 4 of 6 selected sites (in table order)");
        assertThat(fx(() -> cmp.getScene().lookup("#compare-site-3"))).isNotNull();
        assertThat(fx(() -> cmp.getScene().lookup("#compare-site-4"))).isNull();
        shot(cmp.getScene().getRoot(), "comparison-figures");
        robot.targetWindow(cmp);
        fx(() -> {
            cmp.requestFocus();
            return null;
        });
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !cmp.isShowing());

        select(2);
        robot.clickOn("#compare-button");
        waitUntil(() -> comparisonStage() != null);
        Stage again = comparisonStage();
        assertThat(fx(() -> again.getScene().lookup("#comparison-selection-banner"))).isNull();
        robot.clickOn("#comparison-close");
        waitUntil(() -> !again.isShowing());
    }

    @Test
    void robustnessDialogFillsTheColumnAndTheComparisonChartsHaveASeriesPerSite(FxRobot robot) throws Exception {
        waitForDemo();
        robot.clickOn("#robustness-button");
        waitUntil(() -> robot.lookup("#robustness-draws").tryQuery().isPresent());
        TextField draws = robot.lookup("#robustness-draws").queryAs(TextField.class);
        fx(() -> {
            draws.setText("600");
            robot.lookup("#robustness-seed").queryAs(TextField.class).setText("3");
            return null;
        });
        shot(robot.lookup("#robustness-dialog").query(), "robustness-dialog");
        robot.clickOn("Run");
        RobustnessViewModel rob = window.project().robustness();
        waitUntil(() -> rob.resultProperty().get() != null && window.tasks().currentProperty().get() == null);
        RobustnessResult res = fx(() -> rob.resultProperty().get());
        assertThat(res.draws()).isEqualTo(600);
        assertThat(rob.spec().seed()).isEqualTo(3);
        WaitForAsyncUtils.waitForFxEvents();

        // the first row's P(top 10) cell shows the figure with its unit
        TableView<SiteTable.SiteRow> tv = window.siteTable().tableView();
        SiteTable.SiteRow first = fx(() -> tv.getItems().get(0));
        String expected = RobustnessViewModel.percent(rob.pTopK(first.index()));
        assertThat(expected).endsWith(" %");
        String shown = fx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == window.siteTable().pTopKColumn() && c.getIndex() == 0)
                .map(TableCell::getText).findFirst().orElse(null));
        assertThat(shown).isEqualTo(expected);
        String header = fx(() -> ((Label) window.siteTable().pTopKColumn().getGraphic()).getText());
        assertThat(header).isEqualTo("P(top 10)");
        // units on every value: each criterion column's header names the unit its cells show
        ScoreResult scored = fx(() -> window.scenario().resultProperty().get());
        for (int c = 0; c < scored.session().criteria().size(); c++) {
            String unit = scored.session().column(c).unit();
            if (scored.session().column(c).categories() != null) {
                continue; // text values
            }
            assertThat(unit).as(scored.session().criteria().get(c).id() + " has a unit").isNotEmpty();
            String label = io.siteplanner.model.Units.label(unit, io.siteplanner.model.Units.defaultDistanceUnit(
                    java.util.Locale.getDefault()));
            String id = scored.session().criteria().get(c).id();
            assertThat(fx(() -> tv.getColumns().stream().filter(col -> col.getGraphic() instanceof Label)
                    .map(col -> ((Label) col.getGraphic()).getText()).filter(t -> t.startsWith(id + " ("))
                    .findFirst().orElse(""))).isEqualTo(id + " (" + label + ")");
        }
        shot(window.siteTable(), "site-table-robustness");

        select(3);
        robot.clickOn("#compare-button");
        waitUntil(() -> comparisonStage() != null);
        Stage cmp = comparisonStage();
        TabPane tabs = fx(() -> (TabPane) cmp.getScene().lookup("#comparison-tabs"));
        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> acc = fx(() -> (BarChart<String, Number>) cmp.getScene().lookup("#acceptability-chart"));
        assertThat(fx(() -> acc.getData().size())).isEqualTo(3);
        assertThat(fx(() -> acc.getData().get(0).getData().size())).isEqualTo(10);
        ScoreResult r = fx(() -> window.scenario().resultProperty().get());
        double[] shares = rob.acceptability(r.siteAt(0));
        assertThat(fx(() -> acc.getData().get(0).getData().get(0).getYValue().doubleValue())).isEqualTo(100 * shares[0]);
        shot(cmp.getScene().getRoot(), "comparison-robustness");

        fx(() -> {
            tabs.getSelectionModel().select(2);
            return null;
        });
        waitUntil(() -> cmp.getScene().lookup("#explain-line-1") != null);
        String line = fx(() -> ((Label) cmp.getScene().lookup("#explain-line-1")).getText());
        assertThat(line).startsWith("What alone would put ");
        shot(cmp.getScene().getRoot(), "comparison-explain");

        fx(() -> {
            tabs.getSelectionModel().select(3);
            return null;
        });
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> sweep = fx(() -> (LineChart<Number, Number>) cmp.getScene().lookup("#sweep-chart"));
        waitUntil(() -> sweep.getData().size() == 3);
        assertThat(fx(() -> sweep.getData().get(0).getData().size())).isEqualTo(21);
        WaitForAsyncUtils.waitForFxEvents();
        shot(cmp.getScene().getRoot(), "comparison-sweep");
        fx(() -> {
            cmp.close();
            return null;
        });
    }
}
