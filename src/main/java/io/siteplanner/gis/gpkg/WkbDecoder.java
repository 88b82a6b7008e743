package io.siteplanner.gis.gpkg;

import io.siteplanner.model.Geometries;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * Decodes standard WKB (OGC Simple Features / ISO 13249) straight from a byte array region into JTS
 * geometries built with {@link Geometries#FACTORY}.
 *
 * <p>Understands both byte orders (per nested geometry), ISO type codes (1001.. Z, 2001.. M, 3001.. ZM) and
 * the EWKB high-bit flags (Z 0x80000000, M 0x40000000, SRID 0x20000000, the SRID is skipped). Z values
 * are kept; M values are dropped (the layer model has no M). 2D coordinates are {@link CoordinateXY}.
 * {@code POINT(NaN NaN)} is the empty point. Unclosed polygon rings are closed; a LineString with one
 * point gets that point twice (as JTS's lenient WKB reader does). Every count is checked against the
 * bytes left, so a corrupt blob fails fast instead of allocating huge arrays.
 *
 * <p>Only the seven linear geometry types are supported (curves, surfaces, TINs are rejected). Written for
 * speed (no stream objects, no copies): profiling showed {@code WKBReader}'s per-ordinate stream reads as
 * the top cost of reading a large GeoPackage. Not thread-safe; one instance per thread.
 */
final class WkbDecoder {
    private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final GeometryFactory GF = Geometries.FACTORY;
    private static final int MAX_DEPTH = 32;

    private byte[] b;
    private int pos;
    private int end;
    private boolean anyZ;

    /** True when the last decoded geometry had Z ordinates. */
    boolean hadZ() {
        return anyZ;
    }

    /**
     * Decodes the WKB in {@code bytes[offset, end)}.
     *
     * @throws GpkgGeometryDecoder.BadGeometryException when the bytes are not valid WKB
     */
    Geometry read(byte[] bytes, int offset, int end) throws GpkgGeometryDecoder.BadGeometryException {
        this.b = bytes;
        this.pos = offset;
        this.end = end;
        this.anyZ = false;
        try {
            return readGeometry(0, 0);
        } finally {
            this.b = null;
        }
    }

    private static GpkgGeometryDecoder.BadGeometryException bad(String why) {
        return new GpkgGeometryDecoder.BadGeometryException(why);
    }

    private void need(long bytes) throws GpkgGeometryDecoder.BadGeometryException {
        if (bytes > end - pos) {
            throw bad("WKB ends early (" + (end - pos) + " bytes left, " + bytes + " needed)");
        }
    }

    private int readInt(boolean le) {
        int v = le ? (int) INT_LE.get(b, pos) : (int) INT_BE.get(b, pos);
        pos += 4;
        return v;
    }

    private double readDouble(boolean le) {
        double v = le ? (double) DOUBLE_LE.get(b, pos) : (double) DOUBLE_BE.get(b, pos);
        pos += 8;
        return v;
    }

    /** A count field, checked against the bytes left given the minimum size of one item. */
    private int count(boolean le, int minItemBytes, String what) throws GpkgGeometryDecoder.BadGeometryException {
        need(4);
        int n = readInt(le);
        if (n < 0 || (long) n * minItemBytes > end - pos) {
            throw bad("WKB " + what + " count " + Integer.toUnsignedString(n) + " exceeds the blob");
        }
        return n;
    }

    /**
     * Reads one geometry.
     *
     * @param expected the required type for parts of a multi geometry (1..3), 0 for any
     */
    private Geometry readGeometry(int expected, int depth) throws GpkgGeometryDecoder.BadGeometryException {
        if (depth > MAX_DEPTH) {
            throw bad("WKB nests geometry collections too deeply");
        }
        need(5);
        byte order = b[pos++];
        if (order != 0 && order != 1) {
            throw bad("invalid WKB byte order " + order);
        }
        boolean le = order == 1;
        int raw = readInt(le);
        boolean z = (raw & 0x80000000) != 0;
        boolean m = (raw & 0x40000000) != 0;
        boolean srid = (raw & 0x20000000) != 0;
        int type = raw & 0x0FFFFFFF;
        if (type >= 1000) {
            int dims = type / 1000;
            type %= 1000;
            if (dims > 3) {
                throw bad("unknown WKB geometry type " + Integer.toUnsignedString(raw));
            }
            z |= dims == 1 || dims == 3;
            m |= dims == 2 || dims == 3;
        }
        if (srid) {
            need(4);
            pos += 4;
        }
        if (expected != 0 && type != expected) {
            throw bad("WKB multi geometry holds a part of type " + type + " where type " + expected + " belongs");
        }
        anyZ |= z;
        int dim = 2 + (z ? 1 : 0) + (m ? 1 : 0);
        switch (type) {
            case 1:
                return point(le, z, dim);
            case 2:
                return line(le, z, dim);
            case 3:
                return polygon(le, z, dim);
            case 4: {
                int n = count(le, 5, "point");
                Point[] parts = new Point[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = (Point) readGeometry(1, depth + 1);
                }
                return GF.createMultiPoint(parts);
            }
            case 5: {
                int n = count(le, 9, "line");
                LineString[] parts = new LineString[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = (LineString) readGeometry(2, depth + 1);
                }
                return GF.createMultiLineString(parts);
            }
            case 6: {
                int n = count(le, 9, "polygon");
                Polygon[] parts = new Polygon[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = (Polygon) readGeometry(3, depth + 1);
                }
                return GF.createMultiPolygon(parts);
            }
            case 7: {
                int n = count(le, 5, "geometry");
                Geometry[] parts = new Geometry[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = readGeometry(0, depth + 1);
                }
                return GF.createGeometryCollection(parts);
            }
            default:
                throw bad("unsupported WKB geometry type " + Integer.toUnsignedString(raw)
                        + " (only points, lines, polygons and their collections)");
        }
    }

    private Coordinate coordinate(boolean le, boolean z, int dim) {
        double x = readDouble(le);
        double y = readDouble(le);
        if (z) {
            double zz = readDouble(le);
            if (dim == 4) {
                pos += 8;
            }
            return new Coordinate(x, y, zz);
        }
        if (dim == 3) {
            pos += 8; // M
        }
        return new CoordinateXY(x, y);
    }

    private Point point(boolean le, boolean z, int dim) throws GpkgGeometryDecoder.BadGeometryException {
        need(8L * dim);
        Coordinate c = coordinate(le, z, dim);
        if (Double.isNaN(c.x) && Double.isNaN(c.y)) {
            return GF.createPoint();
        }
        return GF.createPoint(c);
    }

    /** A sequence of known dimension (saves JTS scanning every coordinate to find it). */
    private static CoordinateSequence sequence(Coordinate[] cs, boolean z) {
        return new CoordinateArraySequence(cs, z ? 3 : 2, 0);
    }

    private Coordinate[] coordinates(boolean le, boolean z, int dim) throws GpkgGeometryDecoder.BadGeometryException {
        int n = count(le, 8 * dim, "point");
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            cs[i] = coordinate(le, z, dim);
        }
        return cs;
    }

    private LineString line(boolean le, boolean z, int dim) throws GpkgGeometryDecoder.BadGeometryException {
        Coordinate[] cs = coordinates(le, z, dim);
        if (cs.length == 1) {
            cs = new Coordinate[] {cs[0], cs[0].copy()};
        }
        return GF.createLineString(sequence(cs, z));
    }

    private Polygon polygon(boolean le, boolean z, int dim) throws GpkgGeometryDecoder.BadGeometryException {
        int n = count(le, 4, "ring");
        if (n == 0) {
            return GF.createPolygon();
        }
        LinearRing shell = null;
        LinearRing[] holes = new LinearRing[n - 1];
        for (int i = 0; i < n; i++) {
            Coordinate[] cs = coordinates(le, z, dim);
            if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
                Coordinate[] closed = new Coordinate[cs.length + 1];
                System.arraycopy(cs, 0, closed, 0, cs.length);
                closed[cs.length] = cs[0].copy();
                cs = closed;
            }
            if (cs.length > 0 && cs.length < 4) {
                throw bad("polygon ring " + (i + 1) + " has " + cs.length + " points (at least 4 needed)");
            }
            LinearRing ring = GF.createLinearRing(sequence(cs, z));
            if (i == 0) {
                shell = ring;
            } else {
                holes[i - 1] = ring;
            }
        }
        return GF.createPolygon(shell, holes);
    }
}
