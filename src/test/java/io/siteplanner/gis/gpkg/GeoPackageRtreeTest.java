package io.siteplanner.gis.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.Function;

/**
 * Written GeoPackages carry an R-tree spatial index as GDAL writes it (gpkg_rtree_index, GeoPackage 1.3
 * Annex F.3): checked in plain SQL, and the triggers exercised with ST_* functions defined here the way
 * GDAL and QGIS define them (from the geometry blob), so an edit by another tool keeps the index right.
 */
class GeoPackageRtreeTest {
    @TempDir
    Path dir;

    static final Schema SCHEMA = new Schema(List.of(new Field("name", FieldType.STRING)));

    static Geometry square(double x, double y, double size) {
        return Geometries.FACTORY.toGeometry(new Envelope(x, x + size, y, y + size));
    }

    @Test
    void indexHoldsTheEnvelopeOfEveryNonEmptyGeometryAndFollowsEdits() throws Exception {
        Path f = dir.resolve("r.gpkg");
        List<Geometry> geoms = new ArrayList<>();
        try (GeoPackageWriter w = GeoPackageWriter.create(f)) {
            GeoPackageWriter.FeatureTable t = w.startFeatures("sites", SCHEMA, Crs.decode("EPSG:5070"), 5070,
                    GeometryType.POLYGON, false, "test");
            for (int i = 1; i <= 1500; i++) { // more than one JDBC batch
                Geometry g = square(i * 100.5, -i * 3.25, 10 + i % 7);
                geoms.add(g);
                t.add(new Feature(i, g, new Object[] {"s" + i}));
            }
            t.add(new Feature(2000, null, new Object[] {"no geometry"}));
            t.add(new Feature(2001, Geometries.FACTORY.createPolygon(), new Object[] {"empty"}));
            t.finish();
            w.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, extension_name, scope FROM"
                    + " gpkg_extensions")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4))
                        .isEqualTo("sites/geom/gpkg_rtree_index/write-only");
            }
            List<String> triggers = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            assertThat(triggers).containsExactly("rtree_sites_geom_delete", "rtree_sites_geom_insert",
                    "rtree_sites_geom_update1", "rtree_sites_geom_update2", "rtree_sites_geom_update3",
                    "rtree_sites_geom_update4");
            // one entry per non-empty geometry, each box enclosing its geometry's envelope (R*Tree stores
            // 32-bit floats rounded outwards)
            int n = 0;
            try (ResultSet rs = st.executeQuery("SELECT id, minx, maxx, miny, maxy FROM rtree_sites_geom ORDER BY id")) {
                while (rs.next()) {
                    Envelope e = geoms.get((int) rs.getLong(1) - 1).getEnvelopeInternal();
                    assertThat(rs.getDouble(2)).isLessThanOrEqualTo(e.getMinX()).isGreaterThan(e.getMinX() - 1e-2);
                    assertThat(rs.getDouble(3)).isGreaterThanOrEqualTo(e.getMaxX()).isLessThan(e.getMaxX() + 1e-2);
                    assertThat(rs.getDouble(4)).isLessThanOrEqualTo(e.getMinY()).isGreaterThan(e.getMinY() - 1e-2);
                    assertThat(rs.getDouble(5)).isGreaterThanOrEqualTo(e.getMaxY()).isLessThan(e.getMaxY() + 1e-2);
                    n++;
                }
            }
            assertThat(n).isEqualTo(1500);
            // a window query through the index finds what a plain scan finds
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rtree_sites_geom WHERE maxx >= 1000 AND"
                    + " minx <= 5000 AND maxy >= -100 AND miny <= 0")) {
                rs.next();
                long want = geoms.stream().filter(g -> g.getEnvelopeInternal().intersects(new Envelope(1000, 5000, -100,
                        0))).count();
                assertThat(rs.getLong(1)).isEqualTo(want);
            }
            // another tool edits the table: the triggers keep the index in step
            defineStFunctions(c);
            byte[] moved = new GpkgGeometryEncoder(false).encode(square(-9000, -9000, 5), 5070);
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE sites SET geom = ? WHERE fid = 3")) {
                ps.setBytes(1, moved);
                ps.executeUpdate();
            }
            st.executeUpdate("DELETE FROM sites WHERE fid = 4");
            st.executeUpdate("UPDATE sites SET geom = NULL WHERE fid = 5");
            try (ResultSet rs = st.executeQuery("SELECT minx, maxx FROM rtree_sites_geom WHERE id = 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isLessThanOrEqualTo(-9000).isGreaterThan(-9000.01);
                assertThat(rs.getDouble(2)).isGreaterThanOrEqualTo(-8995).isLessThan(-8994.99);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rtree_sites_geom WHERE id IN (4, 5)")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    /** ST_IsEmpty, ST_MinX/MaxX/MinY/MaxY over GeoPackage geometry blobs (our decoder), as GDAL provides them. */
    static void defineStFunctions(Connection c) throws SQLException {
        String[] names = {"ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY", "ST_IsEmpty"};
        for (int k = 0; k < names.length; k++) {
            int which = k;
            Function.create(c, names[k], new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    byte[] b = value_blob(0);
                    Geometry g;
                    try {
                        g = b == null ? null : new GpkgGeometryDecoder().decode(b);
                    } catch (Exception e) {
                        throw new SQLException(e);
                    }
                    if (which == 4) {
                        result(g == null || g.isEmpty() ? 1 : 0);
                        return;
                    }
                    if (g == null || g.isEmpty()) {
                        result();
                        return;
                    }
                    Envelope e = g.getEnvelopeInternal();
                    result(which == 0 ? e.getMinX() : which == 1 ? e.getMaxX() : which == 2 ? e.getMinY() : e.getMaxY());
                }
            });
        }
    }
}
