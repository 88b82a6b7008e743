package io.siteplanner.render;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import io.siteplanner.model.Geometries;

/**
 * A vector layer prepared for display: geometries reprojected to the display CRS and an STRtree of
 * feature indices. Immutable and thread-safe after construction (the tree is built eagerly).
 */
public final class MapLayer {
    private final VectorLayer source;
    private final VectorLayer display;
    private final STRtree index;
    private final int dimension;

    private MapLayer(VectorLayer source, VectorLayer display) {
        this.source = source;
        this.display = display;
        this.index = new STRtree();
        for (int i = 0; i < display.size(); i++) {
            Geometry g = display.get(i).geometry();
            if (g != null && !g.isEmpty()) {
                index.insert(g.getEnvelopeInternal(), i);
            }
        }
        index.build();
        int d = display.geometryType().dimension();
        if (d < 0) {
            for (Feature f : display.features()) {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    d = f.geometry().getDimension();
                    break;
                }
            }
        }
        this.dimension = d;
    }

    /** Prepares a layer for display in {@code displayCrs} (reprojecting when the CRSs differ). */
    public static MapLayer prepare(VectorLayer layer, CoordinateReferenceSystem displayCrs, Progress progress) {
        VectorLayer d = layer.crs() == null ? layer : Crs.reproject(layer, displayCrs, progress);
        return new MapLayer(layer, d);
    }

    /** The layer as read, in its source CRS. */
    public VectorLayer source() {
        return source;
    }

    /** The layer in the display CRS. */
    public VectorLayer display() {
        return display;
    }

    /** 0 points, 1 lines, 2 polygons (of the first non-empty geometry when mixed). */
    public int dimension() {
        return dimension;
    }

    public GeometryType geometryType() {
        return display.geometryType();
    }

    public Envelope bounds() {
        return display.bounds();
    }

    /** Indices of features whose envelopes intersect {@code env}. */
    @SuppressWarnings("unchecked")
    public List<Integer> query(Envelope env) {
        return (List<Integer>) index.query(env);
    }

    /**
     * Features under a map point, topmost (last drawn) first: polygons containing it, lines and points
     * within {@code tolerance} map units.
     */
    public List<Integer> featuresAt(double x, double y, double tolerance) {
        Envelope e = new Envelope(x - tolerance, x + tolerance, y - tolerance, y + tolerance);
        Point p = Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
        List<Integer> hits = new ArrayList<>();
        for (int i : query(e)) {
            Geometry g = display.get(i).geometry();
            boolean hit;
            if (g.getDimension() == 2) {
                hit = g.covers(p) || g.isWithinDistance(p, tolerance / 3);
            } else {
                hit = g.isWithinDistance(p, tolerance);
            }
            if (hit) {
                hits.add(i);
            }
        }
        hits.sort((a, b) -> Integer.compare(b, a));
        return hits;
    }

    /** Features intersecting a map rectangle (box select). */
    public List<Integer> featuresIn(Envelope box) {
        Geometry rect = Geometries.FACTORY.toGeometry(box);
        PreparedGeometry pg = PreparedGeometryFactory.prepare(rect);
        List<Integer> hits = new ArrayList<>();
        for (int i : query(box)) {
            if (pg.intersects(display.get(i).geometry())) {
                hits.add(i);
            }
        }
        hits.sort(Integer::compare);
        return hits;
    }
}
