package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criteria;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project scenario exported as a scenario file scores the same with {@code siteplanner score}. */
class ScenarioExportTest {
    @TempDir
    Path dir;

    static Project demoWithHifldLines() throws Exception {
        Project demo = ProjectStore.open(MapsDirectoryFixture.demo());
        VectorLayer hifld = FormatRegistry.standard().readVector(TestData.shared("transmission_hifld_partial_in.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        List<ProjectLayer> layers = new ArrayList<>(demo.layers());
        layers.add(new ProjectLayer("hifld_lines", ProjectLayer.Role.DATA, hifld, DefaultStyles.guess(hifld, 0), true, 1));
        return demo.withLayers(layers);
    }

    @Test
    void theCliScoresTheExportedScenarioLikeTheProject() throws Exception {
        Project p = demoWithHifldLines();
        Scenario s = ScenarioLayers.withLayer(p.active(), "hifld_lines");
        Criterion d = Criteria.create(DistanceCriterion.KIND, Common.of("d_hv", 0.3),
                Map.of("layer", ScenarioLayers.idFor(s, "hifld_lines"), "filter", "VOLTAGE >= 345"));
        List<Criterion> criteria = new ArrayList<>(s.criteria());
        criteria.add(d);
        criteria.set(2, criteria.get(2).withEnabled(false)); // a disabled criterion is written and honoured too
        s = s.withCriteria(criteria);
        ScoreResult app = ScenarioEvaluator.evaluate(s, new ProjectLayerSource(p, null), Progress.NONE).score();

        Path json = dir.resolve("campus.json");
        Path gpkg = ScenarioExport.write(s, p, null, json, Progress.NONE);
        assertThat(gpkg).isEqualTo(dir.resolve("campus.layers.gpkg"));
        assertThat(Files.readString(json)).contains("\"path\" : \"campus.layers.gpkg\"").contains("\"layer\" : \"hifld_lines\"")
                .contains("\"enabled\" : false").doesNotContain("\"@");
        Path out = dir.resolve("ranked.csv");
        TestData.CliRun run = TestData.cli("score", "--scenario", json.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(app.size() + 1);
        List<String> header = List.of(lines.get(0).split(","));
        int idCol = header.indexOf("cell_id");
        int scoreCol = header.indexOf("score");
        for (int k = 0; k < app.size(); k++) {
            String[] row = lines.get(k + 1).split(",");
            int site = app.siteAt(k);
            assertThat(row[0]).isEqualTo(Integer.toString(k + 1));
            assertThat(row[idCol]).isEqualTo(String.valueOf(app.session().id(site)));
            assertThat(Double.parseDouble(row[scoreCol])).isEqualTo(app.score(site));
        }
        // the layers file is a project too
        assertThat(ProjectStore.open(gpkg).layers()).extracting(ProjectLayer::name)
                .containsExactlyInAnyOrder("cells_in", "lines_in", "subs_in", "plants", "places", "states", "counties",
                        "lines_in_osm", "territories", "hifld_lines");
    }

    /** The bundled demo project (maps/). */
    static final class MapsDirectoryFixture {
        static Path demo() {
            return MapsDirectory.demoProject(StoreFixtures.maps());
        }
    }
}
