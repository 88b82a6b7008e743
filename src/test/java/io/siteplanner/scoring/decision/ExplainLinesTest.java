package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explanation's lines: criteria on which both sites score the same, where only all the weight on one of
 * them would tie the scores, share one line. Hand-worked: three sites, three benefit criteria (linear 0-10):
 * S2 = (5, 7, 9), S1 = (5, 7, 8), S3 = (0, 0, 0), equal weights. S2 leads by 1/30 on c2; all the weight on c0
 * or c1 ties S1 with S2 (then S1 ranks first by id); c2's weight down to 0 ties them too.
 */
class ExplainLinesTest {
    static Scenario template() {
        String c = "{\"id\":\"%s\",\"kind\":\"attribute\",\"attribute\":\"%s\",\"label\":\"%s\",\"weight\":1,"
                + "\"transform\":{\"type\":\"linear\",\"direction\":\"benefit\",\"min\":0,\"max\":10}}";
        return ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":100},\"layers\":{\"p\":\"p\"},\"candidates\":\"p\",\"idField\":\"id\","
                + "\"criteria\":[" + String.format(c, "c0", "c0", "Land") + "," + String.format(c, "c1", "c1", "Water")
                + "," + String.format(c, "c2", "c2", "Grid") + "]}");
    }

    @Test
    void criteriaBothSitesScoreTheSameOnShareOneLine() {
        io.siteplanner.model.VectorLayer.Builder p = io.siteplanner.model.VectorLayer.builder("p")
                .crs(io.siteplanner.gis.Crs.decode("EPSG:5070"), 5070)
                .schema(new io.siteplanner.model.Schema(List.of(new io.siteplanner.model.Field("id",
                        io.siteplanner.model.FieldType.STRING), new io.siteplanner.model.Field("c0",
                        io.siteplanner.model.FieldType.REAL), new io.siteplanner.model.Field("c1",
                        io.siteplanner.model.FieldType.REAL), new io.siteplanner.model.Field("c2",
                        io.siteplanner.model.FieldType.REAL))));
        Object[][] rows = {{"S2", 5.0, 7.0, 9.0}, {"S1", 5.0, 7.0, 8.0}, {"S3", 0.0, 0.0, 0.0}};
        for (int i = 0; i < rows.length; i++) {
            p.add(new io.siteplanner.model.Feature(i + 1, io.siteplanner.model.Geometries.FACTORY.createPoint(
                    new org.locationtech.jts.geom.Coordinate(1000 * i, 0)), rows[i]));
        }
        ScoringSession s = io.siteplanner.scoring.ScenarioEvaluator.evaluate(template(),
                new io.siteplanner.scoring.MemoryLayerSource().put("p", p.build()), io.siteplanner.model.Progress.NONE);
        ScoreResult base = s.score();
        int a = 0;
        int b = 1;
        assertThat(base.rank(a)).isEqualTo(1);
        assertThat(base.rank(b)).isEqualTo(2);

        WhatWouldChange.Result r = WhatWouldChange.explain(base, a, b);

        List<WhatWouldChange.WeightChange> w = r.weights();
        assertThat(w).extracting(WhatWouldChange.WeightChange::equalOnIt).containsExactly(true, true, false);
        assertThat(w.get(0).weight()).isEqualTo(1.0);
        assertThat(w.get(2).weight()).isEqualTo(0.0);
        for (int c = 0; c < 3; c++) {
            // the independent check: "the same on it" is equal transformed values in the engine's result
            assertThat(base.transformed(c, a) == base.transformed(c, b)).isEqualTo(w.get(c).equalOnIt());
        }
        List<String> lines = r.lines();
        assertThat(lines).contains("  Land, Water: both sites score the same on each of these; only all the weight"
                + " on one of them would tie the scores (and the id order then ranks S1 first)");
        List<String> weightLines = lines.subList(lines.indexOf("Weight of one criterion (the others keep their proportions):"),
                lines.indexOf("One value of S1:"));
        assertThat(weightLines).noneMatch(l -> l.startsWith("  Land: ") || l.startsWith("  Water: "));
        assertThat(weightLines).anyMatch(l -> l.startsWith("  Grid: weight down to 0.0000 (now 0.3333)"));
        assertThat(lines.get(0)).startsWith("S2: rank 1");
    }
}
