package io.siteplanner.gis;

import io.siteplanner.model.RasterLayer;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import org.geotools.api.metadata.spatial.PixelOrientation;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.referencing.CRS;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;

/**
 * Reads cell values of one band of a {@link RasterLayer}: the value at a point, and the mean, maximum,
 * minimum and count of the valid cells inside a polygon (the zonal statistics behind raster criteria).
 *
 * <p>Rules: a point takes the value of the cell that contains it (cells are half-open, so a point on a
 * cell's left/top edge belongs to it). A polygon covers the cells whose <em>centre</em> lies inside or on
 * its boundary (as {@code gdalwarp -cutline} and most zonal-statistics tools); when a polygon is too small
 * to contain any cell centre, the cell under its interior point is used, so small parcels on a coarse
 * raster still get a value. Points and lines (non-polygonal geometries) use the cells under their
 * vertices. No-data cells (the layer's no-data value, compared as float for float rasters, and NaN) are
 * excluded everywhere; a point outside the raster or on no-data gives NaN, and statistics with no valid
 * cell give NaN mean/max/min and count 0.
 *
 * <p>Coordinates are in the raster's CRS unless a method says otherwise ({@link #valueAtLonLat},
 * {@link #statsIn(Geometry, CoordinateReferenceSystem)}). The raster must be north-up or affine (every
 * GeoTIFF is). Not thread-safe (it caches the last tile): create one per thread; creation is cheap.
 */
public final class RasterSampler {
    /** Zonal statistics over valid cells; NaN values and count 0 when there was none. */
    public record Stats(double mean, double max, double min, long count) {
        static final Stats EMPTY = new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    private final GridCoverage2D coverage;
    private final RenderedImage image;
    private final int band;
    private final double noData;
    private final float noDataFloat;
    private final boolean hasNoData;
    private final AffineTransform gridToWorld;
    private final AffineTransform worldToGrid;
    private final int gridX;
    private final int gridY;
    private final int width;
    private final int height;
    private Raster tile;
    private int tileX = Integer.MIN_VALUE;
    private int tileY = Integer.MIN_VALUE;
    private MathTransform fromWgs84;

    /** Samples band 0. */
    public RasterSampler(RasterLayer layer) {
        this(layer, 0);
    }

    /**
     * @param band 0-based band index
     * @throws IllegalArgumentException when the band does not exist or the grid is not affine
     */
    public RasterSampler(RasterLayer layer, int band) {
        this.coverage = layer.coverage();
        this.image = coverage.getRenderedImage();
        if (band < 0 || band >= image.getSampleModel().getNumBands()) {
            throw new IllegalArgumentException("raster '" + layer.name() + "' has no band " + (band + 1));
        }
        this.band = band;
        this.noData = layer.noData();
        this.noDataFloat = (float) noData;
        this.hasNoData = !Double.isNaN(noData);
        MathTransform g2w = coverage.getGridGeometry().getGridToCRS2D(PixelOrientation.UPPER_LEFT);
        if (!(g2w instanceof AffineTransform)) {
            throw new IllegalArgumentException("raster '" + layer.name() + "' has a non-affine grid; cannot sample");
        }
        this.gridToWorld = new AffineTransform((AffineTransform) g2w);
        try {
            this.worldToGrid = gridToWorld.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("raster '" + layer.name() + "' has a degenerate grid", e);
        }
        GridEnvelope2D range = coverage.getGridGeometry().getGridRange2D();
        this.gridX = range.x;
        this.gridY = range.y;
        this.width = range.width;
        this.height = range.height;
    }

    /** The CRS of the raster (coordinates of {@link #valueAt} and {@link #statsIn(Geometry)}). */
    public CoordinateReferenceSystem crs() {
        return coverage.getCoordinateReferenceSystem2D();
    }

    /** The value at (x, y) in the raster's CRS; NaN outside the raster or on a no-data cell. */
    public double valueAt(double x, double y) {
        Point2D g = worldToGrid.transform(new Point2D.Double(x, y), null);
        double gx = Math.floor(g.getX());
        double gy = Math.floor(g.getY());
        if (gx < gridX || gy < gridY || gx >= gridX + width || gy >= gridY + height) {
            return Double.NaN;
        }
        double v = cell((int) gx, (int) gy);
        return isNoData(v) ? Double.NaN : v;
    }

    /** The value at a longitude/latitude (EPSG:4326), converted to the raster's CRS. */
    public double valueAtLonLat(double lon, double lat) {
        try {
            if (fromWgs84 == null) {
                fromWgs84 = Crs.transform(Crs.wgs84(), crs());
            }
            double[] p = {lon, lat};
            fromWgs84.transform(p, 0, p, 0, 1);
            return valueAt(p[0], p[1]);
        } catch (TransformException e) {
            return Double.NaN;
        }
    }

