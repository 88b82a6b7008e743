package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.scoring.criteria.AreaCriterion;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.scoring.criteria.GridHeadroomCriterion;
import io.siteplanner.scoring.criteria.ZoneAttributeCriterion;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    static String withCriterion(String criterion) {
        return TestData.scenarioJson().replace("\"criteria\": [", "\"criteria\": [" + criterion + ",");
    }

    @Test
    void parsesTheIssueExample() {
        Scenario s = ScenarioReader.parse(TestData.scenarioJson());
        assertThat(s.campus().itLoadMw()).isEqualTo(250);
        assertThat(s.campus().pue()).isEqualTo(1.2);
        assertThat(s.campus().utilization()).isEqualTo(0.85);
        assertThat(s.campus().years()).isEqualTo(15);
        assertThat(s.campus().discountRate()).isEqualTo(0.08);
        assertThat(s.layers()).containsOnlyKeys("parcels", "substations", "lines", "zones");
        assertThat(s.layers().get("zones").layer()).isEqualTo("zones");
        assertThat(s.criteria()).extracting(c -> c.kind()).containsExactly(AreaCriterion.KIND, DistanceCriterion.KIND,
                DistanceCriterion.KIND, ZoneAttributeCriterion.KIND);
        assertThat(((DistanceCriterion) s.criteria().get(1)).filter()).isEqualTo("avail_mw >= 300");
    }

    @Test
    void roundTripsThroughWrite(@TempDir Path dir) throws Exception {
        String json = withCriterion("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"substations\",\"radiusKm\":15,"
                + "\"availableAttribute\":\"avail_mw\",\"transform\":{\"type\":\"threshold\",\"direction\":\"benefit\","
                + "\"value\":0},\"weight\":0.1},{\"id\":\"pw\",\"kind\":\"area\",\"transform\":{\"type\":\"piecewise\","
                + "\"points\":[[0,0],[100,1]]},\"missingScore\":0.5,\"weight\":0}")
                .replace("\"method\": {\"type\": \"weightedSum\"}", "\"constraints\":[{\"criterion\":\"acres\",\"op\":\">=\","
                        + "\"value\":5},{\"exclude\":\"zones\",\"filter\":\"price_usd_mwh > 80\",\"bufferM\":100}],"
                        + "\"method\":{\"type\":\"owa\",\"orness\":0.3}");
        Scenario s = ScenarioReader.parse(json);
        Path f = dir.resolve("s.json");
        ScenarioWriter.write(s, f);
        Scenario back = ScenarioReader.read(f);
        assertThat(ScenarioWriter.toJson(back)).isEqualTo(ScenarioWriter.toJson(s));
        assertThat(back.criteria()).hasSize(6);
        assertThat(((GridHeadroomCriterion) back.criteria().get(0)).radiusKm()).isEqualTo(15);
        assertThat(back.criteria().get(1).common().missingScore()).isEqualTo(0.5);
        assertThat(back.constraints().get(1).buffer()).isEqualTo(100);
        assertThat(back.method().orness()).isEqualTo(0.3);
        assertThat(Files.list(dir)).hasSize(1); // no temp files left
    }

    @Test
    void unknownTopLevelKeySuggestsTheRightOne() {
        String json = TestData.scenarioJson().replace("\"idField\"", "\"idFeild\"");
        assertThatThrownBy(() -> ScenarioReader.parse(json)).isInstanceOf(ScenarioException.class)
                .hasMessage("idFeild: unknown key 'idFeild' (did you mean 'idField'?)");
    }

    @Test
    void unknownKindNamesThePath() {
        assertThatThrownBy(() -> ScenarioReader.parse(withCriterion("{\"id\":\"x\",\"kind\":\"slope\",\"weight\":1}")))
                .hasMessageStartingWith("criteria[0].kind: unknown kind 'slope' (known: area, attribute, distance");
    }

    @Test
    void keyOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> ScenarioReader.parse(withCriterion("{\"id\":\"x\",\"kind\":\"area\",\"layer\":\"zones\"}")))
                .hasMessageStartingWith("criteria[0].layer: 'layer' does not apply to kind area");
    }

    @Test
    void missingLayerAndBadReferences() {
        assertThatThrownBy(() -> ScenarioReader.parse(withCriterion(
                "{\"id\":\"x\",\"kind\":\"distance\",\"layer\":\"roads\"}")))
                .hasMessage("criteria[0].layer: no layer 'roads' in layers (have: parcels, substations, lines, zones)");
        assertThatThrownBy(() -> ScenarioReader.parse(withCriterion("{\"id\":\"x\",\"kind\":\"distance\"}")))
                .hasMessage("criteria[0].layer: missing");
        assertThatThrownBy(() -> ScenarioReader.parse(withCriterion("{\"id\":\"acres\",\"kind\":\"area\"}")))
                .hasMessage("criteria[1].id: duplicate criterion id 'acres'");
        assertThatThrownBy(() -> ScenarioReader.parse(TestData.scenarioJson().replace("\"candidates\": \"parcels\"",
                "\"candidates\": \"sites\""))).hasMessageStartingWith("candidates: no layer 'sites'");
    }

    @Test
    void typeErrorsAndBadJson() {
        assertThatThrownBy(() -> ScenarioReader.parse(TestData.scenarioJson().replace("\"itLoadMw\": 250",
                "\"itLoadMw\": \"250\""))).hasMessage("campus.itLoadMw: must be a number");
        assertThatThrownBy(() -> ScenarioReader.parse("{\"schema\": ")).hasMessageStartingWith("not valid JSON (line 1");
        assertThatThrownBy(() -> ScenarioReader.parse(TestData.scenarioJson().replace("scenario/v1", "scenario/v9")))
                .hasMessageStartingWith("schema: unsupported schema 'siteplanner/scenario/v9'");
        assertThatThrownBy(() -> ScenarioReader.parse(TestData.scenarioJson().replace("\"method\": {\"type\": \"weightedSum\"}",
                "\"method\": {\"type\": \"electre\"}"))).hasMessageStartingWith("method.type: unknown method 'electre'");
        assertThatThrownBy(() -> ScenarioReader.parse(TestData.scenarioJson().replace("\"method\": {\"type\": \"weightedSum\"}",
                "\"constraints\": [{\"criterion\": \"acres\", \"op\": \"=>\", \"value\": 5}]")))
                .hasMessageStartingWith("constraints[0].op: unknown operator '=>'");
    }

    @Test
    void ahpWeightsInTheScenario() {
        String json = TestData.scenarioJson().replace("\"method\": {\"type\": \"weightedSum\"}",
                "\"weights\": {\"type\": \"ahp\", \"criteria\": [\"acres\", \"d_sub\"], \"matrix\": [[1, \"1/3\"], [3, 1]]}");
        Scenario s = ScenarioReader.parse(json);
        assertThat(s.weights().matrix()[0][1]).isEqualTo(1 / 3.0);
        assertThatThrownBy(() -> ScenarioReader.parse(json.replace("[3, 1]", "[2, 1]")))
                .hasMessageStartingWith("weights.matrix: not reciprocal");
    }
}
