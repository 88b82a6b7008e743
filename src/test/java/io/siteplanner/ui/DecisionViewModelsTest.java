package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.TestData;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.decision.WeightSweep;
import io.siteplanner.scoring.decision.WhatWouldChange;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision view-models without a stage (CurrentThreadExecutor): the figures the site table and the
 * comparison view show are those of the CLI ({@code robustness}, {@code sweep}, {@code explain}) run on the
 * scenario the app exports, with the same seed; sums over sites are exact counts; time to power P10/P50/P90
 * equal a scenario that states those percentiles itself (docs/time-to-power.md). The demo is used by role
 * only (its first sites, its first weighted criterion), not by ids or counts.
 */
@org.junit.jupiter.api.extension.ExtendWith(RealMapsAfterEach.class)
class DecisionViewModelsTest {
    @TempDir
    Path dir;
    ScriptedDialogService dialogs;
    CurrentThreadExecutor tasks;
    ProjectViewModel project;

    @BeforeEach
    void open() {
        dialogs = new ScriptedDialogService();
        tasks = new CurrentThreadExecutor();
        project = ScenarioEditorViewModelTest.demo(tasks, dialogs);
    }

    Path exported() {
        Path json = dir.resolve("campus.json");
        project.exportScenario(json);
        assertThat(dialogs.errors).isEmpty();
        return json;
    }

