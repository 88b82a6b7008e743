package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TableJoinTest {
    /** A CSV attribute table, read as the scenario evaluation reads join tables. */
    static VectorLayer table(java.nio.file.Path p) throws java.io.IOException {
        return io.siteplanner.gis.FormatRegistry.standard().readVector(p, io.siteplanner.gis.ReadOptions.DEFAULT.asTable(),
                io.siteplanner.model.Progress.NONE);
    }

    static final Path NRI = Path.of("src/test/resources/fixtures/scoring/nri.csv");

    /** Counties keyed by GEOID as integers (leading zeros lost, as in many shapefiles). */
    static VectorLayer counties() {
        VectorLayer.Builder b = VectorLayer.builder("counties").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("GEOID", FieldType.INTEGER), new Field("NAME", FieldType.STRING))));
        long[] ids = {1001, 1003, 1005, 1007};
        for (int i = 0; i < ids.length; i++) {
            double x = 500000 + i * 1000;
            b.add(new Feature(i + 1, TestData.GF.toGeometry(new Envelope(x, x + 900, 1000000, 1000900)),
                    new Object[] {ids[i], "c" + i}));
        }
        return b.build();
    }

    @Test
    void csvTableKeepsCodesAsTextAndTypesNumbers() throws Exception {
        VectorLayer t = table(NRI);
        assertThat(t.schema().names()).containsExactly("STCOFIPS", "COUNTY", "POPULATION", "RISK_SCORE");
        assertThat(t.schema().field(0).type()).isEqualTo(FieldType.STRING);
        assertThat(t.schema().field(2).type()).isEqualTo(FieldType.INTEGER);
        assertThat(t.schema().field(3).type()).isEqualTo(FieldType.REAL);
        assertThat(t.size()).isEqualTo(5);
        assertThat(t.get(2).value(1)).isEqualTo("Barbour, AL");
        assertThat(t.get(0).value(0)).isEqualTo("01001");
    }

    @Test
    void keysNormalise() {
        assertThat(TableJoin.normalizeKey("01001")).isEqualTo("1001");
        assertThat(TableJoin.normalizeKey(1001L)).isEqualTo("1001");
        assertThat(TableJoin.normalizeKey(1001.0)).isEqualTo("1001");
        assertThat(TableJoin.normalizeKey(" 1001.00 ")).isEqualTo("1001");
        assertThat(TableJoin.normalizeKey("TX-01")).isEqualTo("TX-01");
        assertThat(TableJoin.normalizeKey("")).isNull();
    }

    @Test
    void joinsStringCodesOntoIntegerKeysAndCountsUnmatched() throws Exception {
        JoinSpec spec = new JoinSpec("nri.csv", null, "GEOID", "STCOFIPS", List.of("POPULATION", "RISK_SCORE"), null);
        TableJoin.Outcome o = TableJoin.apply(counties(), table(NRI), spec, "layers.counties.join");
        assertThat(o.matched()).isEqualTo(3);
        assertThat(o.unmatchedFeatures()).isEqualTo(1);
        assertThat(o.unusedRows()).isEqualTo(1); // 99999
        assertThat(o.duplicateKeys()).isEqualTo(1); // second 01005
        assertThat(o.firstUnmatched()).containsExactly("GEOID 1007");
        VectorLayer j = o.layer();
        assertThat(j.schema().names()).containsExactly("GEOID", "NAME", "POPULATION", "RISK_SCORE");
        assertThat(j.get(0).value(2)).isEqualTo(58805L);
        assertThat(j.get(2).value(3)).isEqualTo(9.75); // first 01005 row wins
        assertThat(j.get(3).value(2)).isNull();
        assertThat(o.summary("counties", "nri.csv")).isEqualTo("join nri.csv -> counties: 3 of 4 features matched;"
                + " 1 unmatched (e.g. GEOID 1007); 1 table rows unused; 1 duplicate table keys ignored");
    }

    @Test
    void joinErrorsNameTheirPath() throws Exception {
        JoinSpec bad = new JoinSpec("nri.csv", null, "FIPS", "STCOFIPS", List.of(), null);
        assertThatThrownBy(() -> TableJoin.apply(counties(), table(NRI), bad, "layers.counties.join"))
                .hasMessageStartingWith("layers.counties.join.layerKey: no field 'FIPS'");
        JoinSpec clash = new JoinSpec("nri.csv", null, "GEOID", "STCOFIPS", List.of("COUNTY"), null);
        VectorLayer withCounty = counties().toBuilder().schema(new Schema(List.of(new Field("GEOID", FieldType.INTEGER),
                new Field("COUNTY", FieldType.STRING)))).features(counties().features()).build();
        assertThatThrownBy(() -> TableJoin.apply(withCounty, table(NRI), clash, "layers.counties.join"))
                .hasMessageContaining("set a 'prefix'");
    }

    @Test
    void scenarioWithJoinScoresJoinedAttributeAndReportsMatching() {
        Scenario s = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":100},"
                + "\"analysisCrs\":\"EPSG:5070\",\"layers\":{\"counties\":{\"path\":\"counties.gpkg\",\"join\":"
                + "{\"path\":\"nri.csv\",\"layerKey\":\"GEOID\",\"tableKey\":\"STCOFIPS\",\"fields\":[\"RISK_SCORE\"]}}},"
                + "\"candidates\":\"counties\",\"idField\":\"GEOID\",\"criteria\":[{\"id\":\"risk\",\"kind\":\"attribute\","
                + "\"attribute\":\"RISK_SCORE\",\"weight\":1,\"transform\":{\"type\":\"linear\",\"direction\":\"cost\"}}]}");
        MemoryLayerSource src = new MemoryLayerSource();
        src.put("counties.gpkg", counties());
        try {
            src.put("nri.csv", table(NRI));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        ScoringSession session = ScenarioEvaluator.evaluate(s, src, Progress.NONE);
        assertThat(session.raw(0)).containsExactly(12.5, 40.1, 9.75, Double.NaN);
        assertThat(session.warnings()).anyMatch(w -> w.contains("3 of 4 features matched"));
        ScoreResult r = session.score();
        assertThat(session.id(r.siteAt(0))).isEqualTo(1005L);
        assertThat(r.flags(3)).containsExactly("risk: no data, scored 0");
    }
}
