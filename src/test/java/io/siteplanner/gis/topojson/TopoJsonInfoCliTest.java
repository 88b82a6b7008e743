package io.siteplanner.gis.topojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.TestData;
import io.siteplanner.TestData.CliRun;
import org.junit.jupiter.api.Test;

/** {@code siteplanner info} on TopoJSON, run in-process; figures from {@code ogrinfo -ro -so -al}. */
class TopoJsonInfoCliTest {
    private static final String US_ATLAS = TestData.shared("us_counties_states_census2017_10m.topojson").toString();

    @Test
    void infoListsEveryLayerAndDescribesTheFirst() {
        CliRun r = TestData.cli("info", US_ATLAS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(TopoJSON)", "Layers:\n  1: counties\n  2: states\n  3: nation\n",
                "Layer name: counties", "Feature Count: 3231", "CRS: EPSG:4326",
                "Extent: (-179.136572, -14.373865) - (179.774881, 71.352561)", "  id: string\n  name: string");
        assertThat(r.err()).isEqualTo("warning: " + US_ATLAS + ": 22 polygon ring(s) with"
                + " fewer than 4 positions dropped (collapsed by quantization; GDAL drops them too)\n");
    }

    @Test
    void infoJsonOnAChosenLayer() throws Exception {
        CliRun r = TestData.cli("info", "--json", "--layer", "states", US_ATLAS);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("format").asText()).isEqualTo("TopoJSON");
        assertThat(j.path("layers").toString()).isEqualTo("[\"counties\",\"states\",\"nation\"]");
        assertThat(j.path("name").asText()).isEqualTo("states");
        assertThat(j.path("features").asInt()).isEqualTo(56);
        assertThat(j.path("geometryType").asText()).isEqualTo("Multi Polygon");
        assertThat(j.path("bbox4326").get(0).asDouble()).isCloseTo(-179.136572, within(1e-6));
        assertThat(j.path("bbox4326").get(3).asDouble()).isCloseTo(71.352561, within(1e-6));
    }

    @Test
    void aDamagedFileIsOneErrorLineAndExitCode2() {
        String file = TestData.fixture("topojson/bad_arc_index.topojson").toString();
        CliRun r = TestData.cli("info", file);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + file + ": layer 'parcels', geometry 2 (id 'B'): arc index 7")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
