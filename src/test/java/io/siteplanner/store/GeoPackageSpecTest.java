package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/** The project file checked against OGC 12-128r18 requirements with plain SQL. */
class GeoPackageSpecTest {
    @TempDir
    Path dir;
    Path file;
    Project project;

    @BeforeEach
    void write() throws Exception {
        project = StoreFixtures.project();
        file = dir.resolve("spec.siteplan.gpkg");
        ProjectStore.save(project, file);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static Set<String> columns(Statement st, String table) throws Exception {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }

    @Test
    void headerAndRequiredTables() throws Exception {
        byte[] head = Files.readAllBytes(file);
        assertThat(new String(head, 0, 15, "US-ASCII")).isEqualTo("SQLite format 3");
        // application_id at offset 68, user_version at 60 (big-endian)
        assertThat(ByteBuffer.wrap(head, 68, 4).getInt()).isEqualTo(0x47504B47);
        int userVersion = ByteBuffer.wrap(head, 60, 4).getInt();
        assertThat(userVersion).isIn(10300, 10400);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThat(columns(st, "gpkg_spatial_ref_sys")).contains("srs_name", "srs_id", "organization",
                    "organization_coordsys_id", "definition", "description");
            assertThat(columns(st, "gpkg_contents")).contains("table_name", "data_type", "identifier", "description",
                    "last_change", "min_x", "min_y", "max_x", "max_y", "srs_id");
            assertThat(columns(st, "gpkg_geometry_columns")).contains("table_name", "column_name",
                    "geometry_type_name", "srs_id", "z", "m");
            Map<Integer, String> srs = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT srs_id, organization, organization_coordsys_id, definition"
                    + " FROM gpkg_spatial_ref_sys")) {
                while (rs.next()) {
                    srs.put(rs.getInt(1), rs.getString(2) + ":" + rs.getInt(3) + ":" + rs.getString(4));
                }
            }
            assertThat(srs).containsKeys(-1, 0, 4326, 5070, 26916);
            assertThat(srs.get(-1)).startsWith("NONE:-1:undefined");
            assertThat(srs.get(0)).startsWith("NONE:0:undefined");
            assertThat(srs.get(4326)).startsWith("EPSG:4326:GEOGCS[\"WGS 84\"");
            assertThat(srs.get(5070)).startsWith("EPSG:5070:PROJCS[").contains("Albers");
            assertThat(srs.get(26916)).startsWith("EPSG:26916:PROJCS[").contains("UTM zone 16N");

