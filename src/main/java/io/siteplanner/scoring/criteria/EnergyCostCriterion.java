package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code energyCost}: USD per year = IT MW x PUE x 8,760 x utilization x price. The price ($/MWh, or
 * cents/kWh with {@code priceUnit: cents_kwh}) is {@code priceUsdMwh}, or {@code attribute} of the zone
 * {@code layer} containing the candidate's centroid, or {@code attribute} of the candidate when no layer
 * is given. Missing where the price is. Cost by default.
 */
public record EnergyCostCriterion(Common common, String layer, String filter, String attribute, Double priceUsdMwh,
        String priceUnit) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("energyCost",
            "Energy cost of the campus in USD per year at the site's power price",
            Set.of("layer", "filter", "attribute", "priceUsdMwh", "priceUnit"), Direction.COST, false,
            (c, p) -> new EnergyCostCriterion(c, p.str("layer"), p.str("filter"), p.str("attribute"),
                    p.within("priceUsdMwh", 0, 100_000), p.oneOf("priceUnit", "usd_mwh", "cents_kwh")));

    public EnergyCostCriterion {
        common = common.orDefault(KIND);
        if (priceUsdMwh == null && attribute == null) {
            throw new ScenarioException("attribute", "missing: give priceUsdMwh or an attribute with the price");
        }
        if (priceUsdMwh != null && (attribute != null || layer != null)) {
            throw new ScenarioException("priceUsdMwh", "give either a constant priceUsdMwh or layer/attribute");
        }
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new EnergyCostCriterion(c, layer, filter, attribute, priceUsdMwh, priceUnit);
    }

    @Override
    public List<String> layers() {
        List<String> l = new ArrayList<>();
        if (layer != null) {
            l.add(layer);
        }
        return l;
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        if (priceUsdMwh != null) {
            return;
        }
        if (layer != null) {
            VectorLayer l = ctx.vector(layer, path + ".layer");
            ctx.keepMask(l, filter, path + ".filter");
            ctx.numbers(l, layer, attribute, path + ".attribute");
        } else {
            ctx.numbers(ctx.candidates(), ctx.scenario().candidates(), attribute, path + ".attribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        double unit = "cents_kwh".equals(priceUnit) ? 10 : 1;
        double mwh = ctx.scenario().campus().annualMwh();
        int n = ctx.size();
        double[] v = new double[n];
        int[] feat = null;
        if (priceUsdMwh != null) {
            java.util.Arrays.fill(v, mwh * priceUsdMwh * unit);
        } else if (layer != null) {
            VectorLayer l = ctx.vector(layer, path + ".layer");
            double[] byFeature = ctx.numbers(l, layer, attribute, path + ".attribute").values();
            feat = ctx.zoneAtCentroid(layer, filter, path + ".filter");
            for (int i = 0; i < n; i++) {
                v[i] = feat[i] < 0 ? Double.NaN : mwh * byFeature[feat[i]] * unit;
            }
        } else {
            double[] own = ctx.numbers(ctx.candidates(), ctx.scenario().candidates(), attribute, path + ".attribute")
                    .values();
            for (int i = 0; i < n; i++) {
                v[i] = mwh * own[i] * unit;
            }
        }
        return new Column(v, feat, "USD/yr", null);
    }

    @Override
    public void write(ObjectNode n) {
        Json.put(n, "layer", layer);
        Json.put(n, "filter", filter);
        Json.put(n, "attribute", attribute);
        Json.put(n, "priceUsdMwh", priceUsdMwh);
        Json.put(n, "priceUnit", priceUnit);
    }

    @Override
    public String describe() {
        return "annual energy cost at " + (priceUsdMwh != null ? Explain.plain(priceUsdMwh) + " $/MWh"
                : attribute + (layer != null ? " of " + Explain.layer(layer, filter) : ""));
    }
}
