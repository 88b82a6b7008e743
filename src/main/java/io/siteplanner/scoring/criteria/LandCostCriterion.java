package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.Polygons;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code landCost}: USD to buy the site = acres x price per acre, the price from the candidate's
 * {@code landPriceAttribute} (USD/acre) or {@code campus.landPriceUsdPerAcre}. Missing where the price
 * attribute is empty. Cost by default.
 */
public record LandCostCriterion(Common common, String landPriceAttribute) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("landCost",
            "Land cost in USD: acres x price per acre", Set.of("landPriceAttribute"), Direction.COST, false,
            (c, p) -> new LandCostCriterion(c, p.str("landPriceAttribute")));

    public LandCostCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new LandCostCriterion(c, landPriceAttribute);
    }

    @Override
    public List<String> layers() {
        return List.of();
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        if (landPriceAttribute != null) {
            ctx.numbers(ctx.candidates(), ctx.scenario().candidates(), landPriceAttribute, path + ".landPriceAttribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        return new Column(landCost(ctx, landPriceAttribute, path), null, "USD", null);
    }

    /** USD of land per candidate: acres x (attribute or campus default) price. */
    static double[] landCost(EvaluationContext ctx, String attribute, String path) {
        double[] price = attribute == null ? null
                : ctx.numbers(ctx.candidates(), ctx.scenario().candidates(), attribute, path + ".landPriceAttribute")
                        .values();
        double dflt = ctx.scenario().campus().landPriceUsdPerAcre();
        Polygons p = ctx.polygons();
        double[] v = new double[ctx.size()];
        for (int i = 0; i < v.length; i++) {
            double pr = price != null ? price[i] : dflt;
            v[i] = pr == 0 ? 0 : p.has(i) ? p.area(i) / EvaluationContext.ACRE_M2 * pr : Double.NaN;
        }
        return v;
    }

    @Override
    public void write(ObjectNode n) {
        Json.put(n, "landPriceAttribute", landPriceAttribute);
    }

    @Override
    public String describe() {
        return "land cost (acres x " + (landPriceAttribute != null ? landPriceAttribute : "campus land price") + ")";
    }
}