            Map<String, String> contents = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, data_type, srs_id, identifier, last_change"
                    + " FROM gpkg_contents")) {
                while (rs.next()) {
                    contents.put(rs.getString(1), rs.getString(2) + ":" + rs.getString(3));
                    assertThat(rs.getString(4)).isEqualTo(rs.getString(1));
                    assertThat(rs.getString(5)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
                }
            }
            assertThat(contents).containsEntry("parcels", "features:5070").containsEntry("substations", "features:26916")
                    .containsEntry("lines", "features:4326").containsEntry("siteplanner_meta", "attributes:null")
                    .containsEntry("siteplanner_layers", "attributes:null")
                    .containsEntry("siteplanner_scenarios", "attributes:null")
                    .containsEntry("siteplanner_shortlist", "attributes:null");
            try (ResultSet rs = st.executeQuery("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name"
                    + " = 'parcels'")) {
                Envelope e = project.layer("parcels").layer().bounds();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isEqualTo(e.getMinX());
                assertThat(rs.getDouble(2)).isEqualTo(e.getMinY());
                assertThat(rs.getDouble(3)).isEqualTo(e.getMaxX());
                assertThat(rs.getDouble(4)).isEqualTo(e.getMaxY());
            }
            List<String> geomCols = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, geometry_type_name, srs_id, z, m"
                    + " FROM gpkg_geometry_columns ORDER BY table_name")) {
                while (rs.next()) {
                    geomCols.add(String.join(",", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            assertThat(geomCols).containsExactly("lines,geom,LINESTRING,4326,0,0", "parcels,geom,MULTIPOLYGON,5070,0,0",
                    "substations,geom,POINT,26916,1,0");
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("foreign key violations").isFalse();
            }
        }
    }

    @Test
    void geometryBlobsHaveTheGeoPackageHeader() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String[] t : new String[][] {{"parcels", "5070"}, {"substations", "26916"}, {"lines", "4326"}}) {
                int n = 0;
                try (ResultSet rs = st.executeQuery("SELECT fid, geom FROM " + t[0] + " WHERE geom IS NOT NULL")) {
                    while (rs.next()) {
                        byte[] b = rs.getBytes(2);
                        assertThat(b[0]).isEqualTo((byte) 'G');
                        assertThat(b[1]).isEqualTo((byte) 'P');
                        assertThat(b[2]).as("version").isZero();
                        int flags = b[3] & 0xff;
                        assertThat(flags & 0x01).as("little-endian header").isOne();
                        assertThat((flags >> 1) & 0x07).as("envelope code (xy)").isOne();
                        assertThat(flags & 0x10).as("empty").isZero();
                        assertThat(flags & 0x20).as("standard (not extended) geometry").isZero();
                        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                        assertThat(bb.getInt(4)).isEqualTo(Integer.parseInt(t[1]));
                        Envelope env = new Envelope(bb.getDouble(8), bb.getDouble(16), bb.getDouble(24), bb.getDouble(32));
                        byte[] wkb = java.util.Arrays.copyOfRange(b, 40, b.length);
                        assertThat(wkb[0]).as("WKB little-endian").isEqualTo((byte) 1);
                        int type = ByteBuffer.wrap(wkb, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                        assertThat(type).isEqualTo(t[0].equals("parcels") ? 6 : t[0].equals("lines") ? 2 : 1001);
                        Geometry g = new WKBReader().read(wkb);
                        assertThat(env).isEqualTo(g.getEnvelopeInternal());
                        n++;
                    }
                }
                assertThat(n).as(t[0]).isEqualTo(project.layer(t[0]).layer().features().stream()
                        .filter(f -> f.geometry() != null).count());
            }
        }
    }

    @Test
    void layersReadBackThroughTheFormatRegistry() throws Exception {
        FormatRegistry reg = FormatRegistry.standard();
        assertThat(reg.formatFor(file).id()).isEqualTo("gpkg");
        assertThat(reg.layerNames(file)).containsExactly("lines", "substations", "parcels");
        for (ProjectLayer l : project.layers()) {
            VectorLayer v = reg.readVector(file, ReadOptions.DEFAULT.withLayer(l.name()), Progress.NONE);
            assertThat(v.size()).isEqualTo(l.layer().size());
            assertThat(v.epsg()).isEqualTo(l.layer().epsg());
            assertThat(v.warnings()).isEmpty();
        }
    }

    @Test
    void mixedSingleAndMultiGeometriesAreDeclaredAndWrittenAsMulti() throws Exception {
        io.siteplanner.model.VectorLayer.Builder b = io.siteplanner.model.VectorLayer.builder("mixed")
                .crs(io.siteplanner.gis.Crs.wgs84(), 4326).geometryType(io.siteplanner.model.GeometryType.POLYGON);
        org.locationtech.jts.geom.Polygon a = StoreFixtures.F.createPolygon(StoreFixtures.ring(-90, 32, 0.1));
        org.locationtech.jts.geom.Polygon c = StoreFixtures.F.createPolygon(StoreFixtures.ring(-89, 32, 0.1));
        b.add(new io.siteplanner.model.Feature(1, a, new Object[0]));
        b.add(new io.siteplanner.model.Feature(2, StoreFixtures.F.createMultiPolygon(
                new org.locationtech.jts.geom.Polygon[] {a, c}), new Object[0]));
        Project p = project.withLayers(List.of(new ProjectLayer("mixed", ProjectLayer.Role.DATA, b.build(),
                project.layers().get(0).style(), true, 1)));
        Path f = dir.resolve("mixed.siteplan.gpkg");
        ProjectStore.save(p, f);
        try (Connection c2 = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c2.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT geometry_type_name FROM gpkg_geometry_columns")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("MULTIPOLYGON");
            }
            try (ResultSet rs = st.executeQuery("SELECT geom FROM mixed ORDER BY fid")) {
                while (rs.next()) {
                    byte[] blob = rs.getBytes(1);
                    assertThat(ByteBuffer.wrap(blob, 41, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(6);
                }
            }
        }
        assertThat(ProjectStore.open(f).layer("mixed").layer().get(0).geometry().getNumGeometries()).isOne();
    }
}
