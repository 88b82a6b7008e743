package io.siteplanner.scoring.criteria;

import io.siteplanner.model.Units;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.FeatureValues;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * {@code zoneAttribute}: an attribute of the zone (polygon feature of {@code layer} passing {@code filter})
 * that contains the candidate's centroid, boundary included, lowest feature order on ties
 * ({@code at: centroid}, the default); or of the zone overlapping the candidate the most
 * ({@code at: largestOverlap}, lowest feature order on equal areas). Missing when no zone qualifies or
 * the zone's value is empty. Text values are scored through a {@code categories} transform ("PJM",
 * "MISO"). Benefit by default.
 */
public record ZoneAttributeCriterion(Common common, String layer, String filter, String attribute, String at)
        implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("zoneAttribute",
            "An attribute of the zone (county, state, price zone, ISO) the site lies in",
            Set.of("layer", "filter", "attribute", "at"), Direction.BENEFIT, true,
            (c, p) -> new ZoneAttributeCriterion(c, p.reqStr("layer"), p.str("filter"), p.reqStr("attribute"),
                    p.oneOf("at", "centroid", "largestOverlap")));

    public ZoneAttributeCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new ZoneAttributeCriterion(c, layer, filter, attribute, at);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        ctx.keepMask(l, filter, path + ".filter");
        ctx.attribute(l, layer, attribute, path + ".attribute", common.transform());
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        FeatureValues fv = ctx.attribute(l, layer, attribute, path + ".attribute", common.transform());
        int[] zone = "largestOverlap".equals(at) ? largestOverlap(ctx, l, path)
                : ctx.zoneAtCentroid(layer, filter, path + ".filter");
        return new Column(fv.at(zone), zone, fv.categories() == null ? Units.ofField(attribute) : "", null,
                fv.categories());
    }

    private int[] largestOverlap(EvaluationContext ctx, VectorLayer l, String path) {
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
        int[] zone = new int[ctx.size()];
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "zone overlap " + layer, (ord, from, to) -> {
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

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        n.put("attribute", attribute);
        Json.put(n, "at", at);
    }

    @Override
    public String describe() {
        return attribute + " of the " + Explain.layer(layer, filter) + " zone";
    }
}
