package io.siteplanner.scoring.criteria;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.Campus;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.GridModel;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code tco}: horizon total cost of ownership as a net present value, USD =
 * interconnection cost (capex, year 0; the criterion named by {@code interconnection})
 * + land (parcel acres x USD/acre from {@code landPriceAttribute} or campus.landPriceUsdPerAcre)
 * + annual energy cost (criterion {@code energy}) x annuity factor (1 - (1 + r)^-years) / r with
 * campus.years and campus.discountRate. Missing when a referenced value is missing.
 */
final class TcoCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        if (spec.landPriceAttribute() != null) {
            EvaluationContext.numericField(ctx.candidates(), ctx.scenario().candidates(), spec.landPriceAttribute(),
                    path + ".landPriceAttribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        Campus campus = ctx.scenario().campus();
        double af = GridModel.annuityFactor(campus.years(), campus.discountRate());
        int n = ctx.size();
        double[] ic = spec.interconnection() == null ? null : done.get(spec.interconnection()).values();
        double[] en = spec.energy() == null ? null : done.get(spec.energy()).values();
        VectorLayer cand = ctx.candidates();
        int lp = spec.landPriceAttribute() == null ? -1 : EvaluationContext.numericField(cand,
                ctx.scenario().candidates(), spec.landPriceAttribute(), path + ".landPriceAttribute");
        List<Geometry> g = ctx.candidateGeometries();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double land = 0;
            double price = lp >= 0 ? cand.get(i).number(lp) : campus.landPriceUsdPerAcre();
            if (price != 0) {
                Geometry x = g.get(i);
                land = x == null ? Double.NaN : x.getArea() / EvaluationContext.ACRE_M2 * price;
            }
            double t = land + (ic == null ? 0 : ic[i]) + (en == null ? 0 : en[i] * af);
            v[i] = t;
        }
        return new Column(v, null, "USD", null);
    }
}
