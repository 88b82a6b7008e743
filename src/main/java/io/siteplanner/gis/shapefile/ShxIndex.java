package io.siteplanner.gis.shapefile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The .shx index: for record i, the byte offset and content length of its record in the .shp. Records are
 * read through the index because editors may leave unused space or move records in the .shp. A damaged
 * index (bad header) is reported by {@link #problem()} and not used.
 */
final class ShxIndex implements Closeable {
    private final FileWindow win;
    private final long count;
    private final String problem;

    private ShxIndex(FileWindow win, long count, String problem) {
        this.win = win;
        this.count = count;
        this.problem = problem;
    }

    static ShxIndex open(Path file, String name) throws IOException {
        FileWindow w = new FileWindow(file);
        long size = w.size();
        if (size < 100 || w.fetch(0, 100) < 0) {
            return new ShxIndex(w, 0, name + " is damaged (" + size + " bytes, shorter than its header)");
        }
        int code = Integer.reverseBytes(w.buffer().getInt(0));
        if (code != 9994) {
            return new ShxIndex(w, 0, name + " is damaged (bad file code " + code + ")");
        }
        return new ShxIndex(w, (size - 100) / 8, null);
    }

    boolean usable() {
        return problem == null;
    }

    /** Why the index is not used, or null. */
    String problem() {
        return problem;
    }

    long count() {
        return count;
    }

    /** Byte offset of record {@code i} (0-based) in the .shp. */
    long offset(int i) throws IOException {
        int q = win.fetch(100 + 8L * i, 8);
        return (Integer.reverseBytes(win.buffer().getInt(q)) & 0xFFFFFFFFL) * 2;
    }

    /** Content length in bytes of record {@code i} (without the 8-byte record header). */
    long length(int i) throws IOException {
        int q = win.fetch(100 + 8L * i, 8);
        return (Integer.reverseBytes(win.buffer().getInt(q + 4)) & 0xFFFFFFFFL) * 2;
    }

    @Override
    public void close() throws IOException {
        win.close();
    }
}
