package io.siteplanner.gis.gpkg;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.Snippets;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads OGC GeoPackage (1.0-1.4) feature and attribute tables with plain JDBC on the xerial SQLite driver.
 *
 * <p>Contract:
 * <ul>
 * <li>The file is opened read-only (no journal, never created): the 100-byte SQLite header is checked
 *     first, so a missing, empty, non-SQLite, encrypted or truncated file fails with a
 *     {@link LayerReadException} ("not a GeoPackage (...)") before SQLite opens it. A WAL-mode file
 *     without a pending {@code -wal} file is opened immutable, so no {@code -shm}/{@code -wal} files are
 *     left beside it.</li>
 * <li>{@link #layerNames} lists the {@code features} tables of {@code gpkg_contents} in table order.
 *     {@link ReadOptions#layer()} picks one by name (exact, then case-insensitive); {@code attributes}
 *     tables can be read by name too (geometry type {@link GeometryType#NONE}, null geometries).</li>
 * <li>CRS: {@code gpkg_spatial_ref_sys} EPSG organisation codes are decoded as EPSG codes, other rows by
 *     their WKT definition; srs_id -1 (undefined Cartesian) gives no CRS, srs_id 0 (undefined geographic)
 *     gives EPSG:4326 with a warning. {@link ReadOptions#crs()} is used only when the file has no CRS.</li>
 * <li>Fields come from the declared column types (INTEGER family, BOOLEAN, REAL/DOUBLE/FLOAT, TEXT,
 *     DATE, DATETIME; other declarations by SQLite affinity). BLOB columns are skipped with a warning.
 *     The fid is the INTEGER PRIMARY KEY column (1-based row order when there is none, e.g. for views).
 *     Values that do not fit their column type are set to null and counted in one warning per field.</li>
 * <li>A geometry blob that cannot be decoded skips its feature; the count and the first fids are given in
 *     one warning. Bounds are computed from the geometries (the gpkg_contents extent may be stale).</li>
 * </ul>
 * Rows are streamed with a forward-only cursor; the whole layer is held in memory afterwards.
 * Stateless and thread-safe.
 */
public final class GeoPackageFormat implements LayerFormat {
    private static final int PROGRESS_EVERY = 4096;
    private static final int MAX_LISTED = 5;

    @Override
    public String id() {
        return "gpkg";
    }

    @Override
    public String displayName() {
        return "GeoPackage";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("gpkg");
    }

    /**
     * True for a SQLite file that has the GeoPackage application id or a {@code gpkg_contents} table, and
     * for any SQLite file with the {@code .gpkg} extension (so that {@link #read} can say what is wrong).
     */
    @Override
    public boolean probe(Path file) throws IOException {
        if (!SqliteHeader.isSqlite(file)) {
            return false;
        }
        SqliteHeader h = SqliteHeader.read(file);
        if (h.gpkgApplicationId() || "gpkg".equals(FormatRegistry.extension(file))) {
            return true;
        }
        try (Connection c = open(file, h)) {
            return hasTable(c, "gpkg_contents");
        } catch (LayerReadException | SQLException e) {
            return false;
        }
    }

    @Override
    public List<String> layerNames(Path file) throws IOException {
        try (Connection c = openGeoPackage(file)) {
            List<String> out = new ArrayList<>();
            for (ContentsRow r : contents(file, c)) {
                if (r.features()) {
                    out.add(r.tableName);
                }
            }
            return out;
        } catch (SQLException e) {
            throw sqlProblem(file, e);
        }
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        try (Connection c = openGeoPackage(file)) {
            List<ContentsRow> contents = contents(file, c);
            ContentsRow row = pick(file, contents, options.layer());
            return readTable(file, c, row, options, progress);
        } catch (SQLException e) {
            throw sqlProblem(file, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // opening

    private static Connection openGeoPackage(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new LayerReadException(file, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new LayerReadException(file, "not a GeoPackage (not a regular file)");
        }
        SqliteHeader h = SqliteHeader.read(file);
        if (h.fileSize == 0) {
            throw new LayerReadException(file, "not a GeoPackage (not a SQLite database: the file is empty)");
        }
        if (!h.sqlite) {
            throw new LayerReadException(file, "not a GeoPackage (not a SQLite database)");
        }
        if (h.fileSize < 100 || !h.validPageSize()) {
            throw new LayerReadException(file, "not a GeoPackage (not a SQLite database: the header is damaged)");
        }
        long expected = h.expectedSize();
        if (expected > 0 && h.fileSize < expected) {
            throw new LayerReadException(file, "not a GeoPackage (the SQLite database is truncated: "
                    + h.fileSize + " of " + expected + " bytes present)");
        }
        Connection c;
        try {
            c = open(file, h);
        } catch (SQLException e) {
            throw new LayerReadException(file, "not a GeoPackage (SQLite cannot open it: " + sqlMessage(e) + ")", e);
        }
        boolean ok = false;
        try {
            if (!hasTable(c, "gpkg_contents")) {
                throw new LayerReadException(file,
                        "not a GeoPackage (a SQLite database without a gpkg_contents table)");
            }
            ok = true;
            return c;
        } catch (SQLException e) {
            throw new LayerReadException(file, "not a GeoPackage (corrupt SQLite database: " + sqlMessage(e) + ")", e);
        } finally {
            if (!ok) {
                closeQuietly(c);
            }
        }
    }

    private static Connection open(Path file, SqliteHeader h) throws SQLException, LayerReadException {
        if (!h.sqlite) {
            throw new LayerReadException(file, "not a GeoPackage (not a SQLite database)");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        cfg.resetOpenMode(SQLiteOpenMode.READWRITE);
        cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
        cfg.setCacheSize(-32768); // 32 MiB page cache
        cfg.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "268435456");
        // a URI, so that any character of the path is safe; a WAL-mode database without a -wal file has
        // nothing pending, so it is opened immutable: SQLite then creates no -shm/-wal files beside it
        Path abs = file.toAbsolutePath();
        String uri = abs.toUri().toString();
        if (h.wal && !Files.exists(abs.resolveSibling(abs.getFileName() + "-wal"))) {
            uri += "?immutable=1";
        }
        return cfg.createConnection("jdbc:sqlite:" + uri);
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND lower(name) = lower(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing useful to do
        }
    }

    private static String sqlMessage(SQLException e) {
        String m = e.getMessage();
        if (m == null) {
            return "SQLite error " + e.getErrorCode();
        }
        // xerial messages look like "[SQLITE_CORRUPT] The database disk image is malformed (...)"
        m = m.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
        return Snippets.library(m.replace('\n', ' '), "SQLite error " + e.getErrorCode());
    }

    private static LayerReadException sqlProblem(Path file, SQLException e) {
        return new LayerReadException(file, "cannot read the GeoPackage: " + sqlMessage(e), e);
    }

    // ---------------------------------------------------------------------------------------------------
    // gpkg_contents

    /** One row of gpkg_contents. */
    private static final class ContentsRow {
        final String tableName;
        final String dataType;
        final Integer srsId;

        ContentsRow(String tableName, String dataType, Integer srsId) {
            this.tableName = tableName;
            this.dataType = dataType;
            this.srsId = srsId;
        }

        boolean features() {
            return "features".equalsIgnoreCase(dataType);
        }

        boolean attributes() {
            return "attributes".equalsIgnoreCase(dataType);
        }
    }

    private static List<ContentsRow> contents(Path file, Connection c) throws SQLException {
        List<ContentsRow> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY rowid")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String type = rs.getString(2);
                int srs = rs.getInt(3);
                Integer srsId = rs.wasNull() ? null : srs;
                if (name != null) {
                    out.add(new ContentsRow(name, type == null ? "" : type, srsId));
                }
            }
        }
        return out;
    }

    private static ContentsRow pick(Path file, List<ContentsRow> rows, String wanted) throws LayerReadException {
        List<String> features = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        for (ContentsRow r : rows) {
            if (r.features()) {
                features.add(r.tableName);
            } else if (r.attributes()) {
                attributes.add(r.tableName);
            }
        }
        if (wanted == null || wanted.isBlank()) {
            for (ContentsRow r : rows) {
                if (r.features()) {
                    return r;
                }
            }
            throw new LayerReadException(file, "the GeoPackage has no feature layers"
                    + (attributes.isEmpty() ? "" : " (attribute tables: " + Snippets.list(attributes)
                            + "; pick one by name)"));
        }
        ContentsRow found = null;
        for (ContentsRow r : rows) {
            if (r.tableName.equals(wanted)) {
                found = r;
                break;
            }
        }
        if (found == null) {
            for (ContentsRow r : rows) {
                if (r.tableName.equalsIgnoreCase(wanted)) {
                    found = r;
                    break;
                }
            }
        }
        if (found != null && (found.features() || found.attributes())) {
            return found;
        }
        if (found != null) {
            throw new LayerReadException(file, "'" + Snippets.token(found.tableName, 40) + "' is a '" + Snippets.token(found.dataType)
                    + "' table, not a feature or attribute table");
        }
        StringBuilder sb = new StringBuilder("no layer named '").append(Snippets.token(wanted, 40)).append("' (layers: ")
                .append(features.isEmpty() ? "none" : Snippets.list(features));
        if (!attributes.isEmpty()) {
            sb.append("; attribute tables: ").append(Snippets.list(attributes));
        }
        throw new LayerReadException(file, sb.append(')').toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // reading one table

    /** A column to read: its index in the result set, its name and target type. */
    private static final class Column {
        final String name;
        final FieldType type;
        final int width;
        int bad;
        final long[] badFids = new long[MAX_LISTED];

        Column(String name, FieldType type, int width) {
            this.name = name;
            this.type = type;
            this.width = width;
        }

        void bad(long fid) {
            if (bad < MAX_LISTED) {
                badFids[bad] = fid;
            }
            bad++;
        }
    }

    private static Layer readTable(Path file, Connection c, ContentsRow row, ReadOptions options, Progress progress)
            throws SQLException, IOException {
        String table = row.tableName;
        VectorLayer.Builder b = VectorLayer.builder(table).source(file);

        String geomColumn = null;
        GeometryType declared = GeometryType.NONE;
        int zFlag = 0;
        Integer srsId = row.srsId;
        CoordinateReferenceSystem crs = null;
        if (row.features()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name, geometry_type_name, srs_id, z "
                    + "FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        geomColumn = rs.getString(1);
                        declared = geometryType(rs.getString(2));
                        int s = rs.getInt(3);
                        if (!rs.wasNull()) {
                            srsId = s;
                        }
                        zFlag = rs.getInt(4);
                    }
                }
            } catch (SQLException e) {
                throw new LayerReadException(file, "layer '" + Snippets.token(table, 40) + "': cannot read gpkg_geometry_columns: "
                        + sqlMessage(e), e);
            }
            if (geomColumn == null) {
                throw new LayerReadException(file, "layer '" + table
                        + "' has no geometry column registered in gpkg_geometry_columns");
            }
            crs = resolveCrs(file, c, srsId, options, b);
        }

        // columns
        String pk = null;
        List<Column> columns = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean sawGeomColumn = false;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String type = rs.getString("type");
                int pkIndex = rs.getInt("pk");
                if (geomColumn != null && name.equalsIgnoreCase(geomColumn)) {
                    sawGeomColumn = true;
                    continue;
                }
                FieldType ft = fieldType(type);
                if (pkIndex == 1 && pk == null && ft == FieldType.INTEGER) {
                    pk = name;
                    continue;
                }
                if (ft == null) {
                    skipped.add(name + " (" + (type == null || type.isEmpty() ? "BLOB" : type) + ")");
                    continue;
                }
                columns.add(new Column(name, ft, width(type)));
            }
        }
        if (columns.isEmpty() && pk == null && !sawGeomColumn) {
            throw new LayerReadException(file, "table '" + Snippets.token(table, 40) + "' listed in gpkg_contents does not exist");
        }
        if (geomColumn != null && !sawGeomColumn) {
            throw new LayerReadException(file, "layer '" + Snippets.token(table, 40) + "': geometry column '" + Snippets.token(geomColumn, 40)
                    + "' does not exist in the table");
        }
        if (!skipped.isEmpty()) {
            b.warn("skipped " + skipped.size() + " binary column(s) that cannot be shown as attributes: "
                    + Snippets.list(skipped));
        }
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column col : columns) {
            fields.add(new Field(col.name, col.type, col.width, 0));
        }
        b.schema(new Schema(fields));
        b.geometryType(declared);

        long estimate = estimateCount(c, table, pk);
        List<Feature> features = new ArrayList<>((int) Math.min(Math.max(estimate, 16), 20_000_000));

        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(pk == null ? "NULL" : quote(pk)).append(", ");
        sql.append(geomColumn == null ? "NULL" : quote(geomColumn));
        for (Column col : columns) {
            sql.append(", ").append(quote(col.name));
        }
        sql.append(" FROM ").append(quote(table));

        GpkgGeometryDecoder decoder = new GpkgGeometryDecoder();
        Envelope bounds = new Envelope();
        int nCols = columns.size();
        Column[] cols = columns.toArray(new Column[0]);
        boolean anyZ = zFlag == 1;
        long order = 0;
        int badGeoms = 0;
        long[] badGeomFids = new long[MAX_LISTED];
        String firstBadReason = null;
        String label = "reading " + table;
        progress.update(0, label);
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    order++;
                    if ((order & (PROGRESS_EVERY - 1)) == 0) {
                        progress.checkCancelled();
                        progress.update(estimate > 0 ? Math.min(1.0, (double) order / estimate) : Double.NaN, label);
                    }
                    long fid;
                    if (pk != null) {
                        fid = rs.getLong(1);
                        if (fid == 0 && rs.wasNull()) {
                            fid = order;
                        }
                    } else {
                        fid = order;
                    }
                    Geometry g = null;
                    if (geomColumn != null) {
                        byte[] blob = rs.getBytes(2);
                        if (blob != null) {
                            try {
                                g = decoder.decode(blob);
                                anyZ |= decoder.lastHadZ();
                                if (!g.isEmpty()) {
                                    bounds.expandToInclude(g.getEnvelopeInternal());
                                }
                            } catch (GpkgGeometryDecoder.BadGeometryException e) {
                                if (badGeoms < MAX_LISTED) {
                                    badGeomFids[badGeoms] = fid;
                                }
                                if (firstBadReason == null) {
                                    firstBadReason = e.getMessage();
                                }
                                badGeoms++;
                                continue;
                            }
                        }
                    }
                    Object[] values = new Object[nCols];
                    for (int i = 0; i < nCols; i++) {
                        values[i] = value(rs, i + 3, cols[i], fid);
                    }
                    features.add(new Feature(fid, g, values));
                }
            }
        } catch (SQLException e) {
            throw new LayerReadException(file, "layer '" + Snippets.token(table, 40) + "': cannot read row " + (order + 1)
                    + " (corrupt or truncated database?): " + sqlMessage(e), e);
        }
        progress.update(1, label);
        if (badGeoms > 0) {
            b.warn(badGeoms + " feature(s) skipped: geometry could not be decoded (fid "
                    + list(badGeomFids, badGeoms) + "): " + firstBadReason);
        }
        for (Column col : cols) {
            if (col.bad > 0) {
                b.warn("field '" + Snippets.token(col.name, 40) + "': " + col.bad + " value(s) are not " + article(col.type)
                        + " and were set to null (fid " + list(col.badFids, col.bad) + ")");
            }
        }
        b.hasZ(anyZ);
        b.features(features);
        b.bounds(bounds);
        if (crs != null) {
            String problem = Crs.checkPlausible(bounds, crs);
            if (problem != null) {
                b.warn(problem);
            }
        }
        return b.build();
    }

    private static String article(FieldType t) {
        switch (t) {
            case INTEGER: return "an integer";
            case REAL: return "a number";
            case BOOLEAN: return "a boolean";
            case DATE: return "a date (YYYY-MM-DD)";
            case DATETIME: return "a date-time (ISO 8601)";
            default: return "text";
        }
    }

    private static String list(long[] fids, int count) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(count, fids.length);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fids[i]);
        }
        if (count > n) {
            sb.append(", ...");
        }
        return sb.toString();
    }

    private static long estimateCount(Connection c, String table, String pk) {
        try {
            if (hasTable(c, "gpkg_ogr_contents")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT feature_count FROM gpkg_ogr_contents WHERE lower(table_name) = lower(?)")) {
                    ps.setString(1, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            long n = rs.getLong(1);
                            if (!rs.wasNull() && n >= 0) {
                                return n;
                            }
                        }
                    }
                }
            }
            if (pk != null) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT MAX(" + quote(pk) + ") FROM " + quote(table))) {
                    if (rs.next()) {
                        return Math.max(0, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            // only an estimate for progress
        }
        return -1;
    }

    private static Object value(ResultSet rs, int index, Column col, long fid) throws SQLException {
        Object v = rs.getObject(index);
        if (v == null) {
            return null;
        }
        switch (col.type) {
            case INTEGER:
                if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).longValue();
                }
                if (v instanceof Number) {
                    double d = ((Number) v).doubleValue();
                    if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                        return (long) d;
                    }
                } else if (v instanceof String) {
                    try {
                        return Long.parseLong(((String) v).trim());
                    } catch (NumberFormatException e) {
                        // bad value below
                    }
                }
                break;
            case REAL:
                if (v instanceof Number) {
                    return ((Number) v).doubleValue();
                }
                if (v instanceof String) {
                    try {
                        return Double.parseDouble(((String) v).trim());
                    } catch (NumberFormatException e) {
                        // bad value below
                    }
                }
                break;
            case BOOLEAN:
                if (v instanceof Number) {
                    return ((Number) v).doubleValue() != 0;
                }
                if (v instanceof String) {
                    String s = ((String) v).trim();
                    if (s.equalsIgnoreCase("true") || s.equals("1")) {
                        return Boolean.TRUE;
                    }
                    if (s.equalsIgnoreCase("false") || s.equals("0")) {
                        return Boolean.FALSE;
                    }
                }
                break;
            case DATE:
                if (v instanceof String) {
                    LocalDate d = parseDate((String) v);
                    if (d != null) {
                        return d;
                    }
                }
                break;
            case DATETIME:
                if (v instanceof String) {
                    LocalDateTime t = parseDateTime((String) v);
                    if (t != null) {
                        return t;
                    }
                }
                break;
            default:
                if (v instanceof String) {
                    return v;
                }
                if (v instanceof Long || v instanceof Integer) {
                    return v.toString();
                }
                if (v instanceof Double) {
                    double d = (Double) v;
                    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
                }
                break;
        }
        col.bad(fid);
        return null;
    }

    static LocalDate parseDate(String s) {
        String t = s.trim();
        if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
            t = t.substring(0, 10);
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO 8601 date-time; an offset or Z is converted to UTC and dropped; a bare date is midnight. */
    static LocalDateTime parseDateTime(String s) {
        String t = s.trim().replace(' ', 'T');
        if (t.length() == 10) {
            LocalDate d = parseDate(t);
            return d == null ? null : d.atStartOfDay();
        }
        try {
            char last = t.charAt(t.length() - 1);
            if (last == 'Z' || last == 'z') {
                return LocalDateTime.parse(t.substring(0, t.length() - 1));
            }
            int tIdx = t.indexOf('T');
            if (tIdx > 0 && (t.indexOf('+', tIdx) > 0 || t.indexOf('-', tIdx) > 0)) {
                return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // CRS and types

    private static CoordinateReferenceSystem resolveCrs(Path file, Connection c, Integer srsId, ReadOptions options,
            VectorLayer.Builder b) throws SQLException {
        CoordinateReferenceSystem crs = null;
        Integer epsg = null;
        if (srsId == null || srsId == -1) {
            if (options.crs() == null) {
                b.warn("the GeoPackage declares an undefined Cartesian CRS (srs_id -1); coordinates have no"
                        + " known CRS");
            }
        } else if (srsId == 0) {
            crs = Crs.wgs84();
            epsg = 4326;
            b.warn("the GeoPackage declares an undefined geographic CRS (srs_id 0); assuming EPSG:4326 (WGS 84)");
        } else {
            String org = null;
            long orgId = -1;
            String def = null;
            boolean found = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT organization, organization_coordsys_id, "
                    + "definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
                ps.setInt(1, srsId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found = true;
                        org = rs.getString(1);
                        orgId = rs.getLong(2);
                        def = rs.getString(3);
                    }
                }
            }
            if (!found) {
                b.warn("srs_id " + srsId + " is not defined in gpkg_spatial_ref_sys; coordinates have no known CRS");
            } else {
                String problem = null;
                if (org != null && org.trim().equalsIgnoreCase("EPSG") && orgId > 0) {
                    try {
                        crs = Crs.decode("EPSG:" + orgId);
                        epsg = (int) orgId;
                    } catch (IllegalArgumentException e) {
                        problem = "EPSG:" + orgId + " is unknown";
                    }
                }
                if (crs == null && def != null && !def.isBlank() && !def.trim().equalsIgnoreCase("undefined")) {
                    try {
                        crs = Crs.parseWkt(def);
                    } catch (FactoryException | RuntimeException e) {
                        String m = e.getMessage();
                        problem = (problem == null ? "" : problem + "; ") + "its WKT definition cannot be parsed"
                                + (m == null ? "" : " (" + Snippets.library(m, "") + ")");
                    }
                }
                if (crs == null) {
                    b.warn("CRS of srs_id " + srsId + " (" + Snippets.token(org) + " " + orgId + ") cannot be used"
                            + (problem == null ? " (no definition)" : ": " + problem)
                            + "; coordinates have no known CRS");
                }
            }
        }
        if (crs == null && options.crs() != null) {
            try {
                crs = Crs.decode(options.crs());
                int code = Crs.parseEpsg(options.crs());
                epsg = code > 0 ? code : null;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid --crs '" + Snippets.token(options.crs(), 40) + "': " + e.getMessage(), e);
            }
        }
        b.crs(crs, epsg);
        return crs;
    }

    static GeometryType geometryType(String name) {
        if (name == null) {
            return GeometryType.GEOMETRY;
        }
        switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "POINT": return GeometryType.POINT;
            case "LINESTRING": return GeometryType.LINESTRING;
            case "POLYGON": return GeometryType.POLYGON;
            case "MULTIPOINT": return GeometryType.MULTIPOINT;
            case "MULTILINESTRING": return GeometryType.MULTILINESTRING;
            case "MULTIPOLYGON": return GeometryType.MULTIPOLYGON;
            case "GEOMETRYCOLLECTION": return GeometryType.GEOMETRYCOLLECTION;
            default: return GeometryType.GEOMETRY;
        }
    }

    /** The field type of a declared column type; null for columns that are skipped (BLOB, geometry). */
    static FieldType fieldType(String declared) {
        String t = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        if (paren >= 0) {
            t = t.substring(0, paren).trim();
        }
        switch (t) {
            case "INTEGER": case "INT": case "MEDIUMINT": case "SMALLINT": case "TINYINT": case "BIGINT":
                return FieldType.INTEGER;
            case "BOOLEAN":
                return FieldType.BOOLEAN;
            case "REAL": case "DOUBLE": case "FLOAT":
                return FieldType.REAL;
            case "TEXT":
                return FieldType.STRING;
            case "DATE":
                return FieldType.DATE;
            case "DATETIME":
                return FieldType.DATETIME;
            case "BLOB":
            case "GEOMETRY": case "POINT": case "LINESTRING": case "POLYGON": case "MULTIPOINT":
            case "MULTILINESTRING": case "MULTIPOLYGON": case "GEOMETRYCOLLECTION":
                return null;
            case "":
                return FieldType.STRING;
            default:
                break;
        }
        // SQLite type affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity)
        if (t.contains("INT")) {
            return FieldType.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return FieldType.STRING;
        }
        if (t.contains("BLOB")) {
            return null;
        }
        return FieldType.REAL;
    }

    private static int width(String declared) {
        if (declared == null) {
            return 0;
        }
        int open = declared.indexOf('(');
        int close = declared.indexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        try {
            return Integer.parseInt(declared.substring(open + 1, close).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
