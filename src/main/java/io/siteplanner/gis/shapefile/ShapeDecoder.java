package io.siteplanner.gis.shapefile;

import io.siteplanner.model.Geometries;
import java.nio.ByteBuffer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * Decodes the content of one .shp record (little-endian, after the 8-byte record header) into a JTS
 * geometry, following the ESRI Shapefile Technical Description (1998). Z values go into
 * {@link Coordinate#z}; M values are dropped. Not thread-safe (reuses scratch arrays).
 */
final class ShapeDecoder {
    static final String NAN = "NaN or infinite coordinates";
    static final String SHORT = "record content shorter than its points";
    static final String PART_INDEX = "part index out of range";
    static final String RING = "polygon ring with fewer than 4 points";
    static final String LINE_PART = "line part with fewer than 2 points";
    static final String OTHER_TYPE = "shape type differs from the file's";
    static final String UNKNOWN_TYPE = "unknown shape type";
    static final String UNCLOSED = "polygon ring not closed (closed by repeating its first point)";

    private static final BadRecord B_NAN = new BadRecord(NAN);
    private static final BadRecord B_SHORT = new BadRecord(SHORT);
    private static final BadRecord B_PART = new BadRecord(PART_INDEX);
    private static final BadRecord B_RING = new BadRecord(RING);
    private static final BadRecord B_LINE = new BadRecord(LINE_PART);
    private static final BadRecord B_OTHER = new BadRecord(OTHER_TYPE);
    private static final BadRecord B_UNKNOWN = new BadRecord(UNKNOWN_TYPE);

    private final ShapeType fileType;
    private final GeometryFactory gf = Geometries.FACTORY;
    private final RingAssembler assembler = new RingAssembler();
    private int[] parts = new int[16];
    private Coordinate[][] partCoords = new Coordinate[16][];
    /** Set by {@link #decode} when it closed an open ring of the record. */
    boolean closedRing;

    ShapeDecoder(ShapeType fileType) {
        this.fileType = fileType;
    }

    /**
     * The geometry of one record.
     *
     * @param b   little-endian buffer
     * @param off index of the record content (its shape type)
     * @param len content length in bytes
     * @return the geometry, or null for a null shape or a shape without points
     * @throws BadRecord when the record cannot be decoded
     */
    Geometry decode(ByteBuffer b, int off, int len) throws BadRecord {
        closedRing = false;
        if (len < 4) {
            throw B_SHORT;
        }
        int code = b.getInt(off);
        if (code == 0) {
            return null;
        }
        ShapeType t = ShapeType.of(code);
        if (t == null || t == ShapeType.MULTIPATCH) {
            throw B_UNKNOWN;
        }
        if (t.family != fileType.family) {
            throw B_OTHER;
        }
        switch (t.family) {
            case POINT:
                return point(b, off, len, t.hasZ);
            case MULTIPOINT:
                return multiPoint(b, off, len, t.hasZ);
            case LINE:
                return parts(b, off, len, t.hasZ, false);
            default:
                return parts(b, off, len, t.hasZ, true);
        }
    }

    private Geometry point(ByteBuffer b, int off, int len, boolean z) throws BadRecord {
        if (len < (z ? 28 : 20)) {
            throw B_SHORT;
        }
        double x = b.getDouble(off + 4);
        double y = b.getDouble(off + 12);
        if (!(x - x == 0.0) || !(y - y == 0.0)) {
            throw B_NAN;
        }
        Coordinate c = z ? new Coordinate(x, y, b.getDouble(off + 20)) : new Coordinate(x, y);
        return gf.createPoint(new CoordinateArraySequence(new Coordinate[] {c}, z ? 3 : 2, 0));
    }

    private Geometry multiPoint(ByteBuffer b, int off, int len, boolean z) throws BadRecord {
        if (len < 40) {
            throw B_SHORT;
        }
        int n = b.getInt(off + 36);
        long need = 40L + 16L * n + (z ? 16L + 8L * n : 0L);
        if (n < 0 || need > len) {
            throw B_SHORT;
        }
        if (n == 0) {
            return null;
        }
        int dim = z ? 3 : 2;
        int p = off + 40;
        int zp = p + 16 * n + 16;
        Point[] pts = new Point[n];
        for (int i = 0; i < n; i++, p += 16) {
            double x = b.getDouble(p);
            double y = b.getDouble(p + 8);
            if (!(x - x == 0.0) || !(y - y == 0.0)) {
                throw B_NAN;
            }
            Coordinate c = z ? new Coordinate(x, y, b.getDouble(zp + 8 * i)) : new Coordinate(x, y);
            pts[i] = gf.createPoint(new CoordinateArraySequence(new Coordinate[] {c}, dim, 0));
        }
        return gf.createMultiPoint(pts);
    }

    /** PolyLine and Polygon records (and their Z/M variants): same layout. */
    private Geometry parts(ByteBuffer b, int off, int len, boolean z, boolean polygon) throws BadRecord {
        if (len < 44) {
            throw B_SHORT;
        }
        int np = b.getInt(off + 36);
        int n = b.getInt(off + 40);
        if (np < 0 || n < 0) {
            throw B_SHORT;
        }
        long need = 44L + 4L * np + 16L * n + (z ? 16L + 8L * n : 0L);
        if (need > len) {
            throw B_SHORT;
        }
        if (np == 0 || n == 0) {
            return null;
        }
        if (parts.length < np + 1) {
            parts = new int[Math.max(np + 1, parts.length * 2)];
            partCoords = new Coordinate[parts.length][];
        }
        int prev = 0;
        for (int i = 0; i < np; i++) {
            int s = b.getInt(off + 44 + 4 * i);
            if (s < prev || s > n) {
                throw B_PART;
            }
            parts[i] = s;
            prev = s;
        }
        parts[np] = n;
        int base = off + 44 + 4 * np;
        int zbase = base + 16 * n + 16;
        int dim = z ? 3 : 2;
        int count = 0;
        for (int i = 0; i < np; i++) {
            int s = parts[i];
            int cnt = parts[i + 1] - s;
            if (cnt == 0) {
                continue;
            }
            int p = base + 16 * s;
            boolean close = false;
            if (polygon) {
                double x0 = b.getDouble(p);
                double y0 = b.getDouble(p + 8);
                int q = p + 16 * (cnt - 1);
                close = cnt < 2 || x0 != b.getDouble(q) || y0 != b.getDouble(q + 8);
            }
            int size = close ? cnt + 1 : cnt;
            Coordinate[] cs = new Coordinate[size];
            for (int k = 0; k < cnt; k++, p += 16) {
                double x = b.getDouble(p);
                double y = b.getDouble(p + 8);
                if (!(x - x == 0.0) || !(y - y == 0.0)) {
                    throw B_NAN;
                }
                cs[k] = z ? new Coordinate(x, y, b.getDouble(zbase + 8 * (s + k))) : new Coordinate(x, y);
            }
            if (close) {
                cs[cnt] = cs[0].copy();
                closedRing = true;
            }
            if (polygon ? size < 4 : size < 2) {
                throw polygon ? B_RING : B_LINE;
            }
            partCoords[count++] = cs;
        }
        if (count == 0) {
            return null;
        }
        Geometry g;
        if (polygon) {
            g = assembler.assemble(partCoords, count, dim);
        } else if (count == 1) {
            g = gf.createLineString(new CoordinateArraySequence(partCoords[0], dim, 0));
        } else {
            LineString[] lines = new LineString[count];
            for (int i = 0; i < count; i++) {
                lines[i] = gf.createLineString(new CoordinateArraySequence(partCoords[i], dim, 0));
            }
            g = gf.createMultiLineString(lines);
        }
        for (int i = 0; i < count; i++) {
            partCoords[i] = null;
        }
        return g;
    }
}
