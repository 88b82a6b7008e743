package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opens at start; the preference is read from a throwaway node, never the user's. */
class StartupPlanTest {
    @TempDir
    Path dir;

    @Test
    void aProjectOnTheCommandLineOpensAsTheProjectAndOtherFilesAsLayers() throws Exception {
        Path proj = Files.createFile(dir.resolve("Plan.SitePlan.gpkg"));
        Path layer = Files.createFile(dir.resolve("subs.gpkg"));
        StartupPlan p = StartupPlan.decide(List.of(layer, proj), true, false, List.of());
        assertThat(p.project()).isEqualTo(proj);
        assertThat(p.demo()).isFalse();
        assertThat(p.layers()).containsExactly(layer);
    }

    @Test
    void reopensTheMostRecentExistingProjectOnlyWhenThePreferenceIsOn() throws Exception {
        Path gone = dir.resolve("deleted.siteplan.gpkg");
        Path last = Files.createFile(dir.resolve("last.siteplan.gpkg"));
        assertThat(StartupPlan.decide(List.of(), true, true, List.of(gone, last)).project()).isEqualTo(last);
        StartupPlan off = StartupPlan.decide(List.of(), true, false, List.of(last));
        assertThat(off.project()).isNull();
        assertThat(off.demo()).isTrue();
        // nothing recent exists: the demo
        assertThat(StartupPlan.decide(List.of(), true, true, List.of(gone)).demo()).isTrue();
    }

    @Test
    void thePreferenceIsOffUnlessSetAsInQgis() throws Exception {
        Preferences node = Preferences.userRoot().node("siteplanner-test/startup-" + System.nanoTime());
        try {
            assertThat(StartupPlan.reopenLast(node)).isFalse();
            node.putBoolean(StartupPlan.REOPEN_LAST, true);
            assertThat(StartupPlan.reopenLast(node)).isTrue();
        } finally {
            node.removeNode();
        }
    }
}
