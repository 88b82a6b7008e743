package io.siteplanner.gis.topojson;

import io.siteplanner.gis.topojson.Topology.Geom;
import io.siteplanner.model.Geometries;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds the JTS geometry of one geometry object from the decoded arcs, the way GDAL's TopoJSON driver
 * does: the arcs of a line or ring are joined end to start without repeating the junction position; a
 * ring that does not end where it starts is closed; a ring with fewer than 4 positions (collapsed by
 * quantization) is dropped, and the next one becomes the shell; a MultiPolygon drops polygons left empty.
 * Point coordinates go through the transform but are not delta-encoded. Arc indexes must have been
 * checked by the caller ({@link LayerBuilder}). Counts its repairs for the layer's warnings. Not
 * thread-safe.
 */
final class GeometryAssembler {
    private static final GeometryFactory GF = Geometries.FACTORY;

    private final Arcs arcs;
    private final Transform transform;
    /** Rings closed by repeating their first position. */
    int closedRings;
    /** Rings dropped for having fewer than 4 positions. */
    int droppedRings;

    /** Why a geometry object cannot become a feature. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    GeometryAssembler(Arcs arcs, Transform transform) {
        this.arcs = arcs;
        this.transform = transform;
    }

    /** The geometry, null for a {@code "type": null} object. */
    Geometry build(Geom g) throws Invalid {
        if (g.problem != null) {
            throw new Invalid(g.problem);
        }
        if (!g.typed) {
            throw new Invalid("it has no type member");
        }
        if (g.type == null) {
            return null;
        }
        switch (g.type) {
            case "Point":
                return point(g.coordinates);
            case "MultiPoint":
                return multiPoint(g.coordinates);
            case "LineString":
                return line(flat(required(g), "LineString"), "LineString");
            case "MultiLineString": {
                int[][] parts = level2(required(g), "MultiLineString");
                LineString[] lines = new LineString[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    lines[i] = line(parts[i], "MultiLineString part " + (i + 1));
                }
                return GF.createMultiLineString(lines);
            }
            case "Polygon":
                return polygon(level2(required(g), "Polygon"));
            case "MultiPolygon": {
                Object[] parts = level(required(g), "MultiPolygon", "an array of polygons");
                List<Polygon> polys = new ArrayList<>(parts.length);
                for (Object part : parts) {
                    Polygon poly = polygon(level2(part, "MultiPolygon"));
                    if (!poly.isEmpty()) {
                        polys.add(poly);
                    }
                }
                return GF.createMultiPolygon(polys.toArray(new Polygon[0]));
            }
            case "GeometryCollection":
                throw new Invalid("it is a GeometryCollection inside a GeometryCollection (GDAL skips these too)");
            default:
                throw new Invalid("unknown geometry type '" + g.type + "'");
        }
    }

    private static Object required(Geom g) throws Invalid {
        if (g.arcs == null) {
            throw new Invalid(g.type + " has no arcs member");
        }
        return g.arcs;
    }

    private static int[] flat(Object refs, String type) throws Invalid {
        if (!(refs instanceof int[])) {
            throw new Invalid(type + " arcs must be an array of arc indexes");
        }
        return (int[]) refs;
    }

    /** An array of arrays ({@code []} counts as an empty one). */
    private static Object[] level(Object refs, String type, String expected) throws Invalid {
        if (refs instanceof int[] && ((int[]) refs).length == 0) {
            return new Object[0];
        }
        if (!(refs instanceof Object[])) {
            throw new Invalid(type + " arcs must be " + expected);
        }
        return (Object[]) refs;
    }

    private static int[][] level2(Object refs, String type) throws Invalid {
        Object[] parts = level(refs, type, "an array of arrays of arc indexes");
        int[][] out = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = flat(parts[i], type);
        }
        return out;
    }

    private List<Coordinate> join(int[] refs) {
        List<Coordinate> out = new ArrayList<>();
        for (int ref : refs) {
            arcs.append(ref, out);
        }
        return out;
    }

    private LineString line(int[] refs, String what) throws Invalid {
        List<Coordinate> pts = join(refs);
        if (pts.size() == 1) {
            throw new Invalid(what + " has 1 position, at least 2 are needed");
        }
        return GF.createLineString(pts.toArray(new Coordinate[0]));
    }

    private Polygon polygon(int[][] rings) {
        List<LinearRing> kept = new ArrayList<>(rings.length);
        for (int[] refs : rings) {
            List<Coordinate> pts = join(refs);
            boolean open = !pts.isEmpty() && !pts.get(0).equals2D(pts.get(pts.size() - 1));
            if (pts.size() + (open ? 1 : 0) < 4) {
                droppedRings++;
                continue;
            }
            if (open) {
                pts.add(pts.get(0).copy());
                closedRings++;
            }
            kept.add(GF.createLinearRing(pts.toArray(new Coordinate[0])));
        }
        if (kept.isEmpty()) {
            return GF.createPolygon();
        }
        return GF.createPolygon(kept.get(0), kept.subList(1, kept.size()).toArray(new LinearRing[0]));
    }

    private Coordinate position(double[] xy) throws Invalid {
        double x = transform == null ? xy[0] : transform.x(xy[0]);
        double y = transform == null ? xy[1] : transform.y(xy[1]);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new Invalid("a position is not finite after applying the transform");
        }
        return new CoordinateXY(x, y);
    }

    private Point point(Object c) throws Invalid {
        if (c instanceof double[]) {
            return GF.createPoint(position((double[]) c));
        }
        if (c instanceof double[][] && ((double[][]) c).length == 0) {
            return GF.createPoint();
        }
        throw new Invalid(c == null ? "Point has no coordinates member" : "Point coordinates must be a position");
    }

    private Geometry multiPoint(Object c) throws Invalid {
        if (!(c instanceof double[][])) {
            throw new Invalid(c == null ? "MultiPoint has no coordinates member"
                    : "MultiPoint coordinates must be an array of positions");
        }
        double[][] positions = (double[][]) c;
        Coordinate[] pts = new Coordinate[positions.length];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = position(positions[i]);
        }
        return GF.createMultiPointFromCoords(pts);
    }
}
