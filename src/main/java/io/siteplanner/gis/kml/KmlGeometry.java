package io.siteplanner.gis.kml;

import io.siteplanner.model.Geometries;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * KML geometry elements to JTS: Point, LineString, LinearRing, Polygon (outerBoundaryIs, innerBoundaryIs
 * become holes), MultiGeometry (MultiPoint/MultiLineString/MultiPolygon when all parts are of one kind,
 * else GeometryCollection; nested MultiGeometries are flattened), gx:Track (LineString of its gx:coord)
 * and gx:MultiTrack (MultiLineString). Coordinates are {@code lon,lat[,alt]} tuples separated by
 * whitespace; blanks around the commas are tolerated as libkml does ({@code "1, 2, 3"} is one tuple). A
 * geometry with any altitude is 3D and missing altitudes become 0 (as GDAL). Unclosed rings are closed.
 * Rings with fewer than 3 distinct points, lines with fewer than 2 points, and values that are not numbers
 * make the geometry invalid ({@link BadGeometry}).
 */
final class KmlGeometry {
    private static final GeometryFactory GF = Geometries.FACTORY;

    /** A geometry that cannot be built; the message says where and why. */
    static final class BadGeometry extends Exception {
        private static final long serialVersionUID = 1L;

        BadGeometry(String message) {
            super(message, null, false, false);
        }
    }

    private KmlGeometry() {
    }

    static boolean isGeometry(String localName) {
        switch (localName) {
            case "Point":
            case "LineString":
            case "LinearRing":
            case "Polygon":
            case "MultiGeometry":
            case "Track":
            case "MultiTrack":
                return true;
            default:
                return false;
        }
    }

    /**
     * Parses the geometry element the reader is on (START_ELEMENT) and leaves the reader on its
     * END_ELEMENT. Returns null for a geometry without coordinates (GDAL's EMPTY geometries).
     */
    static Geometry parse(XMLStreamReader r) throws XMLStreamException, BadGeometry {
        BadGeometry[] firstError = new BadGeometry[1];
        Geometry g = element(r, firstError);
        if (firstError[0] != null) {
            throw firstError[0];
        }
        if (g != null && has3d(g)) {
            g.apply(ZERO_MISSING_Z);
            g.geometryChanged();
        }
        return g;
    }

    private static Geometry element(XMLStreamReader r, BadGeometry[] err) throws XMLStreamException {
        String n = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        try {
            switch (n) {
                case "Point": {
                    Coordinate[] c = coordinatesChild(r);
                    return c == null || c.length == 0 ? null : GF.createPoint(c[0]);
                }
                case "LineString": {
                    Coordinate[] c = coordinatesChild(r);
                    return c == null || c.length == 0 ? null : line(c, line);
                }
                case "LinearRing": {
                    Coordinate[] c = coordinatesChild(r);
                    return c == null || c.length == 0 ? null : ring(c, line);
                }
                case "Polygon":
                    return polygon(r, line);
                case "Track":
                    return track(r, line);
                case "MultiTrack":
                case "MultiGeometry":
                    return multi(r, err);
                default:
                    KmlWalker.skip(r);
                    return null;
            }
        } catch (BadGeometry e) {
            if (err[0] == null) {
                err[0] = e;
            }
            return null;
        }
    }

