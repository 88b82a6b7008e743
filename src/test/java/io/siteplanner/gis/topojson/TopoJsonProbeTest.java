package io.siteplanner.gis.topojson;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the registry gives to TopoJSON: by content, with .topojson, .json or no extension. */
class TopoJsonProbeTest {
    private final TopoJsonFormat format = new TopoJsonFormat();
    private final FormatRegistry registry = FormatRegistry.standard();

    @Test
    void aTopologyNamedJsonIsTopoJsonNotGeoJson() throws Exception {
        Path f = TestData.fixture("topojson/shapes_quantized_topology.json");
        assertThat(format.probe(f)).isTrue();
        assertThat(registry.formatFor(f).id()).isEqualTo("topojson");
        assertThat(registry.layerNames(f)).containsExactly("parcels", "lines", "sites", "TopoJSON");
    }

    @Test
    void geoJsonNamedJsonStaysGeoJson() throws Exception {
        Path f = TestData.fixture("topojson/not_topology.json");
        assertThat(format.probe(f)).isFalse();
        assertThat(registry.formatFor(f).id()).isEqualTo("geojson");
    }

    @Test
    void contentDecidesWithoutAnExtension(@TempDir Path dir) throws Exception {
        Path noExt = Files.copy(TestData.shared("us_counties_states_census2017_10m.topojson"), dir.resolve("download"));
        assertThat(format.probe(noExt)).isTrue();
        assertThat(registry.formatFor(noExt).id()).isEqualTo("topojson");
        Path geojson = Files.copy(TestData.shared("substations_hifld_partial_ms.geojson"), dir.resolve("other"));
        assertThat(format.probe(geojson)).isFalse();
        assertThat(registry.formatFor(geojson).id()).isEqualTo("geojson");
    }

    @Test
    void whitespaceAndAByteOrderMarkBeforeTheObjectAreAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.json");
        Files.write(f, ("\uFEFF\n  { \"type\" : \"Topology\", \"objects\": {}, \"arcs\": [] }").getBytes("UTF-8"));
        assertThat(format.probe(f)).isTrue();
    }

    @Test
    void otherFilesAreNotTopoJson(@TempDir Path dir) throws Exception {
        assertThat(format.probe(TestData.shared("power_plants_eia_ms_bbox.csv"))).isFalse();
        assertThat(format.probe(TestData.fixture("geojson/counties_3857_legacy.geojson"))).isFalse();
        assertThat(format.probe(Files.writeString(dir.resolve("a.json"), "[{\"type\":\"Topology\"}]"))).isFalse();
        assertThat(format.probe(dir)).isFalse();
    }
}
