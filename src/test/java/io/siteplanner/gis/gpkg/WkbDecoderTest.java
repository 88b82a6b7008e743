package io.siteplanner.gis.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.VectorLayer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The WKB decoder against JTS's writer on real geometries, and on malformed input. */
class WkbDecoderTest {
    private final WkbDecoder decoder = new WkbDecoder();

    private Geometry decode(byte[] wkb) throws Exception {
        return decoder.read(wkb, 0, wkb.length);
    }

    @Test
    void roundTripsRealPolygonsWithHolesInBothByteOrders() throws Exception {
        VectorLayer l = FormatRegistry.standard().readVector(
                TestFiles.real("utility_territories_hifld_in.geojson"), io.siteplanner.gis.ReadOptions.DEFAULT,
                io.siteplanner.model.Progress.NONE);
        WKBWriter big = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN, true);
        WKBWriter little = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        for (Feature f : l.features()) {
            Geometry g = f.geometry();
            g.setSRID(4326);
            assertThat(decode(big.write(g)).equalsExact(g)).isTrue();
            assertThat(decode(little.write(g)).equalsExact(g)).isTrue();
            assertThat(decoder.hadZ()).isFalse();
        }
    }

    @Test
    void roundTripsZGeometriesIncludingCollections() throws Exception {
        Geometry gc = new WKTReader(Geometries.FACTORY).read("GEOMETRYCOLLECTION Z (POINT Z (-90.035 32.612 63),"
                + " LINESTRING Z (-90.035 32.612 63, -90 32.6 60), MULTIPOLYGON Z (((0 0 1, 1 0 2, 1 1 3, 0 0 1)),"
                + " ((5 5 1, 6 5 2, 6 6 3, 5 5 1), (5.2 5.1 0, 5.8 5.1 0, 5.8 5.5 0, 5.2 5.1 0))),"
                + " GEOMETRYCOLLECTION Z (MULTIPOINT Z ((1 2 3), (4 5 6))))");
        Geometry back = decode(new WKBWriter(3, ByteOrderValues.LITTLE_ENDIAN).write(gc));
        assertThat(decoder.hadZ()).isTrue();
        assertThat(back.equalsExact(gc)).isTrue();
        assertThat(back.getGeometryN(2).getGeometryN(1).getCoordinates()[6].getZ()).isEqualTo(0);
        assertThat(back.getGeometryN(3).getGeometryN(0).getGeometryN(1).getCoordinate().getZ()).isEqualTo(6);
    }

    @Test
    void mixedByteOrdersInsideAMultiGeometry() throws Exception {
        byte[] p1 = GpkgEdit.wkb(true, 1, null, 1, 2);
        byte[] p2 = GpkgEdit.wkb(false, 1, null, 3, 4);
        ByteBuffer b = ByteBuffer.allocate(9 + p1.length + p2.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0).putInt(4).putInt(2).put(p1).put(p2);
        Geometry mp = decode(b.array());
        assertThat(mp.toText()).isEqualTo("MULTIPOINT ((1 2), (3 4))");
    }

    @Test
    void closesUnclosedRingsAndDoublesSinglePointLines() throws Exception {
        Polygon p = (Polygon) decode(concat(GpkgEdit.wkb(true, 3, 1), ints(true, 3), doubles(true, 0, 0, 1, 0, 1, 1)));
        assertThat(p.getExteriorRing().getNumPoints()).isEqualTo(4);
        assertThat(p.getExteriorRing().isClosed()).isTrue();
        LineString one = (LineString) decode(GpkgEdit.wkb(true, 2, 1, 7, 8));
        assertThat(one.getNumPoints()).isEqualTo(2);
    }

    @Test
    void rejectsMalformedWkbQuickly() {
        // a count of two billion points in a 13-byte blob
        assertThatThrownBy(() -> decode(GpkgEdit.wkb(true, 2, 2_000_000_000)))
                .hasMessageContaining("count 2000000000 exceeds the blob");
        // a polygon ring of two points
        assertThatThrownBy(() -> decode(concat(GpkgEdit.wkb(true, 3, 1), ints(true, 2), doubles(true, 0, 0, 1, 1))))
                .hasMessageContaining("ring 1 has 3 points");
        // a curve type
        assertThatThrownBy(() -> decode(GpkgEdit.wkb(true, 9, 0))).hasMessageContaining("unsupported WKB geometry type 9");
        // a line inside a multipoint
        assertThatThrownBy(() -> decode(concat(GpkgEdit.wkb(true, 4, 1), GpkgEdit.wkb(true, 2, 0))))
                .hasMessageContaining("part of type 2");
        // cut in the middle of a coordinate
        byte[] point = GpkgEdit.wkb(false, 1, null, 1, 2);
        assertThatThrownBy(() -> decoder.read(point, 0, point.length - 3)).hasMessageContaining("WKB ends early");
        assertThatThrownBy(() -> decode(new byte[] {7, 1, 0, 0, 0})).hasMessageContaining("byte order 7");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static byte[] ints(boolean little, int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        for (int i : v) {
            b.putInt(i);
        }
        return b.array();
    }

    private static byte[] doubles(boolean little, double... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }
}
