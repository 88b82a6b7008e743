package io.siteplanner.gis.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code siteplanner info} on GeoJSON fixtures, run in-process. */
class GeoJsonInfoCliTest {
    static io.siteplanner.TestData.CliRun run(String... args) {
        return io.siteplanner.TestData.cli(args);
    }

    @Test
    void infoJsonDescribesALegacyCrsGeoJson() throws Exception {
        io.siteplanner.TestData.CliRun r = run("info", "--json", TestFiles.fixture("counties_3857_legacy.geojson").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("format").asText()).isEqualTo("GeoJSON");
        assertThat(j.path("features").asInt()).isEqualTo(5);
        assertThat(j.path("geometryType").asText()).isEqualTo("Polygon");
        assertThat(j.path("crs").asText()).isEqualTo("EPSG:3857");
        JsonNode bbox = j.path("bbox4326");
        assertThat(bbox.get(0).asDouble()).isCloseTo(-90.760975, within(1e-4));
        assertThat(bbox.get(1).asDouble()).isCloseTo(32.047144, within(1e-4));
        assertThat(bbox.get(2).asDouble()).isCloseTo(-89.318079, within(1e-4));
        assertThat(bbox.get(3).asDouble()).isCloseTo(33.011009, within(1e-4));
        assertThat(j.path("fields").toString()).isEqualTo("[\"id\",\"GEOID\",\"STATEFP\",\"STATE\",\"NAME\"]");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void infoShowsThePlausibilityWarning() {
        io.siteplanner.TestData.CliRun r = run("info", TestFiles.fixture("projected_no_crs.geojson").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("warning: " + TestFiles.fixture("projected_no_crs.geojson") + ": coordinates (x ")
                .contains("not valid longitude/latitude");
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.geojson", "malformed.geojson", "not_geojson.json"})
    void unreadableFilesGiveOneErrorLineAndExitCode2(String name) {
        io.siteplanner.TestData.CliRun r = run("info", TestFiles.fixture(name).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + TestFiles.fixture(name) + ": ").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
