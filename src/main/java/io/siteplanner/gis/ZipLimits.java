package io.siteplanner.gis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;

/**
 * Zip-bomb guards shared by the readers of zipped shapefiles and KMZ: an entry is refused before reading
 * when its declared size exceeds {@link Limits#MAX_ZIP_ENTRY_BYTES} or its declared compression ratio
 * exceeds {@link Limits#MAX_ZIP_RATIO} (for entries above {@link Limits#ZIP_RATIO_MIN_BYTES}); while it
 * is read, the bytes actually inflated are counted against the same limits and against a budget shared
 * by all entries of one read, whatever the header said. The compressed size used is the one of the
 * central directory, which {@link java.util.zip.ZipFile} also uses to bound the compressed input, so it
 * cannot lie in the bomb's favour.
 */
public final class ZipLimits {
    private ZipLimits() {
    }

    /** Bytes left to inflate in one read (all entries together). Not thread-safe. */
    public static final class Budget {
        private long left;
        private final long total;

        public Budget(long total) {
            this.total = total;
            this.left = total;
        }
    }

    /** The problem with an entry's declared sizes, or null. Entry names are shown shortened. */
    public static String declaredProblem(ZipEntry e) {
        long size = e.getSize();
        long packed = e.getCompressedSize();
        String name = Snippets.token(e.getName(), 40);
        if (size > Limits.MAX_ZIP_ENTRY_BYTES) {
            return "zip entry " + name + " would unpack to " + size + " bytes, more than the "
                    + (Limits.MAX_ZIP_ENTRY_BYTES >> 20) + " MB limit";
        }
        if (size > Limits.ZIP_RATIO_MIN_BYTES && packed > 0 && size / packed > Limits.MAX_ZIP_RATIO) {
            return "zip entry " + name + " is compressed " + (size / packed) + ":1 (" + size + " bytes from "
                    + packed + "); refusing it as a likely zip bomb";
        }
        return null;
    }

    /**
     * The entry's stream, failing with a {@link LayerReadException} for {@code file} as soon as it inflates
     * past a limit or past the budget.
     */
    public static InputStream bounded(Path file, ZipEntry e, InputStream in, Budget budget) {
        return new Bounded(file, e, in, budget);
    }

    private static final class Bounded extends FilterInputStream {
        private final Path file;
        private final String name;
        private final long packed;
        private final Budget budget;
        private long count;

        Bounded(Path file, ZipEntry e, InputStream in, Budget budget) {
            super(in);
            this.file = file;
            this.name = Snippets.token(e.getName(), 40);
            this.packed = e.getCompressedSize();
            this.budget = budget;
        }

        private void add(long n) throws LayerReadException {
            count += n;
            budget.left -= n;
            if (count > Limits.MAX_ZIP_ENTRY_BYTES) {
                throw new LayerReadException(file, "zip entry " + name + " unpacks to more than "
                        + (Limits.MAX_ZIP_ENTRY_BYTES >> 20) + " MB; refusing it as a likely zip bomb");
            }
            if (count > Limits.ZIP_RATIO_MIN_BYTES && packed > 0 && count / packed > Limits.MAX_ZIP_RATIO) {
                throw new LayerReadException(file, "zip entry " + name + " unpacks at more than "
                        + Limits.MAX_ZIP_RATIO + ":1 (" + count + " bytes from " + packed
                        + " so far); refusing it as a likely zip bomb");
            }
            if (budget.left < 0) {
                throw new LayerReadException(file, "the archive unpacks to more than " + (budget.total >> 20)
                        + " MB in all; refusing it as a likely zip bomb");
            }
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                add(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            if (k > 0) {
                add(k);
            }
            return k;
        }
    }
}
