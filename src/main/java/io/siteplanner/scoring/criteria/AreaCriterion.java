package io.siteplanner.scoring.criteria;

import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** {@code area}: planar polygon area in the analysis CRS / 4046.8564224 (acres); missing without geometry. */
final class AreaCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        List<Geometry> g = ctx.candidateGeometries();
        double[] v = new double[ctx.size()];
        ChunkRunner.run(ctx.order(), 8192, ctx.progress(), "area", (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int i = ord[k];
                Geometry x = g.get(i);
                v[i] = x == null || x.isEmpty() ? Double.NaN : x.getArea() / EvaluationContext.ACRE_M2;
            }
        });
        return new Column(v, null, "acres", null);
    }
}
