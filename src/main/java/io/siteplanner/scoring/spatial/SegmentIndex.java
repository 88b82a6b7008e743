package io.siteplanner.scoring.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A static packed R-tree (Hilbert-ordered, fan-out 8) over the individual points and line segments of a
 * layer's features (polygon boundaries become segments; polygons are also kept for containment). Queries
 * give the exact distance from a candidate polygon ({@link Polygons}) to the nearest feature with DistanceOp
 * semantics (0 when touching, crossing or containing), by best-first branch-and-bound on box distances with
 * exact segment-to-polygon distances at the leaves. Indexing segments rather than whole polylines keeps
 * boxes small, so long lines prune well.
 *
 * <p>Build O(s log s) for s segments; immutable and thread-safe afterwards. Each thread queries through
 * its own {@link Searcher}.
 */
public final class SegmentIndex {
    private static final int M = 8;

    private final int items;
    private final double[] ax;
    private final double[] ay;
    private final double[] bx;
    private final double[] by;
    private final int[] feature;
    /** Node boxes for all levels, level 0 (over items) first. */
    /** Node boxes, 4 doubles per node (minX, minY, maxX, maxY), level 0 first. */
    private final double[] nbox;
    private final int[] levelStart;
    private final int[] levelSize;
    private final int root;
    // polygon features for containment
    private final int[] polyFeature;
    private final AreaLocator[] polyLoc;
    private final org.locationtech.jts.index.strtree.STRtree polyTree;
    private final int featureCount;
    /** Every item is a point and every feature has at most one item. */
    private final boolean pointsOnly;

    private SegmentIndex(double[] ax, double[] ay, double[] bx, double[] by, int[] feature, int items,
            List<Integer> polyF, List<Geometry> polys, int featureCount) {
        this.featureCount = featureCount;
        boolean pts = polyF.isEmpty();
        if (pts) {
            boolean[] seen = new boolean[featureCount];
            for (int i = 0; i < items && pts; i++) {
                pts = ax[i] == bx[i] && ay[i] == by[i] && !seen[feature[i]];
                seen[feature[i]] = true;
            }
        }
        this.pointsOnly = pts;
        this.items = items;
        // Hilbert order of item centres
        double[] cx = new double[items];
        double[] cy = new double[items];
        for (int i = 0; i < items; i++) {
            cx[i] = (ax[i] + bx[i]) * 0.5;
            cy[i] = (ay[i] + by[i]) * 0.5;
        }
        int[] ord = Hilbert.order(cx, cy, items);
        this.ax = new double[items];
        this.ay = new double[items];
        this.bx = new double[items];
        this.by = new double[items];
        this.feature = new int[items];
        for (int i = 0; i < items; i++) {
            int o = ord[i];
            this.ax[i] = ax[o];
            this.ay[i] = ay[o];
            this.bx[i] = bx[o];
            this.by[i] = by[o];
            this.feature[i] = feature[o];
        }
        // levels
        List<int[]> sizes = new ArrayList<>();
        int count = items;
        int total = 0;
        do {
            int nodes = (count + M - 1) / M;
            sizes.add(new int[] {total, nodes});
            total += nodes;
            count = nodes;
        } while (count > 1);
        levelStart = new int[sizes.size()];
        levelSize = new int[sizes.size()];
        for (int l = 0; l < sizes.size(); l++) {
            levelStart[l] = sizes.get(l)[0];
            levelSize[l] = sizes.get(l)[1];
        }
        double[] nMinX = new double[total];
        double[] nMinY = new double[total];
        double[] nMaxX = new double[total];
        double[] nMaxY = new double[total];
        for (int node = 0; node < levelSize[0]; node++) {
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (int i = node * M; i < Math.min(items, node * M + M); i++) {
                x0 = Math.min(x0, Math.min(this.ax[i], this.bx[i]));
                y0 = Math.min(y0, Math.min(this.ay[i], this.by[i]));
                x1 = Math.max(x1, Math.max(this.ax[i], this.bx[i]));
                y1 = Math.max(y1, Math.max(this.ay[i], this.by[i]));
            }
            nMinX[node] = x0;
            nMinY[node] = y0;
            nMaxX[node] = x1;
            nMaxY[node] = y1;
        }
        for (int l = 1; l < levelStart.length; l++) {
            int below = levelStart[l - 1];
            int belowSize = levelSize[l - 1];
            for (int j = 0; j < levelSize[l]; j++) {
                int node = levelStart[l] + j;
                double x0 = Double.POSITIVE_INFINITY;
                double y0 = Double.POSITIVE_INFINITY;
                double x1 = Double.NEGATIVE_INFINITY;
                double y1 = Double.NEGATIVE_INFINITY;
                for (int c = j * M; c < Math.min(belowSize, j * M + M); c++) {
                    x0 = Math.min(x0, nMinX[below + c]);
                    y0 = Math.min(y0, nMinY[below + c]);
                    x1 = Math.max(x1, nMaxX[below + c]);
                    y1 = Math.max(y1, nMaxY[below + c]);
                }
                nMinX[node] = x0;
                nMinY[node] = y0;
                nMaxX[node] = x1;
                nMaxY[node] = y1;
            }
        }
        nbox = new double[total * 4];
        for (int k = 0; k < total; k++) {
            nbox[4 * k] = nMinX[k];
            nbox[4 * k + 1] = nMinY[k];
            nbox[4 * k + 2] = nMaxX[k];
            nbox[4 * k + 3] = nMaxY[k];
        }
        root = items == 0 ? -1 : levelStart[levelStart.length - 1];
        polyFeature = polyF.stream().mapToInt(Integer::intValue).toArray();
        polyLoc = new AreaLocator[polys.size()];
        polyTree = new org.locationtech.jts.index.strtree.STRtree();
        for (int i = 0; i < polys.size(); i++) {
            polyLoc[i] = new AreaLocator(polys.get(i));
            polyTree.insert(polyLoc[i].envelope(), i);
        }
        polyTree.build();
    }

