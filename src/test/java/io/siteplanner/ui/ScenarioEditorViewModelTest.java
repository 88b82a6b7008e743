package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scenario workflows of the app, on view-models without a stage: the bundled demo project opened
 * through a {@link CurrentThreadExecutor} (every job runs at once) and dialogs answered by the test.
 */
@org.junit.jupiter.api.extension.ExtendWith(RealMapsAfterEach.class)
class ScenarioEditorViewModelTest {
    ScriptedDialogService dialogs;
    CurrentThreadExecutor tasks;
    ProjectViewModel project;
    ScenarioEditorViewModel editor;

    /** The "demo" of these editing tests: the invented parcels fixture as the bundled project ({@link ParcelsFixtureMaps}). */
    static ProjectViewModel demo(CurrentThreadExecutor tasks, ScriptedDialogService dialogs) {
        System.setProperty("siteplanner.maps", ParcelsFixtureMaps.maps().toString());
        ProjectViewModel p = new ProjectViewModel(tasks, dialogs,
                Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
        p.openDemo();
        assertThat(dialogs.errors).isEmpty();
        assertThat(p.editor().resultProperty().get()).isNotNull();
        return p;
    }

    @BeforeEach
    void open() {
        dialogs = new ScriptedDialogService();
        tasks = new CurrentThreadExecutor();
        project = demo(tasks, dialogs);
        editor = project.editor();
    }

    ScoreResult result() {
        return editor.resultProperty().get();
    }

    ScoringSession session() {
        return editor.sessionProperty().get();
    }

    @Test
    void addingACriterionThroughTheFormEvaluatesOnlyThatCriterionAndUndoes() {
        ScoringSession before = session();
        long passes = before.spatialPasses();
        dialogs.formAnswers.add(form -> {
            form.kindProperty().set(DistanceCriterion.KIND);
            form.layerProperty().set("lines");
            FilterBuilderViewModel.Clause c = form.filter().addClause();
            c.fieldProperty().set("kv");
            c.opProperty().set(">=");
            c.valueProperty().set("345");
            form.idProperty().set("d_345");
            form.weightProperty().set(0.3);
        });
        assertThat(project.criteria().add(null)).isTrue();
        CriterionFormViewModel shown = dialogs.formsShown.get(0);
        assertThat(shown.filter().cqlProperty().get()).isEqualTo("kv >= 345");
        assertThat(shown.filter().matchingProperty().get()).isPositive();
        assertThat(session()).isNotSameAs(before);
        assertThat(session().criteria()).extracting(Criterion::id).endsWith("d_345");
        assertThat(session().spatialPasses()).isEqualTo(passes + 1); // only the new criterion's search
        for (int c = 0; c < before.criteria().size(); c++) {
            assertThat(session().raw(c)).isSameAs(before.raw(c));
        }
        assertThat(editor.row("d_345").weightProperty().get()).isEqualTo(0.3);
        assertThat(result().weights()).hasSize(10);
        assertThat(project.undo().undoNameProperty().get()).isEqualTo("add criterion d_345");
        assertThat(project.dirtyProperty().get()).isTrue();

        project.undo().undo();
        assertThat(editor.current().criterion("d_345")).isNull();
        assertThat(result().weights()).hasSize(9);
        project.undo().redo();
        assertThat(editor.current().criterion("d_345")).isNotNull();
        assertThat(result().session().criterionIndex("d_345")).isEqualTo(9);
    }

    @Test
    void editingACriterionReEvaluatesOnlyIt() {
        ScoringSession before = session();
        long passes = before.spatialPasses();
        dialogs.formAnswers.add(form -> form.filter().cqlProperty().set("kv >= 345"));
        assertThat(project.criteria().edit("d_line")).isTrue();
        int c = session().criterionIndex("d_line");
        assertThat(session().scenario().criterion("d_line").describe()).contains("kv >= 345");
        assertThat(session().spatialPasses()).isEqualTo(passes + 1);
        assertThat(session().raw(0)).isSameAs(before.raw(0));
        // farther from a 345 kV line than from a 230 kV+ one, everywhere
        for (int i = 0; i < result().size(); i++) {
            assertThat(session().raw(c)[i]).isGreaterThanOrEqualTo(before.raw(c)[i]);
        }
    }

    @Test
    void aFormWithAnInvalidFilterCannotBeApplied() {
        CriterionFormViewModel form = project.criteria().newForm("lines");
        form.filter().cqlProperty().set("kv >>= 345");
        assertThat(form.isValid()).isFalse();
        assertThat(form.errorProperty().get()).contains("bad CQL");
        form.filter().cqlProperty().set("volts >= 345");
        assertThat(form.errorProperty().get()).contains("volts");
        form.filter().cqlProperty().set("kv >= 345");
        assertThat(form.isValid()).isTrue();
        assertThat(form.summaryProperty().get()).isEqualTo("distance to lines [kv >= 345]");
        // every kind is offered, with its summary
        assertThat(form.kinds()).hasSize(io.siteplanner.scoring.criteria.Criteria.KINDS.size());
        // the attribute list shows types and sample values
        form.kindProperty().set(io.siteplanner.scoring.criteria.NearestAttributeCriterion.KIND);
        assertThat(form.attributeChoices()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("kv");
            assertThat(f.samples()).isNotEmpty();
        });
    }

