package io.siteplanner.gis.shapefile;

import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a dBASE III/IV table (the .dbf of a shapefile) record by record.
 *
 * <p>Types: C (text, trailing blanks removed, blank = null), N and F (INTEGER when there are no decimals and
 * the width is at most 18, else REAL; blank or '*'-filled = null), L (T/t/Y/y, F/f/N/n, '?' or blank =
 * null), D (yyyyMMdd; blank or zeros = null), I (Visual FoxPro 4-byte integer). Memo fields (M, their text
 * lives in a .dbt) and other types are left out of the schema with a warning. Numbers are parsed straight
 * from the ASCII bytes. Deleted records ('*' flag) are reported by {@link #read} returning false.
 */
final class DbfCursor implements Closeable {
    static final String BAD_NUMBER = "invalid number";
    static final String BAD_DATE = "invalid date";

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final FileWindow win;
    private final String fileName;
    private final Charset charset;
    private final List<DbfField> fields = new ArrayList<>();
    private final List<DbfField> read = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final int headerLength;
    private final int recordLength;
    private final int recordCount;
    private final int ldid;
    private DbfField[] readArr;
    /** Value problems of the last {@link #read}: null or a kind ({@link #BAD_NUMBER}, {@link #BAD_DATE}). */
    String valueProblem;

    /**
     * Opens a .dbf and reads its header.
     *
     * @param forced charset to use regardless of the file (null = decide with {@code cpg} and the header)
     * @param cpg    charset named by the .cpg (null = none)
     * @throws ShapefileException when the header is unreadable
     */
    DbfCursor(Path file, Charset forced, Charset cpg) throws IOException, ShapefileException {
        this.fileName = file.getFileName().toString();
        this.win = new FileWindow(file);
        boolean ok = false;
        try {
            long size = win.size();
            if (win.fetch(0, 32) < 0) {
                throw new ShapefileException(fileName + " is not a dBASE file (" + size + " bytes, no header)");
            }
            byte[] a = win.array();
            int version = a[0] & 0xFF;
            long declared = win.buffer().getInt(4) & 0xFFFFFFFFL;
            headerLength = win.buffer().getShort(8) & 0xFFFF;
            recordLength = win.buffer().getShort(10) & 0xFFFF;
            ldid = a[29] & 0xFF;
            if (version == 0x04 || version == 0x8C) {
                throw new ShapefileException(fileName + " is a dBASE 7 table, which shapefiles do not use");
            }
            if (headerLength < 33 || recordLength < 1 || headerLength > size) {
                throw new ShapefileException(fileName + " has a broken header (header length " + headerLength
                        + ", record length " + recordLength + ", file size " + size + ")");
            }
            if (win.fetch(0, headerLength) < 0) {
                throw new ShapefileException(fileName + " is shorter than its header");
            }
            if (forced != null) {
                charset = forced;
            } else if (cpg != null) {
                charset = cpg;
            } else {
                Charset byLdid = CodePages.fromLdid(ldid);
                charset = byLdid != null ? byLdid : StandardCharsets.ISO_8859_1;
            }
            parseFields(size);
            long fit = (size - headerLength) / recordLength;
            if (fit < declared) {
                warnings.add(fileName + " is truncated: header says " + declared + " records, file holds " + fit);
            }
            recordCount = (int) Math.min(Math.min(declared, fit), Integer.MAX_VALUE - 8);
            ok = true;
        } finally {
            if (!ok) {
                win.close();
            }
        }
    }

    private void parseFields(long size) throws ShapefileException {
        byte[] a = win.array();
        List<int[]> raw = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int pos = 32;
        while (pos + 32 <= headerLength && a[pos] != 0x0D) {
            int nameLen = 0;
            while (nameLen < 11 && a[pos + nameLen] != 0) {
                nameLen++;
            }
            names.add(new String(a, pos, nameLen, charset).strip());
            raw.add(new int[] {a[pos + 11] & 0xFF, a[pos + 16] & 0xFF, a[pos + 17] & 0xFF});
            pos += 32;
        }
        // some writers store wide text fields as a 16-bit width (bytes 16-17); use it when only that adds up
        long sum = 1;
        long sumWide = 1;
        for (int[] r : raw) {
            sum += r[1];
            sumWide += r[0] == 'C' ? r[1] + 256 * r[2] : r[1];
        }
        boolean wideText = sum != recordLength && sumWide == recordLength;
        if (!wideText && sum > recordLength) {
            throw new ShapefileException(fileName + ": field widths add up to " + (sum - 1)
                    + " bytes but records are " + (recordLength - 1) + " bytes");
        }
        Set<String> used = new HashSet<>();
        int offset = 1;
        for (int i = 0; i < raw.size(); i++) {
            int[] r = raw.get(i);
            char code = (char) Character.toUpperCase(r[0]);
            int width = wideText && code == 'C' ? r[1] + 256 * r[2] : r[1];
            int decimals = code == 'C' ? 0 : r[2];
            String name = names.get(i).isEmpty() ? "FIELD_" + (i + 1) : names.get(i);
            if (!used.add(name.toLowerCase(Locale.ROOT))) {
                String base = name;
                int k = 2;
                while (!used.add((base + "_" + k).toLowerCase(Locale.ROOT))) {
                    k++;
                }
                name = base + "_" + k;
                warnings.add(fileName + ": duplicate field name " + base + " renamed to " + name);
            }
            FieldType type = typeOf(code, width, decimals);
            if (type == null) {
                String shown = code > ' ' && code < 127 ? "'" + code + "'" : String.format(Locale.ROOT, "0x%02X", (int) code);
                warnings.add(fileName + ": field " + name + " of type " + shown + " is not supported and was left out"
                        + (code == 'M' ? " (memo text lives in a .dbt file)" : ""));
            }
            DbfField f = new DbfField(name, code, offset, width, decimals, type);
            fields.add(f);
            if (type != null) {
                read.add(f);
            }
            offset += width;
        }
        readArr = read.toArray(new DbfField[0]);
    }

    private static FieldType typeOf(char code, int width, int decimals) {
        switch (code) {
            case 'C':
                return FieldType.STRING;
            case 'N':
            case 'F':
                return decimals == 0 && width <= 18 ? FieldType.INTEGER : FieldType.REAL;
            case 'L':
                return FieldType.BOOLEAN;
            case 'D':
                return width == 8 ? FieldType.DATE : null;
            case 'I':
                return width == 4 ? FieldType.INTEGER : null;
            default:
                return null;
        }
    }

    /** The schema fields that {@link #read} fills, in order. */
    List<Field> schemaFields() {
        List<Field> out = new ArrayList<>(read.size());
        for (DbfField f : read) {
            int width = f.code() == 'D' ? 8 : f.width();
            out.add(new Field(f.name(), f.type(), width, f.decimals()));
        }
        return out;
    }

    List<DbfField> allFields() {
        return fields;
    }

    int recordCount() {
        return recordCount;
    }

    Charset charset() {
        return charset;
    }

    int languageDriver() {
        return ldid;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * Reads record {@code i} (0-based) into {@code out} (one slot per schema field).
     *
     * @return false when the record is deleted ({@code out} is then untouched)
     * @throws ShapefileException when the file ends early (it changed while being read)
     */
    boolean read(int i, Object[] out) throws IOException, ShapefileException {
        valueProblem = null;
        int p = win.fetch(headerLength + (long) i * recordLength, recordLength);
        if (p < 0) {
            throw new ShapefileException(fileName + " ends inside record " + (i + 1));
        }
        byte[] a = win.array();
        if (a[p] == '*') {
            return false;
        }
        DbfField[] fs = readArr;
        for (int k = 0; k < fs.length; k++) {
            DbfField f = fs[k];
            int s = p + f.offset();
            out[k] = value(f, a, s, s + f.width());
        }
        return true;
    }

    private Object value(DbfField f, byte[] a, int s, int e) {
        switch (f.code()) {
            case 'C': {
                while (e > s && (a[e - 1] == ' ' || a[e - 1] == 0)) {
                    e--;
                }
                return e == s ? null : new String(a, s, e - s, charset);
            }
            case 'N':
            case 'F':
                if (f.type() == FieldType.INTEGER) { // not a ?: expression, which would unbox both to double
                    return parseLong(a, s, e);
                }
                return parseDouble(a, s, e);
            case 'L': {
                while (s < e && a[s] == ' ') {
                    s++;
                }
                if (s == e) {
                    return null;
                }
                switch (a[s]) {
                    case 'T': case 't': case 'Y': case 'y': return Boolean.TRUE;
                    case 'F': case 'f': case 'N': case 'n': return Boolean.FALSE;
                    default: return null;
                }
            }
            case 'D':
                return parseDate(a, s);
            case 'I':
                return (long) ((a[s] & 0xFF) | (a[s + 1] & 0xFF) << 8 | (a[s + 2] & 0xFF) << 16 | a[s + 3] << 24);
            default:
                return null;
        }
    }

    private Long parseLong(byte[] a, int s, int e) {
        while (s < e && (a[s] == ' ' || a[s] == 0)) {
            s++;
        }
        while (e > s && (a[e - 1] == ' ' || a[e - 1] == 0)) {
            e--;
        }
        if (s == e || a[s] == '*') {
            return null;
        }
        int i = s;
        boolean neg = false;
        if (a[i] == '-' || a[i] == '+') {
            neg = a[i] == '-';
            i++;
        }
        if (i == e || e - i > 18) {
            return integralFallback(a, s, e);
        }
        long v = 0;
        for (; i < e; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                return integralFallback(a, s, e);
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /** "12.000" in an integer field and other odd spellings: parse as a double, keep when integral. */
    private Long integralFallback(byte[] a, int s, int e) {
        Double d = slowDouble(a, s, e);
        if (d != null && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
            return d.longValue();
        }
        valueProblem = BAD_NUMBER;
        return null;
    }

    private Double parseDouble(byte[] a, int s, int e) {
        while (s < e && (a[s] == ' ' || a[s] == 0)) {
            s++;
        }
        while (e > s && (a[e - 1] == ' ' || a[e - 1] == 0)) {
            e--;
        }
        if (s == e || a[s] == '*') {
            return null;
        }
        int i = s;
        boolean neg = false;
        if (a[i] == '-' || a[i] == '+') {
            neg = a[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int frac = -1;
        boolean sawDigit = false;
        for (; i < e; i++) {
            byte c = a[i];
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                if (digits < 18) {
                    mant = mant * 10 + (c - '0');
                    if (mant != 0) {
                        digits++;
                    }
                    if (frac >= 0) {
                        frac++;
                    }
                } else {
                    return slowOrNull(a, s, e);
                }
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return slowOrNull(a, s, e);
            }
        }
        if (frac < 0) {
            frac = 0;
        }
        if (!sawDigit) {
            return slowOrNull(a, s, e);
        }
        // exact: mantissa < 2^53 and 10^frac exact, one correctly rounded division (Clinger's fast path)
        if (mant < (1L << 53) && frac < POW10.length) {
            double v = mant / POW10[frac];
            return neg ? -v : v;
        }
        return slowOrNull(a, s, e);
    }

    private Double slowOrNull(byte[] a, int s, int e) {
        Double d = slowDouble(a, s, e);
        if (d == null) {
            valueProblem = BAD_NUMBER;
        }
        return d;
    }

    private static Double slowDouble(byte[] a, int s, int e) {
        String t = new String(a, s, e - s, StandardCharsets.ISO_8859_1).strip().replace(',', '.');
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private LocalDate parseDate(byte[] a, int s) {
        int v = 0;
        boolean blank = true;
        for (int i = 0; i < 8; i++) {
            byte c = a[s + i];
            if (c != ' ' && c != '0' && c != 0) {
                blank = false;
            }
            if (c < '0' || c > '9') {
                v = -1;
            } else if (v >= 0) {
                v = v * 10 + (c - '0');
            }
        }
        if (blank) {
            return null;
        }
        if (v < 0) {
            valueProblem = BAD_DATE;
            return null;
        }
        try {
            return LocalDate.of(v / 10000, v / 100 % 100, v % 100);
        } catch (DateTimeException ex) {
            valueProblem = BAD_DATE;
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        win.close();
    }
}
