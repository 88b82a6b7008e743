package io.siteplanner.gis;

/**
 * Limits that keep hostile or broken input from exhausting the stack or the heap. Each reader checks
 * them before the structure is parsed (or while it streams) and fails with a {@link LayerReadException}
 * naming the file and the limit. The same figures are listed in the README ("Limits").
 */
public final class Limits {
    /**
     * Deepest nesting accepted: JSON arrays/objects (GeoJSON), XML elements (KML), brackets of WKT (a
     * .prj, a GeoJSON {@code crs}, a CSV WKT column, {@code --crs}). Real files nest fewer than 15 levels.
     */
    public static final int MAX_NESTING = 100;
    /** Widest CSV accepted, in columns. */
    public static final int MAX_CSV_COLUMNS = 10_000;
    /** Longest CSV record accepted, in characters (a WKT cell of ~2 million coordinates). */
    public static final int MAX_CSV_RECORD_CHARS = 64 << 20;
    /** Longest text of one XML element (a KML description or coordinates), in characters. */
    public static final int MAX_XML_TEXT_CHARS = 64 << 20;
    /** Most bytes one zip entry (a zipped shapefile's part, a KMZ document) may unpack to. */
    public static final long MAX_ZIP_ENTRY_BYTES = 4L << 30;
    /** Compression ratio above which a zip entry larger than {@link #ZIP_RATIO_MIN_BYTES} is a zip bomb. */
    public static final long MAX_ZIP_RATIO = 500;
    /** Entries that unpack to less than this are not checked for their ratio. */
    public static final long ZIP_RATIO_MIN_BYTES = 8L << 20;
    /** Most image directories followed in a TIFF (pages, overviews and masks together). */
    public static final int MAX_TIFF_DIRECTORIES = 1024;
    /** Largest decoded strip or tile of a TIFF, in bytes (GeoTools decodes one at a time). */
    public static final long MAX_TIFF_BLOCK_BYTES = 256L << 20;

    private Limits() {
    }

    /**
     * Checks the bracket nesting of WKT text (CRS or geometry) before it reaches a recursive parser
     * (GeoTools' or JTS's). Brackets inside double-quoted names do not count. Linear time, no allocation.
     *
     * @return null when the text nests at most {@link #MAX_NESTING} levels, else the problem
     */
    public static String wktNestingProblem(CharSequence wkt) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0, n = wkt.length(); i < n; i++) {
            char c = wkt.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '[' || c == '(') {
                if (++depth > MAX_NESTING) {
                    return "WKT nests brackets more than " + MAX_NESTING + " levels deep (limit)";
                }
            } else if (c == ']' || c == ')') {
                depth--;
            }
        }
        return null;
    }
}
