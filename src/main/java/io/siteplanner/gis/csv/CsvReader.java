package io.siteplanner.gis.csv;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.Limits;
import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads one CSV file into a point (or WKT geometry) layer in two streaming passes: the first finds the
 * header, checks the encoding and infers column types over all rows; the second builds the features.
 * Nothing but the features is kept in memory. See {@link CsvFormat} for the rules.
 */
final class CsvReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int MAX_LINES_LISTED = 5;

    private final Path file;
    private final ReadOptions options;
    private final Progress progress;
    private final long fileSize;
    private final List<String> warnings = new ArrayList<>();

    private Charset charset;
    private int bomBytes;
    private boolean strictUtf8;
    private char delimiter;
    private boolean sepLine;

    // pass-1 results
    private List<String> header;
    private int[] masks;
    private long[] nonEmpty;
    private boolean[] firstLooksWkt;
    private boolean[] firstSeen;
    private long dataRows;
    private long longRows;
    private long firstLongLine;

    CsvReader(Path file, ReadOptions options, Progress progress) throws IOException {
        this.file = file;
        this.options = options;
        this.progress = progress;
        this.fileSize = Files.size(file);
    }

    VectorLayer read() throws IOException {
        String code = options.crs() == null || options.crs().isBlank() ? "EPSG:4326" : options.crs();
        CoordinateReferenceSystem crs;
        try {
            crs = Crs.decode(code);
        } catch (IllegalArgumentException e) {
            throw new LayerReadException(file, e.getMessage() + " (CRS of the coordinate columns)");
        }
        int epsgCode = Crs.parseEpsg(code);
        Integer epsg = epsgCode > 0 ? epsgCode : null;

        detectCharset();
        try {
            sniffAndScan();
        } catch (CharacterCodingException e) {
            if (!strictUtf8) {
                throw e;
            }
            charset = WINDOWS_1252;
            strictUtf8 = false;
            warnings.add("the file is not valid UTF-8; it was read as Windows-1252 (Western European)."
                    + " If text looks wrong, choose the right encoding when opening it");
            sniffAndScan();
        }

        Columns cols = geometryColumns();
        FieldType[] types = new FieldType[header.size()];
        List<Field> fields = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            types[i] = CsvValues.typeOf(masks[i], nonEmpty[i]);
            fields.add(new Field(header.get(i), types[i]));
        }
        Schema schema = new Schema(fields);

        VectorLayer.Builder b = VectorLayer.builder(FormatRegistry.baseName(file)).source(file).crs(crs, epsg)
                .schema(schema);
        Envelope bounds = new Envelope();
        boolean hasZ = buildFeatures(cols, types, b, bounds);
        b.hasZ(hasZ).bounds(bounds);
        if (options.table()) {
            b.geometryType(GeometryType.NONE);
        } else if (cols.wkt < 0) {
            b.geometryType(GeometryType.POINT);
        } else if (b.featureCount() == 0) {
            b.geometryType(GeometryType.GEOMETRY);
        }
        if (longRows > 0) {
            warnings.add((longRows == 1 ? "1 row has" : longRows + " rows have")
                    + " more values than the header has columns; the extra values were ignored (first at line "
                    + firstLongLine + ")");
        }
        String implausible = options.table() ? null : Crs.checkPlausible(bounds, crs);
        if (implausible != null) {
            String colText = cols.wkt >= 0 ? "column '" + Snippets.token(header.get(cols.wkt)) + "'"
                    : "columns '" + Snippets.token(header.get(cols.x)) + "'/'" + Snippets.token(header.get(cols.y)) + "'";
            warnings.add(implausible + " The coordinates in " + colText + " were read as " + Crs.name(crs)
                    + "; if they are in another CRS, give it with --crs (e.g. --crs EPSG:26916)");
        }
        for (String w : warnings) {
            b.warn(w);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- encoding and pass 1

    private void detectCharset() throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        Charset forced = options.encoding();
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bomBytes = 3;
            charset = forced != null ? forced : StandardCharsets.UTF_8;
            if (!charset.equals(StandardCharsets.UTF_8)) {
                bomBytes = 0;
            }
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            bomBytes = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            bomBytes = 2;
            charset = StandardCharsets.UTF_16BE;
        } else {
            charset = forced != null ? forced : StandardCharsets.UTF_8;
        }
        strictUtf8 = forced == null && charset.equals(StandardCharsets.UTF_8);
    }

    private Reader open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.skipNBytes(bomBytes);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CharsetDecoder dec = charset.newDecoder();
        CodingErrorAction a = strictUtf8 ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        dec.onMalformedInput(a).onUnmappableCharacter(a);
        return new InputStreamReader(in, dec);
    }

    private void sniffAndScan() throws IOException {
        String sample;
        boolean truncated;
        try (Reader r = open()) {
            char[] buf = new char[SAMPLE_CHARS];
            int n = 0;
            while (n < buf.length) {
                int k = r.read(buf, n, buf.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            truncated = n == buf.length && r.read() >= 0;
            sample = new String(buf, 0, n);
        }
        String first = firstLine(sample);
        sepLine = first.length() == 5 && first.regionMatches(true, 0, "sep=", 0, 4);
        if (options.delimiter() != 0) {
            delimiter = options.delimiter();
        } else if (sepLine) {
            delimiter = first.charAt(4);
        } else {
            delimiter = CsvSniffer.delimiter(sample, truncated, "tsv".equals(FormatRegistry.extension(file)));
        }
        scan();
    }

    private static String firstLine(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return s.substring(0, i);
    }

    private CsvTokenizer tokenizerAtData(Reader r) throws IOException {
        CsvTokenizer t = new CsvTokenizer(r, delimiter);
        if (sepLine) {
            t.next();
        }
        if (!t.next()) {
            throw new LayerReadException(file, "the file has no header line (it is empty)");
        }
        return t;
    }

    private void scan() throws IOException {
        try (Reader r = open()) {
            CsvTokenizer t = tokenizerAtData(r);
            header = headerNames(t);
            int n = header.size();
            masks = new int[n];
            java.util.Arrays.fill(masks, CsvValues.ALL);
            nonEmpty = new long[n];
            firstLooksWkt = new boolean[n];
            firstSeen = new boolean[n];
            dataRows = 0;
            longRows = 0;
            while (t.next()) {
                dataRows++;
                if ((dataRows & 0x3FFF) == 0) {
                    progress.checkCancelled();
                    progress.update(0.5 * fraction(t), "scanning " + file.getFileName());
                }
                char[] a = t.chars();
                int fc = t.fieldCount();
                if (fc > n) {
                    if (longRows++ == 0) {
                        firstLongLine = t.recordLine();
                    }
                    fc = n;
                }
                for (int i = 0; i < fc; i++) {
                    int s = CsvValues.trimStart(a, t.start(i), t.end(i));
                    int e = CsvValues.trimEnd(a, s, t.end(i));
                    if (s == e) {
                        continue;
                    }
                    nonEmpty[i]++;
                    if (masks[i] != 0) {
                        masks[i] &= CsvValues.classify(a, s, e);
                    }
                    if (!firstSeen[i]) {
                        firstSeen[i] = true;
                        firstLooksWkt[i] = CsvSniffer.looksLikeWkt(a, s, e);
                    }
                }
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            throw new LayerReadException(file, e.getMessage(), e);
        }
    }

    private double fraction(CsvTokenizer t) {
        return fileSize <= 0 ? Double.NaN : Math.min(1.0, (double) t.charsConsumed() / fileSize);
    }

    private static List<String> headerNames(CsvTokenizer t) {
        List<String> names = new ArrayList<>(t.fieldCount());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < t.fieldCount(); i++) {
            String name = t.string(i).trim();
            if (name.isEmpty()) {
                name = "field_" + (i + 1);
            }
            String unique = name;
            for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
                unique = name + "_" + k;
            }
            names.add(unique);
        }
        return names;
    }

    // ---------------------------------------------------------------- geometry columns

    private static final class Columns {
        int x = -1;
        int y = -1;
        int wkt = -1;
    }

    private Columns geometryColumns() throws LayerReadException {
        Columns c = new Columns();
        if (options.table()) {
            return c; // an attribute table: no geometry
        }
        if (options.wktField() != null) {
            c.wkt = required(options.wktField(), "WKT");
            return c;
        }
        if (options.xField() != null || options.yField() != null) {
            c.x = options.xField() != null ? required(options.xField(), "x") : detectX();
            c.y = options.yField() != null ? required(options.yField(), "y") : detectY();
            if (c.x < 0 || c.y < 0) {
                throw new LayerReadException(file, "only one coordinate column was given and the other one was not"
                        + " found; give both x and y columns (the header has " + columns() + ")");
            }
            return c;
        }
        int wktByName = CsvSniffer.findExact(header, CsvSniffer.WKT_NAMES);
        if (wktByName >= 0 && (firstLooksWkt[wktByName] || !firstSeen[wktByName])) {
            c.wkt = wktByName;
            return c;
        }
        int x = CsvSniffer.findExact(header, CsvSniffer.X_NAMES);
        int y = CsvSniffer.findExact(header, CsvSniffer.Y_NAMES);
        if (x < 0 || y < 0 || x == y) {
            x = x >= 0 ? x : CsvSniffer.findPrefix(header, "longitude", "long", "lon", "lng");
            y = y >= 0 ? y : CsvSniffer.findPrefix(header, "latitude", "lat");
        }
        if (x >= 0 && y >= 0 && x != y) {
            c.x = x;
            c.y = y;
            return c;
        }
        for (int i = 0; i < header.size(); i++) {
            if (firstLooksWkt[i]) {
                c.wkt = i;
                return c;
            }
        }
        throw new LayerReadException(file, "no coordinate columns found: expected lat/lon (or x/y) or a WKT column"
                + " among the header's " + columns() + "; name them with --x and --y");
    }

    /**
     * "N columns": the header's names are not listed in errors, as they are the file's first line (which
     * could be anything, e.g. a link named x.csv pointing at another file).
     */
    private String columns() {
        return header.size() == 1 ? "1 column" : header.size() + " columns";
    }

    private int detectX() {
        int x = CsvSniffer.findExact(header, CsvSniffer.X_NAMES);
        return x >= 0 ? x : CsvSniffer.findPrefix(header, "longitude", "long", "lon", "lng");
    }

    private int detectY() {
        int y = CsvSniffer.findExact(header, CsvSniffer.Y_NAMES);
        return y >= 0 ? y : CsvSniffer.findPrefix(header, "latitude", "lat");
    }

    private int required(String name, String what) throws LayerReadException {
        int i = CsvSniffer.find(header, name);
        if (i < 0) {
            throw new LayerReadException(file, "no column named '" + Snippets.token(name, 40) + "' (given as the "
                    + what + " column; the header has " + columns() + ")");
        }
        return i;
    }

    // ---------------------------------------------------------------- pass 2

    /** Skipped rows of one kind: count and first line numbers. */
    private static final class Skips {
        final String reason;
        long count;
        final List<Long> lines = new ArrayList<>();
        String example;

        Skips(String reason) {
            this.reason = reason;
        }

        void add(long line, String example) {
            if (count++ < MAX_LINES_LISTED) {
                lines.add(line);
            }
            if (this.example == null && example != null) {
                this.example = example;
            }
        }

        String message() {
            StringBuilder sb = new StringBuilder();
            sb.append(count).append(count == 1 ? " row" : " rows").append(" skipped: ").append(reason)
                    .append(" (line").append(lines.size() == 1 ? " " : "s ");
            for (int i = 0; i < lines.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(lines.get(i));
            }
            if (count > lines.size()) {
                sb.append(", ...");
            }
            sb.append(')');
            if (example != null) {
                sb.append("; first: ").append(example);
            }
            return sb.toString();
        }
    }

    private boolean buildFeatures(Columns cols, FieldType[] types, VectorLayer.Builder b, Envelope bounds)
            throws IOException {
        int n = header.size();
        List<Feature> features = new ArrayList<>((int) Math.min(dataRows, 1 << 20));
        Skips empty = new Skips("empty geometry");
        Skips notNumber = new Skips("coordinates empty or not numbers");
        Skips badWkt = new Skips("invalid WKT geometry");
        WKTReader wktReader = new WKTReader(Geometries.FACTORY);
        boolean hasZ = false;
        long row = 0;
        char[] scratch = new char[64];
        try (Reader r = open()) {
            CsvTokenizer t = tokenizerAtData(r);
            while (t.next()) {
                row++;
                if ((row & 0xFFF) == 0) {
                    progress.checkCancelled();
                    progress.update(0.5 + 0.5 * fraction(t), "reading " + file.getFileName());
                }
                char[] a = t.chars();
                int fc = t.fieldCount();
                Geometry g = null;
                if (options.table()) {
                    g = null;
                } else if (cols.wkt >= 0) {
                    if (cols.wkt >= fc || isBlank(a, t.start(cols.wkt), t.end(cols.wkt))) {
                        empty.add(t.recordLine(), null);
                        continue;
                    }
                    String text = t.string(cols.wkt).trim();
                    String deep = Limits.wktNestingProblem(text);
                    if (deep != null) {
                        badWkt.add(t.recordLine(), "line " + t.recordLine() + ": " + deep);
                        continue;
                    }
                    try {
                        g = wktReader.read(text);
                    } catch (ParseException | RuntimeException e) {
                        badWkt.add(t.recordLine(), "line " + t.recordLine() + ": " + Snippets.token(text) + " ("
                                + Snippets.library(e) + ")");
                        continue;
                    }
                    if (!hasZ && !g.isEmpty() && !Double.isNaN(g.getCoordinate().getZ())) {
                        hasZ = true;
                    }
                } else {
                    int xs = cols.x < fc ? CsvValues.trimStart(a, t.start(cols.x), t.end(cols.x)) : 0;
                    int xe = cols.x < fc ? CsvValues.trimEnd(a, xs, t.end(cols.x)) : 0;
                    int ys = cols.y < fc ? CsvValues.trimStart(a, t.start(cols.y), t.end(cols.y)) : 0;
                    int ye = cols.y < fc ? CsvValues.trimEnd(a, ys, t.end(cols.y)) : 0;
                    if (xs == xe || ys == ye) {
                        notNumber.add(t.recordLine(), "line " + t.recordLine() + ": "
                                + Snippets.token(xs == xe ? header.get(cols.x) : header.get(cols.y)) + " is empty");
                        continue;
                    }
                    double x = coordinate(a, xs, xe, scratch);
                    double y = coordinate(a, ys, ye, scratch);
                    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                        String bad = Double.isNaN(x) || Double.isInfinite(x)
                                ? Snippets.token(header.get(cols.x)) + " '" + Snippets.token(new String(a, xs, xe - xs)) + "'"
                                : Snippets.token(header.get(cols.y)) + " '" + Snippets.token(new String(a, ys, ye - ys)) + "'";
                        notNumber.add(t.recordLine(), "line " + t.recordLine() + ": " + bad + " is not a number");
                        continue;
                    }
                    g = Geometries.FACTORY.createPoint(new Coordinate(x, y));
                }
                Object[] values = new Object[n];
                int m = Math.min(fc, n);
                for (int i = 0; i < m; i++) {
                    values[i] = CsvValues.convert(types[i], a, t.start(i), t.end(i));
                }
                if (g != null && !g.isEmpty()) {
                    bounds.expandToInclude(g.getEnvelopeInternal());
                }
                features.add(new Feature(row, g, values));
            }
        } catch (CsvTokenizer.UnclosedQuoteException e) {
            throw new LayerReadException(file, e.getMessage(), e);
        }
        b.features(features);
        for (Skips s : List.of(empty, notNumber, badWkt)) {
            if (s.count > 0) {
                warnings.add(s.message());
            }
        }
        progress.update(1, "read " + file.getFileName());
        return hasZ;
    }

    private static boolean isBlank(char[] a, int s, int e) {
        return CsvValues.trimStart(a, s, e) == e;
    }

    /**
     * A coordinate; with a delimiter other than ',' a single decimal comma ("41,5") is accepted as a
     * decimal point, as European spreadsheets write them.
     */
    private double coordinate(char[] a, int s, int e, char[] scratch) {
        double v = CsvValues.parseDouble(a, s, e);
        if (!Double.isNaN(v) || delimiter == ',' || e - s > scratch.length) {
            return v;
        }
        int comma = -1;
        for (int i = s; i < e; i++) {
            if (a[i] == ',') {
                if (comma >= 0) {
                    return Double.NaN;
                }
                comma = i;
            } else if (a[i] == '.') {
                return Double.NaN;
            }
        }
        if (comma < 0) {
            return Double.NaN;
        }
        System.arraycopy(a, s, scratch, 0, e - s);
        scratch[comma - s] = '.';
        return CsvValues.parseDouble(scratch, 0, e - s);
    }
}
