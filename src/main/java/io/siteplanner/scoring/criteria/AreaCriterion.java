package io.siteplanner.scoring.criteria;

import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.Map;

/** {@code area}: planar polygon area (bit-identical to JTS getArea) in the analysis CRS / 4046.8564224 (acres); missing without geometry. */
final class AreaCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        io.siteplanner.scoring.spatial.Polygons p = ctx.polygons();
        double[] v = new double[ctx.size()];
        ChunkRunner.run(ChunkRunner.identity(v.length), 32768, ctx.progress(), "area", (ord, from, to) -> {
            for (int i = from; i < to; i++) {
                v[i] = p.has(i) ? p.area(i) / EvaluationContext.ACRE_M2 : Double.NaN;
            }
        });
        return new Column(v, null, "acres", null);
    }
}
