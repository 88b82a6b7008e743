package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.FeatureValues;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import io.siteplanner.scoring.spatial.Polygons;
import io.siteplanner.scoring.spatial.SegmentIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code gridHeadroom}: MW of headroom = available MW of the best substation in reach minus the campus
 * demand (IT load x PUE, or {@code demandMw}). In reach = within {@code radiusKm} (default 20 miles) of
 * the candidate polygon. {@code mode: any} (default) takes the substation with the most available MW in
 * reach, {@code nearest} the nearest one with a known capacity. Available MW per substation: the
 * {@code availableAttribute} when given; else, with a {@code linesLayer}, half the sum of the capacities
 * (by voltage, DESIGN.md) of the lines within 100 m of the substation (reV's estimate); else the capacity
 * of one line at the substation's voltage ({@code kvAttribute}, default "kv"). Substations whose capacity
 * is unknown (no-data voltage) are skipped. Missing when no substation with a known capacity is in reach.
 *
 * <p>Grid feasibility is a hard requirement by default ({@code required: true}): a site whose headroom is
 * negative or missing fails with the reason in words ("grid: needs 1,200 MW; 650 MW estimated within
 * 32.2 km"); {@code required: false} only scores it. Benefit by default.
 */
public record GridHeadroomCriterion(Common common, String layer, String filter, Double radiusKm, String mode,
        String availableAttribute, String kvAttribute, String linesLayer, String linesKvAttribute, Double demandMw,
        Boolean required) implements Criterion {
    static final double SNAP_M = 100;

    public static final CriterionKind KIND = new CriterionKind("gridHeadroom",
            "MW a substation in reach can supply beyond the campus demand (fails the site when negative)",
            Set.of("layer", "filter", "radiusKm", "mode", "availableAttribute", "kvAttribute", "linesLayer",
                    "linesKvAttribute", "demandMw", "required"),
            Direction.BENEFIT, false,
            (c, p) -> new GridHeadroomCriterion(c, p.reqStr("layer"), p.str("filter"), p.positive("radiusKm"),
                    p.oneOf("mode", "any", "nearest"), p.str("availableAttribute"), p.str("kvAttribute"),
                    p.str("linesLayer"), p.str("linesKvAttribute"), p.positive("demandMw"), p.bool("required")));

    public GridHeadroomCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new GridHeadroomCriterion(c, layer, filter, radiusKm, mode, availableAttribute, kvAttribute, linesLayer,
                linesKvAttribute, demandMw, required);
    }

    @Override
    public List<String> layers() {
        return linesLayer == null ? List.of(layer) : List.of(layer, linesLayer);
    }

    /** Whether a negative or missing headroom fails the site (default true). */
    public boolean isRequired() {
        return required == null || required;
    }

    /** Search radius in metres. */
    public double radiusM() {
        return (radiusKm != null ? radiusKm : GridModel.DEFAULT_RADIUS_KM) * 1000;
    }

    /** The demand in MW for a campus. */
    public double demand(Campus campus) {
        return demandMw != null ? demandMw : campus.demandMw();
    }

    static String kvOf(String a) {
        return a == null ? "kv" : a;
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer subs = ctx.vector(layer, path + ".layer");
        ctx.keepMask(subs, filter, path + ".filter");
        if (availableAttribute != null) {
            ctx.numbers(subs, layer, availableAttribute, path + ".availableAttribute");
        } else if (linesLayer != null) {
            VectorLayer lines = ctx.vector(linesLayer, path + ".linesLayer");
            ctx.numbers(lines, linesLayer, kvOf(linesKvAttribute), path + ".linesKvAttribute");
        } else {
            ctx.numbers(subs, layer, kvOf(kvAttribute), path + ".kvAttribute");
        }
        if (!(demand(ctx.scenario().campus()) > 0)) {
            throw new io.siteplanner.scoring.ScenarioException(path + ".demandMw", "must be > 0");
        }
    }

    /** Available MW per substation feature (NaN when unknown). */
    double[] available(EvaluationContext ctx, String path) {
        VectorLayer subs = ctx.vector(layer, path + ".layer");
        if (availableAttribute != null) {
            return ctx.numbers(subs, layer, availableAttribute, path + ".availableAttribute").values().clone();
        }
        double[] avail = new double[subs.size()];
        if (linesLayer != null) {
            VectorLayer lines = ctx.vector(linesLayer, path + ".linesLayer");
            FeatureValues kv = ctx.numbers(lines, linesLayer, kvOf(linesKvAttribute), path + ".linesKvAttribute");
            SegmentIndex idx = ctx.index(linesLayer, null, path + ".linesLayer");
            List<Geometry> pts = new ArrayList<>(subs.size());
            for (Feature f : subs.features()) {
                pts.add(f.geometry());
            }
            Polygons sp = Polygons.of(pts);
            SegmentIndex.Searcher s = idx.searcher();
            for (int i = 0; i < avail.length; i++) {
                Set<Integer> seen = new HashSet<>();
                s.within(sp, i, SNAP_M, (feature, d) -> seen.add(feature));
                double sum = 0;
                int known = 0;
                for (int line : seen) {
                    double cap = GridModel.lineCapacityMw(kv.values()[line]);
                    if (cap == cap) {
                        sum += cap;
                        known++;
                    }
                }
                avail[i] = known == 0 ? Double.NaN : sum / 2;
            }
            return avail;
        }
        FeatureValues kv = ctx.numbers(subs, layer, kvOf(kvAttribute), path + ".kvAttribute");
        for (int i = 0; i < avail.length; i++) {
            avail[i] = GridModel.lineCapacityMw(kv.values()[i]);
        }
        return avail;
    }

    /** Whether capacities are stated (an attribute that is not SitePlanner's own estimate) rather than estimated. */
    private boolean statesAvailable() {
        return availableAttribute != null
                && !availableAttribute.equalsIgnoreCase(io.siteplanner.gis.preset.Preset.CAPACITY_ESTIMATE);
    }

    private String availabilityKey() {
        return availableAttribute != null ? "available:" + availableAttribute
                : linesLayer != null ? "lines:" + linesLayer + ":" + kvOf(linesKvAttribute) : "kv:" + kvOf(kvAttribute);
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        double demand = demand(ctx.scenario().campus());
        double radius = radiusM();
        double[] avail = available(ctx, path);
        double[] v = new double[ctx.size()];
        int[] feat = new int[ctx.size()];
        if ("nearest".equals(mode)) {
            EvaluationContext.Nearest r = ctx.nearestKnown(layer, filter, availabilityKey(), avail, path + ".filter");
            for (int i = 0; i < v.length; i++) {
                int f = r.feature()[i];
                boolean ok = f >= 0 && r.distance()[i] <= radius;
                v[i] = ok ? avail[f] - demand : Double.NaN;
                feat[i] = ok ? f : -1;
            }
            return new Column(v, feat, "MW", null);
        }
        SegmentIndex idx = ctx.index(layer, filter, path + ".filter");
        Polygons p = ctx.polygons();
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 2048, ctx.progress(), "grid headroom", (ord, from, to) -> {
            SegmentIndex.Searcher s = idx.searcher();
            double[] best = new double[1];
            int[] bestF = new int[1];
            for (int k = from; k < to; k++) {
                int c = ord[k];
                best[0] = Double.NEGATIVE_INFINITY;
                bestF[0] = Integer.MAX_VALUE;
                s.within(p, c, radius, (f, d) -> {
                    double a = avail[f];
                    if (a == a && (a > best[0] || (a == best[0] && f < bestF[0]))) {
                        best[0] = a;
                        bestF[0] = f;
                    }
                });
                boolean ok = bestF[0] != Integer.MAX_VALUE;
                v[c] = ok ? best[0] - demand : Double.NaN;
                feat[c] = ok ? bestF[0] : -1;
            }
        });
        return new Column(v, feat, "MW", null);
    }

    @Override
    public String requirement(double raw, Campus campus) {
        if (!isRequired() || raw >= 0) {
            return null;
        }
        double demand = demand(campus);
        String reach = "within " + Explain.number(radiusM(), "m");
        String needs = common.id() + ": needs " + Explain.number(demand, "MW") + "; ";
        if (raw != raw) {
            return needs + "no substation with a known capacity " + reach;
        }
        return needs + Explain.number(raw + demand, "MW") + (statesAvailable() ? " available " : " estimated ")
                + reach;
    }

    @Override
    public String explain(double raw, Column col) {
        if (raw != raw) {
            return "no substation with a known capacity within " + Explain.number(radiusM(), "m");
        }
        return (raw >= 0 ? "+" : "") + Explain.number(raw, "MW") + " headroom";
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        Json.put(n, "radiusKm", radiusKm);
        Json.put(n, "mode", mode);
        Json.put(n, "availableAttribute", availableAttribute);
        Json.put(n, "kvAttribute", kvAttribute);
        Json.put(n, "linesLayer", linesLayer);
        Json.put(n, "linesKvAttribute", linesKvAttribute);
        Json.put(n, "demandMw", demandMw);
        Json.put(n, "required", required);
    }

    @Override
    public String describe() {
        return "MW headroom of the best " + Explain.layer(layer, filter) + " substation within "
                + Explain.number(radiusM(), "m");
    }
}
