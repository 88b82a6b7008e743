package io.siteplanner.gis.shapefile;

import io.siteplanner.model.Geometries;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.index.strtree.STRtree;

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
 * Rings must be closed and have at least 4 points (the caller checks). Records with more than
 * {@link #INDEX_FROM} rings look for containing rings through an R-tree of ring boxes, and the work for one
 * record is bounded ({@link #WORK_LIMIT}): a record needing more is skipped ({@link BadRecord}) instead of
 * running for minutes. Not thread-safe (scratch arrays).
 */
final class RingAssembler {
    private static final LinearRing[] NO_HOLES = new LinearRing[0];

    /** Records with more rings than this find containing rings through an R-tree of ring boxes. */
    static final int INDEX_FROM = 256;
    /**
     * Box tests plus vertices visited by point-in-ring tests allowed for one record (well under a second); a
     * record that needs more (hundreds of thousands of mutually nested rings) is skipped as too complex
     * rather than taking minutes.
     */
    static final long WORK_LIMIT = 20_000_000L;
    static final String COMPLEX = "polygon with too many nested rings to assemble";
    private static final BadRecord TOO_COMPLEX = new BadRecord(COMPLEX);
    private static final int[] ALL = range(4096);

    private final GeometryFactory gf = Geometries.FACTORY;
    private long work;
    private STRtree index;
    private int[] position = new int[16];
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
    Geometry assemble(Coordinate[][] rings, int n, int dim) throws BadRecord {
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
        work = 0;
        index = n > INDEX_FROM ? boxIndex(n) : null;
        if (cw == 0) {
            return byNesting(rings, n, dim);
        }
        if (cw < n) {
            for (int h = 0; h < n; h++) {
                if (shell[h]) {
                    continue;
                }
                int best = -1;
                for (int s : candidates(h, n)) {
                    if (shell[s] && parent[s] == -1 && (best < 0 || area[s] < area[best] || area[s] == area[best] && s < best)
                            && boxContains(s, h) && inside(rings, h, s)) {
                        best = s;
                    }
                }
                parent[h] = best;
            }
            // orphans (counter-clockwise rings in no shell) become shells; if one of them contains a clockwise
            // ring, the file's orientation is reversed and only nesting can be trusted
            for (int o = 0; o < n; o++) {
                if (!shell[o] && parent[o] < 0) {
                    for (int s : boxes(o, n, false)) {
                        if (shell[s] && inside(rings, s, o)) {
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
    private Geometry byNesting(Coordinate[][] rings, int n, int dim) throws BadRecord {
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
            area[i] = Math.abs(area[i]);
        }
        // largest first; stable, so rings of equal area keep their order
        java.util.Arrays.sort(sorted, (a, b) -> Double.compare(area[b], area[a]));
        for (int k = 0; k < n; k++) {
            order[k] = sorted[k];
            position[sorted[k]] = k;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int p = -1;
            if (index == null) {
                for (int m = k - 1; m >= 0; m--) {
                    int j = order[m];
                    if (boxContains(j, i) && inside(rings, i, j)) {
                        p = j;
                        break;
                    }
                }
            } else {
                // the ring around i that comes last in the order (the smallest one): candidates by position
                int[] around = boxes(i, n, true);
                int[] byPos = new int[around.length];
                int c = 0;
                for (int j : around) {
                    if (position[j] < k) {
                        byPos[c++] = position[j];
                    }
                }
                java.util.Arrays.sort(byPos, 0, c);
                for (int m = c - 1; m >= 0; m--) {
                    int j = order[byPos[m]];
                    if (inside(rings, i, j)) {
                        p = j;
                        break;
                    }
                }
            }
            depth[i] = p < 0 ? 0 : depth[p] + 1;
            shell[i] = (depth[i] & 1) == 0;
            parent[i] = shell[i] ? -1 : p;
        }
        return build(rings, n, dim);
    }

    /** Linear in the number of rings: holes are grouped by their shell in one pass. */
    private Geometry build(Coordinate[][] rings, int n, int dim) {
        int[] holeCount = new int[n];
        int shells = 0;
        for (int i = 0; i < n; i++) {
            if (shell[i]) {
                shells++;
            } else if (parent[i] >= 0) {
                holeCount[parent[i]]++;
            }
        }
        LinearRing[][] holes = new LinearRing[n][];
        int[] filled = new int[n];
        for (int h = 0; h < n; h++) {
            if (!shell[h] && parent[h] >= 0) {
                int s = parent[h];
                if (holes[s] == null) {
                    holes[s] = new LinearRing[holeCount[s]];
                }
                holes[s][filled[s]++] = ring(rings[h], dim);
            }
        }
        Polygon[] polys = new Polygon[shells];
        int k = 0;
        for (int s = 0; s < n; s++) {
            if (shell[s]) {
                polys[k++] = gf.createPolygon(ring(rings[s], dim), holes[s] == null ? NO_HOLES : holes[s]);
            }
        }
        return polys.length == 1 ? polys[0] : gf.createMultiPolygon(polys);
    }

    /**
     * Rings whose bounding box may contain ring {@code i}'s: all rings for small records, else those the
     * box index finds (counted against the work budget).
     */
    private int[] candidates(int i, int n) throws BadRecord {
        if (index == null) {
            charge(n);
            return ALL.length >= n ? java.util.Arrays.copyOf(ALL, n) : range(n);
        }
        return boxes(i, n, true);
    }

    /**
     * Rings other than {@code i} whose bounding box contains ring {@code i}'s ({@code around}), or lies in
     * it (not {@code around}), via the index or a scan.
     */
    private int[] boxes(int i, int n, boolean around) throws BadRecord {
        int[] out = new int[8];
        int c = 0;
        if (index == null) {
            charge(n);
            for (int j = 0; j < n; j++) {
                if (j != i && (around ? boxContains(j, i) : boxContains(i, j))) {
                    if (c == out.length) {
                        out = java.util.Arrays.copyOf(out, 2 * c);
                    }
                    out[c++] = j;
                }
            }
            return java.util.Arrays.copyOf(out, c);
        }
        @SuppressWarnings("unchecked")
        java.util.List<Integer> hits = index.query(new Envelope(minX[i], maxX[i], minY[i], maxY[i]));
        charge(hits.size());
        for (int j : hits) {
            if (j != i && (around ? boxContains(j, i) : boxContains(i, j))) {
                if (c == out.length) {
                    out = java.util.Arrays.copyOf(out, 2 * c);
                }
                out[c++] = j;
            }
        }
        return java.util.Arrays.copyOf(out, c);
    }

    private STRtree boxIndex(int n) {
        STRtree t = new STRtree();
        for (int i = 0; i < n; i++) {
            t.insert(new Envelope(minX[i], maxX[i], minY[i], maxY[i]), i);
        }
        t.build();
        return t;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Adds to the work of this record; past {@link #WORK_LIMIT} the record is given up. */
    private void charge(long units) throws BadRecord {
        work += units;
        if (work > WORK_LIMIT) {
            throw TOO_COMPLEX;
        }
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
    private boolean inside(Coordinate[][] rings, int a, int b) throws BadRecord {
        Coordinate[] ra = rings[a];
        Coordinate[] rb = rings[b];
        charge(rb.length);
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
            position = new int[c];
        }
    }
}
