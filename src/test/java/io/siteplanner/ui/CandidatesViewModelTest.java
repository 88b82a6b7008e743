package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.scoring.cells.CandidateCells;
import io.siteplanner.scoring.cells.CellGrid;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario > Generate Candidates without a stage: the form's view-model on the real Census counties of MS and IN
 * (../shared/data/real), checked against GDAL and against the written GeoPackage read back with plain SQL.
 */
class CandidatesViewModelTest {
    static final Path COUNTIES = Path.of("..", "shared", "data", "real", "counties_ms_in_census2017_10m.geojson");
    /**
     * Madison County MS (GEOID 28089) in acres, EPSG:5070, from GDAL 3.6.2: {@code ogrinfo -dialect sqlite -sql
     * "SELECT ST_Area(ST_Transform(geometry, 5070))/4046.8564224 FROM counties_ms_in_census2017_10m WHERE GEOID =
     * '28089'"} = 473,127.7285.
     */
    static final double MADISON_ACRES_GDAL = 473_127.7285;

    @TempDir
    Path dir;
    ScriptedDialogService dialogs;
    ProjectViewModel project;
    CandidatesViewModel vm;

    @BeforeEach
    void open() {
        dialogs = new ScriptedDialogService();
        project = new ProjectViewModel(new CurrentThreadExecutor(), dialogs,
                Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
        project.layers().addFiles(List.of(COUNTIES));
        assertThat(dialogs.errors).isEmpty();
        vm = new CandidatesViewModel(project.layers(), project.tasks(), dialogs);
    }

    @Test
    void generatesCellsCoveringTheRegionAndAddsThemAsALayer() throws Exception {
        Path out = dir.resolve("madison.gpkg");
        assertThat(vm.regionChoices()).hasSize(1);
        dialogs.candidatesAnswers.add(f -> {
            f.whereProperty().set("GEOID = '28089'");
            f.cellAcresProperty().set(1000);
            f.shapeProperty().set(CellGrid.Shape.HEX);
            f.outProperty().set(out);
        });
        assertThat(vm.ask()).isNotNull();
        assertThat(dialogs.errors).isEmpty();
        CandidateCells.Summary s = vm.summaryProperty().get();
        // the cells and the dropped slivers add up to the county's area as GDAL measures it
        assertThat(s.acres() + s.sliverAcres()).isCloseTo(MADISON_ACRES_GDAL, within(1.0));
        int half = 0;
        Set<String> ids = new HashSet<>();
        double acres = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT cell_id, acres, share, county, state FROM cells")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                acres += rs.getDouble(2);
                half += rs.getDouble(3) >= 0.5 ? 1 : 0;
                assertThat(rs.getDouble(2)).isBetween(0.0, 1000.0 + 1e-6);
                assertThat(rs.getString(4) + ", " + rs.getString(5)).isEqualTo("Madison, Mississippi");
            }
        }
        assertThat(ids).hasSize((int) s.cells()).allMatch(id -> id.matches("h1000_r-?\\d+_c-?\\d+"));
        assertThat(acres).isCloseTo(s.acres(), within(1e-6));
        // cells at least half usable count the area to within 1% (docs/candidates.md): 473.1 cells' worth
        assertThat((double) half).isCloseTo(MADISON_ACRES_GDAL / 1000, within(MADISON_ACRES_GDAL / 1000 * 0.01));
        // and the file is on the map, on top
        LayerItem top = project.layers().layers().get(0);
        assertThat(top.role()).isEqualTo(Role.DATA);
        assertThat(top.mapLayer().source().size()).isEqualTo((int) s.cells());
    }

    @Test
    void squareCellsOfAnotherSizeMatchTheAreaToo() {
        Path out = dir.resolve("sq.gpkg");
        vm.whereProperty().set("GEOID = '28089'");
        vm.cellAcresProperty().set(640);
        vm.shapeProperty().set(CellGrid.Shape.SQUARE);
        vm.outProperty().set(out);
        vm.generate();
        CandidateCells.Summary s = vm.summaryProperty().get();
        assertThat(s.acres() + s.sliverAcres()).isCloseTo(MADISON_ACRES_GDAL, within(1.0));
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void cancelledFormOrBadInputWritesNothing() {
        Path out = dir.resolve("none.gpkg");
        vm.outProperty().set(out);
        assertThat(vm.ask()).isNull(); // no answer queued: Cancel
        vm.outProperty().set(dir.resolve("cells.txt"));
        assertThat(vm.validate()).contains(".gpkg");
        vm.outProperty().set(out);
        vm.cellAcresProperty().set(0);
        assertThat(vm.validate()).startsWith("Cell size");
        assertThat(vm.generate()).isNull();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot generate candidates");
        vm.cellAcresProperty().set(1000);
        vm.whereProperty().set("NOPE = 1");
        vm.generate();
        assertThat(dialogs.errors).hasSize(2).last().asString().contains("Could not generate candidates")
                .contains("NOPE");
        assertThat(Files.exists(out)).isFalse();
        assertThat(vm.summaryProperty().get()).isNull();
    }
}
