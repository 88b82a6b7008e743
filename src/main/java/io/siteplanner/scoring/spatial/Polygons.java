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
    /** True for polygon holes. */
    public final boolean[] hole;
    /** Candidate i spans rings [candRing[i], candRing[i+1]). */
    public final int[] candRing;

    private Polygons(int n, double[] minX, double[] minY, double[] maxX, double[] maxY, double[] xs, double[] ys,
            int[] ringStart, boolean[] areal, boolean[] hole, int[] candRing) {
        this.n = n;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.xs = xs;
        this.ys = ys;
        this.ringStart = ringStart;
        this.areal = areal;
        this.hole = hole;
        this.candRing = candRing;
    }

    /** True when candidate i has a geometry. */
    public boolean has(int i) {
        return candRing[i + 1] > candRing[i];
    }

    /** Flattens the geometries (same order): one parallel pass into chunk buffers, then a parallel copy. */
    public static Polygons of(List<Geometry> geoms) {
        int n = geoms.size();
        final int chunk = 8192;
        int chunks = (n + chunk - 1) / chunk;
        double[][] cx = new double[chunks][];
        double[][] cy = new double[chunks][];
        int[][] cRingStart = new int[chunks][];
        boolean[][] cAreal = new boolean[chunks][];
        boolean[][] cHole = new boolean[chunks][];
        int[] cVerts = new int[chunks];
        int[] cRings = new int[chunks];
        int[] candRing = new int[n + 1];
        double[] minX = new double[n];
        double[] minY = new double[n];
        double[] maxX = new double[n];
        double[] maxY = new double[n];
        io.siteplanner.model.Progress none = io.siteplanner.model.Progress.NONE;
        ChunkRunner.run(ChunkRunner.identity(chunks), 1, none, "", (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int ch = ord[k];
                Buf b = new Buf(chunk * 8, chunk + 16);
                int end = Math.min(n, (ch + 1) * chunk);
                for (int i = ch * chunk; i < end; i++) {
                    int v0 = b.v;
                    candRing[i] = b.r; // chunk-relative for now
                    Geometry g = geoms.get(i);
                    if (g != null) {
                        b.add(g);
                    }
                    double x0 = Double.POSITIVE_INFINITY;
                    double y0 = Double.POSITIVE_INFINITY;
                    double x1 = Double.NEGATIVE_INFINITY;
                    double y1 = Double.NEGATIVE_INFINITY;
                    double[] bx = b.xs;
                    double[] by = b.ys;
                    for (int q = v0; q < b.v; q++) {
                        double x = bx[q];
                        double y = by[q];
                        if (x < x0) {
                            x0 = x;
                        }
                        if (x > x1) {
                            x1 = x;
                        }
                        if (y < y0) {
                            y0 = y;
                        }
                        if (y > y1) {
                            y1 = y;
                        }
                    }
                    minX[i] = x0;
                    minY[i] = y0;
                    maxX[i] = x1;
                    maxY[i] = y1;
                }
                cx[ch] = b.xs;
                cy[ch] = b.ys;
                cRingStart[ch] = b.ringStart;
                cAreal[ch] = b.areal;
                cHole[ch] = b.hole;
                cVerts[ch] = b.v;
                cRings[ch] = b.r;
            }
        });
        int[] vOff = new int[chunks + 1];
        int[] rOff = new int[chunks + 1];
        for (int ch = 0; ch < chunks; ch++) {
            vOff[ch + 1] = vOff[ch] + cVerts[ch];
            rOff[ch + 1] = rOff[ch] + cRings[ch];
        }
        int verts = vOff[chunks];
        int rings = rOff[chunks];
        double[] xs = new double[verts];
        double[] ys = new double[verts];
        int[] ringStart = new int[rings + 1];
        boolean[] areal = new boolean[rings];
        boolean[] hole = new boolean[rings];
        ChunkRunner.run(ChunkRunner.identity(chunks), 1, none, "", (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int ch = ord[k];
                System.arraycopy(cx[ch], 0, xs, vOff[ch], cVerts[ch]);
                System.arraycopy(cy[ch], 0, ys, vOff[ch], cVerts[ch]);
                System.arraycopy(cAreal[ch], 0, areal, rOff[ch], cRings[ch]);
                System.arraycopy(cHole[ch], 0, hole, rOff[ch], cRings[ch]);
                for (int r = 0; r < cRings[ch]; r++) {
                    ringStart[rOff[ch] + r] = cRingStart[ch][r] + vOff[ch];
                }
                int end = Math.min(n, (ch + 1) * chunk);
                for (int i = ch * chunk; i < end; i++) {
                    candRing[i] += rOff[ch];
                }
            }
        });
        candRing[n] = rings;
        ringStart[rings] = verts;
        return new Polygons(n, minX, minY, maxX, maxY, xs, ys, ringStart, areal, hole, candRing);
    }

    /** Growable chunk buffers. */
    private static final class Buf {
        double[] xs;
        double[] ys;
        int[] ringStart;
        boolean[] areal;
        boolean[] hole;
        int v;
        int r;

        Buf(int verts, int rings) {
            xs = new double[verts];
            ys = new double[verts];
            ringStart = new int[rings];
            areal = new boolean[rings];
            hole = new boolean[rings];
        }

        void add(Geometry g) {
            if (g instanceof Polygon) {
                polygon((Polygon) g);
                return;
            }
            for (int k = 0; k < g.getNumGeometries(); k++) {
                Geometry c = g.getGeometryN(k);
                if (c.isEmpty()) {
                    continue;
                }
                if (c instanceof Polygon) {
                    polygon((Polygon) c);
                } else if (c instanceof LineString) {
                    ring(((LineString) c).getCoordinateSequence(), false, false);
                } else if (c instanceof Point) {
                    ring(((Point) c).getCoordinateSequence(), false, false);
                } else if (c != g) {
                    add(c);
                }
            }
        }

        void polygon(Polygon p) {
            if (p.isEmpty()) {
                return;
            }
            ring(p.getExteriorRing().getCoordinateSequence(), true, false);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                CoordinateSequence s = p.getInteriorRingN(h).getCoordinateSequence();
                if (s.size() > 0) {
                    ring(s, true, true);
                }
            }
        }

        void ring(CoordinateSequence s, boolean isAreal, boolean isHole) {
            int m = s.size();
            if (r == ringStart.length) {
                int c = r * 2;
                ringStart = java.util.Arrays.copyOf(ringStart, c);
                areal = java.util.Arrays.copyOf(areal, c);
                hole = java.util.Arrays.copyOf(hole, c);
            }
            ringStart[r] = v;
            areal[r] = isAreal;
            hole[r] = isHole;
            r++;
            if (v + m > xs.length) {
                int c = Math.max(xs.length * 2, v + m);
                xs = java.util.Arrays.copyOf(xs, c);
                ys = java.util.Arrays.copyOf(ys, c);
            }
            for (int j = 0; j < m; j++) {
                xs[v] = s.getX(j);
                ys[v] = s.getY(j);
                v++;
            }
        }
    }

    /**
     * Area of candidate c, computed exactly as JTS {@code Geometry.getArea()} does (same shoelace variant and
     * summation order), so results are bit-identical: per polygon |shell| minus |holes|, summed.
     */
    public double area(int c) {
        double total = 0;
        double poly = 0;
        boolean open = false;
        for (int r = candRing[c]; r < candRing[c + 1]; r++) {
            if (!areal[r]) {
                continue;
            }
            double a = Math.abs(ringAreaSigned(r));
            if (!hole[r]) {
                if (open) {
                    total += poly;
                }
                poly = 0.0;
                poly += a;
                open = true;
            } else {
                poly -= a;
            }
        }
        if (open) {
            total += poly;
        }
        return total;
    }

    /** JTS Area.ofRingSigned on ring r (positive when clockwise). */
    private double ringAreaSigned(int r) {
        int k = ringStart[r];
        int n = ringStart[r + 1] - k;
        if (n < 3) {
            return 0.0;
        }
        double p1x = xs[k];
        double p1y = ys[k];
        double p2x = xs[k + 1];
        double p2y = ys[k + 1];
        double x0 = p1x;
        p2x -= x0;
        double sum = 0.0;
        for (int i = 1; i < n - 1; i++) {
            double p0y = p1y;
            p1x = p2x;
            p1y = p2y;
            p2x = xs[k + i + 1];
            p2y = ys[k + i + 1];
            p2x -= x0;
            sum += p1x * (p0y - p2y);
        }
        return sum / 2.0;
    }

    /**
     * Centroid of candidate c written to out[0..1], following JTS {@code Centroid} for areal geometries
     * (triangle fans from each shell's first vertex, same operation order). Returns false when the candidate
     * has no area (the caller then uses JTS for points/lines).
     */
    public boolean centroid(int c, double[] out) {
        double cgx = 0;
        double cgy = 0;
        double areasum2 = 0;
        boolean base = false;
        double bx = 0;
        double by = 0;
        for (int r = candRing[c]; r < candRing[c + 1]; r++) {
            if (!areal[r]) {
                return false;
            }
            int k = ringStart[r];
            int end = ringStart[r + 1];
            if (end - k == 0) {
                continue;
            }
            if (!hole[r] || !base) {
                // as JTS 1.20: every shell resets the base point; its holes use it
                bx = xs[k];
                by = ys[k];
                base = true;
            }
            boolean ccw = ringAreaSigned(r) < 0;
            boolean positive = hole[r] ? ccw : !ccw;
            double sign = positive ? 1.0 : -1.0;
            for (int i = k; i < end - 1; i++) {
                double tx = bx + xs[i] + xs[i + 1];
                double ty = by + ys[i] + ys[i + 1];
                double area2 = (xs[i] - bx) * (ys[i + 1] - by) - (xs[i + 1] - bx) * (ys[i] - by);
                cgx += sign * area2 * tx;
                cgy += sign * area2 * ty;
                areasum2 += sign * area2;
            }
        }
        if (!(Math.abs(areasum2) > 0)) {
            return false;
        }
        out[0] = cgx / 3 / areasum2;
        out[1] = cgy / 3 / areasum2;
        return true;
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
     * Squared exact distance from candidate c to the segment (ax,ay)-(bx,by) (a point when a == b): 0 when
     * it touches an edge or lies inside the polygon. Edges whose box is at least {@code best} away are
     * skipped, so the result is exact when it is below {@code best} (else some value &gt;= best).
     *
     * @param mayBeInside false when the segment's box does not meet the candidate's box (no inside test)
     */
    public double distanceSq(int c, double ax, double ay, double bx, double by, boolean mayBeInside, double best) {
        double sMinX = ax < bx ? ax : bx;
        double sMaxX = ax < bx ? bx : ax;
        double sMinY = ay < by ? ay : by;
        double sMaxY = ay < by ? by : ay;
        boolean point = ax == bx && ay == by;
        double d0 = best;
        int r1 = candRing[c + 1];
        for (int r = candRing[c]; r < r1; r++) {
            int k = ringStart[r];
            int end = ringStart[r + 1];
            if (end - k == 1) {
                double d = Geom.segSegSq(xs[k], ys[k], xs[k], ys[k], ax, ay, bx, by);
                if (d < d0) {
                    d0 = d;
                }
                continue;
            }
            for (int q = k; q < end - 1; q++) {
                double x0 = xs[q];
                double y0 = ys[q];
                double x1 = xs[q + 1];
                double y1 = ys[q + 1];
                double eMinX = x0 < x1 ? x0 : x1;
                double eMaxX = x0 < x1 ? x1 : x0;
                double eMinY = y0 < y1 ? y0 : y1;
                double eMaxY = y0 < y1 ? y1 : y0;
                double dx = sMinX > eMaxX ? sMinX - eMaxX : eMinX > sMaxX ? eMinX - sMaxX : 0;
                double dy = sMinY > eMaxY ? sMinY - eMaxY : eMinY > sMaxY ? eMinY - sMaxY : 0;
                if (dx * dx + dy * dy >= d0) {
                    continue;
                }
                double d = point ? Geom.pointSegSq(ax, ay, x0, y0, x1, y1) : Geom.segSegSq(x0, y0, x1, y1, ax, ay, bx, by);
                if (d < d0) {
                    if (d == 0) {
                        return 0;
                    }
                    d0 = d;
                }
            }
        }
        if (mayBeInside && contains(c, ax, ay)) {
            return 0;
        }
        return d0;
    }

    /**
     * Squared exact distance from candidate c to the point (px, py): 0 inside or on an edge. A tight loop
     * over the edges for the many point-to-site distances of accessibility sums.
     *
     * @param mayBeInside false when the point is outside the candidate's box (no inside test)
     */
    public double pointDistanceSq(int c, double px, double py, boolean mayBeInside) {
        double d0 = Double.POSITIVE_INFINITY;
        int r1 = candRing[c + 1];
        for (int r = candRing[c]; r < r1; r++) {
            int end = ringStart[r + 1] - 1;
            int k = ringStart[r];
            if (end == k) {
                double ex = px - xs[k];
                double ey = py - ys[k];
                d0 = Math.min(d0, ex * ex + ey * ey);
                continue;
            }
            for (int q = k; q < end; q++) {
                double d = Geom.pointSegSq(px, py, xs[q], ys[q], xs[q + 1], ys[q + 1]);
                if (d < d0) {
                    d0 = d;
                }
            }
        }
        if (d0 > 0 && mayBeInside && contains(c, px, py)) {
            return 0;
        }
        return d0;
    }

    /** As {@link #distanceSq(int, double, double, double, double, boolean, double)} without a cutoff. */
    public double distanceSq(int c, double ax, double ay, double bx, double by, boolean mayBeInside) {
        return distanceSq(c, ax, ay, bx, by, mayBeInside, Double.POSITIVE_INFINITY);
    }
}
