package io.siteplanner.gis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed position in WGS 84 degrees, as people write them: decimal ("32.62, -90.05"), degrees and
 * minutes ("32 37.2 N 90 3 W"), degrees, minutes and seconds ("32°37'12\"N 90°03'00\"W"), hemisphere
 * letters before or after the numbers. Without letters the order is latitude, longitude (as in Google Maps
 * and GeoNames); letters make any order work.
 *
 * @param lat latitude, degrees north
 * @param lon longitude, degrees east
 */
public record LatLon(double lat, double lon) {
    private static final Pattern PART = Pattern.compile(
            "([NSEW])?\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*(?:°|º|d|\\s)?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:'|′|m|\\s)?\\s*"
                    + "(?:(\\d+(?:\\.\\d+)?)\\s*(?:\"|″|''|s)?)?)?\\s*([NSEW])?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Parses a position.
     *
     * @throws IllegalArgumentException saying what is wrong (not two coordinates, out of range ...)
     */
    public static LatLon parse(String text) {
        String t = text == null ? "" : text.trim().replace('’', '\'').replace('”', '"');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("type a position, e.g. 32.62, -90.05 or 32°37'N 90°03'W");
        }
        // split into two coordinates: at a comma/semicolon, else after the first hemisphere letter, else in half
        List<String> parts = split(t);
        if (parts.size() != 2) {
            throw new IllegalArgumentException("'" + t + "' is not a latitude and longitude (e.g. 32.62, -90.05)");
        }
        double[] v = new double[2];
        char[] hemi = new char[2];
        for (int i = 0; i < 2; i++) {
            Matcher m = PART.matcher(parts.get(i).trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + parts.get(i).trim() + "' is not a coordinate");
            }
            String h = m.group(1) != null ? m.group(1) : m.group(5);
            if (m.group(1) != null && m.group(5) != null) {
                throw new IllegalArgumentException("'" + parts.get(i).trim() + "' has two hemisphere letters");
            }
            double deg = Double.parseDouble(m.group(2));
            double min = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
            double sec = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
            if (min >= 60 || sec >= 60) {
                throw new IllegalArgumentException("'" + parts.get(i).trim() + "': minutes and seconds must be below 60");
            }
            if ((min > 0 || sec > 0) && deg != Math.rint(deg)) {
                throw new IllegalArgumentException("'" + parts.get(i).trim() + "': decimal degrees with minutes");
            }
            double sign = deg < 0 || parts.get(i).trim().startsWith("-") ? -1 : 1;
            double x = sign * (Math.abs(deg) + min / 60 + sec / 3600);
            if (h != null) {
                char c = Character.toUpperCase(h.charAt(0));
                hemi[i] = c;
                if (sign < 0) {
                    throw new IllegalArgumentException("'" + parts.get(i).trim() + "': a minus sign and a hemisphere letter");
                }
                if (c == 'S' || c == 'W') {
                    x = -x;
                }
            }
            v[i] = x;
        }
        double lat;
        double lon;
        boolean firstIsLon = hemi[0] == 'E' || hemi[0] == 'W' || hemi[1] == 'N' || hemi[1] == 'S';
        if (hemi[0] != 0 && hemi[1] != 0 && isLat(hemi[0]) == isLat(hemi[1])) {
            throw new IllegalArgumentException("'" + t + "' gives two " + (isLat(hemi[0]) ? "latitudes" : "longitudes"));
        }
        if (firstIsLon) {
            lon = v[0];
            lat = v[1];
        } else {
            lat = v[0];
            lon = v[1];
        }
        if (Math.abs(lat) > 90) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "latitude %s is beyond ±90° (write latitude first, then longitude)", trim(lat)));
        }
        if (Math.abs(lon) > 180) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "longitude %s is beyond ±180°", trim(lon)));
        }
        return new LatLon(lat, lon);
    }

    private static boolean isLat(char h) {
        return h == 'N' || h == 'S';
    }

    private static List<String> split(String t) {
        List<String> out = new ArrayList<>();
        String[] byComma = t.split("\\s*[,;]\\s*");
        if (byComma.length == 2) {
            out.add(byComma[0]);
            out.add(byComma[1]);
            return out;
        }
        if (byComma.length > 2) {
            return out;
        }
        // a hemisphere letter ends the first coordinate ("32 37 N 90 3 W") or starts the second ("N32 W90")
        boolean leading = Character.isLetter(t.charAt(0));
        Matcher letter = Pattern.compile("[NSEWnsew]").matcher(t);
        while (letter.find()) {
            int at = letter.start();
            if (leading && at == 0) {
                continue;
            }
            String a = leading ? t.substring(0, at) : t.substring(0, at + 1);
            String b = leading ? t.substring(at) : t.substring(at + 1);
            if (!a.isBlank() && !b.isBlank()) {
                out.add(a);
                out.add(b);
                return out;
            }
            break;
        }
        // plain numbers: "32.62 -90.05" or "32 37 12 90 3 0"
        String[] nums = t.split("\\s+");
        if (nums.length % 2 == 0 && nums.length <= 6) {
            int h = nums.length / 2;
            out.add(String.join(" ", java.util.Arrays.copyOfRange(nums, 0, h)));
            out.add(String.join(" ", java.util.Arrays.copyOfRange(nums, h, nums.length)));
        }
        return out;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** "32.62000°N, 90.05000°W". */
    public String format() {
        return format(5);
    }

    /** Latitude then longitude with {@code decimals} decimals: "32.6200°N, 90.0500°W" for 4. */
    public String format(int decimals) {
        return latText(lat, decimals) + ", " + lonText(lon, decimals);
    }

    /** A longitude in degrees east or west: "90.05°W" for -90.05 and 2 decimals. */
    public static String lonText(double lon, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f°%s", Math.abs(lon), lon >= 0 ? "E" : "W");
    }

    /** A latitude in degrees north or south: "32.62°N" for 32.62 and 2 decimals. */
    public static String latText(double lat, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f°%s", Math.abs(lat), lat >= 0 ? "N" : "S");
    }
}
