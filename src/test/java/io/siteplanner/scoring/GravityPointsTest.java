package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.store.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * gravity over a point layer (cities): hand-worked sums (points exactly on the radius count, just beyond do
 * not; points inside a site weigh 1; points in a hole are measured to the hole's edge; multipolygons measure
 * to the nearer part; empty values add nothing), and a thousand sites of every geometry type (more
 * than one block of neighbouring sites) against a plain loop over every point with JTS DistanceOp.
 */
class GravityPointsTest {
    static final GeometryFactory GF = TestData.GF;
    static final double X = 500_000;
    static final double Y = 1_000_000;

    static Coordinate c(double x, double y) {
        return new Coordinate(X + x, Y + y);
    }

    static Polygon square(double x0, double y0, double side) {
        return GF.createPolygon(new Coordinate[] {c(x0, y0), c(x0 + side, y0), c(x0 + side, y0 + side), c(x0, y0 + side),
            c(x0, y0)});
    }

    static Polygon holed(double x0, double y0, double side, double hx, double hy, double hside) {
        return GF.createPolygon(GF.createLinearRing(square(x0, y0, side).getExteriorRing().getCoordinates()),
                new LinearRing[] {GF.createLinearRing(square(hx, hy, hside).getExteriorRing().getCoordinates())});
    }

