package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siteplanner info} on shapefiles, in-process. */
class ShapefileCliTest {
    static io.siteplanner.TestData.CliRun run(String... args) {
        return io.siteplanner.TestData.cli(args);
    }

    @Test
    void infoJsonOnAShapefile() throws Exception {
        io.siteplanner.TestData.CliRun r = run("info", "--json", Fixtures.shp("counties_ms_4269").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode e = Fixtures.expected().get("counties_ms_4269");
        assertThat(j.get("format").asText()).isEqualTo("ESRI Shapefile");
        assertThat(j.get("features").asInt()).isEqualTo(82);
        assertThat(j.get("geometryType").asText()).isEqualTo("Polygon");
        assertThat(j.get("crs").asText()).isEqualTo("EPSG:4269");
        assertThat(j.get("crsName").asText()).isEqualTo("GCS_North_American_1983");
        for (int i = 0; i < 4; i++) {
            assertThat(j.get("bbox").get(i).asDouble()).isCloseTo(e.get("extent").get(i).asDouble(), within(1e-9));
            assertThat(j.get("bbox4326").get(i).asDouble()).isCloseTo(e.get("bbox4326").get(i).asDouble(), within(1e-4));
        }
        assertThat(j.get("fields").toString()).isEqualTo("[\"GEOID\",\"STATEFP\",\"STATE\",\"NAME\"]");
        assertThat(j.get("fieldTypes").get("NAME").asText()).isEqualTo("string");
        assertThat(j.get("warnings").size()).isZero();
    }

    @Test
    void infoOnWebMercatorStatePlaneAndZip(@TempDir Path tmp) throws Exception {
        io.siteplanner.TestData.CliRun r = run("info", "--json", Fixtures.shp("substations_ms_3857").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("features").asInt()).isEqualTo(604);
        assertThat(j.get("geometryType").asText()).isEqualTo("Point");
        assertThat(j.get("crs").asText()).isIn("EPSG:3857", "WGS_1984_Web_Mercator_Auxiliary_Sphere");
        JsonNode e = Fixtures.expected().get("substations_ms_3857");
        for (int i = 0; i < 4; i++) {
            assertThat(j.get("bbox4326").get(i).asDouble()).isCloseTo(e.get("bbox4326").get(i).asDouble(), within(1e-4));
        }

        io.siteplanner.TestData.CliRun text = run("info", Fixtures.shp("counties_in_2965").toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("Geometry: Polygon").contains("Feature Count: 92")
                .contains("NAD_1983_StatePlane_Indiana_East_FIPS_1301_Feet");
    }

    @Test
    void infoWarnsOnATruncatedFile(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        ShapefileDamageTest.truncate(shp, Files.size(shp) - 3000);
        io.siteplanner.TestData.CliRun r = run("info", shp.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: " + shp + ": file truncated: ");
    }

    @Test
    void infoOnACorruptShapefileIsOneErrorLine(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.writeString(shp, "garbage ".repeat(100));
        io.siteplanner.TestData.CliRun r = run("info", shp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + shp + ": ").doesNotContain("Exception");
    }

    @Test
    void infoOnMissingDbfAndBrokenPrjNamesTheProblem(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.writeString(tmp.resolve("counties_ms_4269.prj"), "GEOGCS[\"x\",DATUM[");
        io.siteplanner.TestData.CliRun prj = run("info", shp.toString());
        assertThat(prj.code()).isEqualTo(2);
        assertThat(prj.err()).startsWith("error: " + shp + ": invalid .prj: ").doesNotContain("Exception");
        assertThat(prj.err().strip().lines().count()).isEqualTo(1);

        Files.delete(tmp.resolve("counties_ms_4269.dbf"));
        io.siteplanner.TestData.CliRun dbf = run("info", shp.toString());
        assertThat(dbf.code()).isEqualTo(2);
        assertThat(dbf.err().strip()).isEqualTo("error: " + shp + ": missing companion file counties_ms_4269.dbf");
    }
}
