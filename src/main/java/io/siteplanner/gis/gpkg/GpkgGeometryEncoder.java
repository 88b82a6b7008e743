package io.siteplanner.gis.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Encodes JTS geometries as GeoPackage binary geometry (OGC 12-128r18, 2.1.3): the header {@code 'G' 'P'},
 * version 0, flags (little-endian, xy envelope, empty bit), srs_id and envelope, followed by ISO WKB in
 * little-endian byte order. Z is written with ISO type codes (1001..1007) when requested; M is never
 * written. Empty geometries get the empty flag and no envelope (an empty point is written as
 * {@code POINT(NaN NaN)} as the standard asks). Not thread-safe (reuses a buffer); cheap to create.
 */
public final class GpkgGeometryEncoder {
    private final boolean z;
    private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

    /** An encoder writing 2D coordinates, or XYZ when {@code withZ} (missing Z values are written as NaN). */
    public GpkgGeometryEncoder(boolean withZ) {
        this.z = withZ;
    }

    /** The GeoPackage blob of a geometry (not null). */
    public byte[] encode(Geometry g, int srsId) {
        buf.clear();
        boolean empty = g.isEmpty();
        int flags = 0x01; // little-endian header values
        if (empty) {
            flags |= 0x10; // empty geometry, no envelope
        } else {
            flags |= 0x02; // envelope [minx, maxx, miny, maxy]
        }
        ensure(8 + 32);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) flags).putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            buf.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        wkb(g);
        byte[] out = new byte[buf.position()];
        buf.flip();
        buf.get(out);
        return out;
    }

    private void ensure(int more) {
        if (buf.remaining() < more) {
            int cap = Math.max(buf.capacity() * 2, buf.position() + more + 1024);
            ByteBuffer b = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            b.put(buf);
            buf = b;
        }
    }

    private void header(int type) {
        ensure(5);
        buf.put((byte) 1).putInt(z ? type + 1000 : type);
    }

    private void wkb(Geometry g) {
        if (g instanceof Point) {
            header(1);
            Point p = (Point) g;
            if (p.isEmpty()) {
                ensure(z ? 24 : 16);
                buf.putDouble(Double.NaN).putDouble(Double.NaN);
                if (z) {
                    buf.putDouble(Double.NaN);
                }
            } else {
                coords(p.getCoordinateSequence(), false);
            }
        } else if (g instanceof LineString) {
            header(2);
            coords(((LineString) g).getCoordinateSequence(), true);
        } else if (g instanceof Polygon) {
            header(3);
            Polygon p = (Polygon) g;
            if (p.isEmpty()) {
                ensure(4);
                buf.putInt(0);
                return;
            }
            ensure(4);
            buf.putInt(1 + p.getNumInteriorRing());
            coords(p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                coords(p.getInteriorRingN(i).getCoordinateSequence(), true);
            }
        } else if (g instanceof GeometryCollection) {
            int type = g instanceof MultiPoint ? 4 : g instanceof MultiLineString ? 5 : g instanceof MultiPolygon ? 6 : 7;
            header(type);
            ensure(4);
            buf.putInt(g.getNumGeometries());
            for (int i = 0; i < g.getNumGeometries(); i++) {
                wkb(g.getGeometryN(i));
            }
        } else {
            throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
        }
    }

    private void coords(CoordinateSequence cs, boolean counted) {
        int n = cs.size();
        int per = z ? 24 : 16;
        ensure(4 + n * per);
        if (counted) {
            buf.putInt(n);
        }
        boolean hasZ = z && cs.hasZ();
        for (int i = 0; i < n; i++) {
            buf.putDouble(cs.getX(i)).putDouble(cs.getY(i));
            if (z) {
                buf.putDouble(hasZ ? cs.getZ(i) : Double.NaN);
            }
        }
    }
}
