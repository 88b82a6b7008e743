package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's 1 GW Indiana scenario scored from its files: the top site's score, recomputed by hand from its raw
 * values with the transforms and weights written in the scenario file (maps/README.md: piecewise distance,
 * sigmoid headroom, linear time/generation/price/risk over fixed ranges, log population), equals the engine's;
 * and the grid feasibility it requires holds for every passing site.
 */
class DemoScenariosTest {
    static double lin(double x, double lo, double hi, boolean cost) {
        double t = cost ? (hi - x) / (hi - lo) : (x - lo) / (hi - lo);
        return Math.max(0, Math.min(1, t));
    }

    static double piecewise(double x, double[][] p) {
        if (x <= p[0][0]) {
            return p[0][1];
        }
        for (int k = 1; k < p.length; k++) {
            if (x <= p[k][0]) {
                return p[k - 1][1] + (p[k][1] - p[k - 1][1]) * (x - p[k - 1][0]) / (p[k][0] - p[k - 1][0]);
            }
        }
        return p[p.length - 1][1];
    }

    @Test
    void topSiteScoreMatchesAHandComputationAndPassingSitesHaveTheirGigawatt() throws Exception {
        Path file = StoreFixtures.maps().resolve("demo").resolve("scenario-1gw-in.json");
        Scenario s = ScenarioReader.read(file);
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(file.getParent()), Progress.NONE);
        ScoreResult r = session.score();
        Map<String, Double> v = new HashMap<>();
        int top = r.siteAt(0);
        for (int c = 0; c < session.criteria().size(); c++) {
            v.put(session.criteria().get(c).id(), session.raw(c)[top]);
        }
        double hand = 0.20 * piecewise(v.get("d_ehv"), new double[][] {{0, 1}, {1609, 1}, {8047, 0.4}, {32187, 0}})
                + 0.20 / (1 + Math.exp(-v.get("headroom") / 300))
                + 0.15 * lin(v.get("ttp"), 24, 96, true)
                + 0.10 * lin(v.get("gen50"), 0, 5000, false)
                + 0.10 * lin(Math.log(v.get("pop") + 1), Math.log(1001), Math.log(1_000_001), false)
                + 0.15 * lin(v.get("price"), 5, 12, true)
                + 0.10 * lin(v.get("risk"), 0, 50, true);
        assertThat(r.score(top)).isCloseTo(hand, within(1e-9));
        // the state price is EIA 2023 Indiana industrial, 8.24 cents/kWh (PROVENANCE.md)
        assertThat(v.get("price")).isEqualTo(8.24);
        int headroom = s.criteria().indexOf(s.criterion("headroom"));
        for (int i = 0; i < r.size(); i++) {
            if (r.passed(i)) {
                // required grid feasibility: an estimated 1,200 MW (1,000 MW x PUE 1.2) within 20 miles
                assertThat(session.raw(headroom)[i]).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
