package io.siteplanner.scoring.criteria;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.RasterSampler;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.List;
import java.util.Map;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code raster}: a band value of a raster over the candidate, through {@link RasterSampler}:
 * {@code mean} (default), {@code max} or {@code min} of the valid cells whose centre lies inside the
 * polygon or on its boundary (the cell under the polygon's interior point when no centre is inside), or
 * {@code centroid}: the cell under the candidate's centroid. No-data cells are skipped; missing when no
 * valid cell is found. Candidates are converted to the raster's CRS.
 */
final class RasterCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        RasterLayer r = ctx.raster(spec.layer(), path + ".layer");
        int band = spec.band() == null ? 1 : spec.band();
        if (band > r.bands()) {
            throw new ScenarioException(path + ".band", "raster '" + spec.layer() + "' has " + r.bands() + " band(s)");
        }
        try {
            new RasterSampler(r, band - 1);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(path + ".layer", e.getMessage());
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        RasterLayer r = ctx.raster(spec.layer(), path + ".layer");
        int band = (spec.band() == null ? 1 : spec.band()) - 1;
        String stat = spec.stat() == null ? "mean" : spec.stat();
        MathTransform toRaster = r.crs() == null || ctx.analysisCrs() == null
                || CRS.equalsIgnoreMetadata(r.crs(), ctx.analysisCrs()) ? null : Crs.transform(ctx.analysisCrs(), r.crs());
        List<Geometry> geoms = ctx.candidateGeometries();
        double[][] centroids = stat.equals("centroid") ? ctx.centroids() : null;
        double[] v = new double[ctx.size()];
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "raster " + spec.layer(), (ord, from, to) -> {
            RasterSampler sampler = new RasterSampler(r, band);
            double[] pt = new double[2];
            for (int k = from; k < to; k++) {
                int c = ord[k];
                Geometry g = geoms.get(c);
                if (g == null || g.isEmpty()) {
                    v[c] = Double.NaN;
                    continue;
                }
                try {
                    if (centroids != null) {
                        pt[0] = centroids[0][c];
                        pt[1] = centroids[1][c];
                        if (toRaster != null) {
                            toRaster.transform(pt, 0, pt, 0, 1);
                        }
                        v[c] = sampler.valueAt(pt[0], pt[1]);
                        continue;
                    }
                    RasterSampler.Stats s = sampler.statsIn(toRaster == null ? g : Crs.transform(g, toRaster));
                    v[c] = stat.equals("max") ? s.max() : stat.equals("min") ? s.min() : s.mean();
                } catch (Exception e) {
                    v[c] = Double.NaN;
                }
            }
        });
        return new Column(v, null, "", null);
    }
}
