package io.siteplanner.scoring.criteria;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.spatial.ChunkRunner;
import io.siteplanner.scoring.spatial.Polygons;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geotools.api.referencing.datum.PixelInCell;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code raster}: a band value of a raster over the candidate: {@code mean} (default), {@code max} or
 * {@code min} over the pixels whose centre lies inside the polygon, or the pixel under the centroid
 * ({@code centroid}; also used for polygons too small to contain a pixel centre). No-data and NaN pixels
 * are skipped; missing when no valid pixel is found. Candidates are reprojected to the raster's CRS.
 * Needs an affine (north-up or rotated) grid.
 */
final class RasterCriterion implements CriterionEvaluator {
    @Override
    public void validate(EvaluationContext ctx, CriterionSpec spec, String path) {
        RasterLayer r = ctx.raster(spec.layer(), path + ".layer");
        int band = spec.band() == null ? 1 : spec.band();
        if (band > r.bands()) {
            throw new ScenarioException(path + ".band", "raster '" + spec.layer() + "' has " + r.bands() + " band(s)");
        }
    }

    @Override
    public Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done) {
        RasterLayer r = ctx.raster(spec.layer(), path + ".layer");
        int band = (spec.band() == null ? 1 : spec.band()) - 1;
        String stat = spec.stat() == null ? "mean" : spec.stat();
        MathTransform g2w = r.coverage().getGridGeometry().getGridToCRS(PixelInCell.CELL_CORNER);
        if (!(g2w instanceof AffineTransform)) {
            throw new ScenarioException(path + ".layer", "raster '" + spec.layer() + "' is not on an affine grid");
        }
        AffineTransform gridToWorld = new AffineTransform((AffineTransform) g2w);
        AffineTransform worldToGrid;
        try {
            worldToGrid = gridToWorld.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new ScenarioException(path + ".layer", "raster '" + spec.layer() + "' has a degenerate grid");
        }
        Raster data = r.coverage().getRenderedImage().getData();
        int w = data.getWidth();
        int h = data.getHeight();
        int x0 = data.getMinX();
        int y0 = data.getMinY();
        double noData = r.noData();
        // candidates in the raster CRS
        List<Geometry> geoms = ctx.candidateGeometries();
        Polygons polys = ctx.polygons();
        if (r.crs() != null && ctx.analysisCrs() != null && !CRS.equalsIgnoreMetadata(r.crs(), ctx.analysisCrs())) {
            MathTransform mt = Crs.transform(ctx.analysisCrs(), r.crs());
            List<Geometry> t = new ArrayList<>(geoms.size());
            for (Geometry g : geoms) {
                try {
                    t.add(g == null ? null : Crs.transform(g, mt));
                } catch (Exception e) {
                    t.add(null);
                }
            }
            geoms = t;
            polys = Polygons.of(t);
        }
        final Polygons p = polys;
        final List<Geometry> gs = geoms;
        double[] v = new double[ctx.size()];
        ctx.countSpatialPass();
        ChunkRunner.run(ctx.order(), 1024, ctx.progress(), "raster " + spec.layer(), (ord, from, to) -> {
            double[] pt = new double[8];
            for (int k = from; k < to; k++) {
                int c = ord[k];
                if (!p.has(c)) {
                    v[c] = Double.NaN;
                    continue;
                }
                double sum = 0;
                double mx = Double.NEGATIVE_INFINITY;
                double mn = Double.POSITIVE_INFINITY;
                int cnt = 0;
                if (!stat.equals("centroid") && p.isAreal(c)) {
                    // grid-space bounds of the candidate envelope
                    pt[0] = p.minX[c];
                    pt[1] = p.minY[c];
                    pt[2] = p.maxX[c];
                    pt[3] = p.minY[c];
                    pt[4] = p.minX[c];
                    pt[5] = p.maxY[c];
                    pt[6] = p.maxX[c];
                    pt[7] = p.maxY[c];
                    worldToGrid.transform(pt, 0, pt, 0, 4);
                    int c0 = (int) Math.floor(Math.min(Math.min(pt[0], pt[2]), Math.min(pt[4], pt[6])));
                    int c1 = (int) Math.ceil(Math.max(Math.max(pt[0], pt[2]), Math.max(pt[4], pt[6])));
                    int r0 = (int) Math.floor(Math.min(Math.min(pt[1], pt[3]), Math.min(pt[5], pt[7])));
                    int r1 = (int) Math.ceil(Math.max(Math.max(pt[1], pt[3]), Math.max(pt[5], pt[7])));
                    c0 = Math.max(c0, 0);
                    r0 = Math.max(r0, 0);
                    c1 = Math.min(c1, w - 1);
                    r1 = Math.min(r1, h - 1);
                    for (int row = r0; row <= r1; row++) {
                        for (int col = c0; col <= c1; col++) {
                            pt[0] = col + 0.5;
                            pt[1] = row + 0.5;
                            gridToWorld.transform(pt, 0, pt, 2, 1);
                            if (!p.contains(c, pt[2], pt[3])) {
                                continue;
                            }
                            double s = data.getSampleDouble(x0 + col, y0 + row, band);
                            if (s != s || s == noData) {
                                continue;
                            }
                            sum += s;
                            cnt++;
                            mx = Math.max(mx, s);
                            mn = Math.min(mn, s);
                        }
                    }
                }
                if (cnt == 0) {
                    org.locationtech.jts.geom.Coordinate cc = org.locationtech.jts.algorithm.Centroid
                            .getCentroid(gs.get(c));
                    pt[0] = cc.x;
                    pt[1] = cc.y;
                    worldToGrid.transform(pt, 0, pt, 0, 1);
                    int col = (int) Math.floor(pt[0]);
                    int row = (int) Math.floor(pt[1]);
                    double s = col >= 0 && row >= 0 && col < w && row < h
                            ? data.getSampleDouble(x0 + col, y0 + row, band) : Double.NaN;
                    v[c] = s != s || s == noData ? Double.NaN : s;
                    continue;
                }
                v[c] = stat.equals("max") ? mx : stat.equals("min") ? mn : sum / cnt;
            }
        });
        return new Column(v, null, "", null);
    }
}