    /** Lowest feature index among the indexed polygons covering (x, y), or Integer.MAX_VALUE. */
    private int coveringPolygon(double x, double y) {
        int[] best = {Integer.MAX_VALUE};
        polyTree.query(new Envelope(x, x, y, y), item -> {
            int i = (Integer) item;
            if (polyFeature[i] < best[0] && polyLoc[i].covers(x, y)) {
                best[0] = polyFeature[i];
            }
        });
        return best[0];
    }

    /**
     * Builds the index over the given geometries; {@code keep[i]} false skips feature i (filter). Feature
     * numbers reported by searches are indices into {@code geoms}.
     */
    public static SegmentIndex build(List<Geometry> geoms, boolean[] keep) {
        Builder b = new Builder();
        for (int f = 0; f < geoms.size(); f++) {
            Geometry g = geoms.get(f);
            if (g == null || g.isEmpty() || (keep != null && !keep[f])) {
                continue;
            }
            b.add(g, f);
        }
        return new SegmentIndex(b.ax, b.ay, b.bx, b.by, b.feature, b.n, b.polyF, b.polys, geoms.size());
    }

    /** Number of indexed points + segments. */
    public int itemCount() {
        return items;
    }

    /** True when nothing passed the filter. */
    public boolean isEmpty() {
        return items == 0;
    }

    public int featureCount() {
        return featureCount;
    }

    private static final class Builder {
        double[] ax = new double[1024];
        double[] ay = new double[1024];
        double[] bx = new double[1024];
        double[] by = new double[1024];
        int[] feature = new int[1024];
        int n;
        final List<Integer> polyF = new ArrayList<>();
        final List<Geometry> polys = new ArrayList<>();

