package io.siteplanner.gis.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Guesses the delimiter of a CSV file and finds its coordinate or WKT columns by name. */
final class CsvSniffer {
    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_LINES = 50;

    /** Latitude / y column names, most specific first (compared lower-case and trimmed). */
    static final List<String> Y_NAMES = List.of("latitude", "lat", "lat_dd", "lat (deg)", "latitude (deg)",
            "lat_deg", "latitude_deg", "y", "ycoord", "y_coord", "point_y", "coord_y", "y_coordinate");
    /** Longitude / x column names, most specific first. */
    static final List<String> X_NAMES = List.of("longitude", "lon", "lng", "long", "lon_dd", "lon (deg)",
            "long (deg)", "longitude (deg)", "lon_deg", "longitude_deg", "x", "xcoord", "x_coord", "point_x",
            "coord_x", "x_coordinate");
    /** WKT column names. */
    static final List<String> WKT_NAMES = List.of("wkt", "geom", "geometry", "the_geom", "wkt_geom",
            "geometry_wkt", "wkt_geometry", "shape_wkt");
    private static final String[] WKT_TYPES = {"POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
        "MULTIPOLYGON", "GEOMETRYCOLLECTION"};

    private CsvSniffer() {
    }

    /**
     * The delimiter among {@code , ; TAB |} whose count per line (outside quotes) over the first lines is
     * most consistent with the header line's count; ties go to the larger count, then to the order above
     * (TAB first when {@code preferTab}). Falls back to ',' (single column) when none occurs in the header.
     *
     * @param sample    the start of the file
     * @param truncated true when the sample stops before the end of the file (its last line is dropped)
     */
    static char delimiter(String sample, boolean truncated, boolean preferTab) {
        List<int[]> lines = new ArrayList<>();
        int[] cur = new int[CANDIDATES.length];
        boolean inQuote = false;
        boolean nonEmpty = false;
        int n = sample.length();
        for (int i = 0; i < n && lines.size() < MAX_LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                inQuote = !inQuote;
                nonEmpty = true;
            } else if (!inQuote && (c == '\n' || c == '\r')) {
                if (nonEmpty) {
                    lines.add(cur);
                }
                cur = new int[CANDIDATES.length];
                nonEmpty = false;
            } else {
                nonEmpty = true;
                if (!inQuote) {
                    for (int k = 0; k < CANDIDATES.length; k++) {
                        if (c == CANDIDATES[k]) {
                            cur[k]++;
                        }
                    }
                }
            }
        }
        if (nonEmpty && !truncated && lines.size() < MAX_LINES) {
            lines.add(cur);
        }
        if (lines.isEmpty()) {
            return preferTab ? '\t' : ',';
        }
        int best = -1;
        double bestRatio = -1;
        int bestCount = -1;
        int[] order = preferTab ? new int[] {2, 0, 1, 3} : new int[] {0, 1, 2, 3};
        for (int k : order) {
            int h = lines.get(0)[k];
            if (h == 0) {
                continue;
            }
            int same = 0;
            for (int l = 1; l < lines.size(); l++) {
                if (lines.get(l)[k] == h) {
                    same++;
                }
            }
            double ratio = lines.size() == 1 ? 1 : (double) same / (lines.size() - 1);
            if (ratio > bestRatio + 1e-9 || (Math.abs(ratio - bestRatio) <= 1e-9 && h > bestCount)) {
                best = k;
                bestRatio = ratio;
                bestCount = h;
            }
        }
        if (best < 0) {
            return preferTab ? '\t' : ',';
        }
        return CANDIDATES[best];
    }

    /** Lower-case trimmed form used for name matching. */
    static String norm(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** Index of the first header whose normalised name equals one of {@code names} (in priority order). */
    static int findExact(List<String> header, List<String> names) {
        for (String want : names) {
            for (int i = 0; i < header.size(); i++) {
                if (norm(header.get(i)).equals(want)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of a header that starts with one of the prefixes followed by a non-letter ("lat_wgs84"). */
    static int findPrefix(List<String> header, String... prefixes) {
        for (String p : prefixes) {
            for (int i = 0; i < header.size(); i++) {
                String h = norm(header.get(i));
                if (h.startsWith(p) && h.length() > p.length() && !Character.isLetter(h.charAt(p.length()))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of a header equal to {@code name}: exact first, then ignoring case and blanks; -1 if none. */
    static int find(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i >= 0) {
            return i;
        }
        String n = norm(name);
        for (int k = 0; k < header.size(); k++) {
            if (norm(header.get(k)).equals(n)) {
                return k;
            }
        }
        return -1;
    }

    /** True when a trimmed value starts like WKT: a geometry keyword then '(', a blank, Z/M or EMPTY. */
    static boolean looksLikeWkt(char[] a, int s, int e) {
        for (String t : WKT_TYPES) {
            int len = t.length();
            if (e - s <= len) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < len; i++) {
                if (Character.toUpperCase(a[s + i]) != t.charAt(i)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                char next = Character.toUpperCase(a[s + len]);
                if (next == '(' || next == ' ' || next == 'Z' || next == 'M' || next == '\t') {
                    // "POINT" must not match the start of "POINTS"; MULTIPOINT etc. are listed separately
                    return true;
                }
            }
        }
        return false;
    }
}
