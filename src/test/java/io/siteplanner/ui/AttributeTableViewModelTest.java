package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FieldStatistics;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.MapLayer;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attribute table's view-model on real HIFLD substations (901 points): filter results against a
 * plain loop over the features, sorting, statistics against ogrinfo SQL, and the selection shared with
 * the map (for the candidate layer: with the site table).
 */
@org.junit.jupiter.api.extension.ExtendWith(RealMapsAfterEach.class)
class AttributeTableViewModelTest {
    static MapLayer subs;
    ProjectViewModel project;
    LayerItem item;
    AttributeTableViewModel vm;

    @BeforeAll
    static void read() throws Exception {
        VectorLayer l = FormatRegistry.standard().readVector(TestData.shared("substations_hifld_partial_ms.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        subs = MapLayer.prepare(l, Crs.decode(DemoMap.DISPLAY_CRS), Progress.NONE);
    }

    @BeforeEach
    void setUp() {
        project = new ProjectViewModel(new CurrentThreadExecutor(), new ScriptedDialogService(),
                Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
        item = project.layers().addOnTop("substations", subs, Role.DATA);
        vm = new AttributeTableViewModel(item, project.map(), new CurrentThreadExecutor());
    }

    static List<Integer> loop(VectorLayer l, java.util.function.Predicate<Feature> p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (p.test(l.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void filterShowsExactlyTheFeaturesAPlainLoopFinds() {
        VectorLayer l = vm.layer();
        int volt = l.schema().indexOf("MAX_VOLT");
        int county = l.schema().indexOf("COUNTY");
        assertThat(vm.rows()).hasSize(901);
        vm.filter().setFilter("MAX_VOLT >= 230 OR COUNTY LIKE 'HIN%'");
        vm.applyFilter();
        List<Integer> want = loop(l, f -> f.value(volt) != null && f.number(volt) >= 230
                || ((String) f.value(county)).startsWith("HIN"));
        assertThat(want.size()).isBetween(20, 800);
        assertThat(vm.rows()).containsExactlyElementsOf(want);
        assertThat(vm.summaryProperty().get()).isEqualTo("0 of 901 features selected, " + want.size() + " shown");
        // a bad expression keeps the rows and says what is wrong
        vm.filter().setFilter("MAX_VOLT >>> 3");
        vm.applyFilter();
        assertThat(vm.problemProperty().get()).contains("MAX_VOLT >>> 3");
        assertThat(vm.rows()).hasSize(want.size());
        vm.clearFilter();
        assertThat(vm.rows()).hasSize(901);
    }

    @Test
    void sortsNumbersNumericallyWithEmptyValuesLast() {
        int volt = vm.layer().schema().indexOf("MAX_VOLT");
        vm.sortBy("MAX_VOLT", false);
        List<Integer> rows = new ArrayList<>(vm.rows());
        assertThat(rows).hasSize(901).doesNotHaveDuplicates();
        int firstNull = -1;
        for (int k = 0; k < rows.size(); k++) {
            double v = vm.layer().get(rows.get(k)).number(volt);
            if (Double.isNaN(v)) {
                firstNull = firstNull < 0 ? k : firstNull;
            } else {
                assertThat(firstNull).as("a value after an empty one at row %d", k).isNegative();
                if (k > 0) {
                    assertThat(v).isLessThanOrEqualTo(vm.layer().get(rows.get(k - 1)).number(volt));
                }
            }
        }
        assertThat(firstNull).isEqualTo(643); // 643 values (ogrinfo COUNT(MAX_VOLT)), then the 258 empty ones
        assertThat(vm.layer().get(rows.get(0)).number(volt)).isEqualTo(500);
        vm.sortBy("COUNTY", true);
        assertThat(vm.layer().get(vm.rows().get(0)).value(vm.layer().schema().indexOf("COUNTY"))).isEqualTo("ADAMS");
        vm.sortBy(null, true);
        assertThat(vm.rows().get(0)).isZero();
        assertThat(vm.rows().get(900)).isEqualTo(900);
    }

    @Test
    void statisticsOfShownFeaturesMatchOgrSqlWhere() {
        // ogrinfo ... -sql "SELECT COUNT(MAX_VOLT), MIN, MAX, AVG(MAX_VOLT), COUNT(DISTINCT MAX_VOLT) ...
        //   WHERE STATUS = 'IN SERVICE' AND COUNTY = 'HINDS'" -> 17, 115, 230, 135.294117647059, 2
        vm.statsFieldProperty().set("MAX_VOLT");
        FieldStatistics all = vm.statsProperty().get();
        assertThat(all.count()).isEqualTo(643);
        assertThat(all.nulls()).isEqualTo(258);
        vm.filter().setFilter("STATUS = 'IN SERVICE' AND COUNTY = 'HINDS'");
        vm.applyFilter();
        vm.statsScopeProperty().set(AttributeTableViewModel.StatsScope.SHOWN);
        FieldStatistics s = vm.statsProperty().get();
        assertThat(s.rows()).isEqualTo(17);
        assertThat(s.min()).isEqualTo(115);
        assertThat(s.max()).isEqualTo(230);
        assertThat(s.mean()).isCloseTo(135.294117647059, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.distinct()).isEqualTo(2);
        // selected features: the first three rows shown
        BitSet three = new BitSet();
        for (int k = 0; k < 3; k++) {
            three.set(vm.rows().get(k));
        }
        vm.statsScopeProperty().set(AttributeTableViewModel.StatsScope.SELECTED);
        vm.select(three, SelectMode.NEW);
        assertThat(vm.statsProperty().get().rows()).isEqualTo(3);
        assertThat(vm.unit("MAX_VOLT")).isEqualTo("kV");
    }

    @Test
    void selectionIsTheLayersOwnBothWays() {
        BitSet pick = new BitSet();
        pick.set(5);
        pick.set(17);
        pick.set(600);
        vm.select(pick, SelectMode.NEW);
        assertThat(item.selectionProperty().get()).isEqualTo(pick);
        assertThat(vm.summaryProperty().get()).isEqualTo("3 of 901 features selected");
        assertThat(vm.positionsOf(pick)).containsExactly(5, 17, 600);
        // the map selects (box select, select by location): the table follows
        BitSet map = new BitSet();
        map.set(42);
        item.selectionProperty().set(map);
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 901 features selected");
        vm.selectedOnlyProperty().set(true);
        assertThat(vm.rows()).containsExactly(42);
        vm.select(pick, SelectMode.ADD);
        assertThat(vm.rows()).containsExactly(5, 17, 42, 600);
        vm.invertSelection();
        assertThat(item.selectionProperty().get().cardinality()).isEqualTo(897);
        vm.clearSelection();
        assertThat(vm.rows()).isEmpty();
        // zoom to selection: the selected point with some context, in the display CRS
        vm.select(map, SelectMode.NEW);
        org.locationtech.jts.geom.Envelope e = vm.selectionExtent();
        assertThat(e.contains(subs.display().get(42).geometry().getCoordinate())).isTrue();
        assertThat(e.getWidth()).isEqualTo(1000);
    }

    @Test
    void candidateLayerSelectionIsTheSitesSelectionOfTheSiteTable() {
        ScriptedDialogService dialogs = new ScriptedDialogService();
        ProjectViewModel demo = ScenarioEditorViewModelTest.demo(new CurrentThreadExecutor(), dialogs);
        LayerItem cand = demo.map().candidates();
        AttributeTableViewModel t = new AttributeTableViewModel(cand, demo.map(), new CurrentThreadExecutor());
        BitSet two = new BitSet();
        two.set(0);
        two.set(3);
        t.select(two, SelectMode.NEW);
        assertThat(demo.map().selectedSitesProperty().get()).isEqualTo(two);
        BitSet one = new BitSet();
        one.set(7);
        demo.map().selectedSitesProperty().set(one);
        assertThat(t.selection()).isEqualTo(one);
        assertThat(t.summaryProperty().get()).startsWith("1 of ");
    }
}