    static VectorLayer sites(List<Geometry> gs) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < gs.size(); i++) {
            fs.add(new Feature(i + 1, gs.get(i), new Object[] {(long) (i + 1)}));
        }
        return VectorLayer.builder("parcels").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("parcel_id", FieldType.INTEGER)))).features(fs).build();
    }

    static VectorLayer cities(List<Coordinate> at, List<Double> pop) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            fs.add(new Feature(i + 1, GF.createPoint(at.get(i)), new Object[] {(long) (i + 1), pop.get(i)}));
        }
        return VectorLayer.builder("cities").crs(TestData.albers(), 5070)
                .schema(new Schema(List.of(new Field("city_id", FieldType.INTEGER), new Field("population", FieldType.REAL))))
                .features(fs).build();
    }

    static double[] gravity(VectorLayer sites, VectorLayer cities, String params) {
        String json = "{\"schema\": \"siteplanner/scenario/v1\", \"campus\": {\"itLoadMw\": 100},"
                + " \"analysisCrs\": \"EPSG:5070\", \"layers\": {\"parcels\": \"parcels.gpkg\", \"cities\": \"cities.gpkg\"},"
                + " \"candidates\": \"parcels\", \"idField\": \"parcel_id\", \"criteria\": [{\"id\": \"g\","
                + " \"kind\": \"gravity\", \"layer\": \"cities\", \"attribute\": \"population\", " + params
                + ", \"weight\": 1}]}";
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(json),
                new MemoryLayerSource().put("parcels.gpkg", sites).put("cities.gpkg", cities), Progress.NONE);
        return s.raw(0);
    }

    @Test
    void handWorkedSumsCountTheRadiusInsideHolesAndParts() {
        List<Geometry> sites = List.of(square(0, 0, 1000), holed(0, 0, 1000, 400, 400, 200),
                GF.createMultiPolygon(new Polygon[] {square(0, 0, 1000), square(30_000, 0, 1000)}));
        List<Coordinate> at = List.of(
                c(500, 500), // inside squares and multi; in the hole: 100 m to its edge
                c(1000 + 10_000, 500), // exactly 10 km right of the edge x = 1000 (19 km from the second part)
                c(1000 + 6000, 1000 + 8000), // 6-8-10 from the corner (1000, 1000): exactly 10 km
                c(-10_000.01, 500), // just beyond 10 km left
                c(500, -10_001), // beyond
                c(500, 800), // inside (in the ring around the hole)
                c(500, 520)); // inside the squares; in the hole: 80 m to its edge y = 600
        List<Double> pop = new ArrayList<>(List.of(1000.0, 2000.0, 4000.0, 8000.0, 16000.0, 300.0, 50.0));
        double s = 4000; // scale
        double w10 = Math.exp(-10_000 / s);
        double[] g = gravity(sites(sites), cities(at, pop), "\"decay\": \"exponential\", \"scaleM\": 4000, \"radiusM\": 10000");
        // square: centre 1000 (d 0), 2000 and 4000 at exactly 10 km, 300 inside, 50 inside
        assertThat(g[0]).isCloseTo(1000 + 2000 * w10 + 4000 * w10 + 300 + 50, offset(1e-9));
        // holed: centre in the hole 100 m from its edge, 50 at 80 m
        assertThat(g[1]).isCloseTo(1000 * Math.exp(-100 / s) + 2000 * w10 + 4000 * w10 + 300 + 50 * Math.exp(-80 / s),
                offset(1e-9));
        // multi: the point 10 km right of the first part is 19 km left of the second: the nearer counts once
        assertThat(g[2]).isCloseTo(g[0], offset(1e-9));
        // an empty value adds nothing
        pop.set(0, null);
        double[] g2 = gravity(sites(sites), cities(at, pop), "\"decay\": \"exponential\", \"scaleM\": 4000, \"radiusM\": 10000");
        assertThat(g2[0]).isCloseTo(g[0] - 1000, offset(1e-9));
        // power decay: 1 / max(d, minM)^2
        double[] gp = gravity(sites(sites), cities(at, List.of(1000.0, 2000.0, 4000.0, 8000.0, 16000.0, 300.0, 50.0)),
                "\"decay\": \"power\", \"minM\": 100, \"exponent\": 2, \"radiusM\": 10000");
        assertThat(gp[1]).isCloseTo(1000 / 1e4 + 2000 / 1e8 + 4000 / 1e8 + 300 / 1e4 + 50 / 1e4, offset(1e-12));
    }

    @Test
    void manySitesMatchAPlainLoopOverEveryPoint() {
        Random r = new Random(91);
        List<Geometry> gs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double x = r.nextDouble() * 80_000;
            double y = r.nextDouble() * 80_000;
            double side = 200 + r.nextDouble() * 1500;
            switch (i % 6) {
                case 0 -> gs.add(holed(x, y, side, x + side * 0.25, y + side * 0.25, side * 0.5));
                case 1 -> gs.add(GF.createMultiPolygon(new Polygon[] {square(x, y, side),
                    holed(x + 3 * side, y, side, x + 3.3 * side, y + 0.3 * side, side * 0.4)}));
                case 2 -> gs.add(GF.createPoint(c(x, y)));
                case 3 -> gs.add(GF.createLineString(new Coordinate[] {c(x, y), c(x + side, y + side / 3), c(x + 2 * side, y)}));
                case 4 -> gs.add(null);
                default -> gs.add(GF.createPolygon(new Coordinate[] {c(x, y), c(x + side, y + side * 0.2),
                    c(x + side * 0.5, y + side * 0.4), c(x + side * 0.9, y + side), c(x, y)}));
            }
        }
        List<Coordinate> at = new ArrayList<>();
        List<Double> pop = new ArrayList<>();
        for (int k = 0; k < 600; k++) {
            at.add(c(-20_000 + r.nextDouble() * 120_000, -20_000 + r.nextDouble() * 120_000));
            pop.add(k % 17 == 0 ? null : Math.floor(1000 + r.nextDouble() * 50_000));
        }
        // points on and inside sites: inside holes, on edges, at vertices
        for (int i = 0; i < gs.size(); i += 5) {
            Geometry g = gs.get(i);
            if (g != null) {
                Coordinate v = g.getCoordinates()[0];
                at.add(v);
                at.add(g.getEnvelopeInternal().centre());
                pop.add(777.0);
                pop.add(1234.0);
            }
        }
        VectorLayer sites = sites(gs);
        VectorLayer cities = cities(at, pop);
        double[] g = gravity(sites, cities, "\"decay\": \"exponential\", \"scaleM\": 4000, \"radiusM\": 12000");
        double[] gAll = gravity(sites, cities, "\"decay\": \"power\", \"exponent\": 1.5, \"minM\": 300");
        int zero = 0;
        int nonEmpty = 0;
        for (int i = 0; i < gs.size(); i++) {
            Geometry s = gs.get(i);
            if (s == null) {
                assertThat(g[i]).isNaN();
                continue;
            }
            double want = 0;
            double wantPow = 0;
            for (int k = 0; k < at.size(); k++) {
                Double p = pop.get(k);
                if (p == null) {
                    continue;
                }
                double d = DistanceOp.distance(s, GF.createPoint(at.get(k)));
                zero += d == 0 ? 1 : 0;
                if (d <= 12_000) {
                    want += p * Math.exp(-d / 4000);
                }
                wantPow += p * Math.pow(Math.max(d, 300), -1.5);
            }
            nonEmpty += want > 0 ? 1 : 0;
            assertThat(g[i]).as("site %d", i).isCloseTo(want, offset(1e-9 * Math.max(1, want)));
            // without a radius: beyond 300 m x 10^4 the tail is left out (here the whole layer is nearer)
            assertThat(gAll[i]).as("site %d (power)", i).isCloseTo(wantPow, offset(1e-9 * Math.max(1, wantPow)));
        }
        assertThat(zero).as("points on or inside sites").isGreaterThan(200);
        assertThat(nonEmpty).isGreaterThan(700);
    }
}
