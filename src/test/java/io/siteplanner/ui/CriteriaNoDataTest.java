package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The criteria panel says how many sites have no data for each criterion and what they scored. */
class CriteriaNoDataTest {
    @Test
    void theCountOfSitesWithoutDataIsShownPerCriterion() throws Exception {
        Path file = Path.of("src/test/resources/fixtures/parcels-demo/scenario-300mw.json");
        Scenario s = ScenarioReader.read(file);
        ScoreResult r = ScenarioEvaluator.evaluate(s, new FileLayerSource(file.toAbsolutePath().getParent()),
                Progress.NONE).score();
        int c = r.session().criterionIndex("headroom");
        int missing = 0;
        for (double x : r.session().raw(c)) {
            missing += Double.isNaN(x) ? 1 : 0;
        }
        // 31 demo sites have no substation with 300+ MW... in reach (the CLI prints the same count)
        assertThat(missing).isEqualTo(31);
        assertThat(CriteriaViewModel.noDataText(r, "headroom")).isEqualTo("31 of 280 sites: no data, scored 0");
        assertThat(CriteriaViewModel.noDataText(r, "acres")).isEmpty();
        assertThat(CriteriaViewModel.noDataText(null, "acres")).isEmpty();
    }
}