    @Test
    void disablingRemovingAndReorderingNeedNoSpatialWork() {
        long passes = session().spatialPasses();
        project.criteria().setEnabled("d_line", false);
        assertThat(result().weights()[session().criterionIndex("d_line")]).isZero();
        project.criteria().move("price", -1);
        assertThat(editor.current().criteria()).extracting(Criterion::id).startsWith("acres", "d_sub", "price", "d_line");
        // removing a criterion with a constraint asks first; Cancel keeps it
        dialogs.confirmAnswers.add(false);
        assertThat(project.criteria().remove("acres")).isFalse();
        dialogs.confirmAnswers.add(true);
        assertThat(project.criteria().remove("acres")).isTrue();
        assertThat(dialogs.confirmations.get(0)).contains("acres >= 1,000");
        assertThat(editor.current().constraints()).isEmpty();
        assertThat(session().spatialPasses()).isEqualTo(passes);
        assertThat(result().passedCount()).isEqualTo(result().size());
        // a criterion that a TCO adds up stays
        assertThat(project.criteria().remove("ic")).isFalse();
        assertThat(dialogs.errors).anyMatch(e -> e.contains("tco"));
        // undo the removal, the move and the disabling
        project.undo().undo();
        project.undo().undo();
        project.undo().undo();
        assertThat(editor.current()).isEqualTo(project.scenarios().scenarios().get(0));
    }

    @Test
    void weightDragsRescoreLiveAndBecomeOneEdit() {
        CriterionRow land = editor.row("land");
        editor.adjustingProperty().set(true);
        land.weightProperty().set(0.5);
        land.weightProperty().set(0.9);
        assertThat(result().weights()[session().criterionIndex("land")]).isCloseTo(0.9 / 1.8,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(project.undo().canUndoProperty().get()).isFalse();
        editor.adjustingProperty().set(false);
        assertThat(project.undo().undoNameProperty().get()).isEqualTo("weights");
        project.undo().undo();
        assertThat(land.weightProperty().get()).isEqualTo(0.1);
        assertThat(result().session().scenario().criterion("land").weight()).isEqualTo(0.1);
    }

    @Test
    void theTransformEditorShowsTheDataAndRecoloursWhileDragging() {
        dialogs.transformAnswers.add(ed -> {
            assertThat(ed.siteCount()).isEqualTo(280);
            int counted = 0;
            for (int n : ed.totalCounts()) {
                counted += n;
            }
            assertThat(counted + ed.missingCount()).isEqualTo(280);
            assertThat(ed.failingCounts()).containsAnyOf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10); // failing sites are shown
            assertThat(ed.handles()).hasSize(3); // the piecewise points of d_line
            int[] colours = project.map().candidates().colorOverrideProperty().get().clone();
            ed.moveHandle(1, 20000, 0.5); // drag the middle point
            assertThat(project.map().candidates().colorOverrideProperty().get()).isNotEqualTo(colours);
            assertThat(ed.transformProperty().get().points().get(1)[0]).isLessThan(16093); // kept between neighbours
            ed.setType(TransformSpec.Type.THRESHOLD);
            ed.moveHandle(0, 5000, 0);
            assertThat(ed.transformProperty().get().value()).isEqualTo(5000);
            return Optional.of(ed.transformProperty().get());
        });
        project.criteria().editTransform("d_line");
        assertThat(editor.current().criterion("d_line").transform().type()).isEqualTo(TransformSpec.Type.THRESHOLD);
        assertThat(project.undo().undoNameProperty().get()).isEqualTo("transform of d_line");
        int c = session().criterionIndex("d_line");
        for (int i = 0; i < 20; i++) {
            assertThat(result().transformed(c, i)).isEqualTo(session().raw(c)[i] <= 5000 ? 1.0 : 0.0);
        }
        // Cancel puts the transform back as it was
        TransformSpec now = editor.current().criterion("d_line").transform();
        dialogs.transformAnswers.add(ed -> {
            ed.setType(TransformSpec.Type.LINEAR);
            return Optional.empty();
        });
        project.criteria().editTransform("d_line");
        assertThat(editor.current().criterion("d_line").transform()).isEqualTo(now);
    }

