package io.siteplanner.gis.csv;

import io.siteplanner.model.FieldType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Classifying and converting CSV cell text without regular expressions or substrings: each method works
 * on a slice {@code [s, e)} of a char array that the caller has already trimmed.
 */
final class CsvValues {
    /** The value is an integer (optional sign, 1-18 digits, no leading zero). */
    static final int INT = 1;
    /** The value is a decimal number (integers included). */
    static final int REAL = 2;
    static final int BOOL = 4;
    /** ISO date yyyy-MM-dd. */
    static final int DATE = 8;
    /** ISO local date-time yyyy-MM-dd[T ]HH:mm[:ss[.f]]. */
    static final int DATETIME = 16;
    static final int ALL = INT | REAL | BOOL | DATE | DATETIME;

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private CsvValues() {
    }

    /** Index of the first non-blank char in [s, e), or e. */
    static int trimStart(char[] a, int s, int e) {
        while (s < e && a[s] <= ' ') {
            s++;
        }
        return s;
    }

    /** End index after dropping trailing blanks in [s, e). */
    static int trimEnd(char[] a, int s, int e) {
        while (e > s && a[e - 1] <= ' ') {
            e--;
        }
        return e;
    }

    /** The kinds (bit mask of INT, REAL, BOOL, DATE, DATETIME) a non-empty trimmed value fits. */
    static int classify(char[] a, int s, int e) {
        char c = a[s];
        if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
            return isBoolean(a, s, e) ? BOOL : 0;
        }
        int len = e - s;
        if (len >= 10 && a[s + 4] == '-' && isDigits(a, s, s + 4)) {
            if (isDate(a, s)) {
                if (len == 10) {
                    return DATE;
                }
                return parseDateTime(a, s, e) != null ? DATETIME : 0;
            }
            return 0;
        }
        return numberKind(a, s, e);
    }

    private static boolean isDigits(char[] a, int s, int e) {
        for (int i = s; i < e; i++) {
            if (a[i] < '0' || a[i] > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isBoolean(char[] a, int s, int e) {
        return parseBoolean(a, s, e) != null;
    }

    static Boolean parseBoolean(char[] a, int s, int e) {
        int len = e - s;
        if (len == 4 && lowerEquals(a, s, "true")) {
            return Boolean.TRUE;
        }
        if (len == 5 && lowerEquals(a, s, "false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static boolean lowerEquals(char[] a, int s, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase(a[s + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** INT|REAL, REAL or 0 for a trimmed slice; numbers with leading zeros ("06511") count as text. */
    static int numberKind(char[] a, int s, int e) {
        return numberKind(a, s, e, false);
    }

    private static int numberKind(char[] a, int s, int e, boolean allowLeadingZeros) {
        int i = s;
        if (a[i] == '-' || a[i] == '+') {
            i++;
        }
        int intStart = i;
        while (i < e && a[i] >= '0' && a[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits > 1 && a[intStart] == '0' && !allowLeadingZeros) {
            return 0; // "007", "06511": identifiers such as ZIP codes stay text
        }
        if (i == e) {
            return intDigits == 0 ? 0 : intDigits <= 18 ? INT | REAL : REAL;
        }
        int fracDigits = 0;
        if (a[i] == '.') {
            i++;
            int f = i;
            while (i < e && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
            fracDigits = i - f;
        }
        if (intDigits + fracDigits == 0) {
            return 0;
        }
        if (i < e && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            if (i < e && (a[i] == '-' || a[i] == '+')) {
                i++;
            }
            int x = i;
            while (i < e && a[i] >= '0' && a[i] <= '9') {
                i++;
            }
            if (i == x) {
                return 0;
            }
        }
        return i == e ? REAL : 0;
    }

    /** A long from a slice classified INT. */
    static long parseLong(char[] a, int s, int e) {
        boolean neg = a[s] == '-';
        int i = a[s] == '-' || a[s] == '+' ? s + 1 : s;
        long v = 0;
        for (; i < e; i++) {
            v = v * 10 + (a[i] - '0');
        }
        return neg ? -v : v;
    }

    /**
     * A double from a trimmed slice, or NaN when the text is not a plain decimal number. Simple decimals
     * with up to 15 significant digits are converted exactly without allocation (an exact long divided by
     * an exact power of ten is correctly rounded); others go through {@link Double#parseDouble}.
     */
    static double parseDouble(char[] a, int s, int e) {
        if (s >= e) {
            return Double.NaN;
        }
        if (numberKind(a, s, e, true) == 0) {
            return Double.NaN;
        }
        boolean neg = a[s] == '-';
        int i = a[s] == '-' || a[s] == '+' ? s + 1 : s;
        long m = 0;
        int digits = 0;
        int frac = -1;
        for (; i < e; i++) {
            char c = a[i];
            if (c >= '0' && c <= '9') {
                if (m != 0 || c != '0') {
                    digits++;
                }
                m = m * 10 + (c - '0');
                if (frac >= 0) {
                    frac++;
                }
                if (digits > 15) {
                    break;
                }
            } else if (c == '.') {
                frac = 0;
            } else {
                break;
            }
        }
        if (i == e && digits <= 15 && (frac < 0 || frac < POW10.length)) {
            double v = frac > 0 ? m / POW10[frac] : (double) m;
            return neg ? -v : v;
        }
        return Double.parseDouble(new String(a, s, e - s));
    }

    private static boolean isDate(char[] a, int s) {
        if (a[s + 7] != '-' || !isDigits(a, s + 5, s + 7) || !isDigits(a, s + 8, s + 10)) {
            return false;
        }
        int month = (a[s + 5] - '0') * 10 + (a[s + 6] - '0');
        int day = (a[s + 8] - '0') * 10 + (a[s + 9] - '0');
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int year = (a[s] - '0') * 1000 + (a[s + 1] - '0') * 100 + (a[s + 2] - '0') * 10 + (a[s + 3] - '0');
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** A date from a slice classified DATE. */
    static LocalDate parseDate(char[] a, int s) {
        int year = (a[s] - '0') * 1000 + (a[s + 1] - '0') * 100 + (a[s + 2] - '0') * 10 + (a[s + 3] - '0');
        int month = (a[s + 5] - '0') * 10 + (a[s + 6] - '0');
        int day = (a[s + 8] - '0') * 10 + (a[s + 9] - '0');
        return LocalDate.of(year, month, day);
    }

    /** A local date-time (date, 'T' or space, HH:mm[:ss[.fraction]]) or null. */
    static LocalDateTime parseDateTime(char[] a, int s, int e) {
        int len = e - s;
        if (len < 16 || (a[s + 10] != 'T' && a[s + 10] != ' ')) {
            return null;
        }
        char[] copy = new char[len];
        System.arraycopy(a, s, copy, 0, len);
        copy[10] = 'T';
        try {
            return LocalDateTime.parse(new String(copy));
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** The field type of a column from the AND of its values' kinds; STRING when it had no values. */
    static FieldType typeOf(int mask, long nonEmpty) {
        if (nonEmpty == 0) {
            return FieldType.STRING;
        }
        if ((mask & INT) != 0) {
            return FieldType.INTEGER;
        }
        if ((mask & REAL) != 0) {
            return FieldType.REAL;
        }
        if ((mask & BOOL) != 0) {
            return FieldType.BOOLEAN;
        }
        if ((mask & DATE) != 0) {
            return FieldType.DATE;
        }
        if ((mask & DATETIME) != 0) {
            return FieldType.DATETIME;
        }
        return FieldType.STRING;
    }

    /**
     * Converts a raw cell to a value of {@code type}; null for an empty cell. Only called with types that
     * {@link #typeOf} derived from the same values, so conversions do not fail.
     */
    static Object convert(FieldType type, char[] a, int s0, int e0) {
        int s = trimStart(a, s0, e0);
        int e = trimEnd(a, s, e0);
        if (s == e) {
            return null;
        }
        switch (type) {
            case INTEGER:
                return parseLong(a, s, e);
            case REAL:
                return parseDouble(a, s, e);
            case BOOLEAN:
                return parseBoolean(a, s, e);
            case DATE:
                return parseDate(a, s);
            case DATETIME:
                return parseDateTime(a, s, e);
            default:
                return new String(a, s0, e0 - s0);
        }
    }
}
