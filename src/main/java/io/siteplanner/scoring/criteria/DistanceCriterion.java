package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code distance}: metres from the candidate polygon to the nearest feature of {@code layer} passing
 * {@code filter}; 0 when touching, crossing or containing (exact, like JTS DistanceOp); missing when no
 * feature passes the filter. Cost by default (nearer is better).
 */
public record DistanceCriterion(Common common, String layer, String filter) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("distance",
            "Distance from the site to the nearest feature of a layer, metres", Set.of("layer", "filter"),
            Direction.COST, false, (c, p) -> new DistanceCriterion(c, p.reqStr("layer"), p.str("filter")));

    public DistanceCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new DistanceCriterion(c, layer, filter);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        ctx.keepMask(ctx.vector(layer, path + ".layer"), filter, path + ".filter");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        EvaluationContext.Nearest r = ctx.nearest(layer, filter, path + ".filter", false);
        return new Column(r.distance(), null, "m", null);
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
    }

    @Override
    public String describe() {
        return "distance to " + Explain.layer(layer, filter);
    }

    @Override
    public String explain(double raw, Column col) {
        return raw != raw ? "no " + Explain.layer(layer, filter) + " feature" : Explain.value(raw, col) + " to "
                + Explain.layer(layer, filter);
    }
}
