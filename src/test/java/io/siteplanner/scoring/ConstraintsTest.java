package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Constraints with reasons, exclusion layers with buffers, the missing-value rule and failed-site ranking. */
class ConstraintsTest {
    /** Four square parcels along x, 100 m wide, 100 m apart; a flood polygon touching parcel 3. */
    static MemoryLayerSource source() {
        VectorLayer.Builder p = VectorLayer.builder("p").crs(TestData.albers(), 5070).schema(new Schema(List.of(
                new Field("pid", FieldType.STRING), new Field("acres_attr", FieldType.REAL))));
        double[] attr = {3.2, 12, 50, Double.NaN};
        for (int i = 0; i < 4; i++) {
            double x = 500000 + i * 200;
            Geometry g = TestData.GF.toGeometry(new Envelope(x, x + 100, 1000000, 1000100));
            p.add(new Feature(i + 1, g, new Object[] {"P" + (i + 1), Double.isNaN(attr[i]) ? null : attr[i]}));
        }
        VectorLayer flood = VectorLayer.builder("flood").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("zone", FieldType.STRING))))
                .add(new Feature(1, TestData.GF.toGeometry(new Envelope(500500, 500560, 1000100, 1000200)),
                        new Object[] {"AE"}))
                .add(new Feature(2, TestData.GF.toGeometry(new Envelope(499000, 499010, 1000000, 1000010)),
                        new Object[] {"X"}))
                .build();
        return new MemoryLayerSource().put("p.gpkg", p.build()).put("flood.gpkg", flood);
    }

    static ScoringSession session(String constraints) {
        Scenario s = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":100},"
                + "\"analysisCrs\":\"EPSG:5070\",\"layers\":{\"p\":\"p.gpkg\",\"flood\":\"flood.gpkg\"},"
                + "\"candidates\":\"p\",\"idField\":\"pid\",\"criteria\":["
                + "{\"id\":\"acres\",\"kind\":\"attribute\",\"attribute\":\"acres_attr\",\"weight\":1,"
                + "\"transform\":{\"type\":\"linear\",\"direction\":\"benefit\"}}],"
                + "\"constraints\":[" + constraints + "]}");
        return ScenarioEvaluator.evaluate(s, source(), Progress.NONE);
    }

    @Test
    void comparisonFailureKeepsReadableReason() {
        ScoreResult r = session("{\"criterion\":\"acres\",\"op\":\">=\",\"value\":5}").score();
        assertThat(r.passed(0)).isFalse();
        assertThat(r.reasons(0)).containsExactly("acres 3.2 < 5");
        assertThat(r.passed(1)).isTrue();
        assertThat(r.reasons(1)).isEmpty();
        assertThat(r.reasons(3)).containsExactly("acres: no data");
        assertThat(r.passedCount()).isEqualTo(2);
    }

    @Test
    void failedSitesRankAfterPassedOnes() {
        ScoreResult r = session("{\"criterion\":\"acres\",\"op\":\"<\",\"value\":20}").score();
        // passing: P1 (3.2) and P2 (12); P3 (50) fails despite the best score; P4 missing fails
        assertThat(r.session().id(r.siteAt(0))).isEqualTo("P2");
        assertThat(r.session().id(r.siteAt(1))).isEqualTo("P1");
        assertThat(r.session().id(r.siteAt(2))).isEqualTo("P3");
        assertThat(r.session().id(r.siteAt(3))).isEqualTo("P4");
        assertThat(r.reasons(2)).containsExactly("acres 50 >= 20");
    }

    @Test
    void missingValueScoresZeroAndIsFlaggedNeverNaN() {
        ScoreResult r = session("").score();
        assertThat(r.score(3)).isEqualTo(0);
        assertThat(r.flags(3)).containsExactly("acres: no data, scored 0");
        assertThat(r.transformed(0, 3)).isEqualTo(0);
        assertThat(r.passed(3)).isTrue();
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.score(i)).isNotNaN();
        }
    }

    @Test
    void exclusionLayerWithFilterAndBuffer() {
        ScoringSession s = session("{\"exclude\":\"flood\",\"filter\":\"zone IN ('A','AE','V')\",\"bufferM\":0}");
        ScoreResult r = s.score();
        // P3 spans x 500400..500500 and touches the AE polygon at x = 500500, y = 1000100
        assertThat(r.passed(2)).isFalse();
        assertThat(r.reasons(2)).containsExactly("flood: touches or overlaps");
        assertThat(r.passed(3)).isTrue(); // P4 (500600..) is 40 m away
        long passes = s.spatialPasses();
        s.setConstraints(List.of(ConstraintSpec.exclusion("flood", "zone IN ('A','AE','V')", 50)));
        ScoreResult r2 = s.score();
        assertThat(r2.passed(3)).isFalse();
        assertThat(r2.reasons(3)).containsExactly("flood 40 m <= 50 m buffer");
        assertThat(r2.passed(0)).isTrue(); // the X-zone polygon is filtered out
        assertThat(s.spatialPasses()).as("same layer + filter: cached distances").isEqualTo(passes);
    }
}
