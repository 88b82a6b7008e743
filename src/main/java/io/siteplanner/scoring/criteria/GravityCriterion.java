package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import io.siteplanner.scoring.spatial.PointBatch;
import io.siteplanner.scoring.spatial.Polygons;
import io.siteplanner.scoring.spatial.SegmentIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gravity}: accessibility, the sum over the features of {@code layer} passing {@code filter} of
 * {@code attribute} x decay(d), d = metres from the site's polygon to the feature (0 inside; Hansen 1959
 * potential accessibility). Decay {@code exponential}: e^(-d / scaleM); {@code power}:
 * 1 / max(d, minM)^exponent (minM default 1,000 m, exponent default 2). Features with an empty value add
 * nothing. An optional {@code radiusM} cuts the sum off.
 *
 * <p>Without {@code radiusM} the sum is still bounded for speed: features farther than the distance
 * where the decay falls below 1e-6 of its value at 0 (exponential: 13.82 x scaleM) or at minM (power:
 * minM x 10^(6/exponent)) are left out, so each left-out feature would have added less than 1e-6 of its
 * attribute (near-0 weight): the error is at most 1e-6 x the sum of the attribute over the layer.
 * Benefit by default.
 */
public record GravityCriterion(Common common, String layer, String filter, String attribute, String decay,
        Double scaleM, Double exponent, Double minM, Double radiusM) implements Criterion {
    /** Relative weight below which features are left out when no radius is given. */
    public static final double TAIL = 1e-6;

    public static final CriterionKind KIND = new CriterionKind("gravity",
            "Accessibility: sum of a layer's attribute (population, MW) weighted by distance decay",
            Set.of("layer", "filter", "attribute", "decay", "scaleM", "exponent", "minM", "radiusM"),
            Direction.BENEFIT, false,
            (c, p) -> new GravityCriterion(c, p.reqStr("layer"), p.str("filter"), p.reqStr("attribute"),
                    decayOf(p), p.positive("scaleM"), p.within("exponent", 0.1, 10), p.positive("minM"),
                    p.positive("radiusM")));

    private static String decayOf(Params p) {
        String d = p.oneOf("decay", "exponential", "power");
        if (d == null) {
            throw p.error("decay", "missing: 'exponential' (with scaleM) or 'power' (with exponent, minM)");
        }
        return d;
    }

    public GravityCriterion {
        common = common.orDefault(KIND);
        if (!"exponential".equals(decay) && !"power".equals(decay)) {
            throw new ScenarioException("decay", "unknown decay '" + decay + "' (one of: exponential, power)");
        }
        if (decay.equals("exponential")) {
            if (scaleM == null || !(scaleM > 0)) {
                throw new ScenarioException("scaleM", "missing: exponential decay needs scaleM > 0 (metres)");
            }
            if (exponent != null || minM != null) {
                throw new ScenarioException(exponent != null ? "exponent" : "minM", "applies to power decay only");
            }
        } else if (scaleM != null) {
            throw new ScenarioException("scaleM", "applies to exponential decay only");
        }
        if (radiusM != null && !(radiusM > 0 && radiusM <= 5e6)) {
            throw new ScenarioException("radiusM", "must be a number of metres > 0 and at most 5,000,000");
        }
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new GravityCriterion(c, layer, filter, attribute, decay, scaleM, exponent, minM, radiusM);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    double exp() {
        return exponent == null ? 2 : exponent;
    }

    double min() {
        return minM == null ? 1000 : minM;
    }

    /** The decay weight at distance d (metres). */
    public double weightAt(double d) {
        if (decay.equals("exponential")) {
            return Math.exp(-d / scaleM);
        }
        return Math.pow(Math.max(d, min()), -exp());
    }

    /** The distance beyond which features are left out: radiusM, or where the decay falls below {@link #TAIL}. */
    public double cutoffM() {
        if (radiusM != null) {
            return radiusM;
        }
        return decay.equals("exponential") ? scaleM * Math.log(1 / TAIL) : min() * Math.pow(1 / TAIL, 1 / exp());
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        ctx.keepMask(l, filter, path + ".filter");
        ctx.numbers(l, layer, attribute, path + ".attribute");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        double[] val = ctx.numbers(l, layer, attribute, path + ".attribute").values();
        SegmentIndex idx = ctx.index(layer, filter, path + ".filter");
        Polygons p = ctx.polygons();
        double cut = cutoffM();
        double[] v = new double[ctx.size()];
        int nf = l.size();
        ctx.countSpatialPass();
        if (idx.hasPolygons()) {
            searchEach(ctx, idx, p, cut, val, nf, v);
        } else if (idx.pointsOnly()) {
            pointBlocks(ctx, idx, p, cut, val, v);
        } else {
            byBlocks(ctx, idx, p, cut, val, nf, v);
        }
        return new Column(v, null, "", null);
    }

    /**
     * Point and line layers: per block of 64 neighbouring candidates (Hilbert order), the items near the
     * block are listed once from the R-tree, then each candidate measures exact distances to that short
     * list (box test first).
     */
    private void byBlocks(EvaluationContext ctx, SegmentIndex idx, Polygons p, double cut, double[] val, int nf,
            double[] v) {
        double limSq = cut * cut;
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "gravity " + layer, (ord, from, to) -> {
            double[] best = new double[nf];
            int[] stamp = new int[nf];
            int[][] near = {new int[1024]};
            int[] touched = new int[256];
            for (int b0 = from; b0 < to; b0 += 64) {
                int b1 = Math.min(to, b0 + 64);
                int m = itemsNearBlock(idx, p, ord, b0, b1, cut, near);
                int[] items = near[0];
                for (int k = b0; k < b1; k++) {
                    int c = ord[k];
                    if (!p.has(c)) {
                        v[c] = Double.NaN;
                        continue;
                    }
                    int mark = c + 1;
                    int count = 0;
                    for (int q = 0; q < m; q++) {
                        int it = items[q];
                        double d2 = idx.itemDistanceSq(p, c, it, limSq);
                        if (!(d2 <= limSq)) {
                            continue;
                        }
                        double d = Math.sqrt(d2);
                        int f = idx.itemFeature(it);
                        if (stamp[f] != mark) {
                            stamp[f] = mark;
                            best[f] = d;
                            if (count == touched.length) {
                                touched = java.util.Arrays.copyOf(touched, count * 2);
                            }
                            touched[count++] = f;
                        } else if (d < best[f]) {
                            best[f] = d;
                        }
                    }
                    v[c] = sum(touched, count, best, val);
                }
            }
        });
    }

    /**
     * Point layers (cities, plants): per block of 64 neighbouring candidates the points near the block are
     * gathered once, in feature order, with their values; each candidate then measures its exact distance to
     * all of them at once ({@link PointBatch}: one vectorised pass per edge) and sums over those within the
     * cutoff. One item per feature: no de-duplication.
     */
    private void pointBlocks(EvaluationContext ctx, SegmentIndex idx, Polygons p, double cut, double[] val,
            double[] v) {
        double limSq = cut * cut;
        boolean expo = decay.equals("exponential");
        double scale = expo ? scaleM : Double.NaN;
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "gravity " + layer, (ord, from, to) -> {
            int[][] near = {new int[1024]};
            double[] box = new double[4];
            double[] ws = new double[1024];
            double[] ds = new double[1024];
            long[] keys = new long[1024];
            PointBatch batch = new PointBatch();
            for (int b0 = from; b0 < to; b0 += 64) {
                int b1 = Math.min(to, b0 + 64);
                int m0 = blockBox(p, ord, b0, b1, box) ? idx.itemsNear(box[0], box[1], box[2], box[3], cut, near) : 0;
                if (keys.length < m0) {
                    int cap = Math.max(m0, keys.length * 2);
                    keys = new long[cap];
                    ws = new double[cap];
                    ds = new double[cap];
                }
                // feature order (feature << 32 | item), values known only
                int m = 0;
                for (int q = 0; q < m0; q++) {
                    int it = near[0][q];
                    int f = idx.itemFeature(it);
                    if (val[f] == val[f]) {
                        keys[m++] = ((long) f << 32) | it;
                    }
                }
                java.util.Arrays.sort(keys, 0, m);
                batch.clear(m);
                for (int q = 0; q < m; q++) {
                    int it = (int) keys[q];
                    batch.add(idx.itemX(it), idx.itemY(it));
                    ws[q] = val[(int) (keys[q] >>> 32)];
                }
                batch.boxed(box[0], box[1], box[2], box[3]);
                for (int k = b0; k < b1; k++) {
                    int c = ord[k];
                    if (!p.has(c)) {
                        v[c] = Double.NaN;
                        continue;
                    }
                    batch.distancesSq(p, c, ds);
                    double sum = 0;
                    for (int q = 0; q < m; q++) {
                        double d2 = ds[q];
                        if (d2 <= limSq) {
                            sum += ws[q] * (expo ? Math.exp(-Math.sqrt(d2) / scale) : weightAt(Math.sqrt(d2)));
                        }
                    }
                    v[c] = sum;
                }
            }
        });
    }

    /** The box of the candidates ord[b0..b1) into box {minX, minY, maxX, maxY}; false when all are empty. */
    private static boolean blockBox(Polygons p, int[] ord, int b0, int b1, double[] box) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = b0; k < b1; k++) {
            int c = ord[k];
            if (p.has(c)) {
                minX = Math.min(minX, p.minX[c]);
                minY = Math.min(minY, p.minY[c]);
                maxX = Math.max(maxX, p.maxX[c]);
                maxY = Math.max(maxY, p.maxY[c]);
            }
        }
        box[0] = minX;
        box[1] = minY;
        box[2] = maxX;
        box[3] = maxY;
        return minX <= maxX;
    }

    /** The index items within {@code cut} of the box of the candidates ord[b0..b1), into near[0]; how many. */
    private static int itemsNearBlock(SegmentIndex idx, Polygons p, int[] ord, int b0, int b1, double cut, int[][] near) {
        double[] box = new double[4];
        return blockBox(p, ord, b0, b1, box) ? idx.itemsNear(box[0], box[1], box[2], box[3], cut, near) : 0;
    }

    /** Polygon layers: one R-tree search per candidate (containment counts as distance 0). */
    private void searchEach(EvaluationContext ctx, SegmentIndex idx, Polygons p, double cut, double[] val, int nf,
            double[] v) {
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "gravity " + layer, (ord, from, to) -> {
            SegmentIndex.Searcher s = idx.searcher();
            double[] best = new double[nf];
            int[] stamp = new int[nf];
            int[][] touchedRef = {new int[256]};
            int[] count = new int[1];
            for (int k = from; k < to; k++) {
                int c = ord[k];
                if (!p.has(c)) {
                    v[c] = Double.NaN;
                    continue;
                }
                int mark = c + 1;
                count[0] = 0;
                s.within(p, c, cut, (f, d) -> {
                    if (stamp[f] != mark) {
                        stamp[f] = mark;
                        best[f] = d;
                        int[] t = touchedRef[0];
                        if (count[0] == t.length) {
                            t = java.util.Arrays.copyOf(t, t.length * 2);
                            touchedRef[0] = t;
                        }
                        t[count[0]++] = f;
                    } else if (d < best[f]) {
                        best[f] = d;
                    }
                });
                v[c] = sum(touchedRef[0], count[0], best, val);
            }
        });
    }

    /** The decayed sum over the touched features, in feature order (independent of the search order). */
    private double sum(int[] touched, int count, double[] best, double[] val) {
        java.util.Arrays.sort(touched, 0, count);
        double sum = 0;
        for (int q = 0; q < count; q++) {
            int f = touched[q];
            double x = val[f];
            if (x == x) {
                sum += x * weightAt(best[f]);
            }
        }
        return sum;
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        n.put("attribute", attribute);
        n.put("decay", decay);
        Json.put(n, "scaleM", scaleM);
        Json.put(n, "exponent", exponent);
        Json.put(n, "minM", minM);
        Json.put(n, "radiusM", radiusM);
    }

    @Override
    public String describe() {
        return attribute + " of " + Explain.layer(layer, filter) + " weighted by " + decay + " distance decay"
                + (decay.equals("exponential") ? " (scale " + Explain.number(scaleM, "m") + ")" : " (exponent "
                        + Explain.plain(exp()) + ")") + (radiusM != null ? " within " + Explain.number(radiusM, "m")
                                : "");
    }
}
