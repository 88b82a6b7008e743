package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.RasterSampler;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code raster}: a band value of a raster over the candidate, through {@link RasterSampler}:
 * {@code mean} (default), {@code max} or {@code min} of the valid cells whose centre lies inside the
 * polygon or on its boundary (the cell under the polygon's interior point when no centre is inside), or
 * {@code centroid}: the cell under the candidate's centroid. No-data cells are skipped; missing when no
 * valid cell is found. Candidates are converted to the raster's CRS. Benefit by default.
 */
public record RasterCriterion(Common common, String layer, String stat, Integer band) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("raster",
            "A raster (GeoTIFF) value over the site: mean, max, min or at the centroid",
            Set.of("layer", "stat", "band"), Direction.BENEFIT, false,
            (c, p) -> new RasterCriterion(c, p.reqStr("layer"), p.oneOf("stat", "mean", "max", "min", "centroid"),
                    p.integer("band", 1, 65535)));

    public RasterCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new RasterCriterion(c, layer, stat, band);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        RasterLayer r = ctx.raster(layer, path + ".layer");
        int band = this.band == null ? 1 : this.band;
        if (band > r.bands()) {
            throw new ScenarioException(path + ".band", "raster '" + layer + "' has " + r.bands() + " band(s)");
        }
        try {
            new RasterSampler(r, band - 1);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(path + ".layer", e.getMessage());
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        RasterLayer r = ctx.raster(layer, path + ".layer");
        int band = (this.band == null ? 1 : this.band) - 1;
        String stat = this.stat == null ? "mean" : this.stat;
        MathTransform toRaster = r.crs() == null || ctx.analysisCrs() == null
                || CRS.equalsIgnoreMetadata(r.crs(), ctx.analysisCrs()) ? null : Crs.transform(ctx.analysisCrs(), r.crs());
        List<Geometry> geoms = ctx.candidateGeometries();
        double[][] centroids = stat.equals("centroid") ? ctx.centroids() : null;
        double[] v = new double[ctx.size()];
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "raster " + layer, (ord, from, to) -> {
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

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "stat", stat);
        Json.put(n, "band", band);
    }

    @Override
    public String describe() {
        return (stat == null ? "mean" : stat) + " of raster " + layer + (band == null ? "" : " band " + band);
    }
}