    /**
     * Statistics of the valid cells covered by a geometry given in {@code geometryCrs} (converted to the
     * raster's CRS first; null means the raster's CRS).
     *
     * @throws IllegalArgumentException when the geometry cannot be converted
     */
    public Stats statsIn(Geometry geometry, CoordinateReferenceSystem geometryCrs) {
        if (geometry == null || geometryCrs == null || CRS.equalsIgnoreMetadata(geometryCrs, crs())) {
            return statsIn(geometry);
        }
        try {
            return statsIn(Crs.transform(geometry, Crs.transform(geometryCrs, crs())));
        } catch (TransformException e) {
            throw new IllegalArgumentException("geometry cannot be converted to " + Crs.name(crs()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Statistics of the valid cells covered by a geometry in the raster's CRS (see the class rules). */
    public Stats statsIn(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return Stats.EMPTY;
        }
        Acc acc = new Acc();
        if (!(geometry instanceof Polygonal)) {
            for (Coordinate c : geometry.getCoordinates()) {
                acc.add(valueAt(c.x, c.y));
            }
            return acc.stats();
        }
        int[] win = window(geometry.getEnvelopeInternal());
        if (win != null) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(geometry);
            Point2D.Double grid = new Point2D.Double();
            Point2D.Double world = new Point2D.Double();
            Coordinate c = new Coordinate();
            boolean anyCentre = false;
            for (int row = win[1]; row <= win[3]; row++) {
                for (int col = win[0]; col <= win[2]; col++) {
                    grid.setLocation(col + 0.5, row + 0.5);
                    gridToWorld.transform(grid, world);
                    c.x = world.x;
                    c.y = world.y;
                    if (locator.locate(c) != Location.EXTERIOR) {
                        anyCentre = true;
                        double v = cell(col, row);
                        acc.add(isNoData(v) ? Double.NaN : v);
                    }
                }
            }
            if (anyCentre) {
                return acc.stats();
            }
        }
        Coordinate inside = geometry.getInteriorPoint().getCoordinate();
        if (inside != null) {
            acc.add(valueAt(inside.x, inside.y));
        }
        return acc.stats();
    }

    /** The grid window [minCol, minRow, maxCol, maxRow] covering a world envelope, clamped; null if outside. */
    private int[] window(Envelope env) {
        double[] pts = {env.getMinX(), env.getMinY(), env.getMaxX(), env.getMinY(), env.getMaxX(), env.getMaxY(),
            env.getMinX(), env.getMaxY()};
        worldToGrid.transform(pts, 0, pts, 0, 4);
        double minC = Double.POSITIVE_INFINITY;
        double minR = Double.POSITIVE_INFINITY;
        double maxC = Double.NEGATIVE_INFINITY;
        double maxR = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 8; i += 2) {
            minC = Math.min(minC, pts[i]);
            maxC = Math.max(maxC, pts[i]);
            minR = Math.min(minR, pts[i + 1]);
            maxR = Math.max(maxR, pts[i + 1]);
        }
        int c0 = (int) Math.max(gridX, Math.floor(minC));
        int r0 = (int) Math.max(gridY, Math.floor(minR));
        int c1 = (int) Math.min(gridX + width - 1, Math.floor(maxC));
        int r1 = (int) Math.min(gridY + height - 1, Math.floor(maxR));
        if (c0 > c1 || r0 > r1) {
            return null;
        }
        return new int[] {c0, r0, c1, r1};
    }

    private boolean isNoData(double v) {
        if (Double.isNaN(v)) {
            return true;
        }
        return hasNoData && (v == noData || (float) v == noDataFloat);
    }

    /** The raw value of grid cell (col, row). */
    private double cell(int col, int row) {
        int px = col - gridX + image.getMinX();
        int py = row - gridY + image.getMinY();
        int tx = Math.floorDiv(px - image.getTileGridXOffset(), image.getTileWidth());
        int ty = Math.floorDiv(py - image.getTileGridYOffset(), image.getTileHeight());
        if (tx != tileX || ty != tileY || tile == null) {
            tile = image.getTile(tx, ty);
            tileX = tx;
            tileY = ty;
        }
        return tile.getSampleDouble(px, py, band);
    }

    /** Running mean/max/min over valid values. */
    private static final class Acc {
        double sum;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        long count;

        void add(double v) {
            if (Double.isNaN(v)) {
                return;
            }
            sum += v;
            max = Math.max(max, v);
            min = Math.min(min, v);
            count++;
        }

        Stats stats() {
            return count == 0 ? Stats.EMPTY : new Stats(sum / count, max, min, count);
        }
    }
}
