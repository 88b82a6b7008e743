package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import io.siteplanner.render.StyledLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project loaded at launch, before the window exists, and handed to the window's "Opening" task: it
 * must be the same as loading the file then (compared with {@link ProjectViewModel#load} on the same file;
 * nothing here depends on what the bundled demo contains), given once, and only for that file.
 */
class StartupPreloadTest {
    static final Path DEMO = Paths.get("maps", "demo.siteplan.gpkg");

    @TempDir
    Path tmp;

    static List<String> layerNames(ProjectViewModel.Loaded l) {
        return l.layers().stream().map(StyledLayer::name).toList();
    }

    @Test
    void givesTheSameProjectAsLoadingItThenNothing() throws Exception {
        StartupPreload.begin(DEMO);

        ProjectViewModel.Loaded pre = StartupPreload.take(DEMO.toAbsolutePath(), Progress.NONE);
        ProjectViewModel.Loaded direct = ProjectViewModel.load(DEMO, DEMO, Progress.NONE);

        assertThat(pre).isNotNull();
        assertThat(pre.file()).isEqualTo(DEMO.toAbsolutePath()); // the path the window asked with
        assertThat(layerNames(pre)).isEqualTo(layerNames(direct)).isNotEmpty();
        assertThat(pre.scenarios()).hasSameSizeAs(direct.scenarios());
        assertThat(pre.problem()).isEqualTo(direct.problem());
        assertThat(pre.session()).as("the demo's active scenario is scored").isNotNull();
        assertThat(pre.session().scenario().name()).isEqualTo(direct.session().scenario().name());
        assertThat(pre.session().size()).isEqualTo(direct.session().size()).isPositive();
        for (int c = 0; c < direct.session().criteria().size(); c++) {
            assertThat(pre.session().raw(c)).containsExactly(direct.session().raw(c));
        }
        assertThat(StartupPreload.take(DEMO, Progress.NONE)).as("given once").isNull();
    }

    @Test
    void theProjectArrivesRankedAsTheRescoreLaneRanksIt() throws Exception {
        ProjectViewModel.Loaded l = ProjectViewModel.load(DEMO, DEMO, Progress.NONE);
        // the re-score lane's way (what the window did after opening, before the ranking came with the load)
        ProjectViewModel.Loaded again = ProjectViewModel.load(DEMO, DEMO, Progress.NONE);
        again.session().update(again.active());
        io.siteplanner.scoring.ScoreResult lane = again.session().score();

        assertThat(l.scored()).as("ranked where it was read").isNotNull();
        io.siteplanner.scoring.ScoreResult r = l.scored().result();
        assertThat(r.size()).isEqualTo(lane.size()).isPositive();
        assertThat(r.scores()).containsExactly(lane.scores());
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.rank(i)).isEqualTo(lane.rank(i));
            assertThat(r.passed(i)).isEqualTo(lane.passed(i));
        }
        assertThat(l.scored().failing()).hasSize(l.active().constraints().size());
    }

    @Test
    void anotherFileIsNotTheOnePreloaded() throws Exception {
        StartupPreload.begin(DEMO);
        Path copy = Files.copy(DEMO, tmp.resolve("copy.siteplan.gpkg"));

        assertThat(StartupPreload.take(copy, Progress.NONE)).isNull();
        assertThat(StartupPreload.take(DEMO, Progress.NONE)).as("still there for the demo").isNotNull();
    }

    @Test
    void aFailedPreloadIsLeftToTheNormalLoad() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.siteplan.gpkg"), "not a GeoPackage");

        StartupPreload.begin(broken);

        assertThat(StartupPreload.take(broken, Progress.NONE)).isNull();
    }

    @Test
    void aProjectWithANewerRecoveryCopyIsNotPreloaded() throws Exception {
        Path project = Files.copy(DEMO, tmp.resolve("p.siteplan.gpkg"));
        Path recovery = Files.copy(DEMO, io.siteplanner.store.ProjectStore.recoveryFile(project));
        Files.setLastModifiedTime(recovery, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(project).toMillis() + 60_000));

        StartupPreload.begin(project);

        assertThat(StartupPreload.take(project, Progress.NONE)).isNull();
    }

    @Test
    void waitingStopsWhenTheTaskIsCancelled() throws Exception {
        StartupPreload.begin(DEMO);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> StartupPreload.take(DEMO, cancelled)).isInstanceOf(CancelledException.class);
    }

    @Test
    void nothingBegunGivesNothing() throws Exception {
        StartupPreload.begin(null);

        assertThat(StartupPreload.take(DEMO, Progress.NONE)).isNull();
    }

    static StartupPlan plan(List<String> args) {
        return StartupPlan.fromArgs(args, true, false, List.of());
    }

    @Test
    void commandLineProjectAndLayers() throws Exception {
        Path project = Files.copy(DEMO, tmp.resolve("a.siteplan.gpkg"));
        Path layer = Files.writeString(tmp.resolve("sites.csv"), "lon,lat\n");
        String p = project.toString();
        String l = layer.toString();

        assertThat(plan(List.of("--project", "x.siteplan.gpkg")).project()).isEqualTo(Paths.get("x.siteplan.gpkg"));
        assertThat(plan(List.of(l, p)).project()).isEqualTo(project);
        assertThat(plan(List.of(l)).project()).isNull();
        assertThat(plan(List.of(l)).demo()).isTrue();
        assertThat(plan(List.of(tmp.resolve("missing.siteplan.gpkg").toString())).project()).isNull();
        assertThat(plan(List.of()).project()).isNull();

        assertThat(plan(List.of("--project", p, l)).layers()).containsExactly(layer);
        assertThat(plan(List.of(l, p)).layers()).containsExactly(layer);
        assertThat(plan(List.of(l)).layers()).containsExactly(layer);
        // "--project" wins over a project file among the arguments, which is then a layer
        Path other = Files.copy(DEMO, tmp.resolve("b.siteplan.gpkg"));
        StartupPlan both = plan(List.of(other.toString(), "--project", p));
        assertThat(both.project()).isEqualTo(project);
        assertThat(both.layers()).containsExactly(other);
        // with "Reopen Last Project at Start" the last project is what the launch preloads, not the demo
        StartupPlan reopen = StartupPlan.fromArgs(List.of(), true, true, List.of(project));
        assertThat(reopen.project()).isEqualTo(project);
        assertThat(reopen.demo()).isFalse();
    }
}
