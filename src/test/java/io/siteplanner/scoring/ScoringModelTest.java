package io.siteplanner.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.criteria.Criteria;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.CriterionKind;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The safe defaults and explicit no-data of the scoring model: grid feasibility, campus figures in filters,
 * missing-value policies, text categories, computed fields; expected values from plain loops over the
 * generated layers.
 */
class ScoringModelTest {
    static TestData data;
    static MemoryLayerSource source;

    @BeforeAll
    static void data() {
        data = TestData.generate(400, 4242L);
        // zones with an ISO name (text), one without
        List<Feature> zs = new ArrayList<>();
        for (Feature z : data.zones.features()) {
            long id = (Long) z.value(0);
            String iso = id == 13 ? null : id % 3 == 0 ? "PJM" : id % 3 == 1 ? "MISO" : "SPP";
            zs.add(new Feature(z.fid(), z.geometry(), new Object[] {z.value(0), z.value(1), iso}));
        }
        VectorLayer isoZones = data.zones.toBuilder().schema(new Schema(List.of(new Field("zone_id", FieldType.INTEGER),
                new Field("price_usd_mwh", FieldType.REAL), new Field("iso", FieldType.STRING)))).features(zs).build();
        source = data.source().put("zones.gpkg", isoZones);
    }

    static String scenario(String criteria, String constraints, String zoneExtras) {
        return "{\"schema\": \"siteplanner/scenario/v1\", \"campus\": {\"itLoadMw\": 250, \"pue\": 1.2},"
                + " \"analysisCrs\": \"EPSG:5070\", \"layers\": {\"parcels\": \"parcels.gpkg\","
                + " \"substations\": {\"path\": \"substations.gpkg\", \"fields\": {\"half\": \"avail_mw / 2\"}},"
                + " \"lines\": \"lines.gpkg\", \"zones\": {\"path\": \"zones.gpkg\"" + zoneExtras + "}},"
                + " \"candidates\": \"parcels\", \"idField\": \"parcel_id\", \"criteria\": [" + criteria + "]"
                + (constraints.isEmpty() ? "" : ", \"constraints\": [" + constraints + "]") + "}";
    }

    static ScoringSession evaluate(String json) {
        return ScenarioEvaluator.evaluate(ScenarioReader.parse(json), source, Progress.NONE);
    }

    /** Max avail_mw of the substations within r metres of parcel i (NaN when none). */
    static double bestWithin(int i, double r) {
        double best = Double.NaN;
        for (Feature s : data.substations.features()) {
            if (DistanceOp.distance(data.parcels.get(i).geometry(), s.geometry()) <= r) {
                double a = s.number(2);
                best = best != best || a > best ? a : best;
            }
        }
        return best;
    }

    @Test
    void gridHeadroomIsAHardRequirementByDefaultWithTheReasonInWords() {
        String h = "{\"id\": \"grid\", \"kind\": \"gridHeadroom\", \"layer\": \"substations\","
                + " \"availableAttribute\": \"avail_mw\", \"radiusKm\": 2.5, \"weight\": 1}";
        ScoreResult r = evaluate(scenario(h, "", "")).score();
        int failed = 0;
        int none = 0;
        for (int i = 0; i < r.size(); i++) {
            double best = bestWithin(i, 2500);
            boolean ok = best == best && best >= 300; // demand: 250 MW x 1.2
            assertThat(r.passed(i)).as("site %d with %s MW in reach", i, best).isEqualTo(ok);
            if (!ok) {
                failed++;
                String expect = best != best ? "grid: needs 300 MW; no substation with a known capacity within 2.5 km"
                        : "grid: needs 300 MW; " + io.siteplanner.scoring.criteria.Explain.number(best, "MW")
                                + " available within 2.5 km";
                none += best != best ? 1 : 0;
                assertThat(r.reasons(i)).containsExactly(expect);
            }
        }
        assertThat(failed).isBetween(20, r.size() - 20);
        assertThat(none).isPositive();
        // failing sites rank after all passing ones
        for (int p = 0; p < r.size(); p++) {
            assertThat(r.passed(r.siteAt(p))).isEqualTo(p < r.passedCount());
        }
        // relaxed: scored, not required
        ScoreResult relaxed = evaluate(scenario(h.replace("\"weight\"", "\"required\": false, \"weight\""), "", ""))
                .score();
        assertThat(relaxed.passedCount()).isEqualTo(relaxed.size());
    }

