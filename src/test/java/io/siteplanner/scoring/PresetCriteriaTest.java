package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.gis.preset.Presets;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.scoring.criteria.WithinRadiusCriterion;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The criteria presets suggest, built by the criterion kinds' own readers and evaluated on the real
 * Mississippi files: every template of every recognised layer must validate (fields, filters) and run.
 */
class PresetCriteriaTest {
    static Preset preset(String file) throws Exception {
        Path p = TestData.shared(file);
        VectorLayer l = file.endsWith(".csv") && !file.startsWith("power_plants") ? io.siteplanner.gis.FormatRegistry.standard().readVector(p, io.siteplanner.gis.ReadOptions.DEFAULT.asTable(), io.siteplanner.model.Progress.NONE)
                : FormatRegistry.standard().readVector(p, ReadOptions.DEFAULT, Progress.NONE);
        return Presets.detect(l).orElseThrow();
    }

    @Test
    void briefExamplesAreTheRightCriterionKinds() throws Exception {
        List<Criterion> lines = PresetCriteria.of(preset("transmission_hifld_partial_ms.geojson"), "lines");
        assertThat(lines.get(0)).isEqualTo(new DistanceCriterion(lines.get(0).common(), "lines", "VOLTAGE >= 345"));
        assertThat(lines.get(0).label()).isEqualTo("distance to lines >= 345 kV");
        List<Criterion> plants = PresetCriteria.of(preset("power_plants_eia_ms_bbox.csv"), "plants");
        assertThat(plants.get(0)).isInstanceOf(WithinRadiusCriterion.class);
        WithinRadiusCriterion gen = (WithinRadiusCriterion) plants.get(0);
        assertThat(gen.radiusM()).isEqualTo(50000);
        assertThat(gen.aggregate()).isEqualTo("sum");
        assertThat(gen.attribute()).isEqualTo("Total_MW");
        assertThat(gen.label()).isEqualTo("generation within 50 km");
    }

    @Test
    void everySuggestedCriterionRunsOnTheRealFiles(@TempDir Path dir) throws Exception {
        // three 1 km sites in Madison County, MS
        StringBuilder gj = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        double[][] at = {{-90.05, 32.62}, {-90.10, 32.45}, {-89.90, 32.70}};
        for (int i = 0; i < at.length; i++) {
            double x = at[i][0];
            double y = at[i][1];
            gj.append(i > 0 ? "," : "").append(String.format(java.util.Locale.ROOT, "{\"type\": \"Feature\","
                    + " \"properties\": {\"site\": %d}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\":"
                    + " [[[%f, %f], [%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}}", i + 1, x, y, x + 0.01, y, x + 0.01,
                    y + 0.01, x, y + 0.01, x, y));
        }
        Path sites = dir.resolve("sites.geojson");
        Files.writeString(sites, gj.append("]}").toString());
        Map<String, LayerRef> layers = new LinkedHashMap<>();
        layers.put("sites", LayerRef.of(sites.toString()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("subs", "substations_hifld_partial_ms.geojson");
        files.put("lines", "transmission_hifld_partial_ms.geojson");
        files.put("osmnodes", "grid_nodes_osm2017_ms.geojson");
        files.put("osmlines", "transmission_osm2017_ms.geojson");
        files.put("plants", "power_plants_eia_ms_bbox.csv");
        files.put("pnodes", "iso_pricing_nodes_ms_bbox.geojson");
        List<Criterion> criteria = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            layers.put(e.getKey(), LayerRef.of(e.getValue()));
            for (Criterion c : PresetCriteria.of(preset(e.getValue()), e.getKey())) {
                criteria.add(c.withCommon(c.common().withWeight(1)));
            }
        }
        // the tables' criteria apply to the boundary layer they are joined to
        Preset eia = preset("eia_avg_retail_price_by_state_2023.csv");
        Preset nri = preset("fema_nri_counties_composite_us.csv");
        layers.put("states", new LayerRef(Path.of("maps/basemap/us_states.geojson").toAbsolutePath().toString(), null,
                null, List.of(new JoinSpec(TestData.shared("eia_avg_retail_price_by_state_2023.csv").toString(), null,
                        "NAME", eia.join().tableKey(), eia.join().fields(), null))));
        layers.put("counties", new LayerRef("counties_ms_in_census2017_10m.geojson", null, null,
                List.of(new JoinSpec("fema_nri_counties_composite_us.csv", null, "GEOID", nri.join().tableKey(),
                        nri.join().fields(), null))));
        criteria.addAll(renamed(PresetCriteria.of(eia, "states"), "states_"));
        criteria.addAll(renamed(PresetCriteria.of(nri, "counties"), "counties_"));
        List<Criterion> unique = renamedByLayer(criteria);
        Scenario s = new Scenario("presets", null, Campus.of(300), "EPSG:5070", layers, "sites", "site", unique,
                List.of(), null, null);
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(TestData.sharedDir()), Progress.NONE);
        assertThat(session.criteria()).hasSize(unique.size()).hasSizeGreaterThan(20);
        // substations without capacity got an estimate from the scenario's lines of the same family
        assertThat(session.warnings()).anyMatch(w -> w.startsWith("substations_hifld_partial_ms: cap_mw_est estimated for")
                && w.contains("end-substation names"));
        assertThat(session.warnings()).anyMatch(w -> w.startsWith("grid_nodes_osm2017_ms: cap_mw_est estimated for")
                && w.contains("node ids"));
        // site 1 is in Madison County, MS: EIA 2023 industrial 6.96 cents/kWh, NRI risk score 8.935695188
        assertThat(session.raw(session.criterionIndex("states_price"))[0]).isEqualTo(6.96);
        assertThat(session.raw(session.criterionIndex("counties_risk"))[0]).isEqualTo(8.935695188);
        // 6.96 cents/kWh x 10 x 300 MW x 1.2 x 8,760 h x 0.85 utilisation
        assertThat(session.raw(session.criterionIndex("states_energy"))[0])
                .isCloseTo(69.6 * 300 * 1.2 * 8760 * 0.85, org.assertj.core.data.Offset.offset(1e-3));
        double[] headroom = session.raw(session.criterionIndex("subs_headroom"));
        assertThat(java.util.Arrays.stream(headroom).filter(v -> !Double.isNaN(v)).count()).isPositive();
    }

    static List<Criterion> renamed(List<Criterion> cs, String prefix) {
        List<Criterion> out = new ArrayList<>();
        for (Criterion c : cs) {
            out.add(c.withCommon(new io.siteplanner.scoring.criteria.Common(prefix + c.id(), c.label(), 1,
                    c.transform(), c.common().missing(), null)));
        }
        return out;
    }

    /** Layer-prefixed ids for the criteria not renamed yet (several layers suggest d_line345...). */
    static List<Criterion> renamedByLayer(List<Criterion> cs) {
        List<Criterion> out = new ArrayList<>();
        for (Criterion c : cs) {
            if (c.id().startsWith("states_") || c.id().startsWith("counties_")) {
                out.add(c);
            } else {
                out.addAll(renamed(List.of(c), c.layers().get(0) + "_"));
            }
        }
        return out;
    }
}
