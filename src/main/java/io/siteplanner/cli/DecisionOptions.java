package io.siteplanner.cli;

import io.siteplanner.export.DecisionReport;
import io.siteplanner.export.MapContent;
import io.siteplanner.export.PdfDecisionPages;
import io.siteplanner.export.SitesExport;
import io.siteplanner.export.SourceAudit;
import io.siteplanner.model.Progress;
import io.siteplanner.project.Shortlist;
import io.siteplanner.scoring.LayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.decision.RobustnessSpec;
import io.siteplanner.scoring.decision.Variation;
import io.siteplanner.scoring.decision.WeightModel;
import io.siteplanner.scoring.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code export --decision}: the PDF report gets the decision page (rank robustness, what would change,
 * time to power) and the audit page (sources with SHA-256, criteria, weights, uncertainty).
 */
final class DecisionOptions {
    @Option(names = "--decision", description = "PDF: add the decision page (P(top k), what would change, time to"
            + " power P50/P90) and the audit page (sources with SHA-256, criteria, weights, uncertainty).")
    boolean enabled;

    @Option(names = "--decision-draws", paramLabel = "N", defaultValue = "2000",
            description = "Robustness draws for --decision (default 2000; 0 = leave the robustness out).")
    int draws;

    @Option(names = "--decision-seed", paramLabel = "N", defaultValue = "1", description = "Seed (default 1).")
    long seed;

    @Option(names = "--decision-spread", paramLabel = "S", defaultValue = "0.25",
            description = "Weight spread for --decision (default 0.25, see robustness --weights-spread).")
    double spread;

    @Option(names = "--decision-vary", paramLabel = "ID=P%[,...]",
            description = "Input variations for --decision, as robustness --vary (uniform).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--decision-top", paramLabel = "K", defaultValue = "10", description = "The k of P(top k) (default 10).")
    int k;

    /** The scenario to evaluate: with P50/P90 companions of timeToPower criteria when the pages are wanted. */
    Scenario prepare(Scenario s) {
        return enabled ? DecisionReport.withTimeToPowerCompanions(s) : s;
    }

    /** Checks the options against the export format before any work. */
    void check(SitesExport.Format fmt) {
        if (!enabled) {
            return;
        }
        if (fmt != SitesExport.Format.PDF) {
            throw new UsageException("--decision adds pages to the PDF report; use --format pdf");
        }
        if (draws < 0 || draws > 10_000_000) {
            throw new UsageException("--decision-draws must be from 0 to 10000000");
        }
        if (k < 1) {
            throw new UsageException("--decision-top must be >= 1");
        }
        if (!(spread >= 0)) {
            throw new UsageException("--decision-spread must be >= 0");
        }
    }

    /**
     * Builds the pages' content and writes the PDF.
     *
     * @param source      the layers (to evaluate other IT loads)
     * @param baseDir     folder of the scenario's relative paths
     * @param projectFile project file for "@" layers, or null
     */
    void export(ScoreResult result, MapContent map, SitesExport.Options o, LayerSource source, Path baseDir,
            Path projectFile, Path out) throws IOException {
        RobustnessSpec spec = null;
        if (draws > 0) {
            List<Variation> vs = new ArrayList<>();
            try {
                for (String v : vary) {
                    vs.addAll(Variation.parse(v));
                }
                spec = new RobustnessSpec(draws, seed, k, RobustnessSpec.defaultRankDepth(k),
                        WeightModel.around(result.weights(), spread), vs, Variation.Shape.UNIFORM,
                        RobustnessSpec.DEFAULT_LOAD_LEVELS);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--decision: " + e.getMessage());
            }
        }
        Shortlist shortlist = o.shortlist();
        List<Integer> sites = DecisionReport.detailSites(result, shortlist);
        Scenario scenario = result.session().scenario();
        DecisionReport report;
        try {
            report = DecisionReport.build(result, sites, spec, (s, p) -> ScenarioEvaluator.evaluate(s, source, p),
                    SourceAudit.of(scenario, baseDir, projectFile), Progress.NONE);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--decision: " + e.getMessage(), e);
        }
        PdfDecisionPages.export(result, map, o, report, out, Progress.NONE);
    }
}
