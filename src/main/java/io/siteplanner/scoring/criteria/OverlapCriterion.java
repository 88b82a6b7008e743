package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * {@code overlap}: the fraction (0..1) of the candidate's area covered by polygons of {@code layer} passing
 * {@code filter} (flood zones, wetlands, protected land). Overlapping layer polygons are unioned first, so
 * nothing counts twice. Missing for candidates without area. Cost by default: overlays are usually hazards
 * or restrictions (set {@code direction: benefit} for, e.g., an enterprise zone).
 */
public record OverlapCriterion(Common common, String layer, String filter) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("overlap",
            "Share of the site covered by a polygon layer (flood zone, wetlands), 0-1", Set.of("layer", "filter"),
            Direction.COST, false, (c, p) -> new OverlapCriterion(c, p.reqStr("layer"), p.str("filter")));

    public OverlapCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new OverlapCriterion(c, layer, filter);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        ctx.keepMask(ctx.vector(layer, path + ".layer"), filter, path + ".filter");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        boolean[] keep = ctx.keepMask(l, filter, path + ".filter");
        STRtree tree = new STRtree();
        PreparedGeometry[] prep = new PreparedGeometry[l.size()];
        for (int i = 0; i < l.size(); i++) {
            Geometry g = l.get(i).geometry();
            if (keep[i] && g != null && !g.isEmpty() && g.getDimension() == 2) {
                prep[i] = PreparedGeometryFactory.prepare(g);
                tree.insert(g.getEnvelopeInternal(), i);
            }
        }
        tree.build();
        List<Geometry> cand = ctx.candidateGeometries();
        double[] v = new double[ctx.size()];
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "overlap " + layer, (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int c = ord[k];
                Geometry g = cand.get(c);
                double area = g == null ? 0 : g.getArea();
                if (!(area > 0)) {
                    v[c] = Double.NaN;
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Integer> hits = tree.query(g.getEnvelopeInternal());
                List<Geometry> parts = new ArrayList<>();
                boolean full = false;
                for (int z : hits) {
                    if (!prep[z].intersects(g)) {
                        continue;
                    }
                    if (prep[z].covers(g)) {
                        full = true;
                        break;
                    }
                    parts.add(prep[z].getGeometry().intersection(g));
                }
                double covered;
                if (full) {
                    covered = area;
                } else if (parts.isEmpty()) {
                    covered = 0;
                } else if (parts.size() == 1) {
                    covered = parts.get(0).getArea();
                } else {
                    covered = UnaryUnionOp.union(parts).getArea();
                }
                double f = covered / area;
                v[c] = f > 1 ? 1 : f;
            }
        });
        return new Column(v, null, "fraction", null);
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
    }

    @Override
    public String describe() {
        return "share of the site in " + Explain.layer(layer, filter);
    }
}
