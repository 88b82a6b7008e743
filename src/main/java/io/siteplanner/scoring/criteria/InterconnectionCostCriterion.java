package io.siteplanner.scoring.criteria;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.GridModel;
import java.util.Map;

/**
 * {@code interconnectionCost}: USD to connect the campus to the nearest substation of {@code layer}
 * passing {@code filter}: (miles x routeFactor (1.3) x $/mile(kV) x tie-lines + substation(kV)) x
 * (1 + contingency (0.20)) x (1 + AFUDC (0.075)), with kV = {@code kv} or the substation's
 * {@code kvAttribute} (default "kv") and tie-lines = 1, or MW // 1500 + 1 above 1,500 MW of demand
 * (DESIGN.md section 5). Missing when no substation qualifies.
 */
final class InterconnectionCostCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        VectorLayer subs = ctx.vector(spec.layer(), path + ".layer");
        EvaluationContext.keepMask(subs, spec.filter(), path + ".filter");
        if (spec.kv() == null) {
            EvaluationContext.numericField(subs, spec.layer(), GridHeadroomCriterion.kvOf(spec.kvAttribute()),
                    path + ".kvAttribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        VectorLayer subs = ctx.vector(spec.layer(), path + ".layer");
        double demand = spec.demandMw() != null ? spec.demandMw() : ctx.scenario().campus().demandMw();
        double rf = spec.routeFactor() != null ? spec.routeFactor() : GridModel.ROUTE_FACTOR;
        double cont = spec.contingency() != null ? spec.contingency() : GridModel.CONTINGENCY;
        double afudc = spec.afudc() != null ? spec.afudc() : GridModel.AFUDC;
        double[] kv = new double[subs.size()];
        if (spec.kv() != null) {
            java.util.Arrays.fill(kv, spec.kv());
        } else {
            int f = EvaluationContext.numericField(subs, spec.layer(), GridHeadroomCriterion.kvOf(spec.kvAttribute()),
                    path + ".kvAttribute");
            for (int i = 0; i < kv.length; i++) {
                kv[i] = subs.get(i).number(f);
            }
        }
        EvaluationContext.Nearest r = ctx.nearest(spec.layer(), spec.filter(), path + ".filter");
        double[] v = new double[ctx.size()];
        for (int i = 0; i < v.length; i++) {
            int f = r.feature()[i];
            v[i] = f < 0 ? Double.NaN : GridModel.interconnectionCost(r.distance()[i], kv[f], demand, rf, cont, afudc);
        }
        return new Column(v, r.feature(), "USD", null);
    }
}
