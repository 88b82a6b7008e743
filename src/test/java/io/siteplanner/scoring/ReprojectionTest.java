package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import org.junit.jupiter.api.Test;

/** Candidates in another CRS are reprojected (in parallel for big layers) before measuring. */
class ReprojectionTest {
    @Test
    void bigCandidateLayerInWebMercatorGivesTheSameValuesAsInAlbers() {
        TestData d = TestData.generate(60_000, 5L);
        VectorLayer merc = Crs.reproject(d.parcels, Crs.decode("EPSG:3857"), Progress.NONE);
        assertThat(merc.epsg()).isEqualTo(3857);
        ScoringSession direct = ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()), d.source(),
                Progress.NONE);
        ScoringSession viaMerc = ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()),
                d.source().put("parcels.gpkg", merc), Progress.NONE);
        assertThat(viaMerc.size()).isEqualTo(60_000);
        assertThat(viaMerc.candidates().epsg()).isEqualTo(5070);
        for (int i = 0; i < 60_000; i += 97) {
            // a round trip through another projection moves vertices by a few millimetres at most
            assertThat(viaMerc.raw(0)[i]).isCloseTo(direct.raw(0)[i], offset(direct.raw(0)[i] * 1e-7));
            assertThat(viaMerc.raw(1)[i]).isCloseTo(direct.raw(1)[i], offset(0.01));
            assertThat(viaMerc.id(i)).isEqualTo(direct.id(i));
        }
        assertThat(viaMerc.warnings()).noneMatch(w -> w.contains("could not be reprojected"));
    }
}
