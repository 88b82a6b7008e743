package io.siteplanner.gis.kml;

import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.kml.KmlGeometry.BadGeometry;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;

/**
 * Parses the text of KML {@code <coordinates>}: tuples {@code lon,lat[,alt]} separated by whitespace
 * (spaces, tabs, line breaks). Like libkml (GDAL's default KML reader), blanks next to a comma do not
 * end a tuple, so {@code "1, 2, 3   4 ,5,6"} is two tuples. Values must be plain decimal numbers
 * (exponents allowed); anything else, a tuple with one value or with more than three, or an empty value
 * between commas, is a {@link BadGeometry} naming the line and the offending text.
 */
final class KmlCoordinates {
    private KmlCoordinates() {
    }

    static Coordinate[] parse(String s, int line) throws BadGeometry {
        int n = s.length();
        Coordinate[] out = new Coordinate[Math.max(4, n / 20)];
        int count = 0;
        double[] v = new double[3];
        int i = 0;
        while (true) {
            while (i < n && isBlank(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int tupleStart = i;
            int values = 0;
            while (true) {
                int end = i;
                while (end < n && !isBlank(s.charAt(end)) && s.charAt(end) != ',') {
                    end++;
                }
                if (end == i) {
                    throw new BadGeometry("line " + lineAt(s, i, line) + ": empty value in coordinates '" + excerpt(s, tupleStart)
                            + "'");
                }
                if (values == 3) {
                    throw new BadGeometry("line " + lineAt(s, i, line) + ": more than 3 values in coordinate tuple '"
                            + excerpt(s, tupleStart) + "'");
                }
                v[values++] = number(s, i, end, line);
                i = end;
                int j = i;
                while (j < n && isBlank(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) == ',') {
                    i = j + 1;
                    while (i < n && isBlank(s.charAt(i))) {
                        i++;
                    }
                    continue;
                }
                break;
            }
            if (values < 2) {
                throw new BadGeometry("line " + lineAt(s, tupleStart, line) + ": coordinate tuple '" + excerpt(s, tupleStart)
                        + "' has only one value; expected lon,lat[,alt]");
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, count * 2);
            }
            out[count++] = values == 3 ? new Coordinate(v[0], v[1], v[2]) : new Coordinate(v[0], v[1]);
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** gx:coord: "lon lat [alt]" separated by blanks. */
    static double[] parseSpaceSeparated(String s, int line) throws BadGeometry {
        double[] v = new double[3];
        int values = 0;
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (isBlank(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int end = i;
            while (end < n && !isBlank(s.charAt(end)) && s.charAt(end) != ',') {
                end++;
            }
            if (values == 3) {
                throw new BadGeometry("line " + line + ": more than 3 values in gx:coord '" + Snippets.token(s.trim()) + "'");
            }
            v[values++] = number(s, i, end, line);
            i = end;
        }
        if (values < 2) {
            throw new BadGeometry("line " + line + ": gx:coord '" + Snippets.token(s.trim()) + "' needs lon lat [alt]");
        }
        return values == 3 ? v : Arrays.copyOf(v, 2);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /**
     * A plain decimal number from {@code s[from, to)}. Up to 15 significant digits without exponent are
     * converted without allocation (an exact long over an exact power of ten is correctly rounded);
     * others go through {@link Double#parseDouble}.
     */
    private static double number(String s, int from, int to, int line) throws BadGeometry {
        int i = from;
        boolean neg = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            neg = s.charAt(i) == '-';
            i++;
        }
        int digits = 0;
        int significant = 0;
        int frac = -1;
        boolean exponent = false;
        boolean ok = i < to;
        long m = 0;
        for (; i < to && ok; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (!exponent) {
                    if (m != 0 || c != '0') {
                        significant++;
                    }
                    if (significant <= 15) {
                        m = m * 10 + (c - '0');
                        if (frac >= 0) {
                            frac++;
                        }
                    }
                }
            } else if (c == '.' && frac < 0 && !exponent) {
                frac = 0;
            } else if ((c == 'e' || c == 'E') && !exponent) {
                exponent = true;
                ok = digits > 0 && i + 1 < to;
                if (ok && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')) {
                    i++;
                    ok = i + 1 < to;
                }
            } else {
                ok = false;
            }
        }
        if (ok && digits > 0) {
            if (!exponent && significant <= 15 && frac < POW10.length) {
                double v = frac > 0 ? m / POW10[frac] : (double) m;
                return neg ? -v : v;
            }
            try {
                return Double.parseDouble(s.substring(from, to));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BadGeometry("line " + lineAt(s, from, line) + ": '" + excerpt(s.substring(from, to), 0)
                + "' is not a number");
    }

    /** The line of position {@code at} in text that starts on line {@code first}. */
    private static int lineAt(String s, int at, int first) {
        int line = first;
        for (int i = 0; i < at && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The start of the text at {@code from}, up to the line end, as a short token ({@link Snippets#token}). */
    private static String excerpt(String s, int from) {
        int end = from;
        while (end < s.length() && end - from <= Snippets.MAX_TOKEN
                && !(s.charAt(end) == '\n' || s.charAt(end) == '\r')) {
            end++;
        }
        return Snippets.token(s.substring(from, end).trim());
    }
}
