package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tco}: horizon total cost of ownership as a net present value, USD =
 * interconnection cost (capex, year 0; the criterion named by {@code interconnection})
 * + land (site acres x USD/acre from {@code landPriceAttribute} or campus.landPriceUsdPerAcre)
 * + annual energy cost (criterion {@code energy}) x annuity factor (1 - (1 + r)^-years) / r with
 * campus.years and campus.discountRate. Missing when a referenced value is missing. Cost by default.
 */
public record TcoCriterion(Common common, String interconnection, String energy, String landPriceAttribute)
        implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("tco",
            "Total cost of ownership over the campus horizon, NPV in USD",
            Set.of("interconnection", "energy", "landPriceAttribute"), Direction.COST, false,
            (c, p) -> new TcoCriterion(c, p.str("interconnection"), p.str("energy"), p.str("landPriceAttribute")));

    public TcoCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new TcoCriterion(c, interconnection, energy, landPriceAttribute);
    }

    @Override
    public List<String> layers() {
        return List.of();
    }

    @Override
    public List<String> needs() {
        List<String> l = new ArrayList<>();
        if (interconnection != null) {
            l.add(interconnection);
        }
        if (energy != null) {
            l.add(energy);
        }
        return l;
    }

    /** The kinds the referenced criteria must have, by key. */
    public static Map<String, CriterionKind> references() {
        return Map.of("interconnection", InterconnectionCostCriterion.KIND, "energy", EnergyCostCriterion.KIND);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        if (landPriceAttribute != null) {
            ctx.numbers(ctx.candidates(), ctx.scenario().candidates(), landPriceAttribute, path + ".landPriceAttribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        Campus campus = ctx.scenario().campus();
        double af = GridModel.annuityFactor(campus.years(), campus.discountRate());
        double[] ic = interconnection == null ? null : done.get(interconnection).values();
        double[] en = energy == null ? null : done.get(energy).values();
        double[] v = LandCostCriterion.landCost(ctx, landPriceAttribute, path);
        for (int i = 0; i < v.length; i++) {
            v[i] += (ic == null ? 0 : ic[i]) + (en == null ? 0 : en[i] * af);
        }
        return new Column(v, null, "USD", null);
    }

    @Override
    public void write(ObjectNode n) {
        Json.put(n, "interconnection", interconnection);
        Json.put(n, "energy", energy);
        Json.put(n, "landPriceAttribute", landPriceAttribute);
    }

    @Override
    public String describe() {
        return "total cost of ownership (NPV)";
    }
}
