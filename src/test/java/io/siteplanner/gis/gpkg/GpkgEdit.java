package io.siteplanner.gis.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Test helper: edits a copy of a fixture over plain JDBC and builds GeoPackageBinary blobs by hand. */
final class GpkgEdit {
    private GpkgEdit() {
    }

    static Path copy(String fixture, Path dir) throws IOException {
        Path f = dir.resolve(fixture);
        Files.copy(TestFiles.fixture(fixture), f);
        return f;
    }

    static void sql(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    static void setBlob(Path file, String table, String column, long fid, byte[] blob) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE \"" + table + "\" SET \"" + column + "\" = ? WHERE fid = ?")) {
            ps.setBytes(1, blob);
            ps.setLong(2, fid);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no fid " + fid);
            }
        }
    }

    /**
     * A GeoPackageBinary blob: 'GP', version 0, flags (byte order of the header, envelope code, empty flag),
     * srs_id, envelope doubles, then the WKB.
     */
    static byte[] gp(boolean littleHeader, int envelopeCode, boolean empty, int srsId, double[] envelope,
            byte[] wkb) {
        ByteBuffer b = ByteBuffer.allocate(8 + envelope.length * 8 + wkb.length);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = (littleHeader ? 1 : 0) | (envelopeCode << 1) | (empty ? 0x10 : 0);
        b.put((byte) flags);
        b.order(littleHeader ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.putInt(srsId);
        for (double d : envelope) {
            b.putDouble(d);
        }
        b.put(wkb);
        return b.array();
    }

    /** WKB with a given type code and ordinate values (point: the ordinates; others: count + ordinates). */
    static byte[] wkb(boolean little, int type, Integer count, double... ordinates) {
        ByteBuffer b = ByteBuffer.allocate(5 + (count == null ? 0 : 4) + ordinates.length * 8);
        b.order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put((byte) (little ? 1 : 0));
        b.putInt(type);
        if (count != null) {
            b.putInt(count);
        }
        for (double d : ordinates) {
            b.putDouble(d);
        }
        return b.array();
    }
}
