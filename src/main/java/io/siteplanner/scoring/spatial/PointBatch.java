package io.siteplanner.scoring.spatial;

import java.util.Arrays;

/**
 * A short list of points measured against many candidates in turn (the cities near a block of neighbouring
 * sites): exact squared distances from a candidate's geometry to every point, 0 inside or on an edge. One
 * pass per candidate edge over packed coordinate arrays, split into simple loops that the JIT vectorises
 * (the projection onto the edge is clamped to it, no branches). Scratch space for one thread.
 *
 * <p>The distances equal {@link Polygons#pointDistanceSq} (and JTS DistanceOp) up to rounding in the last
 * bits: each is computed relative to the edge's first vertex; a point whose nearest point is a vertex gets
 * exactly the JTS value.
 */
public final class PointBatch {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private double[] t = new double[256];
    private double[] s = new double[256];
    private int m;
    /** Points inside the box given to {@link #boxed}: the only ones that can lie inside a candidate there. */
    private int[] inBox = new int[16];
    private int nIn;

    /** Empties the list, keeping room for {@code capacity} points. */
    public void clear(int capacity) {
        if (xs.length < capacity) {
            int c = Math.max(capacity, xs.length * 2);
            xs = new double[c];
            ys = new double[c];
            t = new double[c];
            s = new double[c];
        }
        m = 0;
        nIn = 0;
    }

    /** Appends a point (index = number of points added before it). */
    public void add(double x, double y) {
        if (m == xs.length) {
            int c = m * 2;
            xs = Arrays.copyOf(xs, c);
            ys = Arrays.copyOf(ys, c);
            t = new double[c];
            s = new double[c];
        }
        xs[m] = x;
        ys[m] = y;
        m++;
    }

    /** Number of points. */
    public int size() {
        return m;
    }

    /**
     * Notes the points inside the box (inclusive); every candidate later measured must lie in this box, so
     * only these points are tested for lying inside a candidate.
     */
    public void boxed(double minX, double minY, double maxX, double maxY) {
        nIn = 0;
        for (int q = 0; q < m; q++) {
            double x = xs[q];
            double y = ys[q];
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                if (nIn == inBox.length) {
                    inBox = Arrays.copyOf(inBox, nIn * 2);
                }
                inBox[nIn++] = q;
            }
        }
    }

    /**
     * Squared exact distances from candidate c (inside the box given to {@link #boxed}) to the points, into
     * out[0..size()): 0 inside or on an edge, +infinity when the candidate is empty.
     */
    public void distancesSq(Polygons p, int c, double[] out) {
        Arrays.fill(out, 0, m, Double.POSITIVE_INFINITY);
        double[] px = p.xs;
        double[] py = p.ys;
        int r1 = p.candRing[c + 1];
        boolean areal = false;
        for (int r = p.candRing[c]; r < r1; r++) {
            int k = p.ringStart[r];
            int end = p.ringStart[r + 1] - 1;
            areal |= p.areal[r];
            if (end == k) {
                edge(out, px[k], py[k], 0, 0, 0);
                continue;
            }
            for (int q = k; q < end; q++) {
                double x0 = px[q];
                double y0 = py[q];
                double ex = px[q + 1] - x0;
                double ey = py[q + 1] - y0;
                double len2 = ex * ex + ey * ey;
                edge(out, x0, y0, ex, ey, len2 > 0 ? 1 / len2 : 0);
            }
        }
        if (!areal) {
            return;
        }
        for (int i = 0; i < nIn; i++) {
            int q = inBox[i];
            if (out[q] > 0 && p.contains(c, xs[q], ys[q])) {
                out[q] = 0;
            }
        }
    }

    /**
     * out[q] = min(out[q], squared distance from point q to the edge (x0, y0) + u (ex, ey), u in [0, 1]).
     * Simple loops over arrays (each one vectorised by C2; one fused loop is not).
     */
    private void edge(double[] out, double x0, double y0, double ex, double ey, double invLen2) {
        double[] px = xs;
        double[] py = ys;
        double[] u = t;
        double[] a2 = s;
        int n = m;
        for (int q = 0; q < n; q++) {
            u[q] = (px[q] - x0) * ex;
        }
        for (int q = 0; q < n; q++) {
            u[q] += (py[q] - y0) * ey;
        }
        for (int q = 0; q < n; q++) {
            u[q] = Math.min(Math.max(u[q] * invLen2, 0.0), 1.0);
        }
        for (int q = 0; q < n; q++) {
            double a = (px[q] - x0) - u[q] * ex;
            a2[q] = a * a;
        }
        for (int q = 0; q < n; q++) {
            double b = (py[q] - y0) - u[q] * ey;
            out[q] = Math.min(out[q], a2[q] + b * b);
        }
    }
}
