package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.model.Progress;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects built from the demo scenarios (counts from ogrinfo on maps/demo/demo.gpkg and maps/basemap). */
class ProjectBuilderTest {
    static final LayerStyle PLAIN = LayerStyle.single(Colors.rgb(0x123456), Colors.rgb(0), 1, 5);
    static final LayerStyle CAND = LayerStyle.single(Colors.rgb(0x999999), Colors.rgb(0x333333), 0.8, 0);

    @TempDir
    Path dir;

    static Path scenario300() {
        return StoreFixtures.demoScenario().resolveSibling("scenario-300mw.json");
    }

    static Project demo(boolean basemap) throws Exception {
        ProjectBuilder b = ProjectBuilder.fromScenarios(List.of(StoreFixtures.demoScenario(), scenario300()))
                .styles((layer, i) -> PLAIN.withPointSize(i)).candidatesStyle(CAND);
        if (basemap) {
            b.basemap(StoreFixtures.maps().resolve("basemap"), null, null);
        }
        return b.build(Progress.NONE);
    }

    @Test
    void buildsOneLayerPerSourceAndRewritesScenarioPaths() throws Exception {
        Project p = demo(true);
        assertThat(p.layers()).extracting(ProjectLayer::name)
                .containsExactly("us_states", "us_counties", "us_places", "zones", "parcels", "lines", "substations");
        assertThat(p.layers()).extracting(ProjectLayer::role).containsExactly(ProjectLayer.Role.BASEMAP,
                ProjectLayer.Role.BASEMAP, ProjectLayer.Role.BASEMAP, ProjectLayer.Role.DATA, ProjectLayer.Role.CANDIDATES,
                ProjectLayer.Role.DATA, ProjectLayer.Role.DATA);
        Map<String, Integer> counts = new HashMap<>();
        p.layers().forEach(l -> counts.put(l.name(), l.layer().size()));
        // ogrinfo -ro -so maps/basemap/us_places.geojson us_places: Feature Count: 4463
        assertThat(counts).containsEntry("us_counties", 3231).containsEntry("us_states", 56)
                .containsEntry("us_places", 4463).containsEntry("zones", 10)
                .containsEntry("lines", 35).containsEntry("substations", 28).containsEntry("parcels", 280);
        assertThat(p.layer("parcels").style()).isEqualTo(CAND);
        assertThat(p.layer("us_places").style()).isEqualTo(PLAIN.withPointSize(2));
        assertThat(p.layer("zones").style()).isEqualTo(PLAIN.withPointSize(3));
        assertThat(p.layer("zones").layer().name()).isEqualTo("zones");
        assertThat(p.layer("parcels").layer().epsg()).isEqualTo(4326);

        assertThat(p.scenarios()).extracting(Scenario::name).containsExactly("1 GW AI campus (demo)", "300 MW, fast power");
        assertThat(p.activeScenario()).isEqualTo("1 GW AI campus (demo)");
        assertThat(p.title()).isEqualTo("1 GW AI campus (demo)");
        for (Scenario s : p.scenarios()) {
            assertThat(s.layers().values()).extracting(LayerRef::path)
                    .containsExactly("@parcels", "@substations", "@lines", "@zones");
            assertThat(s.layers().values()).allSatisfy(r -> assertThat(r.layer()).isNull());
        }
        assertThat(p.scenarios().get(1).campus().itLoadMw()).isEqualTo(300);
    }

    @Test
    void projectScoresEqualFileScoresAfterSaveAndOpen() throws Exception {
        Project built = demo(false);
        Path file = dir.resolve("demo.siteplan.gpkg");
        ProjectStore.save(built, file);
        Project p = ProjectStore.open(file);
        for (int k = 0; k < 2; k++) {
            Path scenarioFile = k == 0 ? StoreFixtures.demoScenario() : scenario300();
            Scenario fromFile = ScenarioReader.read(scenarioFile);
            ScoreResult a = ScenarioEvaluator.evaluate(fromFile, new FileLayerSource(scenarioFile.getParent()),
                    Progress.NONE).score();
            ScoringSession ps = ScenarioEvaluator.evaluate(p.scenarios().get(k), new ProjectLayerSource(p, dir),
                    Progress.NONE);
            ScoreResult b = ps.score();
            assertThat(b.size()).isEqualTo(a.size()).isEqualTo(280);
            assertThat(b.passedCount()).isEqualTo(a.passedCount());
            Map<Object, Double> byId = new HashMap<>();
            for (int i = 0; i < a.size(); i++) {
                byId.put(a.session().id(i), a.score(i));
            }
            for (int i = 0; i < b.size(); i++) {
                assertThat(b.score(i)).as("site " + ps.id(i)).isCloseTo(byId.get(ps.id(i)),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(ps.id(b.siteAt(0))).isEqualTo(a.session().id(a.siteAt(0)));
        }
    }

    @Test
    void unknownProjectLayerIsNamed() {
        Project p = new Project("t", List.of(), List.of(), null, null, null, null);
        assertThatThrownBy(() -> new ProjectLayerSource(p, dir).load("x", LayerRef.of("@nope"), Progress.NONE))
                .isInstanceOf(LayerReadException.class)
                .hasMessage("@nope: no layer 'nope' in the project (layers: none)");
    }

    @Test
    void otherPathsAreFilesBesideTheProject() throws Exception {
        Project p = new Project("t", List.of(), List.of(), null, null, null, null);
        ProjectLayerSource src = new ProjectLayerSource(p, StoreFixtures.maps());
        assertThat(((io.siteplanner.model.VectorLayer) src.load("s", LayerRef.of("basemap/us_states.geojson"),
                Progress.NONE)).size()).isEqualTo(56);
    }

    @Test
    void bundledDemoProjectOpensWithItsThreeScenariosOnRealData() throws Exception {
        Project p = ProjectStore.open(StoreFixtures.maps().resolve("demo.siteplan.gpkg"));
        // feature counts: ogrinfo -ro -so maps/demo.siteplan.gpkg LAYER; the sources in ../shared/data/real have
        // the same (transmission_hifld_in_ge138kv 1237, transmission_osm2017_ms 432, substations_hifld_partial_ms
        // 901, power_plants_eia_in_bbox + _ms_bbox 262 + 97 rows)
        Map<String, Integer> counts = new HashMap<>();
        p.layers().forEach(l -> counts.put(l.name(), l.layer().size()));
        assertThat(counts).containsEntry("us_counties", 3231).containsEntry("lines_in", 1237)
                .containsEntry("lines_ms", 432).containsEntry("subs_ms", 901).containsEntry("plants", 359)
                .containsEntry("counties", 174).containsEntry("cells_in", 749).containsEntry("cells_ms", 530);
        assertThat(counts).doesNotContainKeys("parcels", "zones", "substations");
        assertThat(p.scenarios()).extracting(Scenario::name).containsExactly("1 GW AI campus, Indiana",
                "1 GW AI campus, Mississippi", "300 MW campus, Mississippi (fast power)");
        assertThat(p.activeScenario()).isEqualTo("1 GW AI campus, Indiana");
        for (Scenario s : p.scenarios()) {
            ScoreResult r = ScenarioEvaluator.evaluate(s, new ProjectLayerSource(p, StoreFixtures.maps()),
                    Progress.NONE).score();
            assertThat(r.size()).as(s.name()).isEqualTo(s.candidates().endsWith("_in") ? 749 : 530);
            int passed = 0;
            for (int i = 0; i < r.size(); i++) {
                passed += r.passed(i) ? 1 : 0;
            }
            assertThat(passed).as(s.name() + ": sites passing").isPositive().isLessThan(r.size());
        }
    }
}