    @Test
    void constraintsShowHowManySitesTheyRemove() {
        ConstraintRow acres = editor.constraints().get(0);
        int failingAcres = 0;
        int a = session().criterionIndex("acres");
        for (double x : session().raw(a)) {
            failingAcres += x >= 1000 ? 0 : 1;
        }
        assertThat(acres.failingProperty().get()).isEqualTo(failingAcres);
        assertThat(acres.unit()).isEqualTo("acres");
        project.constraints().addComparison("d_sub", "<=", 8047);
        ConstraintRow dsub = editor.constraints().get(1);
        int expected = 0;
        int d = session().criterionIndex("d_sub");
        for (double x : session().raw(d)) {
            expected += x <= 8047 ? 0 : 1;
        }
        assertThat(dsub.failingProperty().get()).isEqualTo(expected);
        assertThat(dsub.unit()).isEqualTo("m");
        // an exclusion from any layer: the zones with the highest prices
        long passes = session().spatialPasses();
        FilterBuilderViewModel f = project.constraints().filterFor("zones");
        f.cqlProperty().set("price_usd_mwh > 80");
        assertThat(f.isValid()).isTrue();
        project.constraints().addExclusion("zones", f.filter(), 0);
        assertThat(session().spatialPasses()).isEqualTo(passes + 1);
        ConstraintRow ex = editor.constraints().get(2);
        assertThat(ex.spec().isExclusion()).isTrue();
        assertThat(ex.failingProperty().get()).isEqualTo(session().failingCount(ex.spec()));
        assertThat(ex.failingProperty().get()).isPositive();
        assertThat(result().passedCount()).isLessThanOrEqualTo(result().size() - ex.failingProperty().get());
        project.constraints().setEnabled(2, false);
        assertThat(editor.constraints().get(2).failingProperty().get()).isZero();
    }