    @Test
    void campusFiguresCanBeUsedInFiltersAndComputedFieldsLikeStoredOnes() {
        ScoringSession s = evaluate(scenario(String.join(",",
                "{\"id\": \"a\", \"kind\": \"distance\", \"layer\": \"substations\", \"filter\": \"avail_mw >= ${demandMw}\","
                        + " \"weight\": 1}",
                "{\"id\": \"b\", \"kind\": \"distance\", \"layer\": \"substations\", \"filter\": \"avail_mw >= 300\"}",
                "{\"id\": \"c\", \"kind\": \"distance\", \"layer\": \"substations\", \"filter\": \"half >= 150\"}",
                "{\"id\": \"p2\", \"kind\": \"zoneAttribute\", \"layer\": \"zones\", \"attribute\": \"p2\"}",
                "{\"id\": \"p\", \"kind\": \"zoneAttribute\", \"layer\": \"zones\", \"attribute\": \"price_usd_mwh\"}"),
                "", ", \"fields\": {\"p2\": \"price_usd_mwh * 2 + 1\"}"));
        int checked = 0;
        for (int i = 0; i < s.size(); i++) {
            double want = Double.POSITIVE_INFINITY;
            for (Feature f : data.substations.features()) {
                if (f.number(2) >= 300) {
                    want = Math.min(want, DistanceOp.distance(data.parcels.get(i).geometry(), f.geometry()));
                }
            }
            assertThat(s.raw(0)[i]).isCloseTo(want, offset(1e-9));
            assertThat(s.raw(1)[i]).isEqualTo(s.raw(0)[i]);
            assertThat(s.raw(2)[i]).isEqualTo(s.raw(0)[i]);
            assertThat(s.raw(3)[i]).isCloseTo(s.raw(4)[i] * 2 + 1, offset(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(400);
        assertThatThrownBy(() -> evaluate(scenario("{\"id\": \"a\", \"kind\": \"zoneAttribute\", \"layer\": \"zones\","
                + " \"attribute\": \"zone_id\", \"weight\": 1}", "", ", \"fields\": {\"x\": \"nope * 2\"}")))
                .hasMessageStartingWith("layers.zones.fields.x: unknown attribute 'nope' (fields: zone_id, price_usd_mwh, iso");
        assertThatThrownBy(() -> evaluate(scenario("{\"id\": \"a\", \"kind\": \"distance\", \"layer\": \"zones\","
                + " \"filter\": \"zone_id > ${landPrice}\", \"weight\": 1}", "", "")))
                .hasMessage("criteria[0].filter: unknown campus figure ${landPrice} (known: demandMw, itLoadMw, pue,"
                        + " utilization)");
    }

    @Test
    void textValuesAreScoredThroughCategories() {
        String cat = "{\"id\": \"iso\", \"kind\": \"zoneAttribute\", \"layer\": \"zones\", \"attribute\": \"iso\","
                + " \"transform\": {\"type\": \"categories\", \"scores\": {\"PJM\": 1, \"MISO\": 0.8}, \"default\": 0.5},"
                + " \"weight\": 1}";
        ScoringSession s = evaluate(scenario(cat, "", ""));
        ScoreResult r = s.score();
        int missing = 0;
        for (int i = 0; i < s.size(); i++) {
            org.locationtech.jts.geom.Point c = data.parcels.get(i).geometry().getCentroid();
            String iso = null;
            long zone = -1;
            for (Feature z : data.zones.features()) {
                if (z.geometry().intersects(c)) {
                    zone = (Long) z.value(0);
                    break;
                }
            }
            iso = zone == 13 ? null : zone % 3 == 0 ? "PJM" : zone % 3 == 1 ? "MISO" : "SPP";
            double want = iso == null ? 0 : iso.equals("PJM") ? 1 : iso.equals("MISO") ? 0.8 : 0.5;
            assertThat(r.transformed(0, i)).as("site %d in %s", i, iso).isEqualTo(want);
            assertThat(s.column(0).valueAt(i)).isEqualTo(iso);
            assertThat(r.describe(0, i)).isEqualTo(iso == null ? "no data" : iso);
            missing += iso == null ? 1 : 0;
        }
        assertThat(missing).isPositive();
        // exports and the explanation show the text, not the category index
        io.siteplanner.export.SiteTable table = io.siteplanner.export.SiteTable.ranked(r, 0);
        int isoCol = -1;
        for (int k = 0; k < table.columns().size(); k++) {
            if (table.columns().get(k).name().equals("iso")) {
                isoCol = k;
            }
        }
        for (int p = 0; p < table.size(); p++) {
            assertThat(table.values(p, null)[isoCol]).isEqualTo(s.column(0).valueAt(table.site(p)));
        }
        int some = r.siteAt(0);
        assertThat(r.explain(some).parts().get(0).format(io.siteplanner.model.Units.DistanceUnit.KM))
                .isEqualTo(String.valueOf(s.column(0).valueAt(some) == null ? "no data" : s.column(0).valueAt(some)));
        // round trip of the categories transform
        String json = ScenarioWriter.toJson(s.scenario());
        assertThat(ScenarioWriter.toJson(ScenarioReader.parse(json))).isEqualTo(json);
        // text without categories: a clear error naming the fix
        assertThatThrownBy(() -> evaluate(scenario("{\"id\": \"iso\", \"kind\": \"zoneAttribute\", \"layer\": \"zones\","
                + " \"attribute\": \"iso\", \"weight\": 1}", "", "")))
                .hasMessageContaining("criteria[0].attribute: attribute 'iso' of layer 'zones' is text, not a number")
                .hasMessageContaining("categories transform");
        // sum over a text field: refused before any spatial work
        assertThatThrownBy(() -> evaluate(scenario("{\"id\": \"x\", \"kind\": \"withinRadius\", \"layer\": \"zones\","
                + " \"radiusM\": 1000, \"aggregate\": \"sum\", \"attribute\": \"iso\", \"weight\": 1}", "", "")))
                .hasMessageStartingWith("criteria[0].attribute: attribute 'iso' of layer 'zones' is text, not a number");
    }

    @Test
    void missingValuesFollowTheirPolicyAndAreAlwaysFlagged() {
        String base = "{\"id\": \"m\", \"kind\": \"withinRadius\", \"layer\": \"substations\", \"radiusM\": 1200,"
                + " \"aggregate\": \"max\", \"attribute\": \"avail_mw\", %s \"weight\": 1}";
        ScoreResult worst = evaluate(scenario(String.format(base, ""), "", "")).score();
        ScoreResult neutral = evaluate(scenario(String.format(base, "\"missing\": \"neutral\","), "", "")).score();
        ScoreResult exclude = evaluate(scenario(String.format(base, "\"missing\": \"exclude\","), "", "")).score();
        int missing = worst.missingCount(0);
        assertThat(missing).isBetween(10, 390);
        for (int i = 0; i < worst.size(); i++) {
            boolean none = Double.isNaN(worst.session().raw(0)[i]);
            if (none) {
                assertThat(worst.transformed(0, i)).isEqualTo(0);
                assertThat(worst.flags(i)).containsExactly("m: no data, scored 0");
                assertThat(neutral.transformed(0, i)).isEqualTo(0.5);
                assertThat(neutral.flags(i)).containsExactly("m: no data, scored 0.5");
                assertThat(exclude.passed(i)).isFalse();
                assertThat(exclude.reasons(i)).containsExactly("m: no data");
            } else {
                assertThat(worst.flags(i)).isEmpty();
                assertThat(exclude.passed(i)).isTrue();
            }
        }
        assertThat(exclude.passedCount()).isEqualTo(exclude.size() - missing);
        assertThat(worst.session().warnings()).anyMatch(w -> w.equals("criterion m: " + missing + " of 400 sites have"
                + " no data (scored 0, the worst)"));
    }

    @Test
    void everyPermittedCriterionRecordIsRegisteredOnceWithItsOwnKeys() {
        Set<Class<?>> registered = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (CriterionKind k : Criteria.KINDS) {
            assertThat(names.add(k.json())).as(k.json()).isTrue();
            assertThat(k.summary()).isNotBlank();
            assertThat(k.keys()).doesNotContainAnyElementsOf(ScenarioReader.COMMON);
        }
        for (Class<?> c : Criterion.class.getPermittedSubclasses()) {
            CriterionKind kind = null;
            try {
                kind = (CriterionKind) c.getField("KIND").get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(c + " has no public KIND", e);
            }
            assertThat(Criteria.KINDS).as(c.getSimpleName()).contains(kind);
            registered.add(c);
        }
        assertThat(registered).hasSameSizeAs(Criteria.KINDS);
    }
}
