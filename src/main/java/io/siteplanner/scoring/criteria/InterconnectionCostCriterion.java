package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code interconnectionCost}: USD to connect the campus to the nearest substation of {@code layer}
 * passing {@code filter} whose voltage is known: (miles x routeFactor (1.3) x $/mile(kV) x tie-lines +
 * substation(kV)) x (1 + contingency (0.20)) x (1 + AFUDC (0.075)), with kV = {@code kv} or the
 * substation's {@code kvAttribute} (default "kv") and tie-lines = 1, or MW // 1500 + 1 above 1,500 MW of
 * demand (DESIGN.md section 5). Substations with a no-data voltage are skipped. Missing when none
 * qualifies. Cost by default.
 */
public record InterconnectionCostCriterion(Common common, String layer, String filter, String kvAttribute, Double kv,
        Double routeFactor, Double contingency, Double afudc, Double demandMw) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("interconnectionCost",
            "Cost in USD of a line and substation to the nearest suitable substation",
            Set.of("layer", "filter", "kvAttribute", "kv", "routeFactor", "contingency", "afudc", "demandMw"),
            Direction.COST, false,
            (c, p) -> new InterconnectionCostCriterion(c, p.reqStr("layer"), p.str("filter"), p.str("kvAttribute"),
                    p.within("kv", 1, 1500), p.within("routeFactor", 1, 10), p.within("contingency", 0, 5),
                    p.within("afudc", 0, 5), p.positive("demandMw")));

    public InterconnectionCostCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new InterconnectionCostCriterion(c, layer, filter, kvAttribute, kv, routeFactor, contingency, afudc,
                demandMw);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer subs = ctx.vector(layer, path + ".layer");
        ctx.keepMask(subs, filter, path + ".filter");
        if (kv == null) {
            ctx.numbers(subs, layer, GridHeadroomCriterion.kvOf(kvAttribute), path + ".kvAttribute");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        VectorLayer subs = ctx.vector(layer, path + ".layer");
        double demand = demandMw != null ? demandMw : ctx.scenario().campus().demandMw();
        double rf = routeFactor != null ? routeFactor : GridModel.ROUTE_FACTOR;
        double cont = contingency != null ? contingency : GridModel.CONTINGENCY;
        double af = afudc != null ? afudc : GridModel.AFUDC;
        double[] kvs;
        EvaluationContext.Nearest r;
        if (kv != null) {
            kvs = new double[subs.size()];
            Arrays.fill(kvs, kv);
            r = ctx.nearest(layer, filter, path + ".filter");
        } else {
            String a = GridHeadroomCriterion.kvOf(kvAttribute);
            kvs = ctx.numbers(subs, layer, a, path + ".kvAttribute").values();
            r = ctx.nearestKnown(layer, filter, a, kvs, path + ".filter");
        }
        double[] v = new double[ctx.size()];
        for (int i = 0; i < v.length; i++) {
            int f = r.feature()[i];
            v[i] = f < 0 ? Double.NaN : GridModel.interconnectionCost(r.distance()[i], kvs[f], demand, rf, cont, af);
        }
        return new Column(v, r.feature(), "USD", null);
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        Json.put(n, "kvAttribute", kvAttribute);
        Json.put(n, "kv", kv);
        Json.put(n, "routeFactor", routeFactor);
        Json.put(n, "contingency", contingency);
        Json.put(n, "afudc", afudc);
        Json.put(n, "demandMw", demandMw);
    }

    @Override
    public String describe() {
        return "cost to connect to the nearest " + Explain.layer(layer, filter) + " substation";
    }
}
