package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import io.siteplanner.scoring.spatial.Polygons;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code area}: planar polygon area (bit-identical to JTS getArea) in the analysis CRS / 4046.8564224,
 * in acres; missing without geometry. Benefit by default.
 */
public record AreaCriterion(Common common) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("area", "Area of the site, acres", Set.of(),
            Direction.BENEFIT, false, (c, p) -> new AreaCriterion(c));

    public AreaCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new AreaCriterion(c);
    }

    @Override
    public List<String> layers() {
        return List.of();
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        Polygons p = ctx.polygons();
        double[] v = new double[ctx.size()];
        ChunkRunner.run(ChunkRunner.identity(v.length), 32768, ctx.progress(), "area", (ord, from, to) -> {
            for (int i = from; i < to; i++) {
                v[i] = p.has(i) ? p.area(i) / EvaluationContext.ACRE_M2 : Double.NaN;
            }
        });
        return new Column(v, null, "acres", null);
    }

    @Override
    public void write(ObjectNode n) {
    }

    @Override
    public String describe() {
        return "site area";
    }
}
