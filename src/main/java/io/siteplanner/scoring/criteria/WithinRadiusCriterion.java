package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import io.siteplanner.scoring.spatial.Polygons;
import io.siteplanner.scoring.spatial.SegmentIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code withinRadius}: an aggregate of the features of {@code layer} passing {@code filter} that lie
 * within {@code radiusM} of the site (distance from the site's polygon, 0 inside; a feature is within when
 * any part of it is): {@code count} (no attribute), or {@code sum}, {@code mean}, {@code max}, {@code min}
 * of a numeric {@code attribute} over the features with a known value. "Generation within 50 km" is
 * {@code sum} of plant MW; "345 kV+ lines within 10 km" is {@code count} with a filter. Count and sum are
 * 0 when nothing is in reach; mean, max and min are missing then. Benefit by default.
 *
 * <p>Through the layer's segment R-tree: subtrees whose boxes are wholly within reach are taken without
 * measuring, exact polygon distances only near the radius. O(log n + k) per site for k features in reach.
 */
public record WithinRadiusCriterion(Common common, String layer, String filter, double radiusM, String aggregate,
        String attribute) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("withinRadius",
            "Count, sum, mean, max or min of a layer's features within a radius of the site",
            Set.of("layer", "filter", "radiusM", "aggregate", "attribute"), Direction.BENEFIT, false,
            (c, p) -> new WithinRadiusCriterion(c, p.reqStr("layer"), p.str("filter"), req(p.positive("radiusM"), p),
                    p.oneOf("aggregate", "count", "sum", "mean", "max", "min"), p.str("attribute")));

    private static double req(Double d, Params p) {
        if (d == null) {
            throw p.error("radiusM", "missing: the search radius in metres, e.g. 50000");
        }
        return d;
    }

    public WithinRadiusCriterion {
        common = common.orDefault(KIND);
        if (!(radiusM > 0 && radiusM <= 5e6)) {
            throw new ScenarioException("radiusM", "must be a number of metres > 0 and at most 5,000,000");
        }
        aggregate = aggregate == null ? (attribute == null ? "count" : "sum") : aggregate;
        if (aggregate.equals("count") && attribute != null) {
            throw new ScenarioException("attribute", "does not apply to aggregate count (it counts features)");
        }
        if (!aggregate.equals("count") && attribute == null) {
            throw new ScenarioException("attribute", "missing: aggregate " + aggregate + " needs a numeric attribute");
        }
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new WithinRadiusCriterion(c, layer, filter, radiusM, aggregate, attribute);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        ctx.keepMask(l, filter, path + ".filter");
        if (attribute != null) {
            ctx.numbers(l, layer, attribute, path + ".attribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        double[] val = attribute == null ? null : ctx.numbers(l, layer, attribute, path + ".attribute").values();
        SegmentIndex idx = ctx.index(layer, filter, path + ".filter");
        Polygons p = ctx.polygons();
        int agg = switch (aggregate) {
            case "count" -> 0;
            case "sum" -> 1;
            case "mean" -> 2;
            case "max" -> 3;
            default -> 4;
        };
        double[] v = new double[ctx.size()];
        int nf = l.size();
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "within " + layer, (ord, from, to) -> {
            SegmentIndex.Searcher s = idx.searcher();
            int[] stamp = new int[nf];
            double[] acc = new double[3]; // count or sum, known count, max/min
            for (int k = from; k < to; k++) {
                int c = ord[k];
                if (!p.has(c)) {
                    v[c] = Double.NaN;
                    continue;
                }
                int mark = c + 1;
                acc[0] = 0;
                acc[1] = 0;
                acc[2] = agg == 3 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                s.within(p, c, radiusM, (f, d) -> {
                    if (stamp[f] == mark) {
                        return;
                    }
                    stamp[f] = mark;
                    if (agg == 0) {
                        acc[0]++;
                        return;
                    }
                    double x = val[f];
                    if (x != x) {
                        return;
                    }
                    acc[0] += x;
                    acc[1]++;
                    acc[2] = agg == 3 ? Math.max(acc[2], x) : Math.min(acc[2], x);
                }, false);
                v[c] = switch (agg) {
                    case 0, 1 -> acc[0];
                    case 2 -> acc[1] > 0 ? acc[0] / acc[1] : Double.NaN;
                    default -> acc[1] > 0 ? acc[2] : Double.NaN;
                };
            }
        });
        return new Column(v, null, aggregate.equals("count") ? "features" : "", null);
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        n.put("radiusM", radiusM);
        n.put("aggregate", aggregate);
        Json.put(n, "attribute", attribute);
    }

    @Override
    public String describe() {
        return (aggregate.equals("count") ? "number of " : aggregate + " of " + attribute + " of ")
                + Explain.layer(layer, filter) + " within " + Explain.number(radiusM, "m");
    }

    @Override
    public String explain(double raw, Column col) {
        if (raw != raw) {
            return "no " + Explain.layer(layer, filter) + " with a value within " + Explain.number(radiusM, "m");
        }
        return Explain.value(raw, col) + (aggregate.equals("count") ? "" : " (" + aggregate + " of " + attribute + ")")
                + " within " + Explain.number(radiusM, "m");
    }
}
