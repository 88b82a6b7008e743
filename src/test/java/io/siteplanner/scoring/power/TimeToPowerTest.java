package io.siteplanner.scoring.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.MemoryLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.TimeToPowerCriterion;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Time to power, hand-worked: with constant durations every connection path's months follow from the
 * formulas in docs/time-to-power.md by hand; with one random task the percentiles are the triangular
 * distribution's quantiles.
 *
 * <p>Layout (EPSG:5070): site P1 is a 100 m square at (500000, 1000000); substation S1 (345 kV, 500 MW
 * available) is 1,000 m east of it, S2 (500 kV, 50 MW) 5,000 m east; line L1 (345 kV) runs north-south
 * 2,000 m east; zone Z1 (iso "SPP") covers the site. Campus 300 MW x PUE 1.2 = 360 MW: one tie-line at
 * 230 kV (the lowest voltage whose line carries 360 MW: 400 MW at 230 kV).
 */
class TimeToPowerTest {
    /** Weeks to months. */
    static final double W = 7 / 30.436875;

    static MemoryLayerSource layout() {
        CoordinateReferenceSystem crs = Crs.decode("EPSG:5070");
        VectorLayer parcels = VectorLayer.builder("p").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("pid", FieldType.INTEGER))))
                .add(new Feature(1, Geometries.FACTORY.toGeometry(new Envelope(500000, 500100, 1000000, 1000100)),
                        new Object[] {1L}))
                .build();
        VectorLayer subs = VectorLayer.builder("s").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("kv", FieldType.INTEGER), new Field("avail_mw", FieldType.REAL))))
                .add(new Feature(1, Geometries.FACTORY.createPoint(new Coordinate(501100, 1000050)),
                        new Object[] {345L, 500.0}))
                .add(new Feature(2, Geometries.FACTORY.createPoint(new Coordinate(505100, 1000050)),
                        new Object[] {500L, 50.0}))
                .build();
        VectorLayer lines = VectorLayer.builder("l").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("kv", FieldType.INTEGER))))
                .add(new Feature(1, Geometries.FACTORY.createLineString(new Coordinate[] {
                    new Coordinate(502100, 990000), new Coordinate(502100, 1010000)}), new Object[] {345L}))
                .build();
        VectorLayer zones = VectorLayer.builder("z").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("iso", FieldType.STRING))))
                .add(new Feature(1, Geometries.FACTORY.toGeometry(new Envelope(499000, 501000, 999000, 1001000)),
                        new Object[] {"SPP"}))
                .build();
        return new MemoryLayerSource().put("p", parcels).put("s", subs).put("l", lines).put("z", zones);
    }

    /** Constant durations: study 12, substation permit 10, line permit 18 + 0.5/mile, campus substation 18. */
    static final String CONSTANT = "\"studyMonths\": 12, \"substationPermitMonths\": 10, \"linePermitMonths\": 18,"
            + " \"linePermitMonthsPerMile\": 0.5, \"campusSubstationMonths\": 18, \"newStationMonths\": 20,"
            + " \"upgradeExistingMonths\": 8, \"networkUpgradeMonths\": 30, \"lineBuildMonths\": 6,"
            + " \"lineBuildMonthsPerMile\": 0.25, \"extraTieLineMonths\": 5, \"transformerLeadWeeks\": 100,"
            + " \"transformerInstallMonths\": 2";

    static double months(String criterionKeys, String modelExtra) {
        String json = "{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":300,\"pue\":1.2},"
                + "\"analysisCrs\":\"EPSG:5070\",\"layers\":{\"p\":\"p\",\"s\":\"s\",\"l\":\"l\",\"z\":\"z\"},"
                + "\"candidates\":\"p\",\"idField\":\"pid\",\"criteria\":[{\"id\":\"ttp\",\"kind\":\"timeToPower\","
                + "\"layer\":\"s\",\"availableAttribute\":\"avail_mw\",\"linesLayer\":\"l\",\"weight\":1,"
                + criterionKeys + "\"model\":{" + CONSTANT + modelExtra + "}}]}";
        Scenario s = ScenarioReader.parse(json);
        ScoringSession session = ScenarioEvaluator.evaluate(s, layout(), Progress.NONE);
        return session.raw(0)[0];
    }

    // existing (S1, 1,000 m): route miles = round(1000 / 1609.344 x 1.3, 0.1) = 0.8
    //   line permit 18 + 0.8 x 0.5 = 18.4; line build 6 + 0.8 x 0.25 = 6.2
    //   12 + max(10, 18.4) + max(18, 8, 6.2) = 48.4; transformers 12 + 100 W + 2 = 36.998
    static final double EXISTING = 12 + 18.4 + 18;
    // newStation (L1, 2,000 m): miles round(1.6156, 0.1) = 1.6; permit 18 + 0.8 = 18.8; build max(18, 20, 6.4)
    static final double NEW_STATION = 12 + 18.8 + 20;
    // newLine (nearest >= 230 kV substation: S1, 1,000 m): permit 18.4; build max(18, 30, 6.2) = 30
    static final double NEW_LINE = 12 + 18.4 + 30;

    @Test
    void existingSubstationWithHeadroom() {
        assertThat(months("\"paths\":[\"existing\"],", "")).isCloseTo(EXISTING, offset(1e-9));
    }

    @Test
    void newSubstationOnAnExistingLine() {
        assertThat(months("\"paths\":[\"newStation\"],", "")).isCloseTo(NEW_STATION, offset(1e-9));
    }

    @Test
    void newLineToASubstation() {
        assertThat(months("\"paths\":[\"newLine\"],", "")).isCloseTo(NEW_LINE, offset(1e-9));
    }

    @Test
    void theFastestPathIsTaken() {
        assertThat(months("", "")).isCloseTo(EXISTING, offset(1e-9));
        // a line permit of 40 months makes every path slower; existing still wins: 12 + 40.4 + 18
        assertThat(months("", ", \"linePermitMonths\": 40")).isCloseTo(12 + 40.4 + 18, offset(1e-9));
    }

    @Test
    void severalTieLinesAbove1500Mw() {
        // demand 2,000 MW: 2 tie-lines of 1,000 MW each, so 500 kV; only S2 (500 kV, 5,000 m) qualifies,
        // and only for a new line: miles round(5000 / 1609.344 x 1.3, 0.1) = 4.0
        // permit 18 + 4 x 0.5 = 20; line build 6 + 4 x 0.25 + (2 - 1) x 5 = 12; campus 10, network 8
        double m = months("\"demandMw\": 2000,", ", \"campusSubstationMonths\": 10, \"networkUpgradeMonths\": 8");
        assertThat(m).isCloseTo(12 + 20 + 12, offset(1e-9));
    }

    @Test
    void transformersCanBeTheLongPole() {
        // 300 weeks: 12 + 300 x 7 / 30.436875 + 2 = 82.995 > 48.4
        assertThat(months("", ", \"transformerLeadWeeks\": 300")).isCloseTo(12 + 300 * W + 2, offset(1e-9));
        // ordered at the start: 300 W + 2 = 70.995
        assertThat(months("", ", \"transformerLeadWeeks\": 300, \"orderTransformersAtStart\": true"))
                .isCloseTo(300 * W + 2, offset(1e-9));
    }

    @Test
    void theProcessComesFromTheZoneLayer() {
        // SPP study 3 months: 3 + 18.4 + 18 = 39.4
        assertThat(months("\"processLayer\":\"z\",\"processAttribute\":\"iso\",", ", \"processes\": {\"SPP\": 3}"))
                .isCloseTo(3 + 18.4 + 18, offset(1e-9));
        // no figures for "SPP": the default study (12)
        assertThat(months("\"processLayer\":\"z\",\"processAttribute\":\"iso\",", "")).isCloseTo(EXISTING,
                offset(1e-9));
        // a named process for every site
        assertThat(months("\"process\":\"spp-hill\",", ", \"processes\": {\"spp-hill\": 3}"))
                .isCloseTo(3 + 18.4 + 18, offset(1e-9));
    }

    @Test
    void percentilesOfARandomTransformerLeadAreTriangularQuantiles() {
        TimeToPowerModel m = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":300},"
                + "\"layers\":{\"p\":\"p\",\"s\":\"s\"},\"candidates\":\"p\",\"criteria\":[{\"id\":\"t\","
                + "\"kind\":\"timeToPower\",\"layer\":\"s\",\"model\":{\"studyMonths\":0,\"substationPermitMonths\":0,"
                + "\"campusSubstationMonths\":0,\"upgradeExistingMonths\":0,\"transformerInstallMonths\":0,"
                + "\"orderTransformersAtStart\":true}}]}").criteria().get(0) instanceof TimeToPowerCriterion t
                ? t.modelOrDefault() : null;
        TimeToPowerModel.Estimate e = m.simulator(40000, 7, 50).estimate(TimeToPowerModel.Path.EXISTING, 0, 1,
                "default");
        // triangular(120, 128, 210) weeks: F(128) = 8/90; P10 = 210 - sqrt(0.9 x 90 x 82) = 128.50,
        // P50 = 210 - sqrt(0.5 x 90 x 82) = 149.25, P90 = 210 - sqrt(0.1 x 90 x 82) = 182.83
        assertThat(e.p10()).isCloseTo((210 - Math.sqrt(0.9 * 90 * 82)) * W, offset(0.15));
        assertThat(e.p50()).isCloseTo((210 - Math.sqrt(0.5 * 90 * 82)) * W, offset(0.15));
        assertThat(e.p90()).isCloseTo((210 - Math.sqrt(0.1 * 90 * 82)) * W, offset(0.15));
        assertThat(e.percentile()).isEqualTo(e.p50());
    }

    @Test
    void theSameSeedGivesTheSameMonths() {
        TimeToPowerModel m = TimeToPowerModel.defaults();
        TimeToPowerModel.Estimate a = m.simulator(2000, 3, 90).estimate(TimeToPowerModel.Path.NEW_LINE, 12000, 1, "x");
        TimeToPowerModel.Estimate b = m.simulator(2000, 3, 90).estimate(TimeToPowerModel.Path.NEW_LINE, 12000, 1, "x");
        TimeToPowerModel.Estimate c = m.simulator(2000, 4, 90).estimate(TimeToPowerModel.Path.NEW_LINE, 12000, 1, "x");
        assertThat(a).isEqualTo(b);
        assertThat(a.p50()).isNotEqualTo(c.p50());
        assertThat(a.percentile()).isEqualTo(a.p90());
        assertThat(a.p10()).isLessThan(a.p50()).isLessThan(a.p90() + 1e-12);
    }

    @Test
    void defaultFiguresGiveYearsLikeTheSources() {
        TimeToPowerModel.Simulator sim = TimeToPowerModel.defaults().simulator(4000, 1, 50);
        double existing = sim.estimate(TimeToPowerModel.Path.EXISTING, 1000, 1, "default").p50();
        double newLine = sim.estimate(TimeToPowerModel.Path.NEW_LINE, 20000, 1, "default").p50();
        double dominion = sim.estimate(TimeToPowerModel.Path.NEW_LINE, 20000, 1, "dominion-2024").p50();
        // JLL 2026: grid waits above four years in primary markets; Dominion 2024: 4 to 7 years
        assertThat(existing / 12).isBetween(3.0, 5.0);
        assertThat(newLine).isGreaterThan(existing);
        assertThat(dominion / 12).isBetween(5.0, 7.5);
    }

    @Test
    void badFiguresAreScenarioErrorsWithPaths() {
        assertThatThrownBy(() -> months("", ", \"studyMonths\": [12, 6, 24]"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("criteria[0].model.studyMonths");
        assertThatThrownBy(() -> months("", ", \"studyMonth\": 3"))
                .hasMessageContaining("criteria[0].model.studyMonth").hasMessageContaining("unknown figure");
        assertThatThrownBy(() -> months("\"paths\":[\"teleport\"],", "")).hasMessageContaining("unknown path");
        assertThatThrownBy(() -> months("\"processLayer\":\"z\",", "")).hasMessageContaining("go together");
    }

    @Test
    void theScenarioRoundTrips() {
        String json = "{\"schema\":\"siteplanner/scenario/v1\",\"campus\":{\"itLoadMw\":300},\"layers\":{\"p\":\"p\","
                + "\"s\":\"s\",\"z\":\"z\"},\"candidates\":\"p\",\"criteria\":[{\"id\":\"t\",\"kind\":\"timeToPower\","
                + "\"layer\":\"s\",\"percentile\":90,\"paths\":[\"existing\",\"newLine\"],\"processLayer\":\"z\","
                + "\"processAttribute\":\"iso\",\"samples\":500,\"seed\":9,\"weight\":1,\"model\":{" + CONSTANT
                + ",\"processes\":{\"SPP\":[2,3,6]},\"orderTransformersAtStart\":true,\"routeFactor\":1.2}}]}";
        Scenario s = ScenarioReader.parse(json);
        Scenario back = ScenarioReader.parse(ScenarioWriter.toJson(s));
        assertThat(back.criteria()).isEqualTo(s.criteria());
        assertThat(((TimeToPowerCriterion) s.criteria().get(0)).percentileOrDefault()).isEqualTo(90);
    }
}
