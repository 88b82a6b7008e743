package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.scoring.criteria.AreaCriterion;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criteria;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.scoring.criteria.WithinRadiusCriterion;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building any kind from its keys (the scenario builder form) gives what its JSON gives. */
class CriteriaCreateTest {
    static final String ALL_KINDS = "{\"id\":\"a\",\"kind\":\"area\",\"weight\":1},"
            + "{\"id\":\"x\",\"kind\":\"attribute\",\"attribute\":\"land\",\"unit\":\"USD/acre\",\"weight\":1},"
            + "{\"id\":\"d\",\"kind\":\"distance\",\"layer\":\"s\",\"filter\":\"kv >= 345\",\"weight\":1},"
            + "{\"id\":\"n\",\"kind\":\"nearestAttribute\",\"layer\":\"s\",\"attribute\":\"avail_mw\",\"weight\":1},"
            + "{\"id\":\"z\",\"kind\":\"zoneAttribute\",\"layer\":\"z\",\"attribute\":\"price\",\"at\":\"largestOverlap\",\"weight\":1},"
            + "{\"id\":\"w\",\"kind\":\"withinRadius\",\"layer\":\"s\",\"radiusM\":5000,\"aggregate\":\"sum\",\"attribute\":\"avail_mw\",\"weight\":1},"
            + "{\"id\":\"g\",\"kind\":\"gravity\",\"layer\":\"s\",\"attribute\":\"avail_mw\",\"decay\":\"exponential\",\"scaleM\":10000,\"weight\":1},"
            + "{\"id\":\"o\",\"kind\":\"overlap\",\"layer\":\"f\",\"filter\":\"zone = 'AE'\",\"weight\":1,\"enabled\":false},"
            + "{\"id\":\"r\",\"kind\":\"raster\",\"layer\":\"r\",\"stat\":\"max\",\"band\":1,\"weight\":1},"
            + "{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"radiusKm\":5,\"required\":false,\"weight\":1},"
            + "{\"id\":\"ic\",\"kind\":\"interconnectionCost\",\"layer\":\"s\",\"kv\":345,\"weight\":1},"
            + "{\"id\":\"en\",\"kind\":\"energyCost\",\"priceUsdMwh\":60,\"weight\":1},"
            + "{\"id\":\"land\",\"kind\":\"landCost\",\"landPriceAttribute\":\"land\",\"weight\":1},"
            + "{\"id\":\"tco\",\"kind\":\"tco\",\"interconnection\":\"ic\",\"energy\":\"en\",\"weight\":1},"
            + "{\"id\":\"ttp\",\"kind\":\"timeToPower\",\"layer\":\"s\",\"linesLayer\":\"l\",\"percentile\":90,"
            + "\"seed\":7,\"weight\":1}";

    @Test
    void everyKindRebuildsFromItsKeys() {
        Scenario s = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\","
                + "\"campus\":{\"itLoadMw\":1000},\"analysisCrs\":\"EPSG:5070\","
                + "\"layers\":{\"p\":\"p\",\"s\":\"s\",\"l\":\"l\",\"f\":\"f\",\"z\":\"z\",\"r\":\"r\"},\"candidates\":\"p\","
                + "\"criteria\":[" + ALL_KINDS + "]}");
        Set<String> kinds = new HashSet<>();
        for (Criterion c : s.criteria()) {
            Map<String, Object> keys = Criteria.keys(c);
            assertThat(Criteria.create(c.kind(), c.common(), keys)).isEqualTo(c);
            kinds.add(c.kind().json());
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(Criteria.names());
        assertThat(Criteria.keys(s.criterion("d"))).containsEntry("layer", "s").containsEntry("filter", "kv >= 345");
        assertThat(Criteria.keys(s.criterion("w"))).containsEntry("radiusM", 5000.0);
    }

    @Test
    void keysAreCheckedByTheKind() {
        assertThatThrownBy(() -> Criteria.create(DistanceCriterion.KIND, Common.of("d", 1), Map.of("attribute", "kv")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("does not apply to kind distance");
        assertThatThrownBy(() -> Criteria.create(DistanceCriterion.KIND, Common.of("d", 1), Map.of("filter", "kv > 1")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("layer: missing");
        assertThatThrownBy(() -> Criteria.create(WithinRadiusCriterion.KIND, Common.of("w", 1),
                Map.of("layer", "s", "radiusM", -5))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("radiusM");
        // blank values are left out
        assertThat(Criteria.create(AreaCriterion.KIND, Common.of("a", 1), Map.of())).isInstanceOf(AreaCriterion.class);
        assertThat(Criteria.create(DistanceCriterion.KIND, Common.of("d", 1), Map.of("layer", "s", "filter", " ")))
                .isEqualTo(new DistanceCriterion(Common.of("d", 1), "s", null));
    }
}
