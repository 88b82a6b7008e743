package io.siteplanner.scoring.cells;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** Polygon overlay helpers of the cell generator (JTS OverlayNG with its robust fallbacks). */
final class Areas {
    private Areas() {
    }

    /** The polygons of {@code g} (lines and points dropped) as one geometry; empty when there are none. */
    static Geometry polygonal(Geometry g, GeometryFactory f) {
        if (g == null) {
            return f.createMultiPolygon();
        }
        if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polys = PolygonExtracter.getPolygons(g);
        List<Polygon> kept = new ArrayList<>(polys.size());
        for (Polygon p : polys) {
            if (!p.isEmpty()) {
                kept.add(p);
            }
        }
        return kept.size() == 1 ? kept.get(0) : f.createMultiPolygon(kept.toArray(new Polygon[0]));
    }

    /** {@code g} made valid when it is not (JTS GeometryFixer keeps the area a reader meant). */
    static Geometry valid(Geometry g) {
        return g.isValid() ? g : GeometryFixer.fix(g);
    }

    /** The part of polygonal {@code g} inside {@code env}. */
    static Geometry clip(Geometry g, Envelope env) {
        if (env.covers(g.getEnvelopeInternal())) {
            return g;
        }
        if (!env.intersects(g.getEnvelopeInternal())) {
            return g.getFactory().createMultiPolygon();
        }
        return polygonal(OverlayNGRobust.overlay(g, g.getFactory().toGeometry(env), OverlayNG.INTERSECTION),
                g.getFactory());
    }

    /** {@code a} minus {@code b} (polygonal). */
    static Geometry minus(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE), a.getFactory());
    }

    /** {@code a} intersected with {@code b} (polygonal). */
    static Geometry intersection(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION), a.getFactory());
    }

    /** The union of polygonal geometries. */
    static Geometry union(List<Geometry> parts, GeometryFactory f) {
        if (parts.isEmpty()) {
            return f.createMultiPolygon();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return polygonal(OverlayNGRobust.union(parts, f), f);
    }

    /**
     * True when polygonal {@code g}, a part of {@code env}, is all of it: one polygon without holes whose
     * vertices all lie on the rectangle's edges and include its four corners. Exact (no tolerance): a
     * simple ring with every vertex on a convex outline is convex with its vertices in order, so with the
     * four corners among them it is the rectangle.
     */
    static boolean fills(Geometry g, Envelope env) {
        if (!(g instanceof Polygon)) {
            if (g.getNumGeometries() != 1 || !(g.getGeometryN(0) instanceof Polygon)) {
                return false;
            }
            g = g.getGeometryN(0);
        }
        Polygon p = (Polygon) g;
        if (p.isEmpty() || p.getNumInteriorRing() != 0) {
            return false;
        }
        double x0 = env.getMinX();
        double x1 = env.getMaxX();
        double y0 = env.getMinY();
        double y1 = env.getMaxY();
        int corners = 0;
        Coordinate[] ring = p.getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length - 1; i++) {
            double x = ring[i].x;
            double y = ring[i].y;
            boolean onX = x == x0 || x == x1;
            boolean onY = y == y0 || y == y1;
            if (!onX && !onY) {
                return false;
            }
            if (onX && onY) {
                corners |= 1 << ((x == x0 ? 0 : 1) + (y == y0 ? 0 : 2));
            }
        }
        return corners == 0b1111;
    }
}