        void add(Geometry g, int f) {
            for (int k = 0; k < g.getNumGeometries(); k++) {
                Geometry c = g.getGeometryN(k);
                if (c.isEmpty()) {
                    continue;
                }
                if (c instanceof Point) {
                    Point p = (Point) c;
                    item(p.getX(), p.getY(), p.getX(), p.getY(), f);
                } else if (c instanceof LineString) {
                    line(((LineString) c).getCoordinateSequence(), f);
                } else if (c instanceof Polygon) {
                    Polygon p = (Polygon) c;
                    line(p.getExteriorRing().getCoordinateSequence(), f);
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        line(p.getInteriorRingN(h).getCoordinateSequence(), f);
                    }
                    polyF.add(f);
                    polys.add(p);
                } else {
                    add(c, f); // nested collection
                }
            }
        }

        void line(CoordinateSequence s, int f) {
            int m = s.size();
            if (m == 1) {
                item(s.getX(0), s.getY(0), s.getX(0), s.getY(0), f);
                return;
            }
            int added = 0;
            for (int i = 0; i + 1 < m; i++) {
                double x0 = s.getX(i);
                double y0 = s.getY(i);
                double x1 = s.getX(i + 1);
                double y1 = s.getY(i + 1);
                if (x0 == x1 && y0 == y1) {
                    continue;
                }
                item(x0, y0, x1, y1, f);
                added++;
            }
            if (added == 0 && m > 0) {
                item(s.getX(0), s.getY(0), s.getX(0), s.getY(0), f);
            }
        }