    @Test
    void switchingTheCandidateLayerReEvaluatesInTheBackground() {
        project.editor().setCandidates("zones", "zone_id");
        assertThat(tasks.titles()).anyMatch(t -> t.startsWith("Evaluating"));
        // the zones have no land price: that criterion (and the TCO that reads it) cannot be evaluated there
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.warnings).anyMatch(w -> w.contains("land_usd_acre"));
        assertThat(editor.current().criterion("land").enabled()).isFalse();
        assertThat(editor.row("land").flagProperty().get()).contains("land_usd_acre");
        assertThat(result().size()).isEqualTo(10);
        assertThat(project.layers().byName("zones").role()).isEqualTo(Role.CANDIDATES);
        assertThat(project.layers().byName("parcels").role()).isEqualTo(Role.DATA);
        assertThat(project.layers().byName("zones").colorOverrideProperty().get()).hasSize(10);
        assertThat(project.layers().byName("parcels").colorOverrideProperty().get()).isNull();
        assertThat(editor.current().layers()).doesNotContainKey("parcels");
        project.undo().undo();
        assertThat(result().size()).isEqualTo(280);
        assertThat(project.layers().byName("parcels").role()).isEqualTo(Role.CANDIDATES);
    }

    @Test
    void removingALayerAScenarioReadsAsksNamesTheCriteriaAndUndoes() {
        LayerItem lines = project.layers().byName("lines");
        int place = project.layers().names().indexOf("lines");
        dialogs.confirmAnswers.add(false);
        assertThat(project.layers().remove(lines)).isFalse();
        assertThat(dialogs.confirmations.get(0)).contains("d_line").contains("1 GW AI campus (demo)")
                .contains("300 MW, fast power");
        assertThat(project.layers().exists("lines")).isTrue();

        dialogs.confirmAnswers.add(true);
        assertThat(project.layers().remove(lines)).isTrue();
        assertThat(project.layers().exists("lines")).isFalse();
        assertThat(editor.current().criterion("d_line").enabled()).isFalse();
        assertThat(editor.row("d_line").flagProperty().get()).contains("'lines' is missing");
        assertThat(result()).isNotNull();
        assertThat(result().weights()[session().criterionIndex("d_line")]).isZero();
        // the other scenario is disabled too, and the project still saves to something that reads back
        assertThat(project.scenarios().forSave().get(1).criterion("d_line").enabled()).isFalse();
        // an unused layer goes without a question
        LayerItem states = project.layers().byName("us_states");
        assertThat(project.layers().remove(states)).isTrue();

        project.undo().undo();
        project.undo().undo();
        assertThat(project.layers().exists("lines")).isTrue();
        assertThat(project.layers().names().indexOf("lines")).isEqualTo(place); // back in its place
        assertThat(editor.current().criterion("d_line").enabled()).isTrue();
        assertThat(editor.row("d_line").flagProperty().get()).isEmpty();
        assertThat(result().weights()[session().criterionIndex("d_line")]).isPositive();
    }

    @Test
    void aLayerAddedFromAFileCanBeUsedInTheScenario() {
        List<String> before = List.copyOf(project.layers().names());
        project.layers().addFiles(List.of(TestData.shared("transmission_hifld_partial_in.geojson")));
        List<String> added = new java.util.ArrayList<>(project.layers().names());
        added.removeAll(before);
        assertThat(added).containsExactly("transmission_hifld_partial_in");
        String name = added.get(0);
        dialogs.formAnswers.add(form -> {
            assertThat(form.layerProperty().get()).isEqualTo(name);
            form.filter().cqlProperty().set("VOLTAGE >= 345");
            form.weightProperty().set(0.2);
        });
        assertThat(project.criteria().add(name)).isTrue();
        String id = editor.current().criteria().get(editor.current().criteria().size() - 1).id();
        assertThat(id).isEqualTo("d_transmission_hifld_partial_in");
        assertThat(editor.current().layers().get(name).path()).isEqualTo("@" + name);
        int c = session().criterionIndex(id);
        assertThat(java.util.Arrays.stream(session().raw(c)).noneMatch(Double::isNaN)).isTrue();
        // undo of adding the layer asks nothing but the criterion goes first
        project.undo().undo();
        assertThat(editor.current().criterion(id)).isNull();
    }

    @Test
    void campusAndMethodEditsAreUndoable() {
        editor.setItLoadMw(300);
        assertThat(session().scenario().campus().itLoadMw()).isEqualTo(300);
        editor.methodProperty().set(io.siteplanner.scoring.scenario.MethodSpec.Type.TOPSIS);
        assertThat(result().method().type()).isEqualTo(io.siteplanner.scoring.scenario.MethodSpec.Type.TOPSIS);
        editor.setMinAcres(500);
        assertThat(editor.current().constraints().get(0).value()).isEqualTo(500);
        project.undo().undo();
        project.undo().undo();
        project.undo().undo();
        assertThat(editor.current().campus().itLoadMw()).isEqualTo(1000);
        assertThat(editor.methodProperty().get()).isEqualTo(io.siteplanner.scoring.scenario.MethodSpec.Type.WEIGHTED_SUM);
        assertThat(session().scenario().campus().itLoadMw()).isEqualTo(1000);
    }

    @Test
    void aNewProjectGetsAScenarioWhenTheCandidateLayerIsChosen() {
        project.newProject();
        assertThat(project.layers().layers()).allMatch(i -> i.role() == Role.BASEMAP);
        assertThat(editor.current()).isNull();
        project.layers().addFiles(List.of(TestData.shared("counties_ms_in_census2017_10m.geojson"),
                TestData.shared("transmission_hifld_partial_ms.geojson")));
        assertThat(editor.candidateChoices()).contains("counties_ms_in_census2017_10m")
                .doesNotContain("transmission_hifld_partial_ms");
        editor.setCandidates("counties_ms_in_census2017_10m", null);
        assertThat(editor.current()).isNotNull();
        assertThat(editor.current().analysisCrs()).isEqualTo("EPSG:5070");
        assertThat(project.scenarios().scenarios()).hasSize(1);
        assertThat(result().size()).isEqualTo(project.layers().data("counties_ms_in_census2017_10m").size());
        dialogs.formAnswers.add(form -> {
            form.layerProperty().set("transmission_hifld_partial_ms");
            form.filter().cqlProperty().set("VOLTAGE >= 230");
        });
        assertThat(project.criteria().add(null)).isTrue();
        assertThat(result().weights()).hasSize(2);
    }
}
