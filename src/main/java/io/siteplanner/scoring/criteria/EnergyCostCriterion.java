package io.siteplanner.scoring.criteria;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import java.util.Map;

/**
 * {@code energyCost}: USD per year = IT MW x PUE x 8,760 x utilization x price. The price ($/MWh, or
 * cents/kWh with {@code priceUnit: cents_kwh}) is {@code priceUsdMwh}, or {@code attribute} of the zone
 * {@code layer} containing the candidate's centroid, or {@code attribute} of the candidate when no layer
 * is given. Missing where the price is.
 */
final class EnergyCostCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        if (spec.priceUsdMwh() != null) {
            return;
        }
        if (spec.layer() != null) {
            VectorLayer l = ctx.vector(spec.layer(), path + ".layer");
            EvaluationContext.keepMask(l, spec.filter(), path + ".filter");
            EvaluationContext.numericField(l, spec.layer(), spec.attribute(), path + ".attribute");
        } else {
            EvaluationContext.numericField(ctx.candidates(), ctx.scenario().candidates(), spec.attribute(),
                    path + ".attribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        double unit = "cents_kwh".equals(spec.priceUnit()) ? 10 : 1;
        double mwh = ctx.scenario().campus().annualMwh();
        int n = ctx.size();
        double[] v = new double[n];
        int[] feat = null;
        if (spec.priceUsdMwh() != null) {
            java.util.Arrays.fill(v, mwh * spec.priceUsdMwh() * unit);
        } else if (spec.layer() != null) {
            VectorLayer l = ctx.vector(spec.layer(), path + ".layer");
            int f = EvaluationContext.numericField(l, spec.layer(), spec.attribute(), path + ".attribute");
            feat = ctx.zoneAtCentroid(spec.layer(), spec.filter(), path + ".filter");
            double[] price = EvaluationContext.attributeOf(l, f, feat);
            for (int i = 0; i < n; i++) {
                v[i] = mwh * price[i] * unit;
            }
        } else {
            VectorLayer c = ctx.candidates();
            int f = EvaluationContext.numericField(c, ctx.scenario().candidates(), spec.attribute(), path + ".attribute");
            for (int i = 0; i < n; i++) {
                v[i] = mwh * c.get(i).number(f) * unit;
            }
        }
        return new Column(v, feat, "USD/yr", null);
    }
}
