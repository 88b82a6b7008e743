package io.siteplanner.scoring.criteria;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import java.util.Map;

/** {@code nearestAttribute}: an attribute of the nearest feature (lowest feature order among equally near). */
final class NearestAttributeCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        VectorLayer l = ctx.vector(spec.layer(), path + ".layer");
        EvaluationContext.keepMask(l, spec.filter(), path + ".filter");
        EvaluationContext.numericField(l, spec.layer(), spec.attribute(), path + ".attribute");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(spec.layer(), path + ".layer");
        int f = EvaluationContext.numericField(l, spec.layer(), spec.attribute(), path + ".attribute");
        EvaluationContext.Nearest r = ctx.nearest(spec.layer(), spec.filter(), path + ".filter");
        return new Column(EvaluationContext.attributeOf(l, f, r.feature()), r.feature(), "", null);
    }
}
