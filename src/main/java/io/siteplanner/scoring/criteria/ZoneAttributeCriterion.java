package io.siteplanner.scoring.criteria;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * {@code zoneAttribute}: an attribute of the zone (polygon feature of {@code layer} passing {@code filter})
 * that contains the candidate's centroid, boundary included, lowest feature order on ties
 * ({@code at: centroid}, the default); or of the zone overlapping the candidate the most
 * ({@code at: largestOverlap}, lowest feature order on equal areas). Missing when no zone qualifies.
 */
final class ZoneAttributeCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        VectorLayer l = ctx.vector(spec.layer(), path + ".layer");
        EvaluationContext.keepMask(l, spec.filter(), path + ".filter");
        EvaluationContext.numericField(l, spec.layer(), spec.attribute(), path + ".attribute");
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(spec.layer(), path + ".layer");
        int f = EvaluationContext.numericField(l, spec.layer(), spec.attribute(), path + ".attribute");
        int[] zone = "largestOverlap".equals(spec.at()) ? largestOverlap(ctx, l, spec, path)
                : ctx.zoneAtCentroid(spec.layer(), spec.filter(), path + ".filter");
        return new Column(EvaluationContext.attributeOf(l, f, zone), zone, "", null);
    }

    private static int[] largestOverlap(EvaluationContext ctx, VectorLayer l, CriterionSpec spec, String path) {
        boolean[] keep = EvaluationContext.keepMask(l, spec.filter(), path + ".filter");
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
        int[] zone = new int[ctx.size()];
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "zone overlap " + spec.layer(), (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int c = ord[k];
                Geometry g = cand.get(c);
                zone[c] = -1;
                if (g == null || g.isEmpty()) {
                    continue;
                }
                double best = 0;
                int bestZ = Integer.MAX_VALUE;
                @SuppressWarnings("unchecked")
                List<Integer> hits = tree.query(g.getEnvelopeInternal());
                for (int z : hits) {
                    if (!prep[z].intersects(g)) {
                        continue;
                    }
                    double a = prep[z].covers(g) ? g.getArea() : prep[z].getGeometry().intersection(g).getArea();
                    if (a > best || (a == best && a > 0 && z < bestZ)) {
                        best = a;
                        bestZ = z;
                    }
                }
                zone[c] = bestZ == Integer.MAX_VALUE ? -1 : bestZ;
            }
        });
        return zone;
    }
}
