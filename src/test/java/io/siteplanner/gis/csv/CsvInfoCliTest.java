package io.siteplanner.gis.csv;

import static io.siteplanner.gis.csv.Fixtures.cli;
import static io.siteplanner.gis.csv.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.csv.Fixtures.Run;
import org.junit.jupiter.api.Test;

/** {@code siteplanner info} on CSV files, run in-process. */
class CsvInfoCliTest {
    @Test
    void infoJsonDescribesAPointCsv() throws Exception {
        Run r = cli("info", "--json", fixture("plants_in_50.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("format").asText()).isEqualTo("CSV (coordinates or WKT)");
        assertThat(j.get("features").asInt()).isEqualTo(50);
        assertThat(j.get("geometryType").asText()).isEqualTo("Point");
        assertThat(j.get("crs").asText()).isEqualTo("EPSG:4326");
        JsonNode bbox = j.get("bbox4326");
        assertThat(bbox.get(0).asDouble()).isCloseTo(-88.084908, within(1e-4));
        assertThat(bbox.get(1).asDouble()).isCloseTo(37.894800, within(1e-4));
        assertThat(bbox.get(2).asDouble()).isCloseTo(-84.874547, within(1e-4));
        assertThat(bbox.get(3).asDouble()).isCloseTo(41.799200, within(1e-4));
        assertThat(j.get("fields").toString()).contains("\"Plant_Name\"", "\"Latitude\"", "\"Longitude\"");
        assertThat(j.get("fieldTypes").get("Total_MW").asText()).isEqualTo("real");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void infoWithCrsOptionConvertsProjectedXy() throws Exception {
        Run r = cli("info", "--json", "--crs", "EPSG:26916", fixture("plants_in_utm16.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("crs").asText()).isEqualTo("EPSG:26916");
        assertThat(j.get("warnings")).isEmpty();
        // the envelope of the projected points, converted with densified edges: contains the points' extent
        JsonNode bbox = j.get("bbox4326");
        assertThat(bbox.get(0).asDouble()).isLessThanOrEqualTo(-88.084908 + 1e-6).isGreaterThan(-88.2);
        assertThat(bbox.get(3).asDouble()).isGreaterThanOrEqualTo(41.799200 - 1e-6).isLessThan(41.9);
    }

    @Test
    void infoWarnsOnStderrForProjectedNumbersReadAsDegrees() {
        Run r = cli("info", fixture("plants_in_utm16.csv").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("warning: " + fixture("plants_in_utm16.csv") + ": ").contains("--crs");
    }

    @Test
    void infoOnCsvWithoutCoordinatesIsOneErrorLine() {
        Run r = cli("info", "--json", fixture("prices_no_coords.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("error: " + fixture("prices_no_coords.csv") + ": no coordinate columns found")
                .doesNotContain("\n").doesNotContain("Exception");
    }
}
