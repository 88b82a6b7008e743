package io.siteplanner.gis.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The 100-byte header of a SQLite database file (https://www.sqlite.org/fileformat.html#the_database_header),
 * read without opening the database, so that non-SQLite, encrypted and truncated files are rejected before
 * the SQLite library sees them (and a missing file is never created).
 */
final class SqliteHeader {
    /** "SQLite format 3\0". */
    static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** GeoPackage application_id values at offset 68: "GPKG" (1.2+), "GP10", "GP11". */
    private static final int APP_GPKG = 0x47504B47;
    private static final int APP_GP10 = 0x47503130;
    private static final int APP_GP11 = 0x47503131;

    final long fileSize;
    final boolean sqlite;
    final int pageSize;
    /** Database size in pages from the header, or -1 when the header field is not valid. */
    final long pageCount;
    final int applicationId;
    /** True when the database is in WAL journal mode (file format versions 2). */
    final boolean wal;

    private SqliteHeader(long fileSize, boolean sqlite, int pageSize, long pageCount, int applicationId, boolean wal) {
        this.fileSize = fileSize;
        this.sqlite = sqlite;
        this.pageSize = pageSize;
        this.pageCount = pageCount;
        this.applicationId = applicationId;
        this.wal = wal;
    }

    static SqliteHeader read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(100);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill
            }
            buf.flip();
            if (buf.remaining() < MAGIC.length) {
                return new SqliteHeader(size, false, 0, -1, 0, false);
            }
            for (byte b : MAGIC) {
                if (buf.get() != b) {
                    return new SqliteHeader(size, false, 0, -1, 0, false);
                }
            }
            if (buf.limit() < 100) {
                return new SqliteHeader(size, true, 0, -1, 0, false);
            }
            int ps = buf.getShort(16) & 0xFFFF;
            if (ps == 1) {
                ps = 65536;
            }
            long changeCounter = buf.getInt(24) & 0xFFFFFFFFL;
            long pages = buf.getInt(28) & 0xFFFFFFFFL;
            long validFor = buf.getInt(92) & 0xFFFFFFFFL;
            int appId = buf.getInt(68);
            boolean wal = buf.get(18) == 2 && buf.get(19) == 2;
            return new SqliteHeader(size, true, ps, pages != 0 && changeCounter == validFor ? pages : -1, appId, wal);
        }
    }

    /** True when the file starts with the SQLite magic string. */
    static boolean isSqlite(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 100) {
            return false;
        }
        return read(file).sqlite;
    }

    boolean validPageSize() {
        return pageSize >= 512 && pageSize <= 65536 && Integer.bitCount(pageSize) == 1;
    }

    /** Bytes the header says the database has, or -1 when unknown. */
    long expectedSize() {
        return pageCount < 0 || !validPageSize() ? -1 : pageCount * pageSize;
    }

    boolean gpkgApplicationId() {
        return applicationId == APP_GPKG || applicationId == APP_GP10 || applicationId == APP_GP11;
    }
}
