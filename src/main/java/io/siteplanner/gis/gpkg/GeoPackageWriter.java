package io.siteplanner.gis.gpkg;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a new GeoPackage 1.3 (OGC 12-128r18) with plain JDBC over SQLite: vector layers as feature
 * tables in their own CRS ({@link #writeFeatures}, or row by row for streamed output through
 * {@link #startFeatures}), plus attribute tables the caller creates through {@link #connection()} and
 * registers with {@link #registerAttributes}.
 *
 * <p>Contract:
 * <ul>
 * <li>{@link #create} makes a new file (it must not exist) with {@code application_id 'GPKG'},
 *     {@code user_version 10300}, {@code gpkg_spatial_ref_sys} (the required -1, 0 and 4326 rows),
 *     {@code gpkg_contents} and {@code gpkg_geometry_columns}. Everything happens in ONE transaction, made
 *     durable by {@link #commit()}; {@link #close()} without commit leaves an unusable file that the caller
 *     deletes (write to a temp file and move it into place).</li>
 * <li>Each layer's CRS is registered once: EPSG CRSs under their code (organization {@code EPSG}), others
 *     under srs_id 100000+ (organization {@code NONE}); the definition is GeoTools' WKT 1. A layer
 *     without CRS uses srs_id -1.</li>
 * <li>Feature tables: {@code fid INTEGER PRIMARY KEY} (the features' fids when unique, else 1..n), a
 *     geometry column and one column per field (TEXT, INTEGER, REAL, BOOLEAN, DATE, DATETIME; dates as
 *     ISO 8601 text). Column names that collide case-insensitively (SQLite ignores case) get a suffix
 *     {@code _2}, {@code _3}. A value whose Java type does not match its field type fails the write with
 *     an {@link IOException} naming layer, fid and field.</li>
 * <li>Geometry blobs: see {@link GpkgGeometryEncoder}. The declared geometry type is one every blob
 *     conforms to ({@link #columnType}): e.g. a MULTIPOLYGON layer with some plain polygons (GeoJSON) gets
 *     those written as one-part multipolygons. The extent in gpkg_contents is the layer's bounds.</li>
 * <li>{@code progress} is checked for cancellation at the start of every layer and every 4,096
 *     features; a cancel throws {@link io.siteplanner.model.CancelledException}.</li>
 * </ul>
 * No spatial index (rtree) is written: readers fall back to a scan. Not thread-safe.
 */
public final class GeoPackageWriter implements AutoCloseable {
    /** Valid table names: a letter, then letters, digits or underscores; at most 63 characters. */
    public static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final int CHECK_EVERY = 4096;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT);

    private final Path file;
    private final Connection con;
    private final Map<String, Integer> srsByWkt = new HashMap<>();
    private final Set<Integer> srsIds = new HashSet<>();
    private final Set<String> tables = new HashSet<>();
    private int nextCustomSrs = 100000;
    private boolean committed;

    private GeoPackageWriter(Path file, Connection con) {
        this.file = file;
        this.con = con;
    }

    /**
     * Creates a new GeoPackage with the required metadata tables, in an open transaction.
     *
     * @throws IOException when the file exists or cannot be created
     */
    public static GeoPackageWriter create(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IOException(file.getFileName() + ": already exists");
        }
        Connection con;
        try {
            con = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new IOException(file.getFileName() + ": cannot create the GeoPackage: " + e.getMessage(), e);
        }
        GeoPackageWriter w = new GeoPackageWriter(file, con);
        boolean ok = false;
        try {
            w.init();
            ok = true;
            return w;
        } catch (SQLException e) {
            throw w.failure("cannot create the GeoPackage", e);
        } finally {
            if (!ok) {
                w.close();
            }
        }
    }

    private void init() throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("PRAGMA application_id = 1196444487"); // 0x47504B47 'GPKG'
            st.execute("PRAGMA user_version = 10300");
            st.execute("PRAGMA journal_mode = MEMORY");
            st.execute("PRAGMA synchronous = FULL");
        }
        con.setAutoCommit(false);
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                    + " description TEXT)");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,"
                    + " srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES"
                    + " gpkg_spatial_ref_sys(srs_id))");
            st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                    + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                    + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
        }
        insertSrs("Undefined cartesian SRS", -1, "NONE", -1, "undefined",
                "undefined cartesian coordinate reference system");
        insertSrs("Undefined geographic SRS", 0, "NONE", 0, "undefined",
                "undefined geographic coordinate reference system");
        insertSrs("WGS 84 geodetic", 4326, "EPSG", 4326, "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
                + "6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\","
                + "0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                + "AUTHORITY[\"EPSG\",\"4326\"]]", "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
    }

    private void insertSrs(String name, int id, String org, int orgId, String def, String desc) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, name);
            ps.setInt(2, id);
            ps.setString(3, org);
            ps.setInt(4, orgId);
            ps.setString(5, def);
            ps.setString(6, desc);
            ps.executeUpdate();
        }
        srsIds.add(id);
    }

    /** The open connection (in the write transaction), for attribute tables of the caller. */
    public Connection connection() {
        return con;
    }

    /** True when {@code name} is a valid new table name (see {@link #TABLE_NAME}; not {@code gpkg_*}/{@code rtree_*}). */
    public static boolean isValidTableName(String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            return false;
        }
        String l = name.toLowerCase(Locale.ROOT);
        return !l.startsWith("gpkg_") && !l.startsWith("rtree_") && !l.startsWith("sqlite_");
    }

    /**
     * The srs_id for a CRS, registering it in gpkg_spatial_ref_sys when new: the EPSG code when known,
     * else 100000+; -1 for null.
     */
    public int srsId(CoordinateReferenceSystem crs, Integer epsg) throws IOException {
        if (crs == null) {
            return -1;
        }
        Integer code = epsg != null ? epsg : Crs.epsgCode(crs);
        if (code != null && srsIds.contains(code)) {
            return code;
        }
        String wkt;
        try {
            wkt = crs.toWKT();
        } catch (RuntimeException e) {
            wkt = crs.toString();
        }
        if (code == null) {
            Integer known = srsByWkt.get(wkt);
            if (known != null) {
                return known;
            }
        }
        int id = code != null ? code : nextCustomSrs++;
        try {
            insertSrs(Crs.name(crs), id, code != null ? "EPSG" : "NONE", id, wkt, null);
        } catch (SQLException e) {
            throw failure("cannot register the CRS " + Crs.name(crs), e);
        }
        srsByWkt.put(wkt, id);
        return id;
    }

    /**
     * Writes a layer as a feature table named {@code table}, in its own CRS.
     *
     * @throws IllegalArgumentException when the table name is invalid or already used
     * @throws IOException on SQLite errors or a value that does not match its field type
     */
    public void writeFeatures(String table, VectorLayer layer, String description, Progress progress)
            throws IOException {
        progress.checkCancelled();
        boolean keepFids = fidsUnique(layer);
        FeatureTable t = startFeatures(table, layer.schema(), layer.crs(), layer.epsg(), columnType(layer),
                layer.hasZ(), description);
        int n = layer.size();
        String label = "writing " + table;
        for (int i = 0; i < n; i++) {
            if (i % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / n, label);
            }
            Feature f = layer.get(i);
            t.insert(keepFids ? f.fid() : i + 1L, f);
        }
        t.finish();
        progress.update(1, label);
    }

    /**
     * Starts a feature table that is written row by row with {@link FeatureTable#add}, for output produced
     * as a stream (never held as a layer). Same table layout as {@link #writeFeatures}; the declared
     * geometry {@code type} is used as given (single geometries are promoted to a multi {@code type}, see
     * {@link #promote}). The table is registered in gpkg_contents and gpkg_geometry_columns, with the extent
     * of the rows added, by {@link FeatureTable#finish()}.
     *
     * @param epsg the CRS's EPSG code when known (null: looked up)
     * @throws IllegalArgumentException when the table name is invalid or already used
     * @throws IOException on SQLite errors
     */
    public FeatureTable startFeatures(String table, Schema schema, CoordinateReferenceSystem crs, Integer epsg,
            GeometryType type, boolean hasZ, String description) throws IOException {
        newTable(table);
        return new FeatureTable(table, schema, srsId(crs, epsg), type, hasZ, description);
    }

    /** A feature table being written; see {@link #startFeatures}. Not thread-safe. */
    public final class FeatureTable {
        private final String table;
        private final Schema schema;
        private final int srs;
        private final GeometryType type;
        private final boolean z;
        private final String description;
        private final String geomCol;
        private final GpkgGeometryEncoder enc;
        private final PreparedStatement ps;
        private final PreparedStatement rtree;
        private final String rtreeName;
        private final String fidColumn;
        private final Envelope ext = new Envelope();
        private long pending;
        private boolean finished;

        private FeatureTable(String table, Schema schema, int srs, GeometryType type, boolean z, String description)
                throws IOException {
            this.table = table;
            this.schema = schema;
            this.srs = srs;
            this.type = type == GeometryType.NONE ? GeometryType.GEOMETRY : type;
            this.z = z;
            this.description = description;
            this.enc = new GpkgGeometryEncoder(z);
            int nf = schema.size();
            // column names: SQLite compares them case-insensitively
            Set<String> used = new HashSet<>();
            String[] cols = new String[nf];
            for (int i = 0; i < nf; i++) {
                cols[i] = unique(schema.field(i).name(), used);
            }
            String fidCol = unique("fid", used);
            fidColumn = fidCol;
            geomCol = unique("geom", used);
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (")
                    .append(quote(fidCol)).append(" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ")
                    .append(quote(geomCol)).append(' ').append(typeName(this.type));
            StringBuilder ins = new StringBuilder("INSERT INTO ").append(quote(table)).append(" VALUES (?, ?");
            for (int i = 0; i < nf; i++) {
                ddl.append(", ").append(quote(cols[i])).append(' ').append(sqlType(schema.field(i).type()));
                ins.append(", ?");
            }
            ddl.append(')');
            ins.append(')');
            try {
                rtreeName = "rtree_" + table + "_" + geomCol;
                try (Statement st = con.createStatement()) {
                    st.execute(ddl.toString());
                    st.execute("CREATE VIRTUAL TABLE " + quote(rtreeName) + " USING rtree(id, minx, maxx, miny, maxy)");
                }
                ps = con.prepareStatement(ins.toString());
                rtree = con.prepareStatement("INSERT INTO " + quote(rtreeName) + " VALUES (?, ?, ?, ?, ?)");
            } catch (SQLException e) {
                throw failure("cannot write layer '" + table + "'", e);
            }
        }

        /**
         * Adds one feature (its fid must be new in this table; values in schema order).
         *
         * @throws IOException on SQLite errors or a value that does not match its field type
         */
        public void add(Feature f) throws IOException {
            insert(f.fid(), f);
        }

        private void insert(long fid, Feature f) throws IOException {
            if (finished) {
                throw new IllegalStateException("table '" + table + "' is finished");
            }
            try {
                ps.setLong(1, fid);
                Geometry g = f.geometry();
                if (g == null) {
                    ps.setNull(2, Types.BLOB);
                } else {
                    if (!g.isEmpty()) {
                        Envelope e = g.getEnvelopeInternal();
                        ext.expandToInclude(e);
                        rtree.setLong(1, fid);
                        rtree.setDouble(2, e.getMinX());
                        rtree.setDouble(3, e.getMaxX());
                        rtree.setDouble(4, e.getMinY());
                        rtree.setDouble(5, e.getMaxY());
                        rtree.addBatch();
                    }
                    ps.setBytes(2, enc.encode(promote(g, type), srs));
                }
                int nf = schema.size();
                for (int k = 0; k < nf; k++) {
                    Object v = k < f.valueCount() ? f.value(k) : null;
                    bind(ps, 3 + k, v, schema.field(k), table, fid);
                }
                ps.addBatch();
                if ((++pending & 1023) == 0) {
                    ps.executeBatch();
                    rtree.executeBatch();
                }
            } catch (SQLException e) {
                throw failure("cannot write layer '" + table + "'", e);
            }
        }

        /** Writes the pending rows and registers the table with the extent of its rows. */
        public void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            try {
                ps.executeBatch();
                ps.close();
                rtree.executeBatch();
                rtree.close();
                spatialIndexTriggers(table, geomCol, fidColumn, rtreeName);
                try (PreparedStatement c = con.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type,"
                        + " identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?,"
                        + " 'features', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    c.setString(1, table);
                    c.setString(2, table);
                    c.setString(3, description == null ? "" : description);
                    c.setString(4, now());
                    if (ext.isNull()) {
                        for (int k = 5; k <= 8; k++) {
                            c.setNull(k, Types.DOUBLE);
                        }
                    } else {
                        c.setDouble(5, ext.getMinX());
                        c.setDouble(6, ext.getMinY());
                        c.setDouble(7, ext.getMaxX());
                        c.setDouble(8, ext.getMaxY());
                    }
                    c.setInt(9, srs);
                    c.executeUpdate();
                }
                try (PreparedStatement c = con.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?,"
                        + " ?, 0)")) {
                    c.setString(1, table);
                    c.setString(2, geomCol);
                    c.setString(3, typeName(type));
                    c.setInt(4, srs);
                    c.setInt(5, z ? 1 : 0);
                    c.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure("cannot write layer '" + table + "'", e);
            }
        }
    }

    /**
     * Registers the R-tree spatial index of a feature table (GeoPackage extension gpkg_rtree_index, OGC
     * 12-128r18 Annex F.3, as GDAL writes it): the rtree virtual table is filled while the rows are
     * written; the triggers that keep it in step with later edits by other tools (GDAL, QGIS, which define
     * the ST_* functions they call) are created here.
     */
    private void spatialIndexTriggers(String t, String c, String fid, String r) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name"
                    + " TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE"
                    + " (table_name, column_name, extension_name))");
            String qt = quote(t);
            String qc = quote(c);
            String qr = quote(r);
            String qi = quote(fid);
            String bounds = "NEW." + qi + ", ST_MinX(NEW." + qc + "), ST_MaxX(NEW." + qc + "), ST_MinY(NEW." + qc
                    + "), ST_MaxY(NEW." + qc + ")";
            String notEmpty = "NEW." + qc + " NOTNULL AND NOT ST_IsEmpty(NEW." + qc + ")";
            String empty = "NEW." + qc + " ISNULL OR ST_IsEmpty(NEW." + qc + ")";
            st.execute("CREATE TRIGGER " + quote(r + "_insert") + " AFTER INSERT ON " + qt + " WHEN (" + notEmpty
                    + ") BEGIN INSERT OR REPLACE INTO " + qr + " VALUES (" + bounds + "); END");
            st.execute("CREATE TRIGGER " + quote(r + "_update1") + " AFTER UPDATE OF " + qc + " ON " + qt
                    + " WHEN OLD." + qi + " = NEW." + qi + " AND (" + notEmpty + ") BEGIN INSERT OR REPLACE INTO " + qr
                    + " VALUES (" + bounds + "); END");
            st.execute("CREATE TRIGGER " + quote(r + "_update2") + " AFTER UPDATE OF " + qc + " ON " + qt
                    + " WHEN OLD." + qi + " = NEW." + qi + " AND (" + empty + ") BEGIN DELETE FROM " + qr
                    + " WHERE id = OLD." + qi + "; END");
            st.execute("CREATE TRIGGER " + quote(r + "_update3") + " AFTER UPDATE OF " + qc + " ON " + qt
                    + " WHEN OLD." + qi + " != NEW." + qi + " AND (" + notEmpty + ") BEGIN DELETE FROM " + qr
                    + " WHERE id = OLD." + qi + "; INSERT OR REPLACE INTO " + qr + " VALUES (" + bounds + "); END");
            st.execute("CREATE TRIGGER " + quote(r + "_update4") + " AFTER UPDATE ON " + qt
                    + " WHEN OLD." + qi + " != NEW." + qi + " AND (" + empty + ") BEGIN DELETE FROM " + qr
                    + " WHERE id IN (OLD." + qi + ", NEW." + qi + "); END");
            st.execute("CREATE TRIGGER " + quote(r + "_delete") + " AFTER DELETE ON " + qt + " WHEN OLD." + qc
                    + " NOT NULL BEGIN DELETE FROM " + qr + " WHERE id = OLD." + qi + "; END");
        }
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index',"
                + " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")) {
            ps.setString(1, t);
            ps.setString(2, c);
            ps.executeUpdate();
        }
    }

    /**
     * Registers an attribute table (created by the caller through {@link #connection()}, with an
     * INTEGER PRIMARY KEY column) in gpkg_contents.
     */
    public void registerAttributes(String table, String description) throws IOException {
        newTable(table);
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                + " description, last_change) VALUES (?, 'attributes', ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, description == null ? "" : description);
            ps.setString(4, now());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot register table '" + table + "'", e);
        }
    }

    private void newTable(String table) {
        if (!isValidTableName(table)) {
            throw new IllegalArgumentException("invalid table name '" + table + "': use a letter, then letters, digits"
                    + " or _ (at most 63), not starting with gpkg_ or rtree_");
        }
        if (!tables.add(table.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("duplicate table name '" + table + "'");
        }
    }

    /** Commits the transaction; the file is then a complete GeoPackage. */
    public void commit() throws IOException {
        try {
            con.commit();
            committed = true;
        } catch (SQLException e) {
            throw failure("cannot commit", e);
        }
    }

    /** True after a successful {@link #commit()}. */
    public boolean committed() {
        return committed;
    }

    /** Closes the connection; without a commit the transaction is rolled back. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed && !con.getAutoCommit()) {
                con.rollback();
            }
        } catch (SQLException e) {
            // closing below discards the transaction anyway
        }
        try {
            con.close();
        } catch (SQLException e) {
            throw failure("cannot close", e);
        }
    }

    private IOException failure(String what, SQLException e) {
        String m = e.getMessage() == null ? "SQLite error " + e.getErrorCode()
                : e.getMessage().replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
        return new IOException(file.getFileName() + ": " + what + ": " + m, e);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void bind(PreparedStatement ps, int idx, Object v, Field field, String table, long fid)
            throws SQLException, IOException {
        if (v == null) {
            ps.setNull(idx, Types.NULL);
            return;
        }
        FieldType t = field.type();
        if (!t.javaType().isInstance(v)) {
            throw new IOException("layer '" + table + "', feature " + fid + ", field '" + field.name()
                    + "': value " + v + " is a " + v.getClass().getSimpleName() + ", not " + t.javaType().getSimpleName());
        }
        switch (t) {
            case INTEGER:
                ps.setLong(idx, (Long) v);
                break;
            case REAL:
                double d = (Double) v;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    ps.setNull(idx, Types.DOUBLE);
                } else {
                    ps.setDouble(idx, d);
                }
                break;
            case BOOLEAN:
                ps.setInt(idx, (Boolean) v ? 1 : 0);
                break;
            case DATE:
                ps.setString(idx, ((LocalDate) v).toString());
                break;
            case DATETIME:
                ps.setString(idx, DATETIME.format((LocalDateTime) v));
                break;
            default:
                ps.setString(idx, (String) v);
                break;
        }
    }

    private static String sqlType(FieldType t) {
        switch (t) {
            case INTEGER: return "INTEGER";
            case REAL: return "REAL";
            case BOOLEAN: return "BOOLEAN";
            case DATE: return "DATE";
            case DATETIME: return "DATETIME";
            default: return "TEXT";
        }
    }

    /**
     * The geometry type to declare for a layer so that every geometry is of that type (requirement 32):
     * the layer's declared type when all geometries conform, else the common type of the geometries, where
     * single geometries are promoted to the multi type of their family (see {@link #promote}).
     */
    public static GeometryType columnType(VectorLayer layer) {
        GeometryType declared = layer.geometryType();
        if (declared == GeometryType.NONE) {
            declared = GeometryType.GEOMETRY;
        }
        boolean conform = true;
        GeometryType merged = null;
        for (Feature f : layer.features()) {
            Geometry g = f.geometry();
            if (g == null) {
                continue;
            }
            GeometryType t = GeometryType.of(g);
            merged = GeometryType.merge(merged, t);
            if (!(declared == GeometryType.GEOMETRY || t == declared
                    || declared == GeometryType.GEOMETRYCOLLECTION && g instanceof GeometryCollection)) {
                conform = false;
            }
        }
        return conform || merged == null ? declared : merged;
    }

    /** A single point/line/polygon wrapped in the multi type when the column type is that multi type. */
    public static Geometry promote(Geometry g, GeometryType type) {
        GeometryFactory f = g.getFactory();
        if (type == GeometryType.MULTIPOLYGON && g instanceof Polygon) {
            return f.createMultiPolygon(new Polygon[] {(Polygon) g});
        }
        if (type == GeometryType.MULTILINESTRING && g instanceof LineString) {
            return f.createMultiLineString(new LineString[] {(LineString) g});
        }
        if (type == GeometryType.MULTIPOINT && g instanceof Point) {
            return f.createMultiPoint(new Point[] {(Point) g});
        }
        return g;
    }

    /** The gpkg_geometry_columns type name of a layer (see {@link #columnType}). */
    public static String geometryTypeName(VectorLayer layer) {
        return typeName(columnType(layer));
    }

    private static String typeName(GeometryType type) {
        switch (type) {
            case POINT: return "POINT";
            case LINESTRING: return "LINESTRING";
            case POLYGON: return "POLYGON";
            case MULTIPOINT: return "MULTIPOINT";
            case MULTILINESTRING: return "MULTILINESTRING";
            case MULTIPOLYGON: return "MULTIPOLYGON";
            case GEOMETRYCOLLECTION: return "GEOMETRYCOLLECTION";
            default: return "GEOMETRY";
        }
    }

    private static boolean fidsUnique(VectorLayer layer) {
        long prev = Long.MIN_VALUE;
        boolean increasing = true;
        for (Feature f : layer.features()) {
            if (f.fid() <= prev) {
                increasing = false;
                break;
            }
            prev = f.fid();
        }
        if (increasing) {
            return true;
        }
        Set<Long> seen = new HashSet<>(layer.size() * 2);
        for (Feature f : layer.features()) {
            if (!seen.add(f.fid())) {
                return false;
            }
        }
        return true;
    }

    private static String unique(String name, Set<String> used) {
        String n = name.isEmpty() ? "field" : name;
        String candidate = n;
        for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); k++) {
            candidate = n + "_" + k;
        }
        return candidate;
    }

    /** An SQL identifier in double quotes. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
