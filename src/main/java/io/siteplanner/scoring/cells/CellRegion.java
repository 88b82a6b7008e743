package io.siteplanner.scoring.cells;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.FeatureFilter;
import io.siteplanner.scoring.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import javax.measure.Unit;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.TransformException;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import si.uom.SI;

/**
 * The area to cover with cells, as one valid polygonal geometry in the analysis CRS: the union of a
 * layer's polygons passing a CQL filter ({@link FeatureFilter}), or a longitude/latitude box. Stateless.
 */
public final class CellRegion {
    /** Spacing of the points added along the edges of a lon/lat box, in degrees, so parallels stay curved. */
    static final double BOX_STEP_DEGREES = 0.05;

    private CellRegion() {
    }

    /**
     * Checks that cells can be laid out in {@code crs}: projected, with axes in metres. Returns a warning
     * for a Mercator projection (areas far from the equator are inflated), else null.
     *
     * @throws IllegalArgumentException for a geographic CRS or axes not in metres
     */
    public static String checkCrs(CoordinateReferenceSystem crs) {
        if (!(crs instanceof ProjectedCRS)) {
            throw new IllegalArgumentException(Crs.name(crs) + " is " + (Crs.isGeographic(crs) ? "geographic (degrees)"
                    : "not a projected CRS") + "; cells need a projected CRS in metres (e.g. EPSG:5070 for the"
                    + " contiguous US, or a UTM zone)");
        }
        Unit<?> unit = crs.getCoordinateSystem().getAxis(0).getUnit();
        if (!SI.METRE.equals(unit)) {
            throw new IllegalArgumentException(Crs.name(crs) + " has its axes in " + unit + "; cells need a"
                    + " projected CRS in metres (e.g. EPSG:5070 for the contiguous US, or a UTM zone)");
        }
        String method = ((ProjectedCRS) crs).getConversionFromBase().getMethod().getName().getCode();
        if (method.contains("Mercator") && !method.contains("Transverse")) {
            return Crs.name(crs) + " is a Mercator projection: its areas are inflated away from the equator, so"
                    + " cells of equal map area are not equal on the ground (use an equal-area CRS such as EPSG:5070)";
        }
        return null;
    }

    /**
     * The union of the polygons of {@code layer} whose features pass {@code where} (null or blank: all),
     * reprojected to {@code target}; invalid polygons are repaired first (JTS GeometryFixer).
     *
     * @throws ScenarioException with path {@code where} for a bad filter or an unknown attribute
     * @throws IllegalArgumentException when {@link #checkCrs} refuses the target, the layer has no CRS, no feature passes the filter, or the
     *     passing features have no area
     */
    public static Geometry of(VectorLayer layer, String where, CoordinateReferenceSystem target, Progress progress) {
        checkCrs(target);
        FeatureFilter.Predicate keep = FeatureFilter.compile(where, layer.schema(), "where");
        List<Feature> passing = new ArrayList<>();
        for (Feature f : layer.features()) {
            if (keep.test(f)) {
                passing.add(f);
            }
        }
        if (passing.isEmpty()) {
            throw new IllegalArgumentException(where == null || where.isBlank() ? "the layer has no features"
                    : "no feature matches the filter (of " + layer.size() + ")");
        }
        if (layer.crs() == null) {
            throw new IllegalArgumentException("the layer has no CRS (add a .prj or give its CRS)");
        }
        VectorLayer projected = Crs.reproject(layer.toBuilder().features(passing).build(), target, progress);
        GeometryFactory gf = Geometries.FACTORY;
        List<Geometry> parts = new ArrayList<>();
        for (Feature f : projected.features()) {
            progress.checkCancelled();
            Geometry g = Areas.polygonal(f.geometry(), gf);
            if (!g.isEmpty()) {
                parts.add(Areas.valid(g));
            }
        }
        progress.update(Double.NaN, "union of " + parts.size() + " region polygons");
        Geometry region = Areas.union(parts, gf);
        if (region.isEmpty() || !(region.getArea() > 0)) {
            throw new IllegalArgumentException("the " + passing.size() + " matching features have no area"
                    + " (a polygon layer is needed)");
        }
        return region;
    }

    /**
     * The box {@code lonLat} (degrees, EPSG:4326 longitude/latitude) as a polygon in {@code target}, its
     * edges densified every {@value #BOX_STEP_DEGREES} degrees before projecting.
     *
     * @throws IllegalArgumentException when {@link #checkCrs} refuses the target, the box is empty or cannot be projected to the target
     */
    public static Geometry box(Envelope lonLat, CoordinateReferenceSystem target) {
        checkCrs(target);
        if (lonLat.isNull() || !(lonLat.getWidth() > 0) || !(lonLat.getHeight() > 0)) {
            throw new IllegalArgumentException("the box is empty");
        }
        Geometry g = Densifier.densify(Geometries.FACTORY.toGeometry(lonLat), BOX_STEP_DEGREES);
        try {
            return Areas.valid(Crs.transform(g, Crs.transform(Crs.wgs84(), target)));
        } catch (TransformException e) {
            throw new IllegalArgumentException("the box cannot be projected to " + Crs.name(target) + ": "
                    + e.getMessage(), e);
        }
    }
}
