package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void saveAndReopenGivesTheSameProject() throws Exception {
        Project p = StoreFixtures.project();
        Path file = dir.resolve("test.siteplan.gpkg");
        ProjectStore.save(p, file);
        Project q = ProjectStore.open(file);

        assertThat(q.title()).isEqualTo(p.title());
        assertThat(q.notes()).isEqualTo("Project notes\nline 2 ✓");
        assertThat(q.view()).isEqualTo(p.view());
        assertThat(q.activeScenario()).isEqualTo("B: 300 MW");
        assertThat(q.active().name()).isEqualTo("B: 300 MW");
        assertThat(q.shortlist()).isEqualTo(p.shortlist());
        assertThat(q.shortlist().get("P-3").orElseThrow().note()).isEqualTo("visit with the utility;\nask about the 345 kV tap");

        assertThat(q.scenarios()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(ScenarioWriter.toJson(q.scenarios().get(i))).isEqualTo(ScenarioWriter.toJson(p.scenarios().get(i)));
        }

        assertThat(q.layers()).extracting(ProjectLayer::name).containsExactly("lines", "substations", "parcels");
        for (int i = 0; i < p.layers().size(); i++) {
            ProjectLayer a = p.layers().get(i);
            ProjectLayer b = q.layers().get(i);
            assertThat(b.role()).isEqualTo(a.role());
            assertThat(b.visible()).isEqualTo(a.visible());
            assertThat(b.opacity()).isEqualTo(a.opacity());
            assertThat(b.style()).isEqualTo(a.style());
            assertSameLayer(a.layer(), b.layer());
        }
        assertThat(q.layer("substations").layer().hasZ()).isTrue();
        assertThat(q.layer("substations").layer().get(2).geometry().getCoordinate().getZ()).isEqualTo(202.0);
        assertThat(q.layer("parcels").layer().get(1).geometry().getGeometryN(0)).satisfies(g ->
                assertThat(((org.locationtech.jts.geom.Polygon) g).getNumInteriorRing()).isEqualTo(1));
        assertThat(q.layer("parcels").layer().get(0).value(6)).isEqualTo("Café Müller – “quoted” 東京");
        assertThat(q.layer("lines").layer().get(1).geometry()).isNull();
        assertThat(q.layer("lines").layer().epsg()).isEqualTo(4326);
    }

    static void assertSameLayer(VectorLayer a, VectorLayer b) {
        assertThat(b.size()).as(a.name() + " count").isEqualTo(a.size());
        assertThat(b.epsg()).as(a.name() + " epsg").isEqualTo(a.epsg());
        assertThat(b.crs()).isNotNull();
        assertThat(b.geometryType()).isEqualTo(a.geometryType());
        assertThat(b.schema().names()).isEqualTo(a.schema().names());
        assertThat(b.schema().fields().stream().map(f -> f.type()).collect(Collectors.toList()))
                .isEqualTo(a.schema().fields().stream().map(f -> f.type()).collect(Collectors.toList()));
        for (int i = 0; i < a.size(); i++) {
            Feature fa = a.get(i);
            Feature fb = b.get(i);
            assertThat(fb.fid()).isEqualTo(fa.fid());
            if (fa.geometry() == null) {
                assertThat(fb.geometry()).isNull();
            } else {
                assertThat(fb.geometry().equalsExact(fa.geometry())).as(a.name() + " geometry " + i).isTrue();
            }
            for (int k = 0; k < a.schema().size(); k++) {
                assertThat(fb.value(k)).as(a.name() + " fid " + fa.fid() + " " + a.schema().field(k).name())
                        .isEqualTo(fa.value(k));
            }
        }
    }

    @Test
    void savingTwiceReplacesTheFileAndLeavesNoTempFiles() throws Exception {
        Project p = StoreFixtures.project();
        Path file = dir.resolve("p.siteplan.gpkg");
        ProjectStore.save(p, file);
        ProjectStore.save(p.withNotes("second").withLayers(List.of(p.layers().get(2))), file);
        Project q = ProjectStore.open(file);
        assertThat(q.notes()).isEqualTo("second");
        assertThat(q.layers()).hasSize(1);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("p.siteplan.gpkg");
        }
    }

    @Test
    void autosaveWritesAHiddenRecoveryCopyThatOpens() throws Exception {
        Project p = StoreFixtures.project();
        Path file = dir.resolve("site.siteplan.gpkg");
        assertThat(ProjectStore.recoveryFile(file)).isEqualTo(dir.resolve(".site.siteplan.gpkg.recovery").toAbsolutePath());
        ProjectStore.autosave(p, file);
        assertThat(file).doesNotExist();
        Project q = ProjectStore.open(ProjectStore.recoveryFile(file));
        assertThat(q.title()).isEqualTo(p.title());
        assertThat(q.layers()).hasSize(3);
        ProjectStore.discardRecovery(file);
        assertThat(ProjectStore.recoveryFile(file)).doesNotExist();
    }

    @Test
    void emptyProjectRoundTrips() throws Exception {
        Project p = new Project("empty", List.of(), List.of(), null, null, null, null);
        Path file = dir.resolve("e.siteplan.gpkg");
        ProjectStore.save(p, file);
        Project q = ProjectStore.open(file);
        assertThat(q.layers()).isEmpty();
        assertThat(q.scenarios()).isEmpty();
        assertThat(q.active()).isNull();
        assertThat(q.view()).isNull();
        assertThat(q.notes()).isEmpty();
    }

    @Test
    void layerNamesAreSanitisedAndValidated() {
        assertThat(ProjectStore.layerName("Flood zones (FEMA) 2024", List.of())).isEqualTo("Flood_zones_FEMA_2024");
        assertThat(ProjectStore.layerName("2024 parcels", List.of())).isEqualTo("l_2024_parcels");
        assertThat(ProjectStore.layerName("gpkg_contents", List.of())).isEqualTo("layer_gpkg_contents");
        assertThat(ProjectStore.layerName("parcels", List.of("Parcels", "parcels_2"))).isEqualTo("parcels_3");
        assertThat(ProjectStore.layerName("東京", List.of())).isEqualTo("layer");
        assertThat(ProjectStore.isValidLayerName("siteplanner_meta")).isFalse();
        assertThat(ProjectStore.isValidLayerName("a b")).isFalse();
        assertThat(ProjectStore.isValidLayerName("us_states")).isTrue();
    }
}
