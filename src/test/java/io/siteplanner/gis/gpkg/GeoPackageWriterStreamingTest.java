package io.siteplanner.gis.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Feature tables written row by row ({@link GeoPackageWriter#startFeatures}). */
class GeoPackageWriterStreamingTest {
    static final Schema SCHEMA = new Schema(List.of(new Field("name", FieldType.STRING),
            new Field("n", FieldType.INTEGER), new Field("x", FieldType.REAL)));

    @TempDir
    Path dir;

    private static Polygon box(double x, double y) {
        return (Polygon) Geometries.FACTORY.toGeometry(new Envelope(x, x + 10, y, y + 5));
    }

    @Test
    void rowsAddedOneByOneReadBackWithExtentAndDeclaredType() throws Exception {
        Path f = dir.resolve("s.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(f)) {
            GeoPackageWriter.FeatureTable t = w.startFeatures("cells", SCHEMA, Crs.decode("EPSG:5070"), 5070,
                    GeometryType.MULTIPOLYGON, false, "streamed");
            t.add(new Feature(7, box(100, 200), new Object[] {"a", 1L, 0.5}));
            t.add(new Feature(8, Geometries.FACTORY.createMultiPolygon(new Polygon[] {box(-50, 10), box(0, 0)}),
                    new Object[] {"b", null, 2.5}));
            for (int i = 0; i < 2500; i++) { // more than one JDBC batch
                t.add(new Feature(100 + i, box(i, -i), new Object[] {"r" + i, (long) i, null}));
            }
            t.finish();
            w.commit();
        }
        VectorLayer l = FormatRegistry.standard().readVector(f, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(l.size()).isEqualTo(2502);
        assertThat(l.epsg()).isEqualTo(5070);
        assertThat(l.schema().names()).containsExactly("name", "n", "x");
        assertThat(l.get(0).fid()).isEqualTo(7);
        assertThat(l.get(0).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(l.get(0).geometry().getArea()).isEqualTo(50);
        assertThat(l.get(0).value(0)).isEqualTo("a");
        assertThat(l.get(1).value(1)).isNull();
        assertThat(l.get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(l.get(2501).fid()).isEqualTo(2599);
        assertThat(l.get(2501).value(1)).isEqualTo(2499L);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT data_type, description, min_x, min_y, max_x, max_y, srs_id"
                    + " FROM gpkg_contents WHERE table_name = 'cells'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("features");
                assertThat(rs.getString(2)).isEqualTo("streamed");
                assertThat(rs.getDouble(3)).isEqualTo(-50);
                assertThat(rs.getDouble(4)).isEqualTo(-2499);
                assertThat(rs.getDouble(5)).isEqualTo(2509);
                assertThat(rs.getDouble(6)).isEqualTo(205);
                assertThat(rs.getInt(7)).isEqualTo(5070);
            }
            try (ResultSet rs = st.executeQuery("SELECT column_name, geometry_type_name, srs_id, z, m"
                    + " FROM gpkg_geometry_columns WHERE table_name = 'cells'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "," + rs.getString(2) + "," + rs.getInt(3) + "," + rs.getInt(4) + ","
                        + rs.getInt(5)).isEqualTo("geom,MULTIPOLYGON,5070,0,0");
            }
        }
    }

    @Test
    void emptyTableHasNoExtent() throws Exception {
        Path f = dir.resolve("e.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(f)) {
            w.startFeatures("none", SCHEMA, Crs.decode("EPSG:5070"), 5070, GeometryType.MULTIPOLYGON, false, null)
                    .finish();
            w.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT min_x, (SELECT COUNT(*) FROM none) FROM gpkg_contents")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).isNull();
            assertThat(rs.getInt(2)).isZero();
        }
    }

    @Test
    void badRowsFailWithTheirTableAndFid() throws Exception {
        try (GeoPackageWriter w = GeoPackageWriter.create(dir.resolve("b.gpkg"))) {
            GeoPackageWriter.FeatureTable t = w.startFeatures("t", SCHEMA, null, null, GeometryType.POLYGON, false, "");
            assertThatThrownBy(() -> t.add(new Feature(1, box(0, 0), new Object[] {"a", "not a long", 1.0})))
                    .isInstanceOf(IOException.class).hasMessageContaining("'t'").hasMessageContaining("feature 1")
                    .hasMessageContaining("field 'n'");
            t.add(new Feature(2, box(0, 0), new Object[] {"a", 1L, 1.0}));
            t.add(new Feature(2, box(0, 0), new Object[] {"dup", 1L, 1.0}));
            assertThatThrownBy(t::finish).isInstanceOf(IOException.class).hasMessageContaining("b.gpkg");
            assertThatThrownBy(() -> t.add(new Feature(3, box(0, 0), new Object[3])))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> w.startFeatures("T", SCHEMA, null, null, GeometryType.POLYGON, false, ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        }
    }
}
