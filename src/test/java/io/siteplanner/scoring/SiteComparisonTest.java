package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.model.Progress;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SiteComparisonTest {
    static ScoreResult result;

    @BeforeAll
    static void scoreDemo() throws Exception {
        Path f = Paths.get("src/test/resources/fixtures/parcels-demo", "scenario-1gw.json").toAbsolutePath();
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.read(f), new FileLayerSource(f.getParent()), Progress.NONE);
        result = s.score();
    }

    @Test
    void rowsCarryEachSitesContributionsThatAddUpToItsScore() {
        int a = result.siteAt(0);
        int b = result.siteAt(3);
        SiteComparison c = new SiteComparison(result, new int[] {b, a});
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            for (SiteComparison.Row r : c.rows()) {
                sum += r.parts().get(k).contribution();
            }
            assertThat(sum).isCloseTo(result.score(c.sites()[k]), within(1e-12));
        }
        assertThat(c.rows()).extracting(SiteComparison.Row::criterion).contains("acres", "d_sub", "price", "tco");
    }

    @Test
    void decisionIsTheCriterionWithTheLargestAdvantageOfTheHigherRankedSite() {
        int first = result.siteAt(0);
        int second = result.siteAt(1);
        SiteComparison c = new SiteComparison(result, new int[] {second, first});
        SiteComparison.Decision d = c.decision();
        assertThat(d.leader()).isEqualTo(first);
        assertThat(d.runnerUp()).isEqualTo(second);
        assertThat(d.scoreGap()).isCloseTo(result.score(first) - result.score(second), within(1e-15));
        // independent brute force over the explanations
        ScoreResult.Explanation ea = result.explain(first);
        ScoreResult.Explanation eb = result.explain(second);
        String best = null;
        double adv = 0;
        for (int i = 0; i < ea.parts().size(); i++) {
            double diff = ea.parts().get(i).contribution() - eb.parts().get(i).contribution();
            if (diff > adv) {
                adv = diff;
                best = ea.parts().get(i).id();
            }
        }
        assertThat(d.criterion()).isEqualTo(best);
        assertThat(d.advantage()).isCloseTo(adv, within(1e-15));
        assertThat(c.decisionText()).startsWith(ea.id() + " is ahead of " + eb.id()).contains(best);
    }

    @Test
    void needsTwoToFourSites() {
        assertThatThrownBy(() -> new SiteComparison(result, new int[] {1})).hasMessageContaining("2 to 4");
        assertThatThrownBy(() -> new SiteComparison(result, new int[] {1, 2, 3, 4, 5})).hasMessageContaining("2 to 4");
    }
}
