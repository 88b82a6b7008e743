package io.siteplanner.gis.shapefile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sliding read window over a file: {@link #fetch} makes a byte range available in one little-endian
 * heap buffer, reading ahead in large blocks so that sequential record access costs one positional read
 * per block. Plain reads instead of a memory mapping, so files can be deleted right after closing (a
 * mapped file stays locked on Windows until the mapping is garbage-collected).
 */
final class FileWindow implements Closeable {
    /** Default read-ahead block. */
    static final int BLOCK = 1 << 20;
    /** Larger single ranges are refused (a corrupt length must not allocate gigabytes). */
    static final int MAX_RANGE = 1 << 29;

    private final FileChannel channel;
    private final long size;
    private ByteBuffer buf;
    private long start;
    private int filled;

    FileWindow(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.buf = ByteBuffer.allocate((int) Math.min(BLOCK, Math.max(size, 64))).order(ByteOrder.LITTLE_ENDIAN);
    }

    long size() {
        return size;
    }

    /** The buffer that {@link #fetch} indexes into; valid until the next fetch. Little-endian. */
    ByteBuffer buffer() {
        return buf;
    }

    /** The buffer's backing array (same content as {@link #buffer()}). */
    byte[] array() {
        return buf.array();
    }

    /**
     * Makes bytes {@code [pos, pos + len)} available in {@link #buffer()}.
     *
     * @return the buffer index of {@code pos}, or -1 when the file ends before {@code pos + len} or the
     *         range is larger than {@link #MAX_RANGE}
     */
    int fetch(long pos, int len) throws IOException {
        if (pos < 0 || len < 0) {
            return -1;
        }
        if (pos >= start && pos + len <= start + filled) {
            return (int) (pos - start);
        }
        if (pos + len > size || len > MAX_RANGE) {
            return -1;
        }
        if (len > buf.capacity()) {
            int cap = (int) Math.min(Math.max((long) len, 2L * buf.capacity()), MAX_RANGE);
            buf = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
        }
        int want = (int) Math.min(buf.capacity(), size - pos);
        buf.clear();
        buf.limit(want);
        long p = pos;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, p);
            if (r < 0) {
                break;
            }
            p += r;
        }
        start = pos;
        filled = buf.position();
        buf.clear();
        return filled >= len ? 0 : -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
