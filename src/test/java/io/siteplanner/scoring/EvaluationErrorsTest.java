package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Errors that need the data: bad CQL, unknown attributes, missing files, zero weights; all with JSON paths. */
class EvaluationErrorsTest {
    static TestData data;

    @BeforeAll
    static void data() {
        data = TestData.generate(50, 7L);
    }

    static void fails(String json, String message) {
        Scenario s = ScenarioReader.parse(json);
        assertThatThrownBy(() -> ScenarioEvaluator.evaluate(s, data.source(), Progress.NONE))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
    }

    @Test
    void badCqlNamesTheFilterPath() {
        fails(TestData.scenarioJson().replace("kv >= 345", "kv >>= 345"), "criteria[2].filter: bad CQL 'kv >>= 345'");
    }

    @Test
    void unknownAttributeInFilterListsFields() {
        fails(TestData.scenarioJson().replace("avail_mw >= 300", "avail >= 300"),
                "criteria[1].filter: unknown attribute 'avail' (fields: sub_id, kv, avail_mw)");
    }

    @Test
    void spatialFilterIsUnsupported() {
        fails(TestData.scenarioJson().replace("kv >= 345", "BBOX(geom, 0, 0, 1, 1)"),
                "criteria[2].filter: unsupported filter construct");
    }

    @Test
    void unknownZoneAttribute() {
        fails(TestData.scenarioJson().replace("\"price_usd_mwh\"", "\"price\""),
                "criteria[3].attribute: unknown attribute 'price' in layer 'zones'");
    }

    @Test
    void missingLayerFile() {
        fails(TestData.scenarioJson().replace("lines.gpkg", "nowhere.gpkg"), "layers.lines: nowhere.gpkg: file not found");
    }

    @Test
    void allWeightsZero() {
        fails(TestData.scenarioJson().replaceAll("\"weight\": 0\\.\\d+", "\"weight\": 0"),
                "criteria: all weights are zero");
    }

    @Test
    void unknownIdField() {
        fails(TestData.scenarioJson().replace("\"idField\": \"parcel_id\"", "\"idField\": \"pid\""),
                "idField: no field 'pid' in layer 'parcels'");
    }

    @Test
    void geographicAnalysisCrsIsRefused() {
        fails(TestData.scenarioJson().replace("EPSG:5070", "EPSG:4326"), "analysisCrs: 'EPSG:4326' is geographic");
    }

    @Test
    void filtersSupportInBetweenLikeNullAndArithmetic() {
        String[] ok = {"kv IN (345, 500)", "kv BETWEEN 345 AND 765", "NOT (kv < 345)", "kv >= 345 AND kv IS NOT NULL",
            "kv * 2 >= 690", "line_id > 0 AND kv >= 345"};
        double[] first = null;
        for (String f : ok) {
            Scenario s = ScenarioReader.parse(TestData.scenarioJson().replace("kv >= 345", f));
            double[] d = ScenarioEvaluator.evaluate(s, data.source(), Progress.NONE).raw(2);
            if (first == null) {
                first = d;
            }
            assertThat(d).as(f).containsExactly(first);
        }
    }
}
