package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.List;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** Every criterion kind on a small hand-built layout with hand-computed expected values. */
class CriterionKindsTest {
    /** One 100 m x 100 m parcel at (500000, 1000000), land price 10,000 USD/acre. */
    static MemoryLayerSource layout() {
        VectorLayer parcels = VectorLayer.builder("p").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("pid", FieldType.INTEGER), new Field("land", FieldType.REAL))))
                .add(new Feature(1, TestData.GF.toGeometry(new Envelope(500000, 500100, 1000000, 1000100)),
                        new Object[] {1L, 10000.0}))
                .build();
        // substations: S1 1000 m east (345 kV, 200 MW free), S2 3000 m east (500 kV, 1500 MW), S3 100 km away
        VectorLayer subs = VectorLayer.builder("s").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("kv", FieldType.INTEGER), new Field("avail_mw", FieldType.REAL))))
                .add(new Feature(1, TestData.GF.createPoint(new Coordinate(501100, 1000050)), new Object[] {345L, 200.0}))
                .add(new Feature(2, TestData.GF.createPoint(new Coordinate(503100, 1000050)), new Object[] {500L, 1500.0}))
                .add(new Feature(3, TestData.GF.createPoint(new Coordinate(600100, 1000050)), new Object[] {230L, 5000.0}))
                .build();
        // lines: two 345 kV lines end at S1, one 500 kV line at S2 (reV estimate: S1 750/2*2 = 750, S2 1500/2 = 750)
        VectorLayer lines = VectorLayer.builder("l").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("kv", FieldType.INTEGER))))
                .add(new Feature(1, TestData.GF.createLineString(new Coordinate[] {new Coordinate(501100, 1000050),
                    new Coordinate(501100, 1010000)}), new Object[] {345L}))
                .add(new Feature(2, TestData.GF.createLineString(new Coordinate[] {new Coordinate(501100, 1000050),
                    new Coordinate(501100, 990000)}), new Object[] {345L}))
                .add(new Feature(3, TestData.GF.createLineString(new Coordinate[] {new Coordinate(503100, 1000050),
                    new Coordinate(510000, 1000050)}), new Object[] {500L}))
                .build();
        // flood: two overlapping polygons both covering the west half of the parcel
        VectorLayer flood = VectorLayer.builder("f").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("zone", FieldType.STRING))))
                .add(new Feature(1, TestData.GF.toGeometry(new Envelope(499900, 500050, 999900, 1000200)), new Object[] {"AE"}))
                .add(new Feature(2, TestData.GF.toGeometry(new Envelope(499950, 500050, 999950, 1000150)), new Object[] {"A"}))
                .build();
        // zones: Z1 covers x < 500030 (30 %), Z2 the rest (70 %)
        VectorLayer zones = VectorLayer.builder("z").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("price", FieldType.REAL))))
                .add(new Feature(1, TestData.GF.toGeometry(new Envelope(499000, 500030, 999000, 1001000)), new Object[] {40.0}))
                .add(new Feature(2, TestData.GF.toGeometry(new Envelope(500030, 501000, 999000, 1001000)), new Object[] {70.0}))
                .build();
        // raster: 20 x 20 pixels of 10 m from (500000, 1000000); value = column index
        float[][] m = new float[20][20];
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < 20; c++) {
                m[r][c] = c;
            }
        }
        GridCoverage2D cov = new GridCoverageFactory().create("r", m,
                new ReferencedEnvelope(500000, 500200, 1000000, 1000200, TestData.albers()));
        RasterLayer raster = new RasterLayer("r", null, cov, 5070, Double.NaN, List.of());
        return new MemoryLayerSource().put("p", parcels).put("s", subs).put("l", lines).put("f", flood).put("z", zones)
                .put("r", raster);
    }

    static ScoringSession evaluate(String criteria) {
        Scenario s = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\","
                + "\"campus\":{\"itLoadMw\":1000,\"pue\":1.2,\"landPriceUsdPerAcre\":5000},\"analysisCrs\":\"EPSG:5070\","
                + "\"layers\":{\"p\":\"p\",\"s\":\"s\",\"l\":\"l\",\"f\":\"f\",\"z\":\"z\",\"r\":\"r\"},\"candidates\":\"p\","
                + "\"idField\":\"pid\",\"criteria\":[" + criteria + "]}");
        return ScenarioEvaluator.evaluate(s, layout(), Progress.NONE);
    }

    static double value(String criterion) {
        ScoringSession s = evaluate(criterion);
        return s.raw(0)[0];
    }

    @Test
    void areaInAcres() {
        assertThat(value("{\"id\":\"a\",\"kind\":\"area\",\"weight\":1}")).isCloseTo(10000 / 4046.8564224, offset(1e-12));
    }

    @Test
    void distanceAndNearestAttribute() {
        assertThat(value("{\"id\":\"d\",\"kind\":\"distance\",\"layer\":\"s\",\"weight\":1}")).isEqualTo(1000);
        assertThat(value("{\"id\":\"d\",\"kind\":\"distance\",\"layer\":\"s\",\"filter\":\"avail_mw > 1000\",\"weight\":1}"))
                .isEqualTo(3000);
        assertThat(value("{\"id\":\"k\",\"kind\":\"nearestAttribute\",\"layer\":\"s\",\"attribute\":\"kv\",\"weight\":1}"))
                .isEqualTo(345);
        assertThat(value("{\"id\":\"d\",\"kind\":\"distance\",\"layer\":\"l\",\"filter\":\"kv = 500\",\"weight\":1}"))
                .isEqualTo(3000);
    }

    @Test
    void attributeOfCandidate() {
        assertThat(value("{\"id\":\"x\",\"kind\":\"attribute\",\"attribute\":\"land\",\"weight\":1}")).isEqualTo(10000);
    }

    @Test
    void overlapFractionUnionsOverlappingPolygons() {
        assertThat(value("{\"id\":\"o\",\"kind\":\"overlap\",\"layer\":\"f\",\"weight\":1}")).isCloseTo(0.5, offset(1e-12));
        assertThat(value("{\"id\":\"o\",\"kind\":\"overlap\",\"layer\":\"f\",\"filter\":\"zone = 'X'\",\"weight\":1}"))
                .isEqualTo(0);
    }

    @Test
    void zoneAtCentroidAndLargestOverlap() {
        assertThat(value("{\"id\":\"z\",\"kind\":\"zoneAttribute\",\"layer\":\"z\",\"attribute\":\"price\",\"weight\":1}"))
                .isEqualTo(70);
        assertThat(value("{\"id\":\"z\",\"kind\":\"zoneAttribute\",\"layer\":\"z\",\"attribute\":\"price\","
                + "\"at\":\"largestOverlap\",\"weight\":1}")).isEqualTo(70);
        assertThat(value("{\"id\":\"z\",\"kind\":\"zoneAttribute\",\"layer\":\"z\",\"attribute\":\"price\","
                + "\"filter\":\"price < 50\",\"at\":\"largestOverlap\",\"weight\":1}")).isEqualTo(40);
        assertThat(value("{\"id\":\"z\",\"kind\":\"zoneAttribute\",\"layer\":\"z\",\"attribute\":\"price\","
                + "\"filter\":\"price < 50\",\"weight\":1}")).isNaN();
    }

    @Test
    void rasterStatistics() {
        assertThat(value("{\"id\":\"r\",\"kind\":\"raster\",\"layer\":\"r\",\"weight\":1}")).isCloseTo(4.5, offset(1e-12));
        assertThat(value("{\"id\":\"r\",\"kind\":\"raster\",\"layer\":\"r\",\"stat\":\"max\",\"weight\":1}")).isEqualTo(9);
        assertThat(value("{\"id\":\"r\",\"kind\":\"raster\",\"layer\":\"r\",\"stat\":\"min\",\"weight\":1}")).isEqualTo(0);
        assertThat(value("{\"id\":\"r\",\"kind\":\"raster\",\"layer\":\"r\",\"stat\":\"centroid\",\"weight\":1}"))
                .isEqualTo(5);
    }

    @Test
    void gridHeadroomModes() {
        // demand 1000 x 1.2 = 1200 MW
        assertThat(value("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"availableAttribute\":\"avail_mw\","
                + "\"radiusKm\":5,\"weight\":1}")).isEqualTo(300);
        assertThat(value("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"availableAttribute\":\"avail_mw\","
                + "\"mode\":\"nearest\",\"radiusKm\":5,\"weight\":1}")).isEqualTo(-1000);
        assertThat(value("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"availableAttribute\":\"avail_mw\","
                + "\"radiusKm\":0.5,\"weight\":1}")).isNaN();
        // default radius 20 miles = 32.19 km: S3 at 100 km is out of reach
        assertThat(value("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"availableAttribute\":\"avail_mw\","
                + "\"weight\":1}")).isEqualTo(300);
        // no attribute: capacity of one line at the substation voltage (345 -> 750, 500 -> 1500 MW)
        assertThat(value("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"radiusKm\":5,\"weight\":1}"))
                .isEqualTo(300);
        // reV estimate from lines: half the sum of line capacities at each substation: S1 750, S2 750
        assertThat(value("{\"id\":\"h\",\"kind\":\"gridHeadroom\",\"layer\":\"s\",\"linesLayer\":\"l\",\"radiusKm\":5,"
                + "\"weight\":1}")).isEqualTo(750 - 1200);
    }

    @Test
    void interconnectionEnergyAndTcoFollowDesignFigures() {
        ScoringSession s = evaluate("{\"id\":\"ic\",\"kind\":\"interconnectionCost\",\"layer\":\"s\",\"weight\":1},"
                + "{\"id\":\"en\",\"kind\":\"energyCost\",\"priceUsdMwh\":60,\"weight\":1},"
                + "{\"id\":\"en2\",\"kind\":\"energyCost\",\"layer\":\"z\",\"attribute\":\"price\",\"weight\":0},"
                + "{\"id\":\"en3\",\"kind\":\"energyCost\",\"priceUsdMwh\":6.96,\"priceUnit\":\"cents_kwh\",\"weight\":0},"
                + "{\"id\":\"tco\",\"kind\":\"tco\",\"interconnection\":\"ic\",\"energy\":\"en\",\"weight\":1},"
                + "{\"id\":\"tco2\",\"kind\":\"tco\",\"interconnection\":\"ic\",\"energy\":\"en\","
                + "\"landPriceAttribute\":\"land\",\"weight\":0}");
        // 345 kV: $/mile between 230 (1.69M) and 500 kV (2.79M); substation between 9.7M and 20.3M
        double perMile = 1.69e6 + (345 - 230) / 270.0 * (2.79e6 - 1.69e6);
        double sub = 9.7e6 + (345 - 230) / 270.0 * (20.3e6 - 9.7e6);
        double ic = (1000 / 1609.344 * 1.3 * perMile * 1 + sub) * 1.2 * 1.075;
        assertThat(s.raw(0)[0]).isCloseTo(ic, offset(1e-3));
        double mwh = 1000 * 1.2 * 8760 * 0.85;
        assertThat(s.raw(1)[0]).isCloseTo(mwh * 60, offset(1e-3));
        assertThat(s.raw(2)[0]).isCloseTo(mwh * 70, offset(1e-3));
        assertThat(s.raw(3)[0]).isCloseTo(mwh * 69.6, offset(1e-3));
        double annuity = (1 - Math.pow(1.08, -15)) / 0.08;
        double acres = 10000 / 4046.8564224;
        assertThat(s.raw(4)[0]).isCloseTo(ic + acres * 5000 + mwh * 60 * annuity, offset(1e-2));
        assertThat(s.raw(5)[0]).isCloseTo(ic + acres * 10000 + mwh * 60 * annuity, offset(1e-2));
    }

    @Test
    void tieLinesAboveFifteenHundredMegawatts() {
        assertThat(GridModel.tieLines(1200)).isEqualTo(1);
        assertThat(GridModel.tieLines(1500)).isEqualTo(1);
        assertThat(GridModel.tieLines(2400)).isEqualTo(2);
        assertThat(GridModel.tieLines(3000)).isEqualTo(3);
        assertThat(GridModel.lineCapacityMw(230)).isEqualTo(400);
        assertThat(GridModel.lineCostPerMile(69)).isEqualTo(1.25e6);
        assertThat(GridModel.substationCost(500)).isEqualTo(20.3e6);
        assertThat(GridModel.annuityFactor(10, 0)).isEqualTo(10);
    }
}
