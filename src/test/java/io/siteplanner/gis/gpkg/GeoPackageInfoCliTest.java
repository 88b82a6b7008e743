package io.siteplanner.gis.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code siteplanner info} on GeoPackage fixtures, run in-process. */
class GeoPackageInfoCliTest {
    static io.siteplanner.TestData.CliRun run(String... args) {
        return io.siteplanner.TestData.cli(args);
    }

    @Test
    void infoJsonDescribesAGeoPackageLayer() throws Exception {
        io.siteplanner.TestData.CliRun r = run("info", "--json", TestFiles.fixture("substations_3857.gpkg").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("format").asText()).isEqualTo("GeoPackage");
        assertThat(j.path("features").asInt()).isEqualTo(146);
        assertThat(j.path("geometryType").asText()).isEqualTo("Point");
        assertThat(j.path("crs").asText()).isEqualTo("EPSG:3857");
        JsonNode bbox = j.path("bbox4326");
        assertThat(bbox.size()).isEqualTo(4);
        assertThat(bbox.get(0).asDouble()).isCloseTo(-91.126699, within(1e-4));
        assertThat(bbox.get(1).asDouble()).isCloseTo(30.310016, within(1e-4));
        assertThat(bbox.get(2).asDouble()).isCloseTo(-88.204006, within(1e-4));
        assertThat(bbox.get(3).asDouble()).isCloseTo(34.993746, within(1e-4));
        assertThat(j.path("fields").toString()).isEqualTo(
                "[\"NAME\",\"CITY\",\"COUNTY\",\"ZIP\",\"STATE\",\"STATUS\",\"MAX_VOLT\"]");
        assertThat(j.path("fieldTypes").path("MAX_VOLT").asText()).isEqualTo("integer");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void infoLayerPicksATableOfAMultiLayerGeoPackage() throws Exception {
        io.siteplanner.TestData.CliRun r = run("info", "--json", TestFiles.fixture("multi.gpkg").toString(), "--layer", "counties");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("layers").toString()).isEqualTo("[\"substations\",\"counties\"]");
        assertThat(j.path("name").asText()).isEqualTo("counties");
        assertThat(j.path("features").asInt()).isEqualTo(5);
        assertThat(j.path("geometryType").asText()).isEqualTo("Multi Polygon");
        assertThat(j.path("crs").asText()).isEqualTo("EPSG:4269");
    }

    @Test
    void infoTextListsTheLayers() {
        io.siteplanner.TestData.CliRun r = run("info", TestFiles.fixture("multi.gpkg").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Layers:", "1: substations", "2: counties", "Feature Count: 10");
    }

    @Test
    void infoReportsSkippedGeometriesAsAWarning() {
        io.siteplanner.TestData.CliRun r = run("info", TestFiles.fixture("broken_blob.gpkg").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Feature Count: 8");
        assertThat(r.err()).contains("warning: " + TestFiles.fixture("broken_blob.gpkg") + ": 2 feature(s) skipped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zero.gpkg", "truncated.gpkg", "text.gpkg", "plain_sqlite.gpkg"})
    void corruptFilesGiveOneErrorLineAndExitCode2(String name) {
        io.siteplanner.TestData.CliRun r = run("info", TestFiles.fixture(name).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + TestFiles.fixture(name) + ": ").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