    static Map<String, Integer> byId(ScoreResult r) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            m.put(String.valueOf(r.session().id(i)), i);
        }
        return m;
    }

    static List<String[]> csv(Path f) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            assertThat(line).doesNotContain("\"");
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    void robustnessColumnsShowTheCliFiguresForTheSameSeedAndAddUpToK() throws Exception {
        RobustnessViewModel rob = project.robustness();
        rob.drawsProperty().set(3000);
        rob.seedProperty().set(7);
        rob.spreadProperty().set(0.3);
        rob.kProperty().set(10);
        assertThat(rob.run()).isNotNull();
        assertThat(dialogs.errors).isEmpty();
        assertThat(tasks.titles()).contains("Rank robustness (3,000 draws)");
        assertThat(rob.topKHeader()).isEqualTo("P(top 10)");
        ScoreResult r = project.editor().resultProperty().get();
        assertThat(rob.base()).isSameAs(r);
        assertThat(rob.staleProperty().get()).isFalse();

        Path out = dir.resolve("rob.csv");
        TestData.CliRun run = TestData.cli("robustness", "--scenario", exported().toString(), "--draws", "3000",
                "--seed", "7", "--weights-spread", "0.3", "--top", "10", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String[]> rows = csv(out);
        List<String> head = List.of(rows.get(0));
        Map<String, Integer> index = byId(r);
        Set<Integer> listed = new HashSet<>();
        for (String[] row : rows.subList(1, rows.size())) {
            int site = index.get(row[head.indexOf("id")]);
            listed.add(site);
            assertThat(rob.pTopK(site)).as(row[0]).isEqualTo(Double.parseDouble(row[head.indexOf("p_top10")]));
            assertThat(rob.pRank1(site)).as(row[0]).isEqualTo(Double.parseDouble(row[head.indexOf("p_rank1")]));
            double[] acc = rob.acceptability(site);
            for (int q = 1; q <= 10; q++) {
                assertThat(acc[q - 1]).isEqualTo(Double.parseDouble(row[head.indexOf("p_rank_" + q)]));
            }
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(10);
        double sumTop = 0;
        double sumFirst = 0;
        for (int i = 0; i < r.size(); i++) {
            if (!listed.contains(i)) {
                assertThat(rob.pTopK(i)).isZero();
                assertThat(rob.pRank1(i)).isZero();
            }
            sumTop += rob.pTopK(i);
            sumFirst += rob.pRank1(i);
        }
        // exact counts: every draw has one winner and 10 sites in the top 10
        assertThat(sumTop).isCloseTo(10, within(1e-9));
        assertThat(sumFirst).isCloseTo(1, within(1e-9));

        // the comparison view's rank acceptability: per compared site, ranks 1..10 add up to its P(top 10)
        int[] top = {r.siteAt(0), r.siteAt(1), r.siteAt(2)};
        ComparisonViewModel c = project.compare(top);
        assertThat(c.acceptabilityProperty().get()).hasSize(3);
        for (ComparisonViewModel.Acceptability a : c.acceptabilityProperty().get()) {
            double sum = 0;
            for (double x : a.shares()) {
                sum += x;
            }
            assertThat(sum).isCloseTo(rob.pTopK(a.site()), within(1e-12));
            assertThat(c.robustnessText(a)).startsWith(a.id() + ": ").contains("P(top 10) "
                    + RobustnessViewModel.percent(rob.pTopK(a.site())));
        }
        assertThat(c.robustnessNoteProperty().get()).contains("3,000 draws, seed 7").doesNotContain("STALE");

        // a weight edit re-scores the same sites: the figures stay, marked stale; a new project clears them
        double kept = rob.pTopK(r.siteAt(0));
        double[] w = r.weights().clone();
        w[0] = w[0] + 0.2;
        project.editor().setWeights(w);
        assertThat(project.editor().resultProperty().get()).isNotSameAs(r);
        assertThat(rob.staleProperty().get()).isTrue();
        assertThat(rob.pTopK(r.siteAt(0))).isEqualTo(kept);
        assertThat(rob.describe()).contains("STALE");
        dialogs.saveAnswers.add(DialogService.SaveChoice.DISCARD);
        project.newProject();
        assertThat(rob.resultProperty().get()).isNull();
        assertThat(rob.pTopK(r.siteAt(0))).isNaN();
    }

    @Test
    void probabilitiesShowAsPercentNeverRoundedToNeverOrAlways() {
        assertThat(RobustnessViewModel.percent(0)).isEqualTo("0 %");
        assertThat(RobustnessViewModel.percent(1)).isEqualTo("100 %");
        assertThat(RobustnessViewModel.percent(0.8734)).isEqualTo("87.3 %");
        assertThat(RobustnessViewModel.percent(4.0 / 10000)).isEqualTo("<0.1 %");
        assertThat(RobustnessViewModel.percent(5.0 / 10000)).isEqualTo("0.1 %");
        assertThat(RobustnessViewModel.percent(9995.0 / 10000)).isEqualTo(">99.9 %");
        assertThat(RobustnessViewModel.percent(9994.0 / 10000)).isEqualTo("99.9 %");
        assertThat(RobustnessViewModel.percent(Double.NaN)).isEmpty();
    }

    @Test
    void badOptionsAreOneClearMessageAndNothingRuns() {
        RobustnessViewModel rob = project.robustness();
        rob.spreadProperty().set(50);
        int before = tasks.titles().size();
        assertThat(rob.run()).isNull();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0)).startsWith("Rank robustness: check the options: weight spread 50.0 is too"
                + " large");
        assertThat(tasks.titles()).hasSize(before);
        assertThat(RobustnessDialog.problem("0", "1", "0.25", "10", "")).isEqualTo("Draws must be from 1 to 10,000,000");
        assertThat(RobustnessDialog.problem("100", "1", "-1", "10", "")).contains("spread");
        assertThat(RobustnessDialog.problem("100", "1", "0.25", "10", "price=150%")).startsWith("Vary inputs:");
        assertThat(RobustnessDialog.problem("10,000", "1", "0.25", "10", "price=10%")).isNull();
    }

    @Test
    void moreThanFourSelectedAreSaidAndTheSweepSeriesAreTheCliSweep() throws Exception {
        ScoreResult r = project.editor().resultProperty().get();
        int[] six = new int[6];
        for (int k = 0; k < 6; k++) {
            six[k] = r.siteAt(k);
        }
        ComparisonViewModel c = project.compare(six);
        assertThat(c.sites()).containsExactly(six[0], six[1], six[2], six[3]);
        assertThat(c.selectionNote()).isEqualTo("Comparing the first 4 of 6 selected sites (in table order)");
        assertThat(project.compare(new int[] {six[0], six[1]}).selectionNote()).isNull();

        ScoringSession s = r.session();
        String crit = null;
        for (int k = 0; k < s.criteria().size() && crit == null; k++) {
            if (r.weights()[k] > 0) {
                crit = s.criteria().get(k).id();
            }
        }
        c.sweep().criterionProperty().set(crit);
        List<SweepViewModel.Series> series = c.sweep().seriesProperty().get();
        assertThat(series).hasSize(4);
        assertThat(c.sweep().noteProperty().get()).startsWith(crit + " has weight ");

        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            ids.add(String.valueOf(s.id(six[k])));
        }
        Path out = dir.resolve("sweep.csv");
        TestData.CliRun run = TestData.cli("sweep", "--scenario", exported().toString(), "--criterion", crit, "--sites",
                String.join(",", ids), "--steps", "21", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String[]> rows = csv(out);
        List<String> head = List.of(rows.get(0));
        assertThat(rows).hasSize(22);
        for (int step = 0; step < 21; step++) {
            String[] row = rows.get(step + 1);
            for (int k = 0; k < 4; k++) {
                SweepViewModel.Series ser = series.get(k);
                assertThat(String.valueOf(ser.id())).isEqualTo(ids.get(k));
                assertThat(ser.weights()[step]).isEqualTo(Double.parseDouble(row[0]));
                assertThat(ser.ranks()[step]).isEqualTo(Integer.parseInt(row[head.indexOf("rank_" + ids.get(k))]));
                assertThat(ser.scores()[step]).isEqualTo(Double.parseDouble(row[head.indexOf("score_" + ids.get(k))]));
            }
        }
        // weights 0, 0.05, ..., 1 by hand
        assertThat(series.get(0).weights()[0]).isZero();
        assertThat(series.get(0).weights()[20]).isEqualTo(1.0);
        assertThat(series.get(0).weights()[10]).isEqualTo(0.5);
    }

    @Test
    void whatWouldChangeIsTheCliExplanationAndAReportedWeightPutsTheSiteAhead() {
        ScoreResult r = project.editor().resultProperty().get();
        int a = r.siteAt(0);
        int b = r.siteAt(1);
        ComparisonViewModel c = project.compare(new int[] {b, a});
        assertThat(c.leader()).isEqualTo(a);
        assertThat(c.challengers()).containsExactly(b);
        c.versusProperty().set(b);
        List<String> lines = c.explanationLines();
        String idA = String.valueOf(r.session().id(a));
        String idB = String.valueOf(r.session().id(b));
        TestData.CliRun run = TestData.cli("explain", "--scenario", exported().toString(), "--site", idA, "--versus", idB);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(lines).isEqualTo(List.of(run.out().split("\\R")));
        assertThat(lines.get(1)).isEqualTo("What alone would put " + idB + " ahead of " + idA + ":");

        // applying a reported weight change through the scenario editor puts B ahead of A
        WhatWouldChange.Result res = c.explanationProperty().get();
        WhatWouldChange.WeightChange change = res.weights().stream().filter(x -> x.weight() != null).findFirst()
                .orElseThrow();
        int ci = r.session().criterionIndex(change.criterion());
        double[] w0 = io.siteplanner.scoring.decision.Robustness.sessionNormalised(r.weights());
        project.editor().setWeights(WeightSweep.withWeight(w0, ci, change.weight()));
        ScoreResult after = project.editor().resultProperty().get();
        assertThat(after.rank(b)).as(change.text()).isLessThan(after.rank(a));
    }

    /** A scenario over the shared real files with a timeToPower criterion and, when asked, its P10/P90 stated. */
    Path realScenario(boolean stated) throws Exception {
        String ttp = "\"kind\": \"timeToPower\", \"layer\": \"nodes\", \"kvAttribute\": \"max_kv\", \"linesLayer\":"
                + " \"lines\", \"linesKvAttribute\": \"voltage_kv\", \"samples\": 400, \"seed\": 5";
        String json = "{\"schema\": \"siteplanner/scenario/v1\", \"campus\": {\"itLoadMw\": 300, \"pue\": 1.2},"
                + " \"analysisCrs\": \"EPSG:5070\", \"layers\": {"
                + " \"counties\": {\"path\": \"" + p("counties_ms_in_census2017_10m.geojson") + "\"},"
                + " \"nodes\": {\"path\": \"" + p("grid_nodes_osm2017_in.geojson") + "\"},"
                + " \"lines\": {\"path\": \"" + p("transmission_hifld_in_ge138kv.geojson") + "\"}},"
                + " \"candidates\": \"counties\", \"idField\": \"GEOID\", \"criteria\": ["
                + "  {\"id\": \"acres\", \"kind\": \"area\", \"weight\": 0.5},"
                + "  {\"id\": \"ttp\", " + ttp + ", \"weight\": 0.5}"
                + (stated ? ", {\"id\": \"ref10\", " + ttp + ", \"percentile\": 10, \"weight\": 0},"
                        + " {\"id\": \"ref90\", " + ttp + ", \"percentile\": 90, \"weight\": 0}" : "")
                + "]}";
        Path f = dir.resolve(stated ? "stated.json" : "ttp.json");
        Files.writeString(f, json);
        return f;
    }

    static String p(String name) {
        return TestData.shared(name).toString().replace("\\", "/");
    }

    @Test
    void timeToPowerP10P50P90AreThoseOfAScenarioStatingThePercentiles() throws Exception {
        Path f = realScenario(false);
        FileLayerSource src = new FileLayerSource(dir);
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.read(f), src, Progress.NONE);
        ScoreResult r = s.score();
        int[] sites = {r.siteAt(0), r.siteAt(1), r.siteAt(r.size() - 1)};
        ComparisonViewModel c = new ComparisonViewModel(r, sites, null, tasks, () -> src, i -> { });
        assertThat(c.timeToPowerCriterion().id()).isEqualTo("ttp");
        assertThat(c.loadTimeToPower()).isNotNull();
        List<ComparisonViewModel.TimeToPower> t = c.timeToPowerProperty().get();
        assertThat(t).hasSize(3);
        assertThat(c.timeToPowerNoteProperty().get()).contains("400 samples, seed 5");

        ScoringSession ref = ScenarioEvaluator.evaluate(ScenarioReader.read(realScenario(true)), new FileLayerSource(dir),
                Progress.NONE);
        int ttp = ref.criterionIndex("ttp");
        int p10 = ref.criterionIndex("ref10");
        int p90 = ref.criterionIndex("ref90");
        Map<String, Integer> refIndex = new HashMap<>();
        for (int i = 0; i < ref.size(); i++) {
            refIndex.put(String.valueOf(ref.id(i)), i);
        }
        boolean spread = false;
        for (ComparisonViewModel.TimeToPower x : t) {
            int i = refIndex.get(String.valueOf(s.id(x.site())));
            assertThat(x.p10()).isEqualTo(ref.raw(p10)[i]);
            assertThat(x.p50()).isEqualTo(ref.raw(ttp)[i]).isEqualTo(s.raw(s.criterionIndex("ttp"))[x.site()]);
            assertThat(x.p90()).isEqualTo(ref.raw(p90)[i]);
            assertThat(x.p10()).isLessThanOrEqualTo(x.p50());
            assertThat(x.p50()).isLessThanOrEqualTo(x.p90());
            spread |= x.p90() > x.p10();
            assertThat(ComparisonViewModel.monthsText(x)).matches("\\d+ / \\d+ / \\d+ months");
        }
        assertThat(spread).isTrue();
    }
}