    private static Geometry multi(XMLStreamReader r, BadGeometry[] err) throws XMLStreamException {
        List<Geometry> parts = new ArrayList<>();
        while (KmlWalker.nextChild(r)) {
            if (isGeometry(r.getLocalName())) {
                Geometry g = element(r, err);
                if (g == null) {
                    continue;
                }
                if (g instanceof GeometryCollection) { // nested MultiGeometry: flatten
                    for (int i = 0; i < g.getNumGeometries(); i++) {
                        parts.add(g.getGeometryN(i));
                    }
                } else {
                    parts.add(g);
                }
            } else {
                KmlWalker.skip(r);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        boolean points = true;
        boolean lines = true;
        boolean polygons = true;
        for (Geometry g : parts) {
            points &= g instanceof Point;
            lines &= g instanceof LineString;
            polygons &= g instanceof Polygon;
        }
        if (points) {
            return GF.createMultiPoint(parts.toArray(new Point[0]));
        }
        if (lines) {
            LineString[] ls = new LineString[parts.size()];
            for (int i = 0; i < ls.length; i++) {
                LineString l = (LineString) parts.get(i);
                ls[i] = l instanceof LinearRing ? GF.createLineString(l.getCoordinateSequence()) : l;
            }
            return GF.createMultiLineString(ls);
        }
        if (polygons) {
            return GF.createMultiPolygon(parts.toArray(new Polygon[0]));
        }
        return GF.createGeometryCollection(parts.toArray(new Geometry[0]));
    }

    private static Geometry polygon(XMLStreamReader r, int line) throws XMLStreamException, BadGeometry {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        BadGeometry bad = null;
        while (KmlWalker.nextChild(r)) {
            String n = r.getLocalName();
            boolean outer = "outerBoundaryIs".equals(n);
            if (outer || "innerBoundaryIs".equals(n)) {
                // one or more LinearRings inside
                while (KmlWalker.nextChild(r)) {
                    if ("LinearRing".equals(r.getLocalName())) {
                        int ringLine = r.getLocation().getLineNumber();
                        try {
                            Coordinate[] c = coordinatesChild(r);
                            if (c == null || c.length == 0) {
                                continue;
                            }
                            LinearRing ring = ring(c, ringLine);
                            if (outer && shell == null) {
                                shell = ring;
                            } else {
                                holes.add(ring);
                            }
                        } catch (BadGeometry e) {
                            bad = bad != null ? bad : e;
                        }
                    } else {
                        KmlWalker.skip(r);
                    }
                }
            } else {
                KmlWalker.skip(r);
            }
        }
        if (bad != null) {
            throw bad;
        }
        if (shell == null) {
            if (holes.isEmpty()) {
                return null;
            }
            throw new BadGeometry("line " + line + ": Polygon has inner rings but no outerBoundaryIs");
        }
        return GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private static Geometry track(XMLStreamReader r, int line) throws XMLStreamException, BadGeometry {
        List<Coordinate> pts = new ArrayList<>();
        BadGeometry bad = null;
        while (KmlWalker.nextChild(r)) {
            if ("coord".equals(r.getLocalName())) {
                int l = r.getLocation().getLineNumber();
                String t = KmlWalker.text(r);
                try {
                    double[] v = KmlCoordinates.parseSpaceSeparated(t, l);
                    pts.add(v.length == 3 ? new Coordinate(v[0], v[1], v[2]) : new Coordinate(v[0], v[1]));
                } catch (BadGeometry e) {
                    bad = bad != null ? bad : e;
                }
            } else {
                KmlWalker.skip(r);
            }
        }
        if (bad != null) {
            throw bad;
        }
        if (pts.isEmpty()) {
            return null;
        }
        if (pts.size() == 1) {
            return GF.createPoint(pts.get(0));
        }
        return GF.createLineString(pts.toArray(new Coordinate[0]));
    }

    /** Reads the {@code <coordinates>} child of the current element; null when there is none. */
    private static Coordinate[] coordinatesChild(XMLStreamReader r) throws XMLStreamException, BadGeometry {
        Coordinate[] result = null;
        BadGeometry bad = null;
        while (KmlWalker.nextChild(r)) {
            if ("coordinates".equals(r.getLocalName()) && result == null) {
                int line = r.getLocation().getLineNumber();
                String t = KmlWalker.text(r);
                try {
                    result = KmlCoordinates.parse(t, line);
                } catch (BadGeometry e) {
                    bad = e;
                    result = new Coordinate[0];
                }
            } else {
                KmlWalker.skip(r);
            }
        }
        if (bad != null) {
            throw bad;
        }
        return result;
    }

    private static LineString line(Coordinate[] c, int line) throws BadGeometry {
        if (c.length < 2) {
            throw new BadGeometry("line " + line + ": LineString needs 2 points, it has 1");
        }
        return GF.createLineString(c);
    }

    private static LinearRing ring(Coordinate[] c, int line) throws BadGeometry {
        Coordinate[] pts = c;
        if (!c[0].equals2D(c[c.length - 1])) {
            pts = new Coordinate[c.length + 1];
            System.arraycopy(c, 0, pts, 0, c.length);
            pts[c.length] = new Coordinate(c[0]);
        }
        if (pts.length < 4) {
            throw new BadGeometry("line " + line + ": LinearRing needs 3 distinct points, it has "
                    + (pts.length - 1));
        }
        return GF.createLinearRing(pts);
    }

    private static boolean has3d(Geometry g) {
        boolean[] found = new boolean[1];
        g.apply((Coordinate c) -> {
            if (!Double.isNaN(c.getZ())) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static final CoordinateSequenceFilter ZERO_MISSING_Z = new CoordinateSequenceFilter() {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (seq.getDimension() > 2 && Double.isNaN(seq.getOrdinate(i, CoordinateSequence.Z))) {
                seq.setOrdinate(i, CoordinateSequence.Z, 0);
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    };
}
