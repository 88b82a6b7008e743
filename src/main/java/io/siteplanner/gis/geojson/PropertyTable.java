package io.siteplanner.gis.geojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects GeoJSON feature properties while streaming and infers one field type per key over all features,
 * the way GDAL's GeoJSON driver does: keys in order of first appearance; integers only gives INTEGER;
 * integers and floats give REAL; booleans only give BOOLEAN (booleans mixed with numbers count as 1/0);
 * strings that are all ISO dates give DATE, dates and date-times give DATETIME; any other string, nested
 * object or array (kept as its JSON text), or a mix of numbers and strings gives STRING; a key that is
 * always null is a STRING. Public for the TopoJSON reader, whose {@code properties} are typed the same way
 * (as GDAL does). Not thread-safe.
 */
public final class PropertyTable {
    /** Raw values collected for one key. */
    static final class Stats {
        final String name;
        int ints;
        int reals;
        int bools;
        int strings;
        int nested;
        boolean allDate = true;
        boolean allDateTime = true;

        Stats(String name) {
            this.name = name;
        }

        void string(String s) {
            strings++;
            if (allDateTime) {
                if (allDate && isDate(s)) {
                    return;
                }
                allDate = false;
                if (!isDate(s) && parseDateTime(s) == null) {
                    allDateTime = false;
                }
            }
        }

        FieldType type() {
            int numbers = ints + reals + bools;
            if (nested > 0 || (strings > 0 && numbers > 0)) {
                return FieldType.STRING;
            }
            if (strings > 0) {
                if (allDate) {
                    return FieldType.DATE;
                }
                return allDateTime ? FieldType.DATETIME : FieldType.STRING;
            }
            if (reals > 0) {
                return FieldType.REAL;
            }
            if (ints > 0) {
                return FieldType.INTEGER;
            }
            if (bools > 0) {
                return FieldType.BOOLEAN;
            }
            return FieldType.STRING;
        }
    }

    /** Marker for a nested object/array value: its JSON text. */
    static final class Json {
        final String text;

        Json(String text) {
            this.text = text;
        }
    }

    private final Map<String, Integer> index = new HashMap<>();
    private final List<Stats> stats = new ArrayList<>();

    /** Index of a key, adding it when new. */
    public int key(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = stats.size();
            index.put(name, i);
            stats.add(new Stats(name));
        }
        return i;
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    int size() {
        return stats.size();
    }

    Stats stats(int i) {
        return stats.get(i);
    }

