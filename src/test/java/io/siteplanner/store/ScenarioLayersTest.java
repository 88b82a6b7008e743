package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.project.Project;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which parts of a scenario read a project layer; repairs for missing layers; adding layers. */
class ScenarioLayersTest {
    static Scenario demo() throws Exception {
        Project p = ProjectStore.open(MapsDirectory.demoProject(StoreFixtures.maps()));
        Scenario s = p.active();
        List<ConstraintSpec> k = new ArrayList<>(s.constraints());
        k.add(ConstraintSpec.exclusion("lines_in", "voltage_kv >= 500", 100));
        return s.withConstraints(k);
    }

    @Test
    void namesTheCriteriaAndExclusionsReadingALayer() throws Exception {
        ScenarioLayers.Usage u = ScenarioLayers.usage(demo(), "subs_in");
        assertThat(u.candidates()).isFalse();
        assertThat(u.criteria()).containsExactly("headroom", "ttp", "ic");
        assertThat(ScenarioLayers.usage(demo(), "lines_in").exclusions()).hasSize(1);
        assertThat(ScenarioLayers.usage(demo(), "cells_in").candidates()).isTrue();
        assertThat(ScenarioLayers.usage(demo(), "us_states").isEmpty()).isTrue();
    }

    @Test
    void missingLayersDisableWhatReadsThemAndTheScenarioStaysWritable() throws Exception {
        Scenario s = demo();
        ScenarioLayers.Repair r = ScenarioLayers.disableMissing(s, name -> !name.equals("lines_in"), null);
        assertThat(r.missing()).containsOnlyKeys("lines_in");
        assertThat(r.disabled()).containsExactly("d_ehv"); // ttp reads lines_in_osm
        assertThat(r.candidatesMissing()).isFalse();
        assertThat(r.scenario().criterion("d_ehv").enabled()).isFalse();
        assertThat(r.scenario().criterion("headroom").enabled()).isTrue();
        assertThat(r.scenario().constraints().get(1).enabled()).isFalse();
        // still valid JSON for the reader (what the app saves it reads back)
        Scenario back = ScenarioReader.parse(ScenarioWriter.toJson(r.scenario()));
        assertThat(back.criterion("d_ehv").enabled()).isFalse();
        // nothing missing: the same scenario
        assertThat(ScenarioLayers.disableMissing(s, name -> true, null).scenario()).isSameAs(s);
        // missing candidates are reported
        assertThat(ScenarioLayers.disableMissing(s, name -> !name.equals("cells_in"), null).candidatesMissing()).isTrue();
    }

    @Test
    void missingFilesCountRelativeToTheProjectFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Scenario s = demo().withLayers(new java.util.LinkedHashMap<>(demo().layers()) {
            {
                put("flood", LayerRef.of("flood.gpkg"));
            }
        });
        java.util.List<ConstraintSpec> k = new ArrayList<>(s.constraints());
        k.add(ConstraintSpec.exclusion("flood", null, 0));
        s = s.withConstraints(k);
        ScenarioLayers.Repair r = ScenarioLayers.disableMissing(s, name -> true, dir);
        assertThat(r.missing()).containsEntry("flood", "file flood.gpkg not found");
        assertThat(r.scenario().constraints().get(2).enabled()).isFalse();
        java.nio.file.Files.writeString(dir.resolve("flood.gpkg"), "x");
        assertThat(ScenarioLayers.disableMissing(s, name -> true, dir).missing()).isEmpty();
    }

    @Test
    void addsAProjectLayerOnceAndDropsUnusedEntries() throws Exception {
        Scenario s = demo();
        assertThat(ScenarioLayers.idFor(s, "lines_in")).isEqualTo("lines_in");
        assertThat(ScenarioLayers.withLayer(s, "lines_in")).isSameAs(s);
        Scenario t = ScenarioLayers.withLayer(s, "us_counties");
        assertThat(t.layers().get("us_counties")).isEqualTo(LayerRef.of("@us_counties"));
        assertThat(ScenarioLayers.withoutUnusedLayers(t).layers().keySet())
                .containsExactlyElementsOf(s.layers().keySet());
        Scenario c = ScenarioLayers.withCandidates(s, "counties", null);
        assertThat(c.candidates()).isEqualTo("counties");
        assertThat(c.idField()).isNull();
        assertThat(c.layers().keySet()).contains("counties", "subs_in", "lines_in").doesNotContain("cells_in");
        for (Criterion x : c.criteria()) {
            assertThat(c.layers().keySet()).containsAll(x.layers());
        }
    }
}
