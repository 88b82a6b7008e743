package io.siteplanner.scoring.criteria;

import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.GridModel;
import io.siteplanner.scoring.ScenarioException;
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
 * reach, {@code nearest} the nearest one. Available MW per substation: the {@code availableAttribute}
 * when given; else, with a {@code linesLayer}, half the sum of the capacities (by voltage, DESIGN.md) of
 * the lines within 100 m of the substation (reV's estimate); else the capacity of one line at the
 * substation's voltage ({@code kvAttribute}, default "kv"). Missing when no substation is in reach.
 * A value &gt;= 0 means "has headroom": use a {@code threshold} transform at 0 or a constraint
 * {@code >= 0}.
 */
final class GridHeadroomCriterion implements CriterionEvaluator {
    static final double SNAP_M = 100;

    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        VectorLayer subs = ctx.vector(spec.layer(), path + ".layer");
        EvaluationContext.keepMask(subs, spec.filter(), path + ".filter");
        if (spec.availableAttribute() != null) {
            EvaluationContext.numericField(subs, spec.layer(), spec.availableAttribute(), path + ".availableAttribute");
        } else if (spec.linesLayer() != null) {
            VectorLayer lines = ctx.vector(spec.linesLayer(), path + ".linesLayer");
            EvaluationContext.numericField(lines, spec.linesLayer(), kvOf(spec.linesKvAttribute()),
                    path + ".linesKvAttribute");
        } else {
            EvaluationContext.numericField(subs, spec.layer(), kvOf(spec.kvAttribute()), path + ".kvAttribute");
        }
    }

    static String kvOf(String a) {
        return a == null ? "kv" : a;
    }

    /** Available MW per substation feature (NaN when unknown). */
    static double[] available(EvaluationContext ctx, CriterionSpec spec, String path) {
        VectorLayer subs = ctx.vector(spec.layer(), path + ".layer");
        double[] avail = new double[subs.size()];
        if (spec.availableAttribute() != null) {
            int f = EvaluationContext.numericField(subs, spec.layer(), spec.availableAttribute(),
                    path + ".availableAttribute");
            for (int i = 0; i < avail.length; i++) {
                avail[i] = subs.get(i).number(f);
            }
            return avail;
        }
        if (spec.linesLayer() != null) {
            VectorLayer lines = ctx.vector(spec.linesLayer(), path + ".linesLayer");
            int kvF = EvaluationContext.numericField(lines, spec.linesLayer(), kvOf(spec.linesKvAttribute()),
                    path + ".linesKvAttribute");
            SegmentIndex idx = ctx.index(spec.linesLayer(), null, path + ".linesLayer");
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
                for (int line : seen) {
                    double cap = GridModel.lineCapacityMw(lines.get(line).number(kvF));
                    if (cap == cap) {
                        sum += cap;
                    }
                }
                avail[i] = seen.isEmpty() ? Double.NaN : sum / 2;
            }
            return avail;
        }
        int kvF = EvaluationContext.numericField(subs, spec.layer(), kvOf(spec.kvAttribute()), path + ".kvAttribute");
        for (int i = 0; i < avail.length; i++) {
            avail[i] = GridModel.lineCapacityMw(subs.get(i).number(kvF));
        }
        return avail;
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        double demand = spec.demandMw() != null ? spec.demandMw() : ctx.scenario().campus().demandMw();
        double radius = (spec.radiusKm() != null ? spec.radiusKm() : GridModel.DEFAULT_RADIUS_KM) * 1000;
        double[] avail = available(ctx, spec, path);
        double[] v = new double[ctx.size()];
        int[] feat = new int[ctx.size()];
        if ("nearest".equals(spec.mode())) {
            EvaluationContext.Nearest r = ctx.nearest(spec.layer(), spec.filter(), path + ".filter");
            for (int i = 0; i < v.length; i++) {
                int f = r.feature()[i];
                boolean ok = f >= 0 && r.distance()[i] <= radius;
                v[i] = ok ? avail[f] - demand : Double.NaN;
                feat[i] = ok ? f : -1;
            }
            return new Column(v, feat, "MW", null);
        }
        SegmentIndex idx = ctx.index(spec.layer(), spec.filter(), path + ".filter");
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
        if (!(demand > 0)) {
            throw new ScenarioException(path + ".demandMw", "must be > 0");
        }
        return new Column(v, feat, "MW", null);
    }
}
