package io.siteplanner.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.scoring.SubstationCapacity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Presets drive the default styles and legends of the real public layers. */
class PresetStylesTest {
    static VectorLayer read(String name) throws Exception {
        return FormatRegistry.standard().readVector(TestData.shared(name), ReadOptions.DEFAULT, Progress.NONE);
    }

    static MapLayer map(VectorLayer v) {
        return MapLayer.prepare(v, DemoMap.displayCrs(), Progress.NONE);
    }

    @Test
    void hifldLinesByKvClassWithUnknownVoltageAsItsOwnClass() throws Exception {
        MapLayer l = map(read("transmission_hifld_partial_ms.geojson"));
        LayerStyle s = DefaultStyles.guess(l.display(), 0);
        assertThat(s.kind()).isEqualTo(LayerStyle.Kind.GRADUATED);
        assertThat(s.field()).isEqualTo("VOLTAGE");
        assertThat(s.breaks()).containsExactly(DefaultStyles.KV_BREAKS);
        LayerDraw d = LayerDraw.of(l, s, 1, null, null);
        int v = l.source().schema().indexOf("VOLTAGE");
        int unknown = 0;
        for (int i = 0; i < l.source().size(); i++) {
            double kv = l.source().get(i).number(v);
            int want = kv == -999999 ? DefaultStyles.KV_UNKNOWN : kv >= 450 ? DefaultStyles.KV_COLORS[4]
                    : kv >= 300 ? DefaultStyles.KV_COLORS[3] : kv >= 200 ? DefaultStyles.KV_COLORS[2]
                    : kv >= 100 ? DefaultStyles.KV_COLORS[1] : DefaultStyles.KV_COLORS[0];
            assertThat(d.colorOf(i)).as("line %d, %s kV", i, kv).isEqualTo(want);
            unknown += kv == -999999 ? 1 : 0;
        }
        assertThat(unknown).isEqualTo(12); // ogrinfo: 12 lines with VOLTAGE = -999999
        List<Legend.Entry> legend = Legend.of(s, 1, "lines");
        assertThat(legend).extracting(Legend.Entry::label).containsExactly("under 100 kV (69)",
                "100-199 kV (115, 138, 161)", "200-299 kV (230)", "300-449 kV (345)", "450-699 kV (500)",
                "700 kV and above (765)", "unknown voltage");
        assertThat(legend.get(6).fill()).isEqualTo(DefaultStyles.KV_UNKNOWN);
    }

    @Test
    void osmLinesAreClassifiedByTheirMaxKv() throws Exception {
        MapLayer l = map(read("transmission_osm2017_in.geojson"));
        LayerStyle s = DefaultStyles.guess(l.display(), 0);
        assertThat(s.field()).isEqualTo("max_kv");
    }

    @Test
    void plantsByFuelSizedByMw() throws Exception {
        MapLayer l = map(read("power_plants_eia_ms_bbox.csv"));
        LayerStyle s = DefaultStyles.guess(l.display(), 0);
        assertThat(s.kind()).isEqualTo(LayerStyle.Kind.CATEGORIZED);
        assertThat(s.field()).isEqualTo("PrimSource");
        assertThat(s.sizeField()).isEqualTo("Total_MW");
        assertThat(s.categories()).containsEntry("natural gas", DefaultStyles.FUEL_COLORS.get("natural gas"))
                .containsEntry("nuclear", DefaultStyles.FUEL_COLORS.get("nuclear"));
        // the biggest plant gets the biggest symbol
        LayerDraw d = LayerDraw.of(l, s, 1, null, null);
        int mw = l.display().schema().indexOf("Total_MW");
        int biggest = 0;
        for (int i = 0; i < l.display().size(); i++) {
            if (l.display().get(i).number(mw) > l.display().get(biggest).number(mw)) {
                biggest = i;
            }
        }
        assertThat(d.sizeOf(biggest)).isEqualTo(18f);
    }

    @Test
    void substationsAreSizedByTheEstimateWhenTheyHaveOneAndTheLegendSaysSo() throws Exception {
        VectorLayer nodes = read("grid_nodes_osm2017_in.geojson");
        LayerStyle plain = DefaultStyles.guess(map(nodes).display(), 0);
        assertThat(plain.sizeField()).isEqualTo("max_kv");
        VectorLayer est = SubstationCapacity.estimate(nodes, read("transmission_osm2017_in.geojson")).layer();
        LayerStyle s = DefaultStyles.guess(map(est).display(), 0);
        assertThat(s.field()).isEqualTo("max_kv");
        assertThat(s.sizeField()).isEqualTo(Preset.CAPACITY_ESTIMATE);
        List<Legend.Entry> legend = Legend.of(s, 0, "substations");
        assertThat(legend.get(legend.size() - 1).label()).contains("estimate").contains("cap_mw_est");
    }

    @Test
    void unrecognisedLayersKeepTheFieldGuesser() throws Exception {
        VectorLayer demoLines = FormatRegistry.standard().readVector(java.nio.file.Path.of("src/test/resources/fixtures/parcels-demo/demo.gpkg"),
                ReadOptions.DEFAULT.withLayer("lines"), Progress.NONE);
        LayerStyle s = DefaultStyles.guess(demoLines, 0);
        assertThat(s.field()).isEqualTo("kv");
        assertThat(s.fill()).isEqualTo(DefaultStyles.KV_UNKNOWN);
        assertThat(Legend.of(s, 1, "lines")).extracting(Legend.Entry::label).endsWith("unknown voltage");
    }

    @Test
    void legendsOfAMapMentionEachDataLayerOnce() throws Exception {
        MapLayer subs = map(read("substations_hifld_partial_ms.geojson"));
        MapLayer lines = map(read("transmission_hifld_partial_ms.geojson"));
        List<StyledLayer> layers = List.of(
                new StyledLayer("lines", io.siteplanner.project.ProjectLayer.Role.DATA, lines, DefaultStyles.guess(lines.display(), 0), 1),
                new StyledLayer("subs", io.siteplanner.project.ProjectLayer.Role.DATA, subs, DefaultStyles.guess(subs.display(), 1), 1));
        List<MapDecorations.Section> sections = Legend.sections(layers);
        assertThat(sections).extracting(MapDecorations.Section::title).containsExactly(
                "subs: HIFLD Electric Substations", "lines: HIFLD Electric Power Transmission Lines");
        // the lines use the same kV classes as the substations: said, not repeated
        assertThat(sections.get(1).entries()).extracting(Legend.Entry::label).containsExactly("colours as subs");
        // 6 kV classes, unknown voltage, and what the size means
        assertThat(sections.get(0).entries()).hasSize(8);
        assertThat(sections.get(0).entries().get(7).label()).isEqualTo("size: MAX_VOLT");
    }
}
