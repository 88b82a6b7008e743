package io.siteplanner.scoring.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The batched point-to-candidate distances of gravity sums against JTS DistanceOp: random multipolygons with
 * holes, points and lines as candidates, points scattered around, inside, in holes, on edges and on vertices;
 * hand-worked exact cases.
 */
class PointBatchTest {
    static Coordinate c(double x, double y) {
        return new Coordinate(x, y);
    }

    static Polygon square(double x0, double y0, double side) {
        return PolygonsTest.GF.createPolygon(new Coordinate[] {c(x0, y0), c(x0 + side, y0), c(x0 + side, y0 + side),
            c(x0, y0 + side), c(x0, y0)});
    }

    static double[] measure(PointBatch b, Polygons p, int cand) {
        double[] out = new double[b.size()];
        b.boxed(p.minX[cand], p.minY[cand], p.maxX[cand], p.maxY[cand]);
        b.distancesSq(p, cand, out);
        return out;
    }

    @Test
    void distancesMatchDistanceOpAroundInsideAndOnCandidates() {
        List<Geometry> cand = PolygonsTest.candidates(11, 400);
        Polygons p = Polygons.of(cand);
        Random r = new Random(12);
        int zero = 0;
        int inHole = 0;
        for (int i = 0; i < cand.size(); i++) {
            Geometry g = cand.get(i);
            PointBatch b = new PointBatch();
            b.clear(4);
            List<Coordinate> pts = new ArrayList<>();
            for (int k = 0; k < 150; k++) {
                pts.add(c(r.nextDouble() * 20000, r.nextDouble() * 20000));
            }
            if (g != null && !g.isEmpty()) {
                // near and inside: around the envelope, the vertices and the edge midpoints
                org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
                for (int k = 0; k < 60; k++) {
                    pts.add(c(e.getMinX() - 200 + r.nextDouble() * (e.getWidth() + 400),
                            e.getMinY() - 200 + r.nextDouble() * (e.getHeight() + 400)));
                }
                Coordinate[] vs = g.getCoordinates();
                for (int k = 0; k + 1 < vs.length; k++) {
                    pts.add(vs[k]);
                    pts.add(c((vs[k].x + vs[k + 1].x) / 2, (vs[k].y + vs[k + 1].y) / 2));
                }
                if (g.getNumGeometries() > 0 && g.getGeometryN(0) instanceof Polygon
                        && ((Polygon) g.getGeometryN(0)).getNumInteriorRing() > 0) {
                    // the centre of the hole's ring (the hole is a star around it)
                    Geometry hole = ((Polygon) g.getGeometryN(0)).getInteriorRingN(0);
                    pts.add(hole.getEnvelopeInternal().centre());
                }
            }
            for (Coordinate x : pts) {
                b.add(x.x, x.y);
            }
            double[] d = measure(b, p, i);
            if (g == null || g.isEmpty()) {
                for (double x : d) {
                    assertThat(x).isEqualTo(Double.POSITIVE_INFINITY);
                }
                continue;
            }
            for (int k = 0; k < pts.size(); k++) {
                Geometry pt = PolygonsTest.GF.createPoint(pts.get(k));
                double want = DistanceOp.distance(g, pt);
                assertThat(Math.sqrt(d[k])).as("candidate %d point %d", i, k).isCloseTo(want, offset(1e-9));
                assertThat(d[k]).as("batch vs scalar %d %d", i, k)
                        .isCloseTo(p.pointDistanceSq(i, pts.get(k).x, pts.get(k).y, true), offset(1e-9 * Math.max(1, d[k])));
                if (want == 0) {
                    zero++;
                }
                if (want > 0 && inShellWithHole(g, pt)) {
                    inHole++;
                }
            }
        }
        assertThat(zero).as("points inside or on a candidate").isGreaterThan(1000);
        assertThat(inHole).as("points in a hole (outside the polygon, inside its shell)").isGreaterThan(50);
    }

    /** True when pt lies inside the shell of g's first part, which has a hole (so pt is in a hole when outside g). */
    static boolean inShellWithHole(Geometry g, Geometry pt) {
        if (!(g.getGeometryN(0) instanceof Polygon) || ((Polygon) g.getGeometryN(0)).getNumInteriorRing() == 0) {
            return false;
        }
        Polygon first = (Polygon) g.getGeometryN(0);
        return PolygonsTest.GF.createPolygon(first.getExteriorRing().getCoordinates()).contains(pt);
    }

    @Test
    void handWorkedDistancesAreExact() {
        Polygon sq = square(0, 0, 1000);
        Polygon holed = PolygonsTest.GF.createPolygon(PolygonsTest.GF.createLinearRing(sq.getExteriorRing().getCoordinates()),
                new LinearRing[] {PolygonsTest.GF.createLinearRing(square(400, 400, 200).getExteriorRing().getCoordinates())});
        Geometry multi = PolygonsTest.GF.createMultiPolygon(new Polygon[] {square(0, 0, 1000), square(5000, 0, 1000)});
        Polygons p = Polygons.of(List.of(sq, holed, multi));
        PointBatch b = new PointBatch();
        b.clear(8);
        b.add(500, 500); // centre: inside sq and multi, in the hole of holed (100 m to the hole's edge)
        b.add(1300, 1400); // 3-4-5 from the corner (1000, 1000): 500 m
        b.add(2000, 500); // 1000 m right of the edge x = 1000
        b.add(1000, 300); // on an edge
        b.add(3000, 500); // between the parts of multi: 2000 m to either
        b.add(0, 0); // a vertex
        double[] d0 = measure(b, p, 0);
        assertThat(d0).containsExactly(0, 500 * 500, 1000 * 1000, 0, 2000 * 2000, 0);
        double[] d1 = measure(b, p, 1);
        assertThat(d1).containsExactly(100 * 100, 500 * 500, 1000 * 1000, 0, 2000 * 2000, 0);
        double[] d2 = measure(b, p, 2);
        assertThat(d2).containsExactly(0, 500 * 500, 1000 * 1000, 0, 2000 * 2000, 0);
    }
}
