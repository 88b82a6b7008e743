package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.store.ProjectStore;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, saving, recovering and exporting projects, on view-models without a stage. */
@org.junit.jupiter.api.extension.ExtendWith(RealMapsAfterEach.class)
class ProjectViewModelTest {
    @TempDir
    Path dir;
    ScriptedDialogService dialogs;
    CurrentThreadExecutor tasks;
    ProjectViewModel project;

    @BeforeEach
    void open() {
        dialogs = new ScriptedDialogService();
        tasks = new CurrentThreadExecutor();
        project = ScenarioEditorViewModelTest.demo(tasks, dialogs);
    }

    ProjectViewModel fresh() {
        return new ProjectViewModel(new CurrentThreadExecutor(), dialogs,
                Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
    }

    @Test
    void savesAndReopensWithTheEditsAndTracksUnsavedChanges() {
        assertThat(project.dirtyProperty().get()).isFalse();
        assertThat(project.titleBinding().get()).isEqualTo("demo.siteplan.gpkg — SitePlanner");
        project.constraints().addComparison("d_sub", "<=", 8047);
        assertThat(project.dirtyProperty().get()).isTrue();
        assertThat(project.titleBinding().get()).startsWith("• ");
        // Save on the bundled demo is Save As
        Path file = dir.resolve("mine.siteplan.gpkg");
        dialogs.fileAnswers.add(file);
        project.save();
        assertThat(project.dirtyProperty().get()).isFalse();
        assertThat(project.projectFileProperty().get()).isEqualTo(file);
        assertThat(project.recentProjects()).containsExactly(file.toAbsolutePath());

        ProjectViewModel again = fresh();
        again.open(file);
        assertThat(again.editor().current().constraints()).hasSize(2);
        assertThat(again.editor().constraints().get(1).failingProperty().get()).isPositive();
        assertThat(again.layers().names()).isEqualTo(project.layers().names());
        assertThat(again.editor().resultProperty().get().passedCount())
                .isEqualTo(project.editor().resultProperty().get().passedCount());
    }

    @Test
    void unsavedChangesAreAskedAboutAndAutosavedCopiesOffered() throws Exception {
        Path file = dir.resolve("p.siteplan.gpkg");
        project.saveTo(file);
        project.criteria().setEnabled("d_line", false);
        // the recovery copy is written while there are unsaved changes, and offered when opening
        project.autosave();
        Path recovery = ProjectStore.recoveryFile(file);
        assertThat(recovery).exists();
        Files.setLastModifiedTime(recovery, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        dialogs.saveAnswers.add(DialogService.SaveChoice.CANCEL);
        List<String> done = new ArrayList<>();
        project.whenSafeToDiscard(() -> done.add("closed"));
        assertThat(done).isEmpty();
        dialogs.saveAnswers.add(DialogService.SaveChoice.DISCARD);
        project.whenSafeToDiscard(() -> done.add("closed"));
        assertThat(done).containsExactly("closed");

        ProjectViewModel again = fresh();
        dialogs.confirmAnswers.add(true);
        again.open(file);
        assertThat(dialogs.confirmations).anyMatch(c -> c.startsWith("Recover unsaved changes?"));
        assertThat(again.editor().current().criterion("d_line").enabled()).isFalse();
        assertThat(again.dirtyProperty().get()).isTrue();
        // saving drops the recovery copy
        again.saveTo(file);
        assertThat(recovery).doesNotExist();
    }

    @Test
    void aProjectWithAMissingLayerOpensWithThoseCriteriaDisabledAndFlagged() throws Exception {
        Project p = project.currentProject();
        List<ProjectLayer> without = new ArrayList<>(p.layers());
        without.removeIf(l -> l.name().equals("lines"));
        Path file = dir.resolve("nolines.siteplan.gpkg");
        ProjectStore.save(p.withLayers(without), file);

        ProjectViewModel opened = fresh();
        opened.open(file);
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.warnings).anyMatch(w -> w.contains("layer 'lines' is not in the project") && w.contains("d_line"));
        ScenarioEditorViewModel ed = opened.editor();
        assertThat(ed.current().criterion("d_line").enabled()).isFalse();
        assertThat(ed.row("d_line").flagProperty().get()).contains("'lines' is missing");
        ScoreResult r = ed.resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.weights()[r.session().criterionIndex("d_line")]).isZero();
        // enabling it as it is is refused; pointing it at another layer enables it again
        opened.criteria().setEnabled("d_line", true);
        assertThat(dialogs.errors).anyMatch(e -> e.contains("'lines' is missing"));
        opened.layers().addFiles(List.of(TestData.shared("transmission_hifld_partial_ms.geojson")));
        dialogs.formAnswers.add(form -> {
            assertThat(form.layerProperty().get()).isEqualTo("lines"); // the missing layer is shown
            form.layerProperty().set("transmission_hifld_partial_ms");
            form.filter().cqlProperty().set("VOLTAGE >= 230");
        });
        assertThat(opened.criteria().edit("d_line")).isTrue();
        assertThat(ed.current().criterion("d_line").enabled()).isTrue();
        assertThat(ed.row("d_line").flagProperty().get()).isEmpty();
        assertThat(ed.current().layers()).doesNotContainKey("lines").containsKey("transmission_hifld_partial_ms");
        r = ed.resultProperty().get();
        assertThat(r.weights()[r.session().criterionIndex("d_line")]).isPositive();
        // the project the app writes after all this opens again
        Path saved = dir.resolve("fixed.siteplan.gpkg");
        opened.saveTo(saved);
        assertThat(ProjectStore.open(saved).active().criterion("d_line").enabled()).isTrue();
    }

