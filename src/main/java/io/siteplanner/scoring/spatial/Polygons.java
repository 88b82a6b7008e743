package io.siteplanner.scoring.spatial;

import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Candidate geometries flattened into primitive arrays: per candidate an envelope and a run of rings, each
 * ring a run of vertices. Polygon rings are "areal" (used for point-in-polygon); points and lines become
 * non-areal rings (a point is a one-vertex ring). Null or empty geometries have no rings (every spatial
 * value of such a candidate is missing). Immutable after construction.
 */
public final class Polygons {
    public final int n;
    public final double[] minX;
    public final double[] minY;
    public final double[] maxX;
    public final double[] maxY;
    /** Vertex coordinates of all rings. */
    public final double[] xs;
    public final double[] ys;
    /** Ring r spans vertices [ringStart[r], ringStart[r+1]). */
    public final int[] ringStart;
    /** True for polygon rings. */
    public final boolean[] areal;
    /** Candidate i spans rings [candRing[i], candRing[i+1]). */
    public final int[] candRing;

    private Polygons(int n, double[] minX, double[] minY, double[] maxX, double[] maxY, double[] xs, double[] ys,
            int[] ringStart, boolean[] areal, int[] candRing) {
        this.n = n;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.xs = xs;
        this.ys = ys;
        this.ringStart = ringStart;
        this.areal = areal;
        this.candRing = candRing;
    }

    /** True when candidate i has a geometry. */
    public boolean has(int i) {
        return candRing[i + 1] > candRing[i];
    }

    /** Flattens the geometries (same order). */
    public static Polygons of(List<Geometry> geoms) {
        int n = geoms.size();
        int verts = 0;
        int rings = 0;
        for (Geometry g : geoms) {
            if (g == null) {
                continue;
            }
            for (int k = 0; k < g.getNumGeometries(); k++) {
                Geometry c = g.getGeometryN(k);
                if (c instanceof Polygon) {
                    Polygon p = (Polygon) c;
                    rings += 1 + p.getNumInteriorRing();
                    verts += p.getNumPoints();
                } else if (!c.isEmpty()) {
                    rings++;
                    verts += c.getNumPoints();
                }
            }
        }
        double[] xs = new double[verts];
        double[] ys = new double[verts];
        int[] ringStart = new int[rings + 1];
        boolean[] areal = new boolean[rings];
        int[] candRing = new int[n + 1];
        double[] minX = new double[n];
        double[] minY = new double[n];
        double[] maxX = new double[n];
        double[] maxY = new double[n];
        int v = 0;
        int r = 0;
        for (int i = 0; i < n; i++) {
            candRing[i] = r;
            Geometry g = geoms.get(i);
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            if (g != null) {
                for (int k = 0; k < g.getNumGeometries(); k++) {
                    Geometry c = g.getGeometryN(k);
                    if (c.isEmpty()) {
                        continue;
                    }
                    if (c instanceof Polygon) {
                        Polygon p = (Polygon) c;
                        for (int h = -1; h < p.getNumInteriorRing(); h++) {
                            LineString ring = h < 0 ? p.getExteriorRing() : p.getInteriorRingN(h);
                            if (ring.isEmpty()) {
                                continue;
                            }
                            ringStart[r] = v;
                            areal[r] = true;
                            r++;
                            v = copy(ring.getCoordinateSequence(), xs, ys, v);
                        }
                    } else if (c instanceof LineString || c instanceof Point) {
                        ringStart[r] = v;
                        areal[r] = false;
                        r++;
                        CoordinateSequence s = c instanceof Point ? ((Point) c).getCoordinateSequence()
                                : ((LineString) c).getCoordinateSequence();
                        v = copy(s, xs, ys, v);
                    }
                }
                for (int q = candRing[i] == r ? v : ringStart[candRing[i]]; q < v; q++) {
                    x0 = Math.min(x0, xs[q]);
                    y0 = Math.min(y0, ys[q]);
                    x1 = Math.max(x1, xs[q]);
                    y1 = Math.max(y1, ys[q]);
                }
            }
            minX[i] = x0;
            minY[i] = y0;
            maxX[i] = x1;
            maxY[i] = y1;
        }
        candRing[n] = r;
        ringStart[r] = v;
        // arrays may be over-allocated when empty components were skipped
        return new Polygons(n, minX, minY, maxX, maxY, xs, ys, java.util.Arrays.copyOf(ringStart, r + 1),
                java.util.Arrays.copyOf(areal, r), candRing);
    }

    private static int copy(CoordinateSequence s, double[] xs, double[] ys, int v) {
        int m = s.size();
        for (int j = 0; j < m; j++) {
            xs[v] = s.getX(j);
            ys[v] = s.getY(j);
            v++;
        }
        return v;
    }

    /** Centre x of candidate i's envelope (NaN when empty). */
    public double centerX(int i) {
        return has(i) ? (minX[i] + maxX[i]) * 0.5 : Double.NaN;
    }

    public double centerY(int i) {
        return has(i) ? (minY[i] + maxY[i]) * 0.5 : Double.NaN;
    }

    /** Even-odd point-in-polygon over the areal rings of candidate c (boundary may go either way). */
    public boolean contains(int c, double px, double py) {
        if (px < minX[c] || px > maxX[c] || py < minY[c] || py > maxY[c]) {
            return false;
        }
        boolean inside = false;
        for (int r = candRing[c]; r < candRing[c + 1]; r++) {
            if (!areal[r]) {
                continue;
            }
            int end = ringStart[r + 1];
            for (int i = ringStart[r], j = end - 1; i < end; j = i++) {
                double yi = ys[i];
                double yj = ys[j];
                if ((yi > py) != (yj > py)) {
                    double xint = xs[i] + (py - yi) / (yj - yi) * (xs[j] - xs[i]);
                    if (px < xint) {
                        inside = !inside;
                    }
                }
            }
        }
        return inside;
    }

    /** True when candidate c has at least one areal ring. */
    public boolean isAreal(int c) {
        for (int r = candRing[c]; r < candRing[c + 1]; r++) {
            if (areal[r]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Squared exact distance from candidate c to the segment (ax,ay)-(bx,by) (a point when a == b):
     * 0 when it touches an edge or lies inside the polygon. {@code cutoff}: the caller's current best
     * squared distance; the result is exact when below it.
     */
    public double distanceSq(int c, double ax, double ay, double bx, double by, boolean segBoxOverlaps) {
        double best = Double.POSITIVE_INFINITY;
        int r1 = candRing[c + 1];
        for (int r = candRing[c]; r < r1; r++) {
            int k = ringStart[r];
            int end = ringStart[r + 1];
            if (end - k == 1) {
                double d = Geom.segSegSq(xs[k], ys[k], xs[k], ys[k], ax, ay, bx, by);
                if (d < best) {
                    best = d;
                }
                continue;
            }
            for (int q = k; q < end - 1; q++) {
                double d = Geom.segSegSq(xs[q], ys[q], xs[q + 1], ys[q + 1], ax, ay, bx, by);
                if (d < best) {
                    if (d == 0) {
                        return 0;
                    }
                    best = d;
                }
            }
        }
        if (segBoxOverlaps && contains(c, ax, ay)) {
            return 0;
        }
        return best;
    }
}
