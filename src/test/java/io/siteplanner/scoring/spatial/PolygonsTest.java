package io.siteplanner.scoring.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Geometries;
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
 * The flattened candidate kernels against JTS on multipolygons with holes, both ring orientations, points and
 * lines: area and centroid bit-identical, nearest distances equal to DistanceOp, containment of targets.
 */
class PolygonsTest {
    static final GeometryFactory GF = Geometries.FACTORY;

    static LinearRing ring(Random r, double cx, double cy, double rad, boolean ccw) {
        int m = 4 + r.nextInt(6);
        Coordinate[] cs = new Coordinate[m + 1];
        for (int k = 0; k < m; k++) {
            double a = (ccw ? 1 : -1) * k * 2 * Math.PI / m;
            double rr = rad * (0.7 + 0.3 * r.nextDouble());
            cs[k] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        cs[m] = cs[0];
        return GF.createLinearRing(cs);
    }

    static List<Geometry> candidates(long seed, int n) {
        Random r = new Random(seed);
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cx = r.nextDouble() * 20000;
            double cy = r.nextDouble() * 20000;
            double rad = 100 + r.nextDouble() * 600;
            int kind = i % 5;
            if (kind == 0) {
                out.add(GF.createPolygon(ring(r, cx, cy, rad, r.nextBoolean())));
            } else if (kind == 1) {
                // polygon with a hole
                out.add(GF.createPolygon(ring(r, cx, cy, rad, r.nextBoolean()),
                        new LinearRing[] {ring(r, cx, cy, rad * 0.4, r.nextBoolean())}));
            } else if (kind == 2) {
                Polygon a = GF.createPolygon(ring(r, cx, cy, rad, true), new LinearRing[] {ring(r, cx, cy, rad * 0.3, false)});
                Polygon b = GF.createPolygon(ring(r, cx + 3 * rad, cy, rad * 0.5, false));
                out.add(GF.createMultiPolygon(new Polygon[] {a, b}));
            } else if (kind == 3) {
                out.add(GF.createPoint(new Coordinate(cx, cy)));
            } else {
                out.add(GF.createLineString(new Coordinate[] {new Coordinate(cx, cy), new Coordinate(cx + rad, cy + rad / 2),
                    new Coordinate(cx + 2 * rad, cy)}));
            }
        }
        out.add(null);
        out.add(GF.createPolygon());
        return out;
    }

    @Test
    void areaAndCentroidAreBitIdenticalToJts() {
        List<Geometry> g = candidates(1, 2000);
        Polygons p = Polygons.of(g);
        double[] c = new double[2];
        for (int i = 0; i < g.size(); i++) {
            Geometry x = g.get(i);
            if (x == null || x.isEmpty()) {
                assertThat(p.has(i)).isFalse();
                continue;
            }
            assertThat(p.area(i)).as("area %d", i).isEqualTo(x.getArea());
            if (x.getDimension() == 2) {
                assertThat(p.centroid(i, c)).isTrue();
                Coordinate jc = x.getCentroid().getCoordinate();
                assertThat(c[0]).as("centroid x %d", i).isEqualTo(jc.x);
                assertThat(c[1]).as("centroid y %d", i).isEqualTo(jc.y);
            } else {
                assertThat(p.centroid(i, c)).isFalse();
            }
        }
    }

    @Test
    void nearestDistancesMatchDistanceOpForPointLineAndPolygonTargets() {
        List<Geometry> cand = candidates(2, 1500);
        Polygons p = Polygons.of(cand);
        Random r = new Random(3);
        List<Geometry> targets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double x = r.nextDouble() * 20000;
            double y = r.nextDouble() * 20000;
            switch (i % 3) {
                case 0:
                    targets.add(GF.createPoint(new Coordinate(x, y)));
                    break;
                case 1:
                    targets.add(GF.createLineString(new Coordinate[] {new Coordinate(x, y),
                        new Coordinate(x + r.nextDouble() * 8000 - 4000, y + r.nextDouble() * 8000 - 4000),
                        new Coordinate(x + r.nextDouble() * 8000 - 4000, y + r.nextDouble() * 8000 - 4000)}));
                    break;
                default:
                    targets.add(GF.createPolygon(ring(r, x, y, 1500 + r.nextDouble() * 2000, r.nextBoolean()),
                            new LinearRing[] {ring(r, x, y, 500, true)}));
            }
        }
        SegmentIndex idx = SegmentIndex.build(targets, null);
        SegmentIndex.Searcher tie = idx.searcher();
        SegmentIndex.Searcher any = idx.searcher();
        int zero = 0;
        for (int i = 0; i < cand.size(); i++) {
            Geometry g = cand.get(i);
            double d = tie.nearest(p, i, true, Double.POSITIVE_INFINITY);
            double d2 = any.nearest(p, i, false, Double.POSITIVE_INFINITY);
            if (g == null || g.isEmpty()) {
                assertThat(d).isInfinite();
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            int bestF = -1;
            for (int f = 0; f < targets.size(); f++) {
                double e = DistanceOp.distance(g, targets.get(f));
                if (e < best) {
                    best = e;
                    bestF = f;
                }
            }
            assertThat(d).as("distance %d", i).isCloseTo(best, offset(1e-9));
            assertThat(d2).as("distance (no ties) %d", i).isCloseTo(best, offset(1e-9));
            if (best > 1e-6) {
                assertThat(tie.bestFeature()).as("nearest feature %d", i).isEqualTo(bestF);
            } else {
                zero++;
            }
        }
        assertThat(zero).as("candidates touching or inside targets").isGreaterThan(100);
    }

    @Test
    void withinReportsEveryFeatureInReach() {
        List<Geometry> cand = candidates(4, 300);
        Polygons p = Polygons.of(cand);
        Random r = new Random(5);
        List<Geometry> pts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            pts.add(GF.createPoint(new Coordinate(r.nextDouble() * 20000, r.nextDouble() * 20000)));
        }
        SegmentIndex idx = SegmentIndex.build(pts, null);
        SegmentIndex.Searcher s = idx.searcher();
        for (int i = 0; i < cand.size(); i++) {
            Geometry g = cand.get(i);
            if (g == null || g.isEmpty()) {
                continue;
            }
            java.util.Set<Integer> found = new java.util.TreeSet<>();
            s.within(p, i, 1500, (f, d) -> found.add(f));
            java.util.Set<Integer> expected = new java.util.TreeSet<>();
            for (int f = 0; f < pts.size(); f++) {
                if (DistanceOp.distance(g, pts.get(f)) <= 1500) {
                    expected.add(f);
                }
            }
            assertThat(found).as("within %d", i).isEqualTo(expected);
        }
    }
}
