package io.siteplanner.gis.shapefile;

import io.siteplanner.model.Geometries;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * Turns the rings of one shapefile polygon record into a {@link Polygon} or a multi-polygon.
 *
 * <p>The specification says outer rings are clockwise and holes counter-clockwise, and does not say which
 * outer ring a hole belongs to. This class:
 * <ol>
 * <li>takes clockwise rings as shells and gives each counter-clockwise ring to the smallest shell that
 * contains it (bounding-box filter, then point-in-ring with the first hole vertex not on the shell's
 * boundary);</li>
 * <li>makes a counter-clockwise ring that lies in no shell a shell of its own;</li>
 * <li>falls back to pure nesting (a ring inside an odd number of rings is a hole of the smallest ring
 * around it, all others are shells) when there is no clockwise ring at all, or when such an orphan
 * ring contains a clockwise ring: then the file wrote its rings the other way round (OGC order).</li>
 * </ol>
 * Rings must be closed and have at least 4 points (the caller checks). Not thread-safe (scratch arrays).
 */
final class RingAssembler {
    private static final LinearRing[] NO_HOLES = new LinearRing[0];

    private final GeometryFactory gf = Geometries.FACTORY;
    private double[] area = new double[16];
    private double[] minX = new double[16];
    private double[] minY = new double[16];
    private double[] maxX = new double[16];
    private double[] maxY = new double[16];
    private int[] parent = new int[16];
    private int[] order = new int[16];
    private int[] depth = new int[16];
    private boolean[] shell = new boolean[16];

    /** One ring as a JTS ring (the array is used as it is, not copied). */
    LinearRing ring(Coordinate[] coords, int dim) {
        return gf.createLinearRing(new CoordinateArraySequence(coords, dim, 0));
    }

    /**
     * The polygon(s) of {@code n} rings.
     *
     * @param dim coordinate dimension (2 or 3)
     */
    Geometry assemble(Coordinate[][] rings, int n, int dim) {
        if (n == 1) {
            return gf.createPolygon(ring(rings[0], dim), NO_HOLES);
        }
        ensure(n);
        int cw = 0;
        for (int i = 0; i < n; i++) {
            Coordinate[] r = rings[i];
            area[i] = Area.ofRingSigned(r); // positive for clockwise rings
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (Coordinate c : r) {
                if (c.x < x0) {
                    x0 = c.x;
                }
                if (c.x > x1) {
                    x1 = c.x;
                }
                if (c.y < y0) {
                    y0 = c.y;
                }
                if (c.y > y1) {
                    y1 = c.y;
                }
            }
            minX[i] = x0;
            minY[i] = y0;
            maxX[i] = x1;
            maxY[i] = y1;
            shell[i] = area[i] > 0;
            parent[i] = -1;
            if (shell[i]) {
                cw++;
            }
        }
        if (cw == 0) {
            return byNesting(rings, n, dim);
        }
        if (cw < n) {
            for (int h = 0; h < n; h++) {
                if (shell[h]) {
                    continue;
                }
                int best = -1;
                for (int s = 0; s < n; s++) {
                    if (shell[s] && parent[s] == -1 && (best < 0 || area[s] < area[best]) && boxContains(s, h)
                            && inside(rings, h, s)) {
                        best = s;
                    }
                }
                parent[h] = best;
            }
            // orphans (counter-clockwise rings in no shell) become shells; if one of them contains a clockwise
            // ring, the file's orientation is reversed and only nesting can be trusted
            for (int o = 0; o < n; o++) {
                if (!shell[o] && parent[o] < 0) {
                    for (int s = 0; s < n; s++) {
                        if (shell[s] && boxContains(o, s) && inside(rings, s, o)) {
                            return byNesting(rings, n, dim);
                        }
                    }
                }
            }
            for (int o = 0; o < n; o++) {
                if (!shell[o] && parent[o] < 0) {
                    shell[o] = true;
                }
            }
        }
        return build(rings, n, dim);
    }

    /** Nesting only: even depth = shell, odd depth = hole of the smallest ring around it. */
    private Geometry byNesting(Coordinate[][] rings, int n, int dim) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
            area[i] = Math.abs(area[i]);
        }
        // insertion sort by area, largest first (n is small in practice)
        for (int i = 1; i < n; i++) {
            int v = order[i];
            int j = i - 1;
            while (j >= 0 && area[order[j]] < area[v]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int p = -1;
            for (int m = k - 1; m >= 0; m--) {
                int j = order[m];
                if (boxContains(j, i) && inside(rings, i, j)) {
                    p = j;
                    break;
                }
            }
            depth[i] = p < 0 ? 0 : depth[p] + 1;
            shell[i] = (depth[i] & 1) == 0;
            parent[i] = shell[i] ? -1 : p;
        }
        return build(rings, n, dim);
    }

    private Geometry build(Coordinate[][] rings, int n, int dim) {
        int shells = 0;
        for (int i = 0; i < n; i++) {
            if (shell[i]) {
                shells++;
            }
        }
        Polygon[] polys = new Polygon[shells];
        int k = 0;
        for (int s = 0; s < n; s++) {
            if (!shell[s]) {
                continue;
            }
            int holes = 0;
            for (int h = 0; h < n; h++) {
                if (!shell[h] && parent[h] == s) {
                    holes++;
                }
            }
            LinearRing[] hr = holes == 0 ? NO_HOLES : new LinearRing[holes];
            int m = 0;
            for (int h = 0; h < n && m < holes; h++) {
                if (!shell[h] && parent[h] == s) {
                    hr[m++] = ring(rings[h], dim);
                }
            }
            polys[k++] = gf.createPolygon(ring(rings[s], dim), hr);
        }
        return polys.length == 1 ? polys[0] : gf.createMultiPolygon(polys);
    }

    /** Bounding box of ring {@code outer} contains that of ring {@code inner}. */
    private boolean boxContains(int outer, int inner) {
        return minX[outer] <= minX[inner] && maxX[outer] >= maxX[inner] && minY[outer] <= minY[inner]
                && maxY[outer] >= maxY[inner];
    }

    /**
     * Ring {@code a} lies inside ring {@code b}: decided by the first vertex of {@code a} that is not on
     * {@code b}'s boundary (rings of a valid polygon may touch at points). All on the boundary: inside.
     */
    private static boolean inside(Coordinate[][] rings, int a, int b) {
        Coordinate[] ra = rings[a];
        Coordinate[] rb = rings[b];
        for (int i = 0; i < ra.length - 1; i++) {
            int loc = RayCrossingCounter.locatePointInRing(ra[i], rb);
            if (loc == Location.INTERIOR) {
                return true;
            }
            if (loc == Location.EXTERIOR) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int n) {
        if (area.length < n) {
            int c = Math.max(n, area.length * 2);
            area = new double[c];
            minX = new double[c];
            minY = new double[c];
            maxX = new double[c];
            maxY = new double[c];
            parent = new int[c];
            order = new int[c];
            depth = new int[c];
            shell = new boolean[c];
        }
    }
}