    @Test
    void aProjectWithoutItsCandidateLayerOpensUnscored() throws Exception {
        Project p = project.currentProject();
        List<ProjectLayer> without = new ArrayList<>(p.layers());
        without.removeIf(l -> l.name().equals("parcels"));
        Path file = dir.resolve("noparcels.siteplan.gpkg");
        ProjectStore.save(p.withLayers(without), file);
        ProjectViewModel opened = fresh();
        opened.open(file);
        assertThat(dialogs.errors).isEmpty();
        assertThat(opened.editor().resultProperty().get()).isNull();
        assertThat(opened.editor().problemProperty().get()).contains("candidate layer");
        assertThat(opened.editor().current()).isNotNull();
        // choosing another candidate layer scores it
        opened.editor().setCandidates("zones", null);
        assertThat(opened.editor().resultProperty().get().size()).isEqualTo(10);
    }

    @Test
    void theExportedScenarioScoresLikeTheAppWithTheCli() throws Exception {
        project.layers().addFiles(List.of(TestData.shared("transmission_hifld_partial_in.geojson")));
        dialogs.formAnswers.add(form -> {
            form.kindProperty().set(DistanceCriterion.KIND);
            form.layerProperty().set("transmission_hifld_partial_in");
            form.filter().cqlProperty().set("VOLTAGE >= 345");
            form.idProperty().set("d_hv");
            form.weightProperty().set(0.4);
        });
        project.criteria().add(null);
        project.criteria().setEnabled("headroom", false);
        ScoreResult app = project.editor().resultProperty().get();
        Path json = dir.resolve("campus.json");
        project.exportScenario(json);
        assertThat(dialogs.errors).isEmpty();
        Path out = dir.resolve("ranked.csv");
        TestData.CliRun run = TestData.cli("score", "--scenario", json.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        List<String> header = List.of(lines.get(0).split(","));
        for (int k = 0; k < app.size(); k++) {
            String[] row = lines.get(k + 1).split(",");
            int site = app.siteAt(k);
            assertThat(row[header.indexOf("parcel_id")]).isEqualTo(String.valueOf(app.session().id(site)));
            assertThat(Double.parseDouble(row[header.indexOf("score")])).isEqualTo(app.score(site));
        }
    }
}
