package io.siteplanner.scoring.criteria;

import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import java.util.Map;

/**
 * {@code distance}: metres from the candidate polygon to the nearest feature of {@code layer} passing
 * {@code filter}; 0 when touching, crossing or containing; missing when no feature passes the filter.
 */
final class DistanceCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        EvaluationContext.keepMask(ctx.vector(spec.layer(), path + ".layer"), spec.filter(), path + ".filter");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        EvaluationContext.Nearest r = ctx.nearest(spec.layer(), spec.filter(), path + ".filter", false);
        return new Column(r.distance(), null, "m", null);
    }
}
