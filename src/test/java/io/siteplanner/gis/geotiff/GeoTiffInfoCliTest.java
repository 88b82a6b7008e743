package io.siteplanner.gis.geotiff;

import static io.siteplanner.gis.geotiff.Fixtures.cli;
import static io.siteplanner.gis.geotiff.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.geotiff.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code siteplanner info} on GeoTIFFs, run in-process. */
class GeoTiffInfoCliTest {
    @Test
    void infoJsonDescribesAProjectedRaster() throws Exception {
        Run r = cli("info", "--json", fixture("risk_5070_float32.tif").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("format").asText()).isEqualTo("GeoTIFF");
        assertThat(j.get("kind").asText()).isEqualTo("raster");
        assertThat(j.get("width").asInt()).isEqualTo(50);
        assertThat(j.get("height").asInt()).isEqualTo(50);
        assertThat(j.get("bands").asInt()).isEqualTo(1);
        assertThat(j.get("noData").asDouble()).isEqualTo(-9999.0);
        assertThat(j.get("crs").asText()).isEqualTo("EPSG:5070");
        assertThat(j.get("crsName").asText()).contains("Conus Albers");
        assertThat(j.get("bbox").toString()).isEqualTo("[420000.0,1000000.0,620000.0,1200000.0]");
        // gdaltransform -s_srs EPSG:5070 -t_srs EPSG:4326 of the four corners: lon -91.5331138016437 (LL)
        // .. -89.2612873434623 (UR), lat 31.8807859280549 (LR) .. 33.7755996103436 (UL); the densified
        // envelope contains them and reaches at most a little further
        JsonNode b = j.get("bbox4326");
        assertThat(b.get(0).asDouble()).isBetween(-91.5331138016437 - 0.05, -91.5331138016437 + 1e-7);
        assertThat(b.get(1).asDouble()).isBetween(31.8807859280549 - 0.05, 31.8807859280549 + 1e-7);
        assertThat(b.get(2).asDouble()).isBetween(-89.2612873434623 - 1e-7, -89.2612873434623 + 0.05);
        assertThat(b.get(3).asDouble()).isBetween(33.7755996103436 - 1e-7, 33.7755996103436 + 0.05);
    }

    @Test
    void infoJsonOnAGeographicRaster() throws Exception {
        Run r = cli("info", "--json", fixture("fips_4326_int16.tif").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("crs").asText()).isEqualTo("EPSG:4326");
        JsonNode b = j.get("bbox4326");
        assertThat(b.get(0).asDouble()).isCloseTo(-86.8, within(1e-9));
        assertThat(b.get(1).asDouble()).isCloseTo(41.2, within(1e-9));
        assertThat(b.get(2).asDouble()).isCloseTo(-86.2, within(1e-9));
        assertThat(b.get(3).asDouble()).isCloseTo(41.8, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.tif", "garbage.tif", "no_georef.tif"})
    void infoOnACorruptTiffIsOneErrorLine(String name) {
        Run r = cli("info", "--json", fixture(name).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + fixture(name) + ": ").doesNotContain("Exception");
        assertThat(r.err().strip()).doesNotContain("\n");
    }
}
