package io.siteplanner.scoring.spatial;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Robust point-in-area test (boundary counts as inside) for one polygonal geometry: JTS's
 * {@link RayCrossingCounter} (exact orientation predicates) over the rings of small polygons, and
 * {@link IndexedPointInAreaLocator} for large ones. Built once, then thread-safe for queries.
 */
public final class AreaLocator {
    private static final int SMALL = 256;
    private final Envelope env;
    private final Polygon[] polys;
    private final IndexedPointInAreaLocator indexed;

    public AreaLocator(Geometry g) {
        this.env = g.getEnvelopeInternal();
        if (g.getNumPoints() <= SMALL) {
            int n = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon && !g.getGeometryN(i).isEmpty()) {
                    n++;
                }
            }
            polys = new Polygon[n];
            n = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon && !g.getGeometryN(i).isEmpty()) {
                    polys[n++] = (Polygon) g.getGeometryN(i);
                }
            }
            indexed = null;
        } else {
            polys = null;
            indexed = new IndexedPointInAreaLocator(g);
            indexed.locate(new Coordinate(env.getMinX(), env.getMinY())); // build the lazy index now
        }
    }

    public Envelope envelope() {
        return env;
    }

    /** True when (x, y) is inside or on the boundary. */
    public boolean covers(double x, double y) {
        if (x < env.getMinX() || x > env.getMaxX() || y < env.getMinY() || y > env.getMaxY()) {
            return false;
        }
        Coordinate p = new Coordinate(x, y);
        if (indexed != null) {
            return indexed.locate(p) != Location.EXTERIOR;
        }
        for (Polygon poly : polys) {
            if (!poly.getEnvelopeInternal().covers(x, y)) {
                continue;
            }
            int loc = ring(p, poly.getExteriorRing().getCoordinateSequence());
            if (loc == Location.EXTERIOR) {
                continue;
            }
            if (loc == Location.BOUNDARY) {
                return true;
            }
            boolean inHole = false;
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                int lh = ring(p, poly.getInteriorRingN(h).getCoordinateSequence());
                if (lh == Location.BOUNDARY) {
                    return true;
                }
                if (lh == Location.INTERIOR) {
                    inHole = true;
                    break;
                }
            }
            if (!inHole) {
                return true;
            }
        }
        return false;
    }

    private static int ring(Coordinate p, CoordinateSequence ring) {
        return RayCrossingCounter.locatePointInRing(p, ring);
    }
}