    /**
     * Reads the members of a JSON object (the parser is on its START_OBJECT and ends on its END_OBJECT) as
     * one feature's raw values: null, Boolean, Long (a BigInteger becomes a Double), Double, String, or the
     * JSON text of a nested object/array.
     *
     * @param into the feature's values so far (may be null); grown as needed
     * @return the values array, indexed like {@link #key}
     */
    public Object[] read(JsonParser p, Object[] into) throws IOException {
        Object[] values = into == null ? new Object[Math.max(4, size())] : into;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int key = key(p.currentName());
            JsonToken t = p.nextToken();
            Object val;
            switch (t) {
                case VALUE_NULL:
                    val = null;
                    break;
                case VALUE_TRUE:
                    val = Boolean.TRUE;
                    break;
                case VALUE_FALSE:
                    val = Boolean.FALSE;
                    break;
                case VALUE_NUMBER_INT:
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        val = p.getDoubleValue();
                    } else {
                        val = p.getLongValue();
                    }
                    break;
                case VALUE_NUMBER_FLOAT:
                    val = p.getDoubleValue();
                    break;
                case VALUE_STRING:
                    val = p.getText();
                    break;
                default:
                    val = new Json(p.readValueAsTree().toString());
                    break;
            }
            values = put(values, key, val);
        }
        return values;
    }

    /** Puts a raw value in a feature's value array (grown as needed) and returns the array. */
    Object[] put(Object[] values, int key, Object v) {
        Object[] out = values;
        if (key >= out.length) {
            out = Arrays.copyOf(out, Math.max(key + 1, Math.max(4, out.length * 2)));
        }
        out[key] = v;
        Stats s = stats.get(key);
        if (v == null) {
            return out;
        }
        if (v instanceof Long) {
            s.ints++;
        } else if (v instanceof Double) {
            s.reals++;
        } else if (v instanceof Boolean) {
            s.bools++;
        } else if (v instanceof String) {
            s.string((String) v);
        } else {
            s.nested++;
        }
        return out;
    }

    /** The fields, in order of first appearance. */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>(stats.size());
        for (Stats s : stats) {
            out.add(new Field(s.name, s.type()));
        }
        return out;
    }

    /** Final field types, indexed like {@link #fields()}. */
    public FieldType[] types() {
        FieldType[] t = new FieldType[stats.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = stats.get(i).type();
        }
        return t;
    }

    /**
     * Converts one feature's raw values to the final types, into an array of exactly {@code types.length}
     * (+ {@code offset} leading slots left null for the caller).
     */
    public static Object[] convert(Object[] raw, FieldType[] types, int offset) {
        Object[] out = new Object[types.length + offset];
        int n = raw == null ? 0 : Math.min(raw.length, types.length);
        for (int i = 0; i < n; i++) {
            Object v = raw[i];
            if (v != null) {
                out[i + offset] = convert(v, types[i]);
            }
        }
        return out;
    }

    static Object convert(Object v, FieldType t) {
        switch (t) {
            case INTEGER:
                if (v instanceof Boolean) {
                    return ((Boolean) v) ? 1L : 0L;
                }
                return v;
            case REAL:
                if (v instanceof Long) {
                    return ((Long) v).doubleValue();
                }
                if (v instanceof Boolean) {
                    return ((Boolean) v) ? 1.0 : 0.0;
                }
                return v;
            case BOOLEAN:
                return v;
            case DATE:
                return LocalDate.parse((String) v);
            case DATETIME: {
                String s = (String) v;
                return isDate(s) ? LocalDate.parse(s).atStartOfDay() : parseDateTime(s);
            }
            default:
                return text(v);
        }
    }

    /** A value as text for a STRING field. */
    static String text(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Json) {
            return ((Json) v).text;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return String.valueOf(v);
    }

    // ---------------------------------------------------------------------------------------------------
    // ISO 8601 dates, parsed by hand (no regex per value)

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return false;
        }
        for (int i = from; i < from + len; i++) {
            if (!digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True for YYYY-MM-DD with a valid month and day. */
    static boolean isDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || !digits(s, 0, 4)
                || !digits(s, 5, 2) || !digits(s, 8, 2)) {
            return false;
        }
        return validDate(s);
    }

    private static boolean validDate(String s) {
        try {
            LocalDate.of(num(s, 0, 4), num(s, 5, 2), num(s, 8, 2));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH[:MM]] as a local date-time in UTC (an offset is applied), or
     * null when the text is not such a date-time.
     */
    static LocalDateTime parseDateTime(String s) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || !digits(s, 0, 4) || !digits(s, 5, 2)
                || !digits(s, 8, 2) || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || !digits(s, 11, 2)
                || s.charAt(13) != ':' || !digits(s, 14, 2)) {
            return null;
        }
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (!digits(s, i + 1, 2)) {
                return null;
            }
            second = num(s, i + 1, 2);
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && digit(s.charAt(i))) {
                    i++;
                }
                int len = i - start;
                if (len == 0) {
                    return null;
                }
                int frac = num(s, start, Math.min(len, 9));
                for (int k = Math.min(len, 9); k < 9; k++) {
                    frac *= 10;
                }
                nanos = frac;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if ((c == 'Z' || c == 'z') && i == n - 1) {
                offsetSeconds = 0;
            } else if (c == '+' || c == '-') {
                int sign = c == '-' ? -1 : 1;
                if (!digits(s, i + 1, 2)) {
                    return null;
                }
                int oh = num(s, i + 1, 2);
                int om = 0;
                int j = i + 3;
                if (j < n && s.charAt(j) == ':') {
                    j++;
                }
                if (j < n) {
                    if (!digits(s, j, 2) || j + 2 != n) {
                        return null;
                    }
                    om = num(s, j, 2);
                }
                offsetSeconds = sign * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        try {
            LocalDateTime t = LocalDateTime.of(num(s, 0, 4), num(s, 5, 2), num(s, 8, 2), hour, minute, second, nanos);
            if (offsetSeconds != 0) {
                t = t.atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds)).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            }
            return t;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
