package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.TimeToPowerCriterion;
import io.siteplanner.scoring.decision.RobustnessSpec;
import io.siteplanner.scoring.decision.Variation;
import io.siteplanner.scoring.decision.WeightModel;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision and audit pages on the demo data with a time-to-power criterion, and the export option. */
class PdfDecisionPagesTest {
    static final Path DEMO = Path.of("src/test/resources/fixtures/parcels-demo");

    @TempDir
    Path tmp;

    /** The 300 MW demo scenario with a timeToPower criterion (weight 0.1), written next to its data. */
    Scenario scenario() throws Exception {
        String json = Files.readString(DEMO.resolve("scenario-300mw.json")).replace("\"criteria\": [",
                "\"criteria\": [{\"id\": \"ttp\", \"kind\": \"timeToPower\", \"label\": \"Time to power\","
                        + " \"layer\": \"substations\", \"availableAttribute\": \"avail_mw\", \"linesLayer\": \"lines\","
                        + " \"weight\": 0.1, \"samples\": 500},");
        return ScenarioReader.parse(json);
    }

    @Test
    void decisionAndAuditPagesShowRobustnessChangesPowerAndSources() throws Exception {
        Scenario s = DecisionReport.withTimeToPowerCompanions(scenario());
        assertThat(s.criteria().stream().map(Criterion::id)).contains("ttp", "ttp_p90").doesNotContain("ttp_p50");
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(DEMO), Progress.NONE);
        ScoreResult r = session.score();
        RobustnessSpec spec = new RobustnessSpec(400, 3, 10, 30, WeightModel.around(r.weights(), 0.25),
                List.of(new Variation("price", 0.05)), Variation.Shape.UNIFORM, 5);
        List<Integer> sites = DecisionReport.detailSites(r, null);
        DecisionReport report = DecisionReport.build(r, sites, spec, null, SourceAudit.of(s, DEMO, null),
                Progress.NONE);
        assertThat(report.sites()).hasSize(5);
        assertThat(report.sites().get(0).weightChange()).isNull();
        Path out = tmp.resolve("r.pdf");
        PdfDecisionPages.export(r, null, SitesExport.Options.defaults(), report, out, Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(new File(out.toString()))) {
            int base = PdfReport.pageCount(r, null, null, false, 0);
            assertThat(doc.getNumberOfPages()).isEqualTo(base + 2);
            PDFTextStripper t = new PDFTextStripper();
            t.setStartPage(base + 1);
            String text = t.getText(doc);
            assertThat(text).contains("Decision: how sure is the ranking").contains("P(top 10)").contains("Power P50")
                    .contains("What alone would put it ahead of the leader").contains("leads the ranking")
                    .contains("Monte Carlo over 400 draws (seed 3)").contains("price ±5%");
            int ttp = session.criterionIndex("ttp");
            int p90 = session.criterionIndex("ttp_p90");
            for (int site : sites) {
                assertThat(text).contains(String.valueOf(session.id(site)));
                assertThat(text).contains(String.format(Locale.ROOT, "%.0f mo", session.raw(ttp)[site]));
                assertThat(session.raw(p90)[site]).isGreaterThanOrEqualTo(session.raw(ttp)[site]);
            }
            assertThat(text).contains("Audit: data sources").contains("demo.gpkg")
                    .contains(SourceAudit.sha256(DEMO.resolve("demo.gpkg")))
                    .contains("Time to power").contains("transformer lead 120/128/210 weeks")
                    .contains("Uncertainty assumed (robustness): 400 draws, seed 3, top 10");
        }
    }

    @Test
    void sourcesNameFilesDatesAndHashes() throws Exception {
        Path f = RealFiles.copyScenario(tmp);
        Scenario s = ScenarioReader.read(f);
        List<SourceAudit.Source> src = SourceAudit.of(s, f.getParent(), null);
        assertThat(src).extracting(SourceAudit.Source::layer).containsExactly("counties", "counties join", "lines");
        for (SourceAudit.Source x : src) {
            assertThat(x.sha256()).hasSize(64).isEqualTo(SourceAudit.sha256(Path.of(x.file())));
            assertThat(x.modified()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d)?");
        }
    }

    /** A small scenario over the shared real files (absolute paths, nothing copied). */
    static final class RealFiles {
        static Path copyScenario(Path dir) throws Exception {
            String json = "{\"schema\": \"siteplanner/scenario/v1\", \"campus\": {\"itLoadMw\": 300},"
                    + " \"analysisCrs\": \"EPSG:5070\", \"layers\": {"
                    + " \"counties\": {\"path\": \"" + p("counties_ms_in_census2017_10m.geojson") + "\","
                    + "  \"join\": {\"path\": \"" + p("fema_nri_counties_composite_us.csv") + "\", \"layerKey\": \"GEOID\","
                    + "   \"tableKey\": \"STCOFIPS\", \"fields\": [\"RISK_SCORE\"]}},"
                    + " \"lines\": {\"path\": \"" + p("transmission_hifld_in_ge138kv.geojson") + "\"}},"
                    + " \"candidates\": \"counties\", \"criteria\": ["
                    + "  {\"id\": \"d\", \"kind\": \"distance\", \"layer\": \"lines\", \"weight\": 1}]}";
            Path f = dir.resolve("real.json");
            Files.writeString(f, json);
            return f;
        }

        static String p(String name) {
            return TestData.shared(name).toString().replace("\\", "/");
        }
    }

    @Test
    void theTimeToPowerCompanionsAreAddedOnce() throws Exception {
        Scenario s = DecisionReport.withTimeToPowerCompanions(scenario());
        assertThat(DecisionReport.withTimeToPowerCompanions(s)).isSameAs(s);
        TimeToPowerCriterion p90 = (TimeToPowerCriterion) s.criterion("ttp_p90");
        assertThat(p90.percentileOrDefault()).isEqualTo(90);
        assertThat(p90.weight()).isZero();
        assertThat(p90.label()).isEqualTo("Time to power P90");
    }
}
