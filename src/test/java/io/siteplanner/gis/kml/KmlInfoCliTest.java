package io.siteplanner.gis.kml;

import static io.siteplanner.gis.kml.Fixtures.cli;
import static io.siteplanner.gis.kml.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.kml.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code siteplanner info} on KML/KMZ files, run in-process. */
class KmlInfoCliTest {
    @Test
    void infoJsonDescribesTheFirstFolder() throws Exception {
        Run r = cli("info", "--json", fixture("utilities_plants.kml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("format").asText()).isEqualTo("KML/KMZ");
        assertThat(j.get("layers").toString()).isEqualTo("[\"utilities\",\"plants_3d\"]");
        assertThat(j.get("name").asText()).isEqualTo("utilities");
        assertThat(j.get("features").asInt()).isEqualTo(7);
        assertThat(j.get("geometryType").asText()).isEqualTo("Multi Polygon");
        assertThat(j.get("crs").asText()).isEqualTo("EPSG:4326");
        JsonNode b = j.get("bbox4326");
        assertThat(b.get(0).asDouble()).isCloseTo(-86.5625, within(1e-4));
        assertThat(b.get(1).asDouble()).isCloseTo(39.5095, within(1e-4));
        assertThat(b.get(2).asDouble()).isCloseTo(-85.2051, within(1e-4));
        assertThat(b.get(3).asDouble()).isCloseTo(41.736, within(1e-4));
        assertThat(j.get("fields").toString()).isEqualTo("[\"Name\",\"description\",\"utility\",\"type\",\"customers\"]");
        assertThat(j.get("fieldTypes").get("customers").asText()).isEqualTo("integer");
    }

    @Test
    void infoLayerOptionPicksAFolderWithZ() throws Exception {
        Run r = cli("info", "--json", "--layer", "plants_3d", fixture("utilities_plants.kml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("features").asInt()).isEqualTo(11);
        assertThat(j.get("geometryType").asText()).isEqualTo("Point");
        assertThat(j.get("hasZ").asBoolean()).isTrue();
    }

    @Test
    void infoOnKmzWithNonAsciiText() throws Exception {
        Run r = cli("info", "--json", fixture("counties_nm_libkml.kmz").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("features").asInt()).isEqualTo(33);
        assertThat(j.get("bbox4326").get(0).asDouble()).isCloseTo(-109.048428, within(1e-4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed.kml", "not_kml.kml", "evil_only.kmz"})
    void infoOnBrokenKmlIsOneErrorLine(String name) {
        Run r = cli("info", "--json", fixture(name).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + fixture(name) + ": ").doesNotContain("Exception");
        assertThat(r.err().strip()).doesNotContain("\n");
    }
}
