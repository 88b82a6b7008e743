package io.siteplanner.gis.geotiff;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.Limits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A structural check of a TIFF (classic or BigTIFF) before GeoTools decodes it: the header and every
 * image directory of the chain (GeoTools reads them all, as overviews), that every strip or tile lies
 * inside the file, that the blocks cover the image size the directory claims, and that one block decodes
 * to at most {@link Limits#MAX_TIFF_BLOCK_BYTES}. GeoTools reads pixel data lazily and fills what is
 * missing in a truncated file with zeros, so without this check a cut download would load as a raster of
 * wrong values; and it follows a looping directory chain until the heap is exhausted (9-16 s, then
 * "Java heap space"): a loop, a directory past the end of the file, more than
 * {@link Limits#MAX_TIFF_DIRECTORIES} directories or an absurd size fail here in milliseconds. Also
 * reports whether the first image carries GeoTIFF georeferencing tags. Reads only the header, the
 * directories and the offset arrays.
 */
final class TiffStructure {
    static final int TAG_WIDTH = 256;
    static final int TAG_HEIGHT = 257;
    static final int TAG_STRIP_OFFSETS = 273;
    static final int TAG_STRIP_BYTE_COUNTS = 279;
    static final int TAG_TILE_OFFSETS = 324;
    static final int TAG_TILE_BYTE_COUNTS = 325;
    static final int TAG_MODEL_PIXEL_SCALE = 33550;
    static final int TAG_MODEL_TIEPOINT = 33922;
    static final int TAG_MODEL_TRANSFORMATION = 34264;
    static final int TAG_GEO_KEY_DIRECTORY = 34735;
    static final int TAG_BITS_PER_SAMPLE = 258;
    static final int TAG_SAMPLES_PER_PIXEL = 277;
    static final int TAG_ROWS_PER_STRIP = 278;
    static final int TAG_PLANAR_CONFIGURATION = 284;
    static final int TAG_TILE_WIDTH = 322;
    static final int TAG_TILE_LENGTH = 323;
    private static final int MAX_ENTRIES = 4096;
    private static final int MAX_SAMPLES = 1 << 16;

    /** True when the first 4 bytes are a TIFF or BigTIFF signature in either byte order. */
    static boolean isTiffMagic(byte[] b) {
        if (b.length < 4) {
            return false;
        }
        boolean ii = b[0] == 'I' && b[1] == 'I' && b[3] == 0 && (b[2] == 42 || b[2] == 43);
        boolean mm = b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43);
        return ii || mm;
    }

    final long width;
    final long height;
    final boolean big;
    /** The image has a tie point or a transformation matrix (it can be placed on the map). */
    final boolean hasGeoTransform;
    /** The image has a GeoKeyDirectory (its CRS is described). */
    final boolean hasGeoKeys;

    private TiffStructure(long width, long height, boolean big, boolean hasGeoTransform, boolean hasGeoKeys) {
        this.width = width;
        this.height = height;
        this.big = big;
        this.hasGeoTransform = hasGeoTransform;
        this.hasGeoKeys = hasGeoKeys;
    }

    /**
     * Checks the file.
     *
     * @throws LayerReadException naming what is broken (not a TIFF, truncated, corrupt directory)
     */
    static TiffStructure check(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Checker(file, ch).run();
        }
    }

    private static final class Checker {
        private final Path file;
        private final FileChannel ch;
        private final long size;
        private ByteOrder order;
        private boolean big;

        Checker(Path file, FileChannel ch) throws IOException {
            this.file = file;
            this.ch = ch;
            this.size = ch.size();
        }

        private LayerReadException fail(String problem) {
            return new LayerReadException(file, problem);
        }

        private ByteBuffer read(long pos, int len, String what) throws IOException {
            if (pos < 0 || len < 0 || pos + len > size) {
                throw fail("truncated or corrupt TIFF: " + what + " at byte " + pos + " (" + len
                        + " bytes) lies beyond the end of the file (" + size + " bytes)");
            }
            ByteBuffer b = ByteBuffer.allocate(len).order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) < 0) {
                    throw fail("truncated TIFF: unexpected end of file reading " + what);
                }
            }
            b.flip();
            return b;
        }

        TiffStructure run() throws IOException {
            if (size < 8) {
                throw fail("not a TIFF file: only " + size + " bytes");
            }
            ByteBuffer h = read(0, (int) Math.min(16, size), "header");
            byte b0 = h.get(0);
            byte b1 = h.get(1);
            if (b0 == 'I' && b1 == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (b0 == 'M' && b1 == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw fail("not a TIFF file (no II/MM byte-order mark)");
            }
            h.order(order);
            int magic = h.getShort(2) & 0xFFFF;
            long ifd;
            if (magic == 42) {
                ifd = h.getInt(4) & 0xFFFFFFFFL;
            } else if (magic == 43) {
                big = true;
                if (size < 16 || (h.getShort(4) & 0xFFFF) != 8) {
                    throw fail("corrupt BigTIFF header");
                }
                ifd = h.getLong(8);
            } else {
                throw fail("not a TIFF file (version " + magic + ", expected 42 or 43)");
            }
            TiffStructure first = null;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            int index = 0;
            while (ifd != 0) {
                index++;
                String which = index == 1 ? "the first image directory" : "image directory " + index;
                if (ifd < 8 || ifd >= size) {
                    throw fail("truncated or corrupt TIFF: " + which + " starts at byte " + ifd
                            + ", outside the file (" + size + " bytes)");
                }
                if (!seen.add(ifd)) {
                    throw fail("corrupt TIFF: image directory " + (index - 1) + " links back to an earlier one"
                            + " (the directory chain loops)");
                }
                if (index > Limits.MAX_TIFF_DIRECTORIES) {
                    throw fail("corrupt TIFF: more than " + Limits.MAX_TIFF_DIRECTORIES
                            + " image directories (limit)");
                }
                long[] next = new long[1];
                TiffStructure d = directory(ifd, which, next);
                if (first == null) {
                    first = d;
                }
                ifd = next[0];
            }
            return first;
        }

        /** Checks one directory; {@code next[0]} receives the offset of the next one (0 = none). */
        private TiffStructure directory(long ifd, String which, long[] next) throws IOException {
            int countSize = big ? 8 : 2;
            int entrySize = big ? 20 : 12;
            ByteBuffer c = read(ifd, countSize, which);
            long n = big ? c.getLong(0) : c.getShort(0) & 0xFFFF;
            if (n <= 0 || n > MAX_ENTRIES) {
                throw fail("corrupt TIFF: " + which + " claims " + n + " entries");
            }
            ByteBuffer e = read(ifd + countSize, (int) (n * entrySize), which + " entries");
            ByteBuffer nx = read(ifd + countSize + n * entrySize, big ? 8 : 4, which + " link");
            next[0] = big ? nx.getLong(0) : nx.getInt(0) & 0xFFFFFFFFL;
            long width = -1;
            long height = -1;
            long rowsPerStrip = -1;
            long tileWidth = -1;
            long tileLength = -1;
            long samples = 1;
            long bits = 1;
            long planar = 1;
            long[] stripOffsets = null;
            long[] stripCounts = null;
            long[] tileOffsets = null;
            long[] tileCounts = null;
            boolean geoTransform = false;
            boolean geoKeys = false;
            for (int i = 0; i < n; i++) {
                int base = i * entrySize;
                int tag = e.getShort(base) & 0xFFFF;
                int type = e.getShort(base + 2) & 0xFFFF;
                long count = big ? e.getLong(base + 4) : e.getInt(base + 4) & 0xFFFFFFFFL;
                int valuePos = base + (big ? 12 : 8);
                switch (tag) {
                    case TAG_WIDTH:
                        width = scalar(e, type, valuePos, "image width");
                        break;
                    case TAG_HEIGHT:
                        height = scalar(e, type, valuePos, "image height");
                        break;
                    case TAG_BITS_PER_SAMPLE:
                        for (long b : array(e, type, count, valuePos, "bits per sample")) {
                            bits = Math.max(bits, b);
                        }
                        break;
                    case TAG_SAMPLES_PER_PIXEL:
                        samples = scalar(e, type, valuePos, "samples per pixel");
                        break;
                    case TAG_ROWS_PER_STRIP:
                        rowsPerStrip = scalar(e, type, valuePos, "rows per strip");
                        break;
                    case TAG_PLANAR_CONFIGURATION:
                        planar = scalar(e, type, valuePos, "planar configuration");
                        break;
                    case TAG_TILE_WIDTH:
                        tileWidth = scalar(e, type, valuePos, "tile width");
                        break;
                    case TAG_TILE_LENGTH:
                        tileLength = scalar(e, type, valuePos, "tile length");
                        break;
                    case TAG_STRIP_OFFSETS:
                        stripOffsets = array(e, type, count, valuePos, "strip offsets");
                        break;
                    case TAG_STRIP_BYTE_COUNTS:
                        stripCounts = array(e, type, count, valuePos, "strip byte counts");
                        break;
                    case TAG_TILE_OFFSETS:
                        tileOffsets = array(e, type, count, valuePos, "tile offsets");
                        break;
                    case TAG_TILE_BYTE_COUNTS:
                        tileCounts = array(e, type, count, valuePos, "tile byte counts");
                        break;
                    case TAG_MODEL_TIEPOINT:
                    case TAG_MODEL_TRANSFORMATION:
                        geoTransform = true;
                        break;
                    case TAG_GEO_KEY_DIRECTORY:
                        geoKeys = true;
                        break;
                    default:
                        break;
                }
            }
            if (width <= 0 || height <= 0) {
                throw fail("corrupt TIFF: image width/height missing or zero in " + which);
            }
            if (samples < 1 || samples > MAX_SAMPLES || bits < 1 || bits > 64) {
                throw fail("corrupt TIFF: " + which + " claims " + samples + " samples of " + bits + " bits per pixel");
            }
            long planes = planar == 2 ? samples : 1;
            long bytesPerPixel = (planar == 2 ? bits + 7 : samples * bits + 7) / 8;
            if (tileOffsets != null) {
                if (tileWidth <= 0 || tileLength <= 0) {
                    throw fail("corrupt TIFF: " + which + " has tile offsets but no tile size");
                }
                checkLayout(which, "tile", tileWidth * tileLength, bytesPerPixel,
                        ceilDiv(width, tileWidth) * ceilDiv(height, tileLength) * planes, width, height, tileOffsets);
                checkBlocks(tileOffsets, tileCounts, "tile");
            } else if (stripOffsets != null) {
                long rps = rowsPerStrip <= 0 || rowsPerStrip > height ? height : rowsPerStrip;
                checkLayout(which, "strip", width * rps, bytesPerPixel, ceilDiv(height, rps) * planes, width, height,
                        stripOffsets);
                checkBlocks(stripOffsets, stripCounts, "strip");
            } else {
                throw fail("corrupt TIFF: the image has neither strip nor tile offsets");
            }
            return new TiffStructure(width, height, big, geoTransform, geoKeys);
        }

        /**
         * The blocks (strips or tiles) must cover the image, and one block must decode to at most
         * {@link Limits#MAX_TIFF_BLOCK_BYTES}: a directory claiming a huge size with a few blocks would
         * otherwise make GeoTools allocate the claimed size.
         */
        private void checkLayout(String which, String kind, long pixelsPerBlock, long bytesPerPixel, long needed,
                long width, long height, long[] offsets) throws LayerReadException {
            if (pixelsPerBlock <= 0 || pixelsPerBlock > Limits.MAX_TIFF_BLOCK_BYTES / bytesPerPixel) {
                throw fail("corrupt TIFF: one " + kind + " of " + which + " would decode to more than "
                        + (Limits.MAX_TIFF_BLOCK_BYTES >> 20) + " MB (limit; the image claims " + width + " x "
                        + height + " pixels)");
            }
            if (offsets.length < needed) {
                throw fail("corrupt TIFF: " + which + " lists " + offsets.length + " " + kind + "(s) but a " + width
                        + " x " + height + " image needs " + needed + " (wrong image size?)");
            }
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }

        private void checkBlocks(long[] offsets, long[] counts, String kind) throws LayerReadException {
            if (counts == null || counts.length != offsets.length) {
                throw fail("corrupt TIFF: " + offsets.length + " " + kind + " offsets but "
                        + (counts == null ? "no" : Integer.toString(counts.length)) + " " + kind + " byte counts");
            }
            for (int i = 0; i < offsets.length; i++) {
                if (counts[i] == 0) {
                    continue; // sparse block: readers fill it with no-data
                }
                long end = offsets[i] + counts[i];
                if (offsets[i] < 0 || end > size) {
                    throw fail("truncated TIFF: the pixel data of " + kind + " " + (i + 1) + " of " + offsets.length
                            + " ends at byte " + end + " but the file has only " + size
                            + " bytes (incomplete download or copy?)");
                }
            }
        }

        private long scalar(ByteBuffer e, int type, int pos, String what) throws LayerReadException {
            switch (type) {
                case 3:
                    return e.getShort(pos) & 0xFFFF;
                case 4:
                    return e.getInt(pos) & 0xFFFFFFFFL;
                case 16:
                    return big ? e.getLong(pos) : -1;
                default:
                    throw fail("corrupt TIFF: unexpected field type " + type + " for the " + what);
            }
        }

        private long[] array(ByteBuffer e, int type, long count, int pos, String what) throws IOException {
            int unit = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : -1;
            if (unit < 0) {
                throw fail("corrupt TIFF: unexpected field type " + type + " for the " + what);
            }
            if (count <= 0 || count * unit > size) {
                throw fail("corrupt TIFF: " + count + " " + what + " cannot fit in a file of " + size + " bytes");
            }
            int inline = big ? 8 : 4;
            ByteBuffer src;
            int start;
            if (count * unit <= inline) {
                src = e;
                start = pos;
            } else {
                long off = big ? e.getLong(pos) : e.getInt(pos) & 0xFFFFFFFFL;
                src = read(off, (int) (count * unit), what);
                start = 0;
            }
            long[] out = new long[(int) count];
            for (int i = 0; i < count; i++) {
                int p = start + i * unit;
                out[i] = unit == 2 ? src.getShort(p) & 0xFFFF : unit == 4 ? src.getInt(p) & 0xFFFFFFFFL : src.getLong(p);
            }
            return out;
        }
    }
}
