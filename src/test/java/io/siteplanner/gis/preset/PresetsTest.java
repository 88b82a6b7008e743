package io.siteplanner.gis.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Preset detection on every real file of ../shared/data/real (PROVENANCE.md says what each one is), read
 * as the app, the CLI and a scenario read them: spatial files through the format registry, tables without
 * coordinates as join tables.
 */
class PresetsTest {
    /** File (and layer) to the preset PROVENANCE.md says it is; "" = none. */
    static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("substations_hifld_partial_ms.geojson", "hifld-substations"),
            Map.entry("grid_nodes_osm2017_in.geojson", "osm-power-nodes"),
            Map.entry("grid_nodes_osm2017_ms.geojson", "osm-power-nodes"),
            Map.entry("transmission_hifld_in_ge138kv.geojson", "hifld-transmission-lines"),
            Map.entry("transmission_hifld_partial_ms.geojson", "hifld-transmission-lines"),
            Map.entry("transmission_hifld_partial_in.geojson", "hifld-transmission-lines"),
            Map.entry("transmission_osm2017_ms.geojson", "osm-power-lines"),
            Map.entry("transmission_osm2017_in.geojson", "osm-power-lines"),
            Map.entry("power_plants_eia_ms_bbox.csv", "eia-plants"),
            Map.entry("power_plants_eia_in_bbox.csv", "eia-plants"),
            Map.entry("power_plants_eia_us_202305.csv", "eia-plants"),
            Map.entry("eia_avg_retail_price_by_state_2023.csv", "eia-state-prices"),
            Map.entry("eia_epm_table5_6a_apr2025_partial.csv", "eia-epm-state-prices"),
            Map.entry("miso_market_price_points.csv", ""),
            Map.entry("iso_pricing_nodes_in_bbox.geojson", "iso-pricing-nodes"),
            Map.entry("iso_pricing_nodes_ms_bbox.geojson", "iso-pricing-nodes"),
            Map.entry("counties_ms_in_census2017_10m.geojson", "census-counties"),
            Map.entry("us_counties_states_census2017_10m.topojson#counties", "census-counties"),
            Map.entry("us_counties_states_census2017_10m.topojson#states", "census-states"),
            Map.entry("us_counties_states_census2017_10m.topojson#nation", "census-nation"),
            Map.entry("fema_nri_counties_composite_us.csv", "fema-nri-counties"),
            Map.entry("utility_territories_hifld_in.geojson", "hifld-retail-territories")));

    static final List<String> TABLES = List.of("eia_avg_retail_price_by_state_2023.csv",
            "eia_epm_table5_6a_apr2025_partial.csv", "miso_market_price_points.csv", "fema_nri_counties_composite_us.csv");

    static VectorLayer read(String entry) throws IOException {
        String[] p = entry.split("#");
        Path file = TestData.shared(p[0]);
        if (TABLES.contains(p[0])) {
            return FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT.asTable(),
                    io.siteplanner.model.Progress.NONE);
        }
        return FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT.withLayer(p.length > 1 ? p[1] : null),
                Progress.NONE);
    }

    static Stream<String> files() {
        return EXPECTED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void recognisesEachRealFile(String entry) throws IOException {
        Optional<Preset> p = Presets.detect(read(entry));
        assertThat(p.map(Preset::id).orElse("")).isEqualTo(EXPECTED.get(entry));
    }

    @Test
    void everyRealDataFileIsCovered() throws IOException {
        TreeSet<String> listed = EXPECTED.keySet().stream().map(e -> e.split("#")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> present;
        try (Stream<Path> s = Files.list(TestData.sharedDir())) {
            present = s.map(x -> x.getFileName().toString()).filter(n -> !n.endsWith(".md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void partialHifldSubstationCopyIsRecognisedWithItsNoDataAndCapacityEstimate() throws IOException {
        Preset p = Presets.detect(read("substations_hifld_partial_ms.geojson")).orElseThrow();
        assertThat(p.theme()).isEqualTo(Theme.SUBSTATIONS);
        assertThat(p.fieldName(FieldRole.VOLTAGE_KV)).isEqualTo("MAX_VOLT");
        assertThat(p.noData()).containsExactly(Map.entry("MAX_VOLT", List.of(-999999.0, 0.0)));
        assertThat(p.fieldName(FieldRole.MIN_VOLTAGE_KV)).isNull();
        assertThat(p.notes()).anyMatch(n -> n.contains("no MIN_VOLT") && n.contains("no LINES"));
        assertThat(p.estimatesCapacity()).isTrue();
        KeyField cap = p.field(FieldRole.CAPACITY_MW).orElseThrow();
        assertThat(cap.name()).isEqualTo("cap_mw_est");
        assertThat(cap.estimate()).isTrue();
        assertThat(cap.note()).contains("estimate");
        // the suggested filters name the layer's own fields
        assertThat(p.criteria()).extracting(CriterionTemplate::id).contains("d_sub345", "ic", "headroom");
        assertThat(p.criteria().get(1).params().get("filter")).isEqualTo("MAX_VOLT >= 345 AND STATUS = 'IN SERVICE'");
    }

    @Test
    void maxVoltAloneIsNotEnoughToBeHifld() {
        var schema = new io.siteplanner.model.Schema(List.of(new io.siteplanner.model.Field("MAX_VOLT",
                io.siteplanner.model.FieldType.INTEGER)));
        assertThat(Presets.detect(schema, "subs", io.siteplanner.model.GeometryType.POINT)).isEmpty();
        var withName = new io.siteplanner.model.Schema(List.of(new io.siteplanner.model.Field("NAME",
                io.siteplanner.model.FieldType.STRING), new io.siteplanner.model.Field("max_volt",
                io.siteplanner.model.FieldType.INTEGER)));
        Preset p = Presets.detect(withName, "subs", io.siteplanner.model.GeometryType.POINT).orElseThrow();
        assertThat(p.id()).isEqualTo("hifld-substations");
        assertThat(p.noData()).containsOnlyKeys("max_volt");
        // a line layer with MAX_VOLT is not a substation layer
        assertThat(Presets.detect(withName, "x", io.siteplanner.model.GeometryType.LINESTRING)).isEmpty();
    }

    @Test
    void hifldLineNoDataIsBlankedAsOgrCountsIt() throws IOException {
        // ogrinfo -ro -q transmission_hifld_partial_ms.geojson -sql "SELECT COUNT(*) FROM
        //   transmission_hifld_partial_ms WHERE VOLTAGE = -999999"  ->  12 (the IN copy: 7)
        for (var e : Map.of("transmission_hifld_partial_ms.geojson", 12, "transmission_hifld_partial_in.geojson", 7)
                .entrySet()) {
            VectorLayer raw = read(e.getKey());
            Preset p = Presets.detect(raw).orElseThrow();
            assertThat(p.noData()).containsExactly(Map.entry("VOLTAGE", List.of(-999999.0)));
            VectorLayer prepared = Presets.prepare(raw);
            int v = prepared.schema().indexOf("VOLTAGE");
            long empty = prepared.features().stream().filter(f -> f.value(v) == null).count();
            long emptyBefore = raw.features().stream().filter(f -> f.value(v) == null).count();
            assertThat(empty - emptyBefore).as(e.getKey()).isEqualTo(e.getValue().longValue());
            assertThat(prepared.warnings()).contains(e.getValue() + " no-data values (VOLTAGE -999999) read as empty");
        }
    }

    @Test
    void renamedHifldCopyUsesItsOwnVoltageField() throws IOException {
        Preset p = Presets.detect(read("transmission_hifld_in_ge138kv.geojson")).orElseThrow();
        assertThat(p.fieldName(FieldRole.VOLTAGE_KV)).isEqualTo("voltage_kv");
        assertThat(p.criteria().get(0).params()).containsEntry("filter", "voltage_kv >= 345");
        assertThat(p.notes()).anyMatch(n -> n.contains("no SUB_1/SUB_2"));
    }

    @Test
    void osmFilesKeepTheirMaxKvAndDeriveNothing() throws IOException {
        Preset p = Presets.detect(read("transmission_osm2017_in.geojson")).orElseThrow();
        assertThat(p.fieldName(FieldRole.VOLTAGE_KV)).isEqualTo("max_kv");
        assertThat(p.fieldName(FieldRole.VOLTAGE_RAW)).isEqualTo("voltage_raw");
        assertThat(p.fieldName(FieldRole.LINE_END_1)).isEqualTo("v_id_1");
        assertThat(p.derived()).isEmpty();
        Preset n = Presets.detect(read("grid_nodes_osm2017_in.geojson")).orElseThrow();
        assertThat(n.fieldName(FieldRole.NODE_ID)).isEqualTo("osm_grid_id");
        assertThat(n.fieldName(FieldRole.NODE_GROUP)).isEqualTo("region_file");
        assertThat(n.criteria().get(0).params().get("filter"))
                .isEqualTo("max_kv >= 230 AND typ IN ('substation', 'sub_station', 'station')");
    }

    @Test
    void tablesSayHowTheyJoin() throws IOException {
        Preset nri = Presets.detect(read("fema_nri_counties_composite_us.csv")).orElseThrow();
        assertThat(nri.join().to()).isEqualTo(Theme.COUNTIES);
        assertThat(nri.join().tableKey()).isEqualTo("STCOFIPS");
        assertThat(nri.join().layerKeys()).contains("GEOID");
        Preset eia = Presets.detect(read("eia_avg_retail_price_by_state_2023.csv")).orElseThrow();
        assertThat(eia.join().to()).isEqualTo(Theme.STATES);
        assertThat(eia.fieldName(FieldRole.PRICE)).isEqualTo("industrial_cents_kwh");
        // the monthly table's newest industrial column
        Preset epm = Presets.detect(read("eia_epm_table5_6a_apr2025_partial.csv")).orElseThrow();
        assertThat(epm.fieldName(FieldRole.PRICE)).isEqualTo("ind_apr2025");
    }

    @Test
    void boundariesAreToldApartByTheirCodes() throws IOException {
        // the bundled basemap: GEOID of 2 digits for states, 5 for counties
        VectorLayer states = FormatRegistry.standard().readVector(Path.of("maps/basemap/us_states.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        VectorLayer counties = FormatRegistry.standard().readVector(Path.of("maps/basemap/us_counties.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        assertThat(Presets.detect(states).map(Preset::theme)).contains(Theme.STATES);
        assertThat(Presets.detect(counties).map(Preset::theme)).contains(Theme.COUNTIES);
    }

    @Test
    void geonamesCsvFromAllTheCitiesIsRecognised() {
        var schema = new io.siteplanner.model.Schema(List.of(
                new io.siteplanner.model.Field("name", io.siteplanner.model.FieldType.STRING),
                new io.siteplanner.model.Field("country", io.siteplanner.model.FieldType.STRING),
                new io.siteplanner.model.Field("adminCode", io.siteplanner.model.FieldType.STRING),
                new io.siteplanner.model.Field("population", io.siteplanner.model.FieldType.INTEGER),
                new io.siteplanner.model.Field("lon", io.siteplanner.model.FieldType.REAL),
                new io.siteplanner.model.Field("lat", io.siteplanner.model.FieldType.REAL)));
        Preset p = Presets.detect(schema, "cities", io.siteplanner.model.GeometryType.POINT).orElseThrow();
        assertThat(p.theme()).isEqualTo(Theme.CITIES);
        assertThat(p.fieldName(FieldRole.POPULATION)).isEqualTo("population");
        assertThat(p.attribution()).contains("GeoNames");
    }

    @Test
    void pricingNodeTextVoltageBecomesANumber() throws IOException {
        VectorLayer raw = read("iso_pricing_nodes_in_bbox.geojson");
        Preset p = Presets.detect(raw).orElseThrow();
        assertThat(p.derived()).extracting(DerivedField::name).containsExactly("kv");
        VectorLayer prepared = Presets.prepare(raw);
        assertThat(prepared.schema().names()).endsWith("kv");
        // PROVENANCE: voltageKv is empty on every node of this copy
        int kv = prepared.schema().indexOf("kv");
        assertThat(prepared.features()).allMatch((Feature f) -> f.value(kv) == null);
    }
}
