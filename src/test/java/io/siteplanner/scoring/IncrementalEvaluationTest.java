package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.DistanceCriterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Disabled criteria and constraints, criterion units, and {@link ScoringSession#withScenario}: only what
 * changed is evaluated, and the result equals evaluating the edited scenario from scratch.
 */
class IncrementalEvaluationTest {
    static TestData data;

    @BeforeAll
    static void data() {
        data = TestData.generate(400, 23L);
    }

    static Scenario base() {
        return ScenarioReader.parse(TestData.scenarioJson());
    }

    static ScoringSession evaluate(Scenario s) {
        return ScenarioEvaluator.evaluate(s, data.source(), Progress.NONE);
    }

    /** Scores, ranks and pass flags equal (bit for bit) to a fresh evaluation of the same scenario. */
    static void assertSameAsFresh(ScoringSession incremental) {
        ScoreResult a = incremental.score();
        ScoreResult b = evaluate(incremental.scenario()).score();
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.score(i)).isEqualTo(b.score(i));
            assertThat(a.rank(i)).isEqualTo(b.rank(i));
            assertThat(a.passed(i)).isEqualTo(b.passed(i));
        }
        for (int c = 0; c < incremental.criteria().size(); c++) {
            assertThat(incremental.raw(c)).containsExactly(b.session().raw(c));
        }
    }

    static Scenario replace(Scenario s, int index, Criterion c) {
        List<Criterion> l = new ArrayList<>(s.criteria());
        l.set(index, c);
        return s.withCriteria(l);
    }

    @Test
    void aDisabledCriterionIsNotLoadedWeighsNothingAndIsNotFlagged() {
        Scenario s = replace(base(), 2, base().criteria().get(2).withEnabled(false));
        // the lines layer is not even available: a disabled criterion does not read it
        MemoryLayerSource noLines = new MemoryLayerSource().put("parcels.gpkg", data.parcels)
                .put("substations.gpkg", data.substations).put("zones.gpkg", data.zones);
        ScoringSession session = ScenarioEvaluator.evaluate(s, noLines, Progress.NONE);
        ScoreResult r = session.score();
        assertThat(r.weights()[2]).isZero();
        assertThat(r.weights()[0] + r.weights()[1] + r.weights()[3]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(java.util.Arrays.stream(session.raw(2)).allMatch(Double::isNaN)).isTrue();
        assertThat(r.flags(0)).noneMatch(f -> f.startsWith("d_line"));
        // the same ranking as the scenario without that criterion
        List<Criterion> without = new ArrayList<>(base().criteria());
        without.remove(2);
        ScoreResult w = evaluate(base().withCriteria(without)).score();
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.rank(i)).isEqualTo(w.rank(i));
            assertThat(r.score(i)).isCloseTo(w.score(i), org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void constraintsOnDisabledCriteriaAndDisabledExclusionsDoNotApply() {
        Scenario s = base().withConstraints(List.of(ConstraintSpec.compare("d_line", "<=", 10),
                ConstraintSpec.exclusion("lines", null, 500).withEnabled(false)));
        ScoringSession on = evaluate(s);
        assertThat(on.score().passedCount()).isLessThan(on.size());
        ScoringSession off = evaluate(replace(s, 2, s.criteria().get(2).withEnabled(false)));
        assertThat(off.score().passedCount()).isEqualTo(off.size());
        assertThat(off.failingCount(s.constraints().get(0))).isZero();
        assertThat(off.failingCount(s.constraints().get(1))).isZero();
    }

    @Test
    void enabledAndUnitRoundTripThroughJson() {
        Criterion c = base().criteria().get(3);
        Scenario s = replace(base(), 3, c.withCommon(c.common().withUnit("USD/MWh").withEnabled(false)))
                .withConstraints(List.of(ConstraintSpec.exclusion("lines", "kv >= 345", 100).withEnabled(false)));
        String json = ScenarioWriter.toJson(s);
        assertThat(json).contains("\"enabled\" : false").contains("\"unit\" : \"USD/MWh\"");
        Scenario back = ScenarioReader.parse(json);
        assertThat(back.criteria().get(3).enabled()).isFalse();
        assertThat(back.criteria().get(3).common().unit()).isEqualTo("USD/MWh");
        assertThat(back.criteria().get(0).enabled()).isTrue();
        assertThat(back.constraints().get(0).enabled()).isFalse();
        assertThat(ScenarioWriter.toJson(back)).isEqualTo(json);
        assertThatThrownBy(() -> ScenarioReader.parse(json.replace("\"enabled\" : false", "\"enabled\" : \"no\"")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("enabled: must be true or false");
    }

    @Test
    void aCriterionUnitNamesItsValues() {
        Criterion price = base().criteria().get(3);
        ScoringSession s = evaluate(replace(base(), 3, price.withCommon(price.common().withUnit("USD/MWh"))));
        assertThat(s.column(3).unit()).isEqualTo("USD/MWh");
        assertThat(s.column(1).unit()).isEqualTo("m");
        // a unit change is a setting: no evaluation
        long passes = s.spatialPasses();
        s.update(replace(s.scenario(), 3, price.withCommon(price.common().withUnit("$/MWh"))));
        assertThat(s.column(3).unit()).isEqualTo("$/MWh");
        s.update(replace(s.scenario(), 3, price));
        // back to the unit without a setting: the one its field name states (price_usd_mwh: USD/MWh)
        assertThat(s.column(3).unit()).isEqualTo(evaluate(base()).column(3).unit()).isEqualTo("USD/MWh");
        assertThat(s.spatialPasses()).isEqualTo(passes);
    }

    @Test
    void addingACriterionEvaluatesOnlyThatCriterion() {
        ScoringSession s = evaluate(base());
        long passes = s.spatialPasses();
        Criterion added = new DistanceCriterion(Common.of("d_line230", 0.2), "lines", "kv >= 230");
        ScoringSession next = s.withCriterion(added, data.source(), Progress.NONE);
        assertThat(next.spatialPasses()).isEqualTo(passes + 1);
        assertThat(next.criteria()).hasSize(5);
        for (int c = 0; c < 4; c++) {
            assertThat(next.raw(c)).isSameAs(s.raw(c)); // columns reused, not recomputed
        }
        assertSameAsFresh(next);
        // the old session is unchanged and still scores
        assertThat(s.criteria()).hasSize(4);
        assertThat(s.score().size()).isEqualTo(400);
    }

    @Test
    void editingAFilterEvaluatesOnlyTheEditedCriterion() {
        ScoringSession s = evaluate(base());
        long passes = s.spatialPasses();
        Scenario edited = replace(base(), 1, new DistanceCriterion(base().criteria().get(1).common(), "substations",
                "avail_mw >= 100"));
        ScoringSession next = s.withScenario(edited, data.source(), Progress.NONE);
        assertThat(next.spatialPasses()).isEqualTo(passes + 1);
        assertThat(next.raw(0)).isSameAs(s.raw(0));
        assertThat(next.raw(1)).isNotSameAs(s.raw(1));
        assertSameAsFresh(next);
    }

    @Test
    void removingReorderingAndDisablingNeedNoSpatialWork() {
        ScoringSession s = evaluate(base());
        long passes = s.spatialPasses();
        List<Criterion> l = new ArrayList<>(base().criteria());
        Criterion price = l.remove(3);
        l.add(0, price);
        l.remove(2); // d_sub
        l.set(2, l.get(2).withEnabled(false)); // d_line
        ScoringSession next = s.withScenario(base().withCriteria(l), data.source(), Progress.NONE);
        assertThat(next.spatialPasses()).isEqualTo(passes);
        assertThat(next.criteria()).extracting(Criterion::id).containsExactly("price", "acres", "d_line");
        assertThat(java.util.Arrays.stream(next.raw(2)).allMatch(Double::isNaN)).isTrue();
        assertSameAsFresh(next);
    }

    @Test
    void enablingACriterionReadsItsLayerOnlyThen() {
        Scenario off = replace(base(), 2, base().criteria().get(2).withEnabled(false));
        MemoryLayerSource noLines = new MemoryLayerSource().put("parcels.gpkg", data.parcels)
                .put("substations.gpkg", data.substations).put("zones.gpkg", data.zones);
        ScoringSession s = ScenarioEvaluator.evaluate(off, noLines, Progress.NONE);
        long passes = s.spatialPasses();
        ScoringSession on = s.withScenario(base(), data.source(), Progress.NONE);
        assertThat(on.spatialPasses()).isEqualTo(passes + 1);
        assertThat(java.util.Arrays.stream(on.raw(2)).noneMatch(Double::isNaN)).isTrue();
        assertSameAsFresh(on);
    }

    @Test
    void aCriterionPointedAtAnotherLayerReadsIt() {
        ScoringSession s = evaluate(base());
        Map<String, LayerRef> layers = new LinkedHashMap<>(base().layers());
        layers.put("lines2", LayerRef.of("lines2.gpkg"));
        Scenario moved = new Scenario("test", null, base().campus(), base().analysisCrs(), layers, "parcels",
                "parcel_id", base().criteria(), List.of(), null, null);
        moved = replace(moved, 2, new DistanceCriterion(base().criteria().get(2).common(), "lines2", "kv >= 345"));
        MemoryLayerSource src = data.source().put("lines2.gpkg", data.lines);
        ScoringSession next = s.withScenario(moved, src, Progress.NONE);
        assertThat(next.raw(2)).containsExactly(s.raw(2)); // the same lines under another id
        // a layer entry that changed is read again (here: the substations as 'lines')
        Map<String, LayerRef> swapped = new LinkedHashMap<>(moved.layers());
        swapped.put("lines2", LayerRef.of("substations.gpkg"));
        Scenario other = new Scenario("test", null, moved.campus(), moved.analysisCrs(), swapped, "parcels",
                "parcel_id", replace(moved, 2, new DistanceCriterion(moved.criteria().get(2).common(), "lines2", null))
                        .criteria(), List.of(), null, null);
        ScoringSession again = next.withScenario(other, src, Progress.NONE);
        assertSameAsFresh(again);
        ScoringSession direct = ScenarioEvaluator.evaluate(other, src, Progress.NONE);
        assertThat(again.raw(2)).containsExactly(direct.raw(2));
    }

    @Test
    void aTcoFollowsTheCostsItIsMadeOf() {
        String json = TestData.scenarioJson().replace("} ],", "}, {\"id\": \"ic\", \"kind\": \"interconnectionCost\", \"layer\": \"substations\","
                        + " \"filter\": \"kv >= 230\", \"weight\": 0},"
                        + " {\"id\": \"tco\", \"kind\": \"tco\", \"interconnection\": \"ic\", \"weight\": 0.1} ],");
        Scenario s = ScenarioReader.parse(json);
        ScoringSession session = evaluate(s);
        int ic = s.criterionIndex("ic");
        Criterion changed = s.criteria().get(ic);
        Scenario edited = replace(s, ic, new io.siteplanner.scoring.criteria.InterconnectionCostCriterion(
                changed.common(), "substations", "kv >= 345", null, null, null, null, null, null));
        ScoringSession next = session.withScenario(edited, data.source(), Progress.NONE);
        assertThat(next.raw(s.criterionIndex("tco"))).isNotSameAs(session.raw(s.criterionIndex("tco")));
        assertSameAsFresh(next);
    }

    @Test
    void addingAnExclusionLayerReadsAndSearchesItOnce() {
        Scenario noLinesUsed = base().withCriteria(List.of(base().criteria().get(0), base().criteria().get(1)));
        ScoringSession s = evaluate(noLinesUsed);
        long passes = s.spatialPasses();
        ConstraintSpec k = ConstraintSpec.exclusion("lines", "kv >= 345", 250);
        ScoringSession next = s.withScenario(noLinesUsed.withConstraints(List.of(k)), data.source(), Progress.NONE);
        assertThat(next.spatialPasses()).isEqualTo(passes + 1);
        int failing = next.failingCount(k);
        assertThat(failing).isPositive().isEqualTo(next.size() - next.score().passedCount());
        assertThat(next.spatialPasses()).isEqualTo(passes + 1);
        assertSameAsFresh(next);
    }

    @Test
    void theCandidatesCannotChangeIncrementally() {
        ScoringSession s = evaluate(base());
        Scenario b = base();
        Scenario other = new Scenario(b.name(), null, b.campus(), b.analysisCrs(), b.layers(), "zones", null,
                b.criteria(), List.of(), null, null);
        assertThatThrownBy(() -> s.withScenario(other, data.source(), Progress.NONE))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("evaluate the scenario again");
    }
}
