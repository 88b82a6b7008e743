package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.nio.file.Paths;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The real demo's scenarios use different candidate layers: switching colours the new one, not the old. */
class DemoSwitchViewModelTest {
    @Test
    void switchingScenarioColoursItsOwnCells() {
        System.setProperty("siteplanner.maps", Paths.get("maps").toAbsolutePath().toString());
        ScriptedDialogService dialogs = new ScriptedDialogService();
        ProjectViewModel p = new ProjectViewModel(new CurrentThreadExecutor(), dialogs,
                Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
        p.openDemo();
        assertThat(dialogs.errors).isEmpty();
        assertThat(p.layers().byName("cells_in").colorOverrideProperty().get()).isNotNull();
        p.scenarios().switchTo("1 GW AI campus, Mississippi");
        assertThat(p.editor().resultProperty().get().size()).isEqualTo(530);
        assertThat(p.layers().byName("cells_ms").role()).isEqualTo(Role.CANDIDATES);
        assertThat(p.layers().byName("cells_in").colorOverrideProperty().get()).isNull();
        assertThat(p.layers().byName("cells_ms").colorOverrideProperty().get()).isNotNull();
    }
}