        void item(double x0, double y0, double x1, double y1, int f) {
            if (n == ax.length) {
                int c = n * 2;
                ax = Arrays.copyOf(ax, c);
                ay = Arrays.copyOf(ay, c);
                bx = Arrays.copyOf(bx, c);
                by = Arrays.copyOf(by, c);
                feature = Arrays.copyOf(feature, c);
            }
            ax[n] = x0;
            ay[n] = y0;
            bx[n] = x1;
            by[n] = y1;
            feature[n] = f;
            n++;
        }
    }

    /** Whether polygon features are indexed (they also count as containing what lies inside them). */
    public boolean hasPolygons() {
        return polyFeature.length > 0;
    }

    /** Whether every feature is a single point (one item per feature, no segments or polygons). */
    public boolean pointsOnly() {
        return pointsOnly;
    }

    /** x of an item's first end. */
    public double itemX(int item) {
        return ax[item];
    }

    /** y of an item's first end. */
    public double itemY(int item) {
        return ay[item];
    }

    /** The feature an item (point or segment) belongs to. */
    public int itemFeature(int item) {
        return feature[item];
    }

    /**
     * The items whose boxes lie within {@code maxDistance} of the box (minX, minY, maxX, maxY), in tree
     * order, into {@code out[0]} (grown as needed); returns how many. For blocks of nearby candidates that
     * then test the same short list, instead of one tree search per candidate.
     */
    public int itemsNear(double minX, double minY, double maxX, double maxY, double maxDistance, int[][] out) {
        if (items == 0) {
            return 0;
        }
        double lim = maxDistance * maxDistance;
        int[] res = out[0];
        int k = 0;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = root;
        int top = levelStart.length - 1;
        while (sp > 0) {
            int node = stack[--sp];
            int level = top;
            while (node < levelStart[level]) {
                level--;
            }
            int j = node - levelStart[level];
            if (level == 0) {
                int end = Math.min(items, j * M + M);
                for (int i = j * M; i < end; i++) {
                    double ib = Geom.boxSq(minX, minY, maxX, maxY, Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]),
                            Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
                    if (ib <= lim) {
                        if (k == res.length) {
                            res = Arrays.copyOf(res, res.length * 2);
                        }
                        res[k++] = i;
                    }
                }
            } else {
                int below = levelStart[level - 1];
                int end = Math.min(levelSize[level - 1], j * M + M);
                for (int q = j * M; q < end; q++) {
                    int child = below + q;
                    int b4 = child * 4;
                    if (Geom.boxSq(minX, minY, maxX, maxY, nbox[b4], nbox[b4 + 1], nbox[b4 + 2], nbox[b4 + 3]) <= lim) {
                        if (sp == stack.length) {
                            stack = Arrays.copyOf(stack, sp * 2);
                        }
                        stack[sp++] = child;
                    }
                }
            }
        }
        out[0] = res;
        return k;
    }

    /**
     * Exact squared distance from candidate c to an item, or +infinity when it is certainly beyond
     * {@code limSq} (box test first).
     */
    public double itemDistanceSq(Polygons p, int c, int i, double limSq) {
        double ib = Geom.boxSq(p.minX[c], p.minY[c], p.maxX[c], p.maxY[c], Math.min(ax[i], bx[i]),
                Math.min(ay[i], by[i]), Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
        if (ib > limSq) {
            return Double.POSITIVE_INFINITY;
        }
        return p.distanceSq(c, ax[i], ay[i], bx[i], by[i], ib == 0);
    }

    /** A new searcher (one per thread). */
    public Searcher searcher() {
        return new Searcher();
    }

    /**
     * Per-thread query state (a reusable heap, the last result as a seed). Not thread-safe. Queries made in
     * spatial order run faster because the previous nearest item seeds the bound.
     */
    public final class Searcher {
        private double[] heapKey = new double[64];
        private int[] heapVal = new int[64];
        private int size;
        private int lastItem = -1;
        private int bestFeature = -1;
        /** Number of exact distance computations (for statistics). */
        public long exactCount;

        /** Feature index of the last {@link #nearest} result, -1 when none. */
        public int bestFeature() {
            return bestFeature;
        }

        /**
         * Exact distance from candidate c to the nearest indexed feature, or +infinity when the index is
         * empty or the candidate has no geometry. With {@code lowestOnTie}, {@link #bestFeature()} is the
         * lowest feature index among equally near features (slower: equal bounds are explored); otherwise
         * any nearest feature.
         *
         * @param maxDistance only look this far (+infinity = unbounded); beyond it the result is +infinity
         */
        public double nearest(Polygons p, int c, boolean lowestOnTie, double maxDistance) {
            bestFeature = -1;
            if (items == 0 || !p.has(c)) {
                return Double.POSITIVE_INFINITY;
            }
            double cMinX = p.minX[c];
            double cMinY = p.minY[c];
            double cMaxX = p.maxX[c];
            double cMaxY = p.maxY[c];
            double best = maxDistance == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : maxDistance * maxDistance;
            int bestItem = -1;
            int bestF = Integer.MAX_VALUE;
            // inside a target polygon: distance 0. Tested with the first vertex of every part (shell, line or
            // point); a part that crosses a target boundary is found by the segment search.
            if (polyFeature.length > 0) {
                for (int r = p.candRing[c]; r < p.candRing[c + 1]; r++) {
                    if (p.hole[r]) {
                        continue;
                    }
                    int v = p.ringStart[r];
                    int f = coveringPolygon(p.xs[v], p.ys[v]);
                    if (f < bestF) {
                        best = 0;
                        bestF = f;
                    }
                }
                if (best == 0 && !lowestOnTie) {
                    bestFeature = bestF;
                    return 0;
                }
            }
            // seed with the previous query's nearest item
            if (lastItem >= 0 && best > 0) {
                int i = lastItem;
                double d = p.distanceSq(c, ax[i], ay[i], bx[i], by[i], overlaps(i, cMinX, cMinY, cMaxX, cMaxY));
                exactCount++;
                if (d < best || (d == best && feature[i] < bestF)) {
                    best = d;
                    bestItem = i;
                    bestF = feature[i];
                }
            }
            size = 0;
            push(0, root);
            int top = levelStart.length - 1;
            while (size > 0) {
                double lb = heapKey[0];
                int node = heapVal[0];
                pop();
                if (lowestOnTie ? lb > best : lb >= best) {
                    break;
                }
                int level = levelOf(node, top);
                int j = node - levelStart[level];
                if (level == 0) {
                    int end = Math.min(items, j * M + M);
                    for (int i = j * M; i < end; i++) {
                        double x0 = Math.min(ax[i], bx[i]);
                        double x1 = Math.max(ax[i], bx[i]);
                        double y0 = Math.min(ay[i], by[i]);
                        double y1 = Math.max(ay[i], by[i]);
                        double ib = Geom.boxSq(cMinX, cMinY, cMaxX, cMaxY, x0, y0, x1, y1);
                        if (lowestOnTie ? ib > best : ib >= best) {
                            continue;
                        }
                        boolean ov = ib == 0;
                        if (!ov && (x0 != x1 || y0 != y1)) {
                            double slb = Geom.segBoxSq(ax[i], ay[i], bx[i], by[i], cMinX, cMinY, cMaxX, cMaxY);
                            if (lowestOnTie ? slb > best : slb >= best) {
                                continue;
                            }
                        }
                        // with ties wanted, an equal distance must be computed exactly: nudge the cutoff up
                        double d = p.distanceSq(c, ax[i], ay[i], bx[i], by[i], ov,
                                lowestOnTie && best < Double.POSITIVE_INFINITY ? Math.nextUp(best) : best);
                        exactCount++;
                        if (d < best || (lowestOnTie && d == best && feature[i] < bestF)) {
                            best = d;
                            bestItem = i;
                            bestF = feature[i];
                        }
                    }
                } else {
                    int below = levelStart[level - 1];
                    int end = Math.min(levelSize[level - 1], j * M + M);
                    for (int k = j * M; k < end; k++) {
                        int child = below + k;
                        int b4 = child * 4;
                        double cb = Geom.boxSq(cMinX, cMinY, cMaxX, cMaxY, nbox[b4], nbox[b4 + 1], nbox[b4 + 2],
                                nbox[b4 + 3]);
                        if (lowestOnTie ? cb <= best : cb < best) {
                            push(cb, child);
                        }
                    }
                }
            }
            if (bestItem >= 0) {
                lastItem = bestItem;
            }
            if (bestF == Integer.MAX_VALUE) {
                return Double.POSITIVE_INFINITY;
            }
            bestFeature = bestF;
            return Math.sqrt(best);
        }

        /**
         * Calls {@code visitor} for every feature within {@code maxDistance} of candidate c, with its exact
         * distance (a feature may be reported once per item within reach; visitors keep the minimum).
         */
        public void within(Polygons p, int c, double maxDistance, FeatureVisitor visitor) {
            within(p, c, maxDistance, visitor, true);
        }

        /**
         * As {@link #within(Polygons, int, double, FeatureVisitor)}; with {@code exact} false, items that are
         * within reach for certain (the farthest points of their box and the candidate's box are within
         * {@code maxDistance}) are reported without measuring, with distance NaN: for counts and sums, where
         * only "within or not" matters.
         */
        public void within(Polygons p, int c, double maxDistance, FeatureVisitor visitor, boolean exact) {
            if (items == 0 || !p.has(c)) {
                return;
            }
            double lim = maxDistance * maxDistance;
            double cMinX = p.minX[c];
            double cMinY = p.minY[c];
            double cMaxX = p.maxX[c];
            double cMaxY = p.maxY[c];
            size = 0;
            push(0, root);
            int top = levelStart.length - 1;
            while (size > 0) {
                int node = heapVal[0];
                pop();
                int level = levelOf(node, top);
                int j = node - levelStart[level];
                if (!exact) {
                    int b4 = node * 4;
                    if (farSq(cMinX, cMinY, cMaxX, cMaxY, nbox[b4], nbox[b4 + 1], nbox[b4 + 2], nbox[b4 + 3]) <= lim) {
                        // the whole subtree is within reach: its items are a contiguous range
                        long span = 1;
                        for (int l = 0; l <= level; l++) {
                            span *= M;
                        }
                        int end = (int) Math.min(items, (j + 1) * span);
                        for (int i = (int) (j * span); i < end; i++) {
                            visitor.visit(feature[i], Double.NaN);
                        }
                        continue;
                    }
                }
                if (level == 0) {
                    int end = Math.min(items, j * M + M);
                    for (int i = j * M; i < end; i++) {
                        double ib = Geom.boxSq(cMinX, cMinY, cMaxX, cMaxY, Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]),
                                Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
                        if (ib > lim) {
                            continue;
                        }
                        if (!exact && farSq(cMinX, cMinY, cMaxX, cMaxY, Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]),
                                Math.max(ax[i], bx[i]), Math.max(ay[i], by[i])) <= lim) {
                            visitor.visit(feature[i], Double.NaN);
                            continue;
                        }
                        double d = p.distanceSq(c, ax[i], ay[i], bx[i], by[i], ib == 0);
                        exactCount++;
                        if (d <= lim) {
                            visitor.visit(feature[i], Math.sqrt(d));
                        }
                    }
                } else {
                    int below = levelStart[level - 1];
                    int end = Math.min(levelSize[level - 1], j * M + M);
                    for (int k = j * M; k < end; k++) {
                        int child = below + k;
                        int b4 = child * 4;
                        double cb = Geom.boxSq(cMinX, cMinY, cMaxX, cMaxY, nbox[b4], nbox[b4 + 1], nbox[b4 + 2],
                                nbox[b4 + 3]);
                        if (cb <= lim) {
                            push(cb, child);
                        }
                    }
                }
            }
            // polygons containing a part of the candidate
            if (polyFeature.length > 0) {
                for (int r = p.candRing[c]; r < p.candRing[c + 1]; r++) {
                    if (p.hole[r]) {
                        continue;
                    }
                    int v = p.ringStart[r];
                    double x = p.xs[v];
                    double y = p.ys[v];
                    polyTree.query(new Envelope(x, x, y, y), item -> {
                        int i = (Integer) item;
                        if (polyLoc[i].covers(x, y)) {
                            visitor.visit(polyFeature[i], 0);
                        }
                    });
                }
            }
        }

        /** Squared largest distance between a point of box a and a point of box b. */
        private double farSq(double aMinX, double aMinY, double aMaxX, double aMaxY, double bMinX, double bMinY,
                double bMaxX, double bMaxY) {
            double dx = Math.max(aMaxX - bMinX, bMaxX - aMinX);
            double dy = Math.max(aMaxY - bMinY, bMaxY - aMinY);
            return dx * dx + dy * dy;
        }

        private boolean overlaps(int i, double cMinX, double cMinY, double cMaxX, double cMaxY) {
            return Math.max(ax[i], bx[i]) >= cMinX && Math.min(ax[i], bx[i]) <= cMaxX
                    && Math.max(ay[i], by[i]) >= cMinY && Math.min(ay[i], by[i]) <= cMaxY;
        }

        private int levelOf(int node, int top) {
            int l = top;
            while (node < levelStart[l]) {
                l--;
            }
            return l;
        }

        private void push(double key, int val) {
            if (size == heapKey.length) {
                heapKey = Arrays.copyOf(heapKey, size * 2);
                heapVal = Arrays.copyOf(heapVal, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heapKey[parent] <= key) {
                    break;
                }
                heapKey[i] = heapKey[parent];
                heapVal[i] = heapVal[parent];
                i = parent;
            }
            heapKey[i] = key;
            heapVal[i] = val;
        }

        private void pop() {
            int last = --size;
            if (last == 0) {
                return;
            }
            double key = heapKey[last];
            int val = heapVal[last];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= last) {
                    break;
                }
                int r = l + 1;
                int m = r < last && heapKey[r] < heapKey[l] ? r : l;
                if (heapKey[m] >= key) {
                    break;
                }
                heapKey[i] = heapKey[m];
                heapVal[i] = heapVal[m];
                i = m;
            }
            heapKey[i] = key;
            heapVal[i] = val;
        }
    }

    /** Receives features found by {@link Searcher#within}. */
    public interface FeatureVisitor {
        void visit(int feature, double distance);
    }
}
