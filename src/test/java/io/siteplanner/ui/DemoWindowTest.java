package io.siteplanner.ui;

import static io.siteplanner.ui.UiTests.fx;
import static io.siteplanner.ui.UiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.scoring.ScoreResult;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real bundled demo (maps/demo.siteplan.gpkg, real public data) in the window, headless (Monocle): it opens
 * scored with its first scenario, exactly one candidate layer (the active scenario's) is coloured, and
 * Scenario > Generate Candidates opens its form.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWindowTest {
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTests.open(stage, Paths.get("maps"));
    }

    static void waitUntil(Callable<Boolean> cond) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(cond));
    }

    /** Rows of a table of maps/demo/demo.gpkg, read with plain SQL (not our reader). */
    static int rows(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:maps/demo/demo.gpkg");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getInt(1);
        }
    }

    @Test
    void opensScoredWithOneCandidateLayerAndGeneratesCandidatesFromTheMenu(FxRobot robot) throws Exception {
        waitUntil(() -> window.tasks().currentProperty().get() == null && window.scenario().resultProperty().get() != null);
        ScoreResult r = fx(() -> window.scenario().resultProperty().get());
        assertThat(r.session().scenario().name()).isEqualTo("1 GW AI campus, Indiana");
        assertThat(r.size()).isEqualTo(rows("cells_in"));
        List<String> candidates = fx(() -> window.model().layers().stream().filter(l -> l.role() == Role.CANDIDATES)
                .map(LayerItem::getName).toList());
        assertThat(candidates).containsExactly("cells_in");
        assertThat(fx(() -> window.model().byName("cells_ms").role())).isEqualTo(Role.DATA);
        // the scored cells are drawn in score colours (the other state's cells are not)
        assertThat(fx(() -> window.model().byName("cells_in").colorOverrideProperty().get())).isNotNull();
        assertThat(fx(() -> window.model().byName("cells_ms").colorOverrideProperty().get())).isNull();
        assertThat(fx(() -> window.model().names())).doesNotContain("parcels").contains("lines_in", "subs_ms", "plants");
        // switching the scenario moves the candidate role to its cells
        fx(() -> {
            window.project().scenarios().switchTo("1 GW AI campus, Mississippi");
            return null;
        });
        waitUntil(() -> window.tasks().currentProperty().get() == null && window.scenario().resultProperty().get() != null
                && window.scenario().resultProperty().get().size() == rows("cells_ms"));
        assertThat(fx(() -> window.model().byName("cells_ms").role())).isEqualTo(Role.CANDIDATES);
        assertThat(fx(() -> window.model().byName("cells_in").role())).isEqualTo(Role.DATA);
        assertThat(fx(() -> window.model().byName("cells_ms").colorOverrideProperty().get())).isNotNull();

        robot.clickOn("Scenario").clickOn("Generate Candidates…");
        waitUntil(() -> robot.lookup("#candidates-region").tryQuery().isPresent());
        List<Object> regions = fx(() -> new java.util.ArrayList<Object>(robot.lookup("#candidates-region").queryAs(javafx.scene.control.ComboBox.class).getItems()));
        assertThat(regions).contains("counties");
        fx(() -> {
            Window w = robot.lookup("#candidates-region").query().getScene().getWindow();
            ((Stage) w).close();
            return null;
        });
    }
}
