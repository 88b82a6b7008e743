package io.siteplanner.export;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes ranked sites to a GeoPackage 1.3 (OGC 12-128r18) feature table {@code sites} with the columns
 * of a {@link SiteTable} (empty text as NULL), geometries in the analysis CRS (its WKT and EPSG code are registered in
 * {@code gpkg_spatial_ref_sys}). Plain JDBC over SQLite: the required metadata tables, the GeoPackage
 * binary geometry header (little-endian, xy envelope) + WKB, one transaction. Written through {@link AtomicWrite}.
 */
public final class ResultsGpkgWriter {
    /** The feature table name. */
    public static final String TABLE = "sites";

    private ResultsGpkgWriter() {
    }

    /** Writes the top rows (top &lt;= 0: all) in the {@link ResultColumns} layout. */
    public static void write(ScoreResult r, int top, Path out, Progress progress) throws IOException {
        write(SiteTable.ranked(r, top), out, progress);
    }

    /** Writes a table as the feature table {@value #TABLE}. */
    public static void write(SiteTable t, Path out, Progress progress) throws IOException {
        AtomicWrite.write(out, tmp -> writeTo(t, tmp, out, progress));
    }

    private static void writeTo(SiteTable t, Path tmp, Path out, Progress progress) throws IOException {
        ScoringSession s = t.result().session();
        int rows = t.size();
        List<SiteTable.Column> cols = t.columns();
        Integer epsg = s.analysisCrs() == null ? null : Crs.epsgCode(s.analysisCrs());
        int srsId = epsg == null ? 99999 : epsg;
        String wkt = s.analysisCrs() == null ? "undefined" : s.analysisCrs().toWKT();
        Envelope ext = new Envelope();
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
            try (Statement st = con.createStatement()) {
                st.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
                st.execute("PRAGMA user_version = 10300");
                st.execute("PRAGMA journal_mode = OFF");
                st.execute("PRAGMA synchronous = OFF");
            }
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
                        + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                        + " description TEXT)");
                st.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                        + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                        + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,"
                        + " srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
                st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                        + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                        + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                        + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                        + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
                st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',"
                        + " 'undefined cartesian coordinate reference system')");
                st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',"
                        + " 'undefined geographic coordinate reference system')");
                st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\","
                        + "DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
                        + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]',"
                        + " 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
            }
            if (srsId != 4326) {
                try (PreparedStatement ps = con.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)")) {
                    ps.setString(1, s.analysisCrs() == null ? "unknown" : Crs.name(s.analysisCrs()));
                    ps.setInt(2, srsId);
                    ps.setString(3, epsg == null ? "NONE" : "EPSG");
                    ps.setInt(4, epsg == null ? srsId : epsg);
                    ps.setString(5, wkt);
                    ps.setString(6, "analysis CRS of the scenario");
                    ps.executeUpdate();
                }
            }
            StringBuilder ddl = new StringBuilder("CREATE TABLE \"" + TABLE + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " geom " + geometryTypeName(s));
            StringBuilder ins = new StringBuilder("INSERT INTO \"" + TABLE + "\" VALUES (NULL, ?");
            for (SiteTable.Column c : cols) {
                ddl.append(", \"").append(c.name().replace("\"", "\"\"")).append("\" ").append(sqlType(c.type()));
                ins.append(", ?");
            }
            ddl.append(')');
            ins.append(')');
            try (Statement st = con.createStatement()) {
                st.execute(ddl.toString());
            }
            WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
            try (PreparedStatement ps = con.prepareStatement(ins.toString())) {
                Object[] v = null;
                for (int p = 0; p < rows; p++) {
                    if ((p & 4095) == 0) {
                        progress.checkCancelled();
                        progress.update((double) p / rows, "writing GeoPackage");
                    }
                    int site = t.site(p);
                    Geometry g = s.geometry(site);
                    if (g == null || g.isEmpty()) {
                        ps.setNull(1, java.sql.Types.BLOB);
                    } else {
                        ext.expandToInclude(g.getEnvelopeInternal());
                        ps.setBytes(1, gpkgBlob(g, srsId, wkb));
                    }
                    v = t.values(p, v);
                    for (int c = 0; c < cols.size(); c++) {
                        Object x = v[c];
                        int k = c + 2;
                        if (x == null || "".equals(x)) {
                            ps.setNull(k, java.sql.Types.NULL);
                        } else if (x instanceof Double) {
                            ps.setDouble(k, (Double) x);
                        } else if (x instanceof Long) {
                            ps.setLong(k, (Long) x);
                        } else if (x instanceof Boolean) {
                            ps.setInt(k, ((Boolean) x) ? 1 : 0);
                        } else {
                            ps.setString(k, x.toString());
                        }
                    }
                    ps.addBatch();
                    if ((p & 1023) == 1023) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                    + " description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, TABLE);
                ps.setString(2, TABLE);
                ps.setString(3, "ranked sites: " + (s.scenario().name() == null ? "" : s.scenario().name()));
                ps.setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                if (ext.isNull()) {
                    for (int k = 5; k <= 8; k++) {
                        ps.setNull(k, java.sql.Types.DOUBLE);
                    }
                } else {
                    ps.setDouble(5, ext.getMinX());
                    ps.setDouble(6, ext.getMinY());
                    ps.setDouble(7, ext.getMaxX());
                    ps.setDouble(8, ext.getMaxY());
                }
                ps.setInt(9, srsId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)")) {
                ps.setString(1, TABLE);
                ps.setString(2, geometryTypeName(s));
                ps.setInt(3, srsId);
                ps.executeUpdate();
            }
            con.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write GeoPackage " + out.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String sqlType(SiteTable.Type t) {
        switch (t) {
            case INTEGER: return "INTEGER";
            case REAL: return "DOUBLE";
            case BOOLEAN: return "BOOLEAN";
            default: return "TEXT";
        }
    }

    private static String geometryTypeName(ScoringSession s) {
        switch (s.candidates().geometryType()) {
            case POLYGON: return "POLYGON";
            case MULTIPOLYGON: return "MULTIPOLYGON";
            case POINT: return "POINT";
            case MULTIPOINT: return "MULTIPOINT";
            case LINESTRING: return "LINESTRING";
            case MULTILINESTRING: return "MULTILINESTRING";
            default: return "GEOMETRY";
        }
    }

    /** GeoPackage binary: "GP", version 0, flags (xy envelope, little endian), srs id, envelope, WKB. */
    static byte[] gpkgBlob(Geometry g, int srsId, WKBWriter wkb) {
        byte[] body = wkb.write(g);
        Envelope e = g.getEnvelopeInternal();
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x47).put((byte) 0x50).put((byte) 0).put((byte) 0x03).putInt(srsId);
        b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        b.put(body);
        return b.array();
    }
}
