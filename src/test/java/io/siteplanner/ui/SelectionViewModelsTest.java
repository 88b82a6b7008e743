package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.SelectByLocation;
import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.MapLayer;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.util.BitSet;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Select by attribute and by location, the selection count in the status bar and status messages about
 * layers, on real Mississippi substations and lines, without a stage. Expected sets come from plain loops
 * over the features.
 */
class SelectionViewModelsTest {
    static MapLayer subs;
    static MapLayer lines;
    ProjectViewModel project;
    LayerItem subsItem;
    LayerItem linesItem;
    SelectionStatus count;

    @BeforeAll
    static void read() throws Exception {
        FormatRegistry r = FormatRegistry.standard();
        var display = Crs.decode(DemoMap.DISPLAY_CRS);
        subs = MapLayer.prepare(r.readVector(TestData.shared("substations_hifld_partial_ms.geojson"), ReadOptions.DEFAULT,
                Progress.NONE), display, Progress.NONE);
        lines = MapLayer.prepare(r.readVector(TestData.shared("transmission_hifld_partial_ms.geojson"),
                ReadOptions.DEFAULT, Progress.NONE), display, Progress.NONE);
    }

    @BeforeEach
    void setUp() {
        project = new ProjectViewModel(new CurrentThreadExecutor(), new ScriptedDialogService(),
                Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
        linesItem = project.layers().addOnTop("lines", lines, Role.DATA);
        subsItem = project.layers().addOnTop("substations", subs, Role.DATA);
        count = new SelectionStatus(project.layers());
    }

    BitSet loop(String field, java.util.function.DoublePredicate p) {
        VectorLayer l = subs.source();
        int fi = l.schema().indexOf(field);
        BitSet b = new BitSet();
        for (int i = 0; i < l.size(); i++) {
            double v = l.get(i).number(fi);
            if (!Double.isNaN(v) && p.test(v)) {
                b.set(i);
            }
        }
        return b;
    }

    SelectByAttributeViewModel byAttribute(String cql, SelectMode mode) {
        SelectByAttributeViewModel vm = new SelectByAttributeViewModel(List.of(subsItem, linesItem), subsItem, project.map(),
                new CurrentThreadExecutor(), project::setStatus);
        vm.filter().setFilter(cql);
        vm.modeProperty().set(mode);
        return vm;
    }

    @Test
    void selectByAttributeCombinesWithTheSelectionInEachMode() {
        assertThat(count.textProperty().get()).isEqualTo("No features selected");
        byAttribute("MAX_VOLT >= 230", SelectMode.NEW).apply();
        BitSet high = loop("MAX_VOLT", v -> v >= 230);
        assertThat(subsItem.selectionProperty().get()).isEqualTo(high);
        assertThat(count.textProperty().get()).isEqualTo(String.format("%d of 901 features selected in substations",
                high.cardinality()));
        byAttribute("MAX_VOLT = 115", SelectMode.ADD).apply();
        BitSet want = loop("MAX_VOLT", v -> v >= 230 || v == 115);
        assertThat(subsItem.selectionProperty().get()).isEqualTo(want);
        byAttribute("MAX_VOLT = 500", SelectMode.REMOVE).apply();
        want = loop("MAX_VOLT", v -> v >= 230 && v != 500 || v == 115);
        assertThat(subsItem.selectionProperty().get()).isEqualTo(want);
        byAttribute("MAX_VOLT < 200", SelectMode.INTERSECT).apply();
        want = loop("MAX_VOLT", v -> v == 115);
        assertThat(subsItem.selectionProperty().get()).isEqualTo(want);
        assertThat(project.statusProperty().get()).endsWith("; " + want.cardinality() + " of 901 features selected in substations");
        // one feature: singular
        byAttribute("MAX_VOLT = 500 AND NAME = '" + name500() + "'", SelectMode.NEW).apply();
        assertThat(project.statusProperty().get()).startsWith("1 feature matched ").contains("1 of 901 features selected");
        assertThat(count.textProperty().get()).isEqualTo("1 of 901 features selected in substations");
        // a bad expression selects nothing new and says why
        SelectByAttributeViewModel bad = byAttribute("NO_SUCH_FIELD = 1", SelectMode.NEW);
        assertThat(bad.apply()).isNull();
        assertThat(bad.problemProperty().get()).contains("NO_SUCH_FIELD");
        assertThat(subsItem.selectionProperty().get().cardinality()).isEqualTo(1);
    }

    String name500() {
        VectorLayer l = subs.source();
        int v = l.schema().indexOf("MAX_VOLT");
        int n = l.schema().indexOf("NAME");
        for (var f : l.features()) {
            if (f.number(v) == 500) {
                return ((String) f.value(n)).replace("'", "''");
            }
        }
        throw new AssertionError("no 500 kV substation");
    }

    @Test
    void selectByLocationUsesTheSelectedLinesAndMetresInConusAlbers() {
        // the 500 kV lines (select by attribute on lines), then substations within 1 km of them
        SelectByAttributeViewModel a = new SelectByAttributeViewModel(List.of(subsItem, linesItem), linesItem,
                project.map(), new CurrentThreadExecutor(), project::setStatus);
        a.filter().setFilter("VOLTAGE >= 500");
        a.apply();
        BitSet bigLines = (BitSet) linesItem.selectionProperty().get().clone();
        assertThat(bigLines.cardinality()).isPositive();
        SelectByLocationViewModel vm = new SelectByLocationViewModel(List.of(subsItem, linesItem), subsItem, project.map(),
                new CurrentThreadExecutor(), project::setStatus, () -> null);
        vm.referenceProperty().set(linesItem);
        assertThat(vm.selectedOnlyProperty().get()).isTrue(); // the reference has a selection
        assertThat(vm.crsTextProperty().get()).contains("EPSG:5070").contains("metres");
        vm.relationProperty().set(SelectByLocation.Relation.WITHIN_DISTANCE);
        vm.distanceProperty().set(1000);
        vm.apply();
        BitSet want = SelectByLocation.select(subs.source(), lines.source(), bigLines,
                SelectByLocation.Relation.WITHIN_DISTANCE, 1000, Crs.decode("EPSG:5070"), Progress.NONE);
        assertThat(want.cardinality()).isPositive();
        assertThat(subsItem.selectionProperty().get()).isEqualTo(want);
        assertThat(project.statusProperty().get()).contains("within 1,000 m of").contains("selected feature")
                .contains("of lines");
        // the count follows the layer whose selection changed last
        assertThat(count.textProperty().get()).endsWith("selected in substations");
        // no selected reference features: a message, no change
        linesItem.selectionProperty().set(new BitSet());
        vm.selectedOnlyProperty().set(true);
        assertThat(vm.apply()).isNull();
        assertThat(vm.problemProperty().get()).contains("lines has no selected features");
    }

    @Test
    void statusMessagesAboutALayerGoWithTheLayer() {
        project.layers().remove(subsItem);
        assertThat(project.statusProperty().get()).isEqualTo("Removed substations (Undo brings it back)");
        project.undo().undo();
        assertThat(project.layers().layers()).contains(subsItem);
        // a message about lines stays while another layer goes (redo removes substations again, silently)
        project.setStatus("3 features selected in lines", linesItem);
        project.undo().redo();
        assertThat(project.layers().layers()).doesNotContain(subsItem);
        assertThat(project.statusProperty().get()).isEqualTo("3 features selected in lines");
        // a message about substations goes with them
        project.undo().undo();
        project.setStatus("3 features selected in substations", subsItem);
        project.undo().redo();
        assertThat(project.statusProperty().get()).isEqualTo("Ready");
        // and the selection count in the status bar no longer names them
        subsItem.selectionProperty().set(BitSet.valueOf(new long[] {7}));
        assertThat(count.textProperty().get()).isEqualTo("No features selected");
        linesItem.selectionProperty().set(BitSet.valueOf(new long[] {1}));
        assertThat(count.textProperty().get()).isEqualTo("1 of " + lines.source().size() + " features selected in lines");
    }
}
