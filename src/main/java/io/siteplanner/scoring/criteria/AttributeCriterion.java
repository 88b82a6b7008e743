package io.siteplanner.scoring.criteria;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import java.util.Map;

/** {@code attribute}: a numeric attribute of the candidate (null or non-numeric text = missing). */
final class AttributeCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        EvaluationContext.numericField(ctx.candidates(), ctx.scenario().candidates(), spec.attribute(),
                path + ".attribute");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        VectorLayer l = ctx.candidates();
        int f = EvaluationContext.numericField(l, ctx.scenario().candidates(), spec.attribute(), path + ".attribute");
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = l.get(i).number(f);
        }
        return new Column(v, null, "", null);
    }
}
