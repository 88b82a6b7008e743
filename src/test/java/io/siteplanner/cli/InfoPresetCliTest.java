package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.TestData;
import io.siteplanner.TestData.CliRun;
import org.junit.jupiter.api.Test;

/** {@code siteplanner info} names the preset of recognised public layers (real files of ../shared/data/real). */
class InfoPresetCliTest {
    static JsonNode json(CliRun r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /**
     * Figures from GDAL: {@code ogrinfo -ro -q substations_hifld_partial_ms.geojson -sql "SELECT MIN(MAX_VOLT),
     * MAX(MAX_VOLT), COUNT(MAX_VOLT) FROM substations_hifld_partial_ms"} gives 69, 500, 643 (of 901).
     */
    @Test
    void textNamesThePresetItsKeyFieldsAndTheEstimate() {
        CliRun r = TestData.cli("info", TestData.shared("substations_hifld_partial_ms.geojson").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Preset: HIFLD Electric Substations (hifld-substations)\n  Theme: substations\n")
                .contains("    MAX_VOLT: highest voltage, kV, no-data -999999/0; 643 known (69 to 500), 258 unknown")
                .contains("    cap_mw_est: capacity, MW, ESTIMATE -- estimate, not utility data")
                .contains("    d_sub345: distance to substations >= 345 kV {kind=distance, filter=MAX_VOLT >= 345 AND"
                        + " STATUS = 'IN SERVICE'}")
                .contains("  Note: partial HIFLD copy: no MIN_VOLT, no LINES");
    }

    /** GDAL: 46 VOLTAGE values other than -999999 (69 to 345 kV) and 7 of -999999, of 53 lines. */
    @Test
    void jsonCarriesThePresetWithKnownValuesAfterNoData() throws Exception {
        JsonNode p = json(TestData.cli("info", "--json", TestData.shared("transmission_hifld_partial_in.geojson")
                .toString())).get("preset");
        assertThat(p.get("id").asText()).isEqualTo("hifld-transmission-lines");
        assertThat(p.get("theme").asText()).isEqualTo("lines");
        JsonNode v = p.get("fields").get(0);
        assertThat(v.get("name").asText()).isEqualTo("VOLTAGE");
        assertThat(v.get("noData").get(0).asDouble()).isEqualTo(-999999);
        assertThat(v.get("known").asInt()).isEqualTo(46);
        assertThat(v.get("unknown").asInt()).isEqualTo(7);
        assertThat(v.get("min").asDouble()).isEqualTo(69);
        assertThat(v.get("max").asDouble()).isEqualTo(345);
        JsonNode c = p.get("criteria").get(0);
        assertThat(c.get("kind").asText()).isEqualTo("distance");
        assertThat(c.get("filter").asText()).isEqualTo("VOLTAGE >= 345");
    }

    /** Dumont (765 kV, near New Carlisle) is the largest: 4 x 765 + 3 x 345 kV lines, see SubstationCapacityTest. */
    @Test
    void linesOptionSummarisesTheCapacityEstimate() throws Exception {
        String nodes = TestData.shared("grid_nodes_osm2017_in.geojson").toString();
        String lines = TestData.shared("transmission_osm2017_in.geojson").toString();
        JsonNode cap = json(TestData.cli("info", "--json", nodes, "--lines", lines)).get("capacityEstimate");
        assertThat(cap.get("field").asText()).isEqualTo("cap_mw_est");
        assertThat(cap.get("estimate").asBoolean()).isTrue();
        assertThat(cap.get("method").asText()).isEqualTo("node ids");
        assertThat(cap.get("linesUnknownVoltage").asInt()).isEqualTo(10);
        assertThat(cap.get("maxMw").asDouble()).isEqualTo((4 * 1500 + 3 * 750) / 2.0);
        assertThat(cap.get("note").asText()).startsWith("estimate, not utility data");
        CliRun text = TestData.cli("info", nodes, "--lines", lines);
        assertThat(text.out()).contains("Capacity estimate (cap_mw_est, ESTIMATE) from " + lines + ":\n")
                .contains("from 423 lines matched by node ids (10 lines of unknown voltage skipped)");
    }

    @Test
    void tablesAreReadWithTheTableOption() throws Exception {
        String nri = TestData.shared("fema_nri_counties_composite_us.csv").toString();
        JsonNode j = json(TestData.cli("info", "--json", "--table", nri));
        assertThat(j.get("kind").asText()).isEqualTo("table");
        assertThat(j.get("features").asInt()).isEqualTo(3142);
        assertThat(j.get("preset").get("id").asText()).isEqualTo("fema-nri-counties");
        assertThat(j.get("preset").get("join").get("tableKey").asText()).isEqualTo("STCOFIPS");
        CliRun text = TestData.cli("info", "--table", TestData.shared("eia_avg_retail_price_by_state_2023.csv").toString());
        assertThat(text.out()).contains("Geometry: none (attribute table)").doesNotContain("CRS:")
                .contains("Preset: EIA average electricity price by state (Electric Power Annual) (eia-state-prices)")
                .contains("  Join: join to a states layer by state name (or state_abbr to STUSPS)");
        // without --table the error says how to read it
        String prices = TestData.shared("eia_avg_retail_price_by_state_2023.csv").toString();
        CliRun plain = TestData.cli("info", prices);
        assertThat(plain.code()).isEqualTo(2);
        assertThat(plain.err().strip()).startsWith("error: " + prices + ": no coordinate columns")
                .endsWith("(an attribute table? use --table)");
    }

    @Test
    void unrecognisedLayersSaySo() throws Exception {
        CliRun r = TestData.cli("info", "src/test/resources/fixtures/parcels-demo/demo.gpkg", "--layer", "parcels");
        assertThat(r.out()).contains("Preset: none (not a recognised public layer)");
        assertThat(json(TestData.cli("info", "--json", "src/test/resources/fixtures/parcels-demo/demo.gpkg", "--layer", "parcels")).get("preset")
                .isNull()).isTrue();
    }
}
