package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.gis.Crs;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.MemoryLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

class ResultsWritersTest {
    static ScoreResult result;

    /** Three parcels near Jackson, MS in EPSG:5070; one has a missing attribute and one fails a constraint. */
    @BeforeAll
    static void score() {
        VectorLayer.Builder b = VectorLayer.builder("p").crs(Crs.decode("EPSG:5070"), 5070).schema(new Schema(List.of(
                new Field("parcel_id", FieldType.STRING), new Field("v", FieldType.REAL))));
        double[] v = {10, 20, Double.NaN};
        for (int i = 0; i < 3; i++) {
            double x = 620000 + i * 1000;
            Geometry g = Geometries.FACTORY.toGeometry(new Envelope(x, x + 300, 1140000, 1140300));
            b.add(new Feature(i + 1, g, new Object[] {"A,\"" + i + "\"", Double.isNaN(v[i]) ? null : v[i]}));
        }
        Scenario s = ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\",\"name\":\"w\",\"campus\":{\"itLoadMw\":1},"
                + "\"analysisCrs\":\"EPSG:5070\",\"layers\":{\"p\":\"p\"},\"candidates\":\"p\",\"idField\":\"parcel_id\","
                + "\"criteria\":[{\"id\":\"acres\",\"kind\":\"area\",\"weight\":1,\"transform\":{\"type\":\"linear\","
                + "\"direction\":\"benefit\"}},{\"id\":\"v\",\"kind\":\"attribute\",\"attribute\":\"v\",\"weight\":1,"
                + "\"transform\":{\"type\":\"linear\",\"direction\":\"benefit\"}}],"
                + "\"constraints\":[{\"criterion\":\"v\",\"op\":\">\",\"value\":15}]}");
        result = ScenarioEvaluator.evaluate(s, new MemoryLayerSource().put("p", b.build()), Progress.NONE).score();
    }

    @Test
    void csvHasTheIssueColumnsInRankOrderAndQuotes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        ResultsCsvWriter.write(result, 0, out, Progress.NONE);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("rank,parcel_id,score,acres,v,passed,reasons");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("1,\"A,\"\"1\"\"\",1.0,22.239").endsWith(",20.0,true,");
        assertThat(lines.get(2)).startsWith("2,\"A,\"\"0\"\"\",0.5,").endsWith(",10.0,false,v 10 <= 15");
        assertThat(lines.get(3)).startsWith("3,\"A,\"\"2\"\"\",0.5,").endsWith(",,false,v: no data");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        ResultsCsvWriter.write(result, 1, out, Progress.NONE);
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    @Test
    void geoJsonIsRfc7946InLonLat(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.geojson");
        ResultsGeoJsonWriter.write(result, 0, out, Progress.NONE);
        JsonNode n = new ObjectMapper().readTree(out.toFile());
        assertThat(n.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(n.has("crs")).isFalse();
        JsonNode f = n.get("features").get(0);
        assertThat(f.get("properties").get("rank").asInt()).isEqualTo(1);
        assertThat(f.get("properties").get("parcel_id").asText()).isEqualTo("A,\"1\"");
        assertThat(f.get("properties").get("passed").asBoolean()).isTrue();
        JsonNode ring = f.get("geometry").get("coordinates").get(0);
        double lon = ring.get(0).get(0).asDouble();
        double lat = ring.get(0).get(1).asDouble();
        // EPSG:5070 (620000, 1140000) is in central Mississippi
        assertThat(lon).isBetween(-91.0, -89.0);
        assertThat(lat).isBetween(31.5, 33.5);
        // exterior ring counter-clockwise (RFC 7946 section 3.1.6)
        double area2 = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            area2 += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        assertThat(area2).isPositive();
        assertThat(n.get("features").get(2).get("properties").get("v").isNull()).isTrue();
    }

    @Test
    void geoPackageHasMetadataAndReadableGeometries(@TempDir Path dir) throws Exception {
        Path out = Path.of(System.getenv().getOrDefault("GPKG_OUT", dir.resolve("r.gpkg").toString()));
        ResultsGpkgWriter.write(result, 0, out, Progress.NONE);
        byte[] head = Arrays.copyOf(Files.readAllBytes(out), 72);
        assertThat(new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        assertThat(ByteBuffer.wrap(head, 68, 4).getInt()).isEqualTo(0x47504B47); // application_id 'GPKG'
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT data_type, srs_id FROM gpkg_contents WHERE table_name = 'sites'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("features");
            assertThat(rs.getInt(2)).isEqualTo(5070);
            rs = st.executeQuery("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys"
                    + " WHERE srs_id = 5070");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("EPSG");
            assertThat(rs.getString(3)).contains("Albers");
            rs = st.executeQuery("SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'sites'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("POLYGON");
            rs = st.executeQuery("SELECT rank, parcel_id, score, acres, v, passed, reasons, geom FROM sites ORDER BY rank");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("A,\"1\"");
            assertThat(rs.getDouble(3)).isEqualTo(1.0);
            byte[] blob = rs.getBytes(8);
            assertThat(blob[0]).isEqualTo((byte) 'G');
            assertThat(blob[1]).isEqualTo((byte) 'P');
            assertThat(ByteBuffer.wrap(blob, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(5070);
            Geometry g = new WKBReader().read(Arrays.copyOfRange(blob, 40, blob.length));
            assertThat(g.getArea()).isEqualTo(90000.0);
            assertThat(ByteBuffer.wrap(blob, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble()).isEqualTo(621000.0);
            rs.next();
            rs.next();
            assertThat(rs.getObject(5)).isNull();
            assertThat(rs.getString(7)).isEqualTo("v: no data");
        }
    }
}
