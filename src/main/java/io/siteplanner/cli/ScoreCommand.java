package io.siteplanner.cli;

import io.siteplanner.export.ResultsCsvWriter;
import io.siteplanner.export.ResultsGeoJsonWriter;
import io.siteplanner.export.ResultsGpkgWriter;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.Ahp;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.Timings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner score --scenario FILE [--top N] [--out FILE] [--timings]}: evaluates a scenario and
 * writes the ranked sites (CSV, GeoJSON or GeoPackage by extension) or prints the top N as a table.
 * A bad scenario exits 2 with {@code error: <file>: <json path>: <problem>}.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score and rank candidate sites for a campus scenario (JSON, see docs/scenario.md).")
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario JSON file.")
    Path scenarioFile;

    @Option(names = "--top", paramLabel = "N", description = "Rows to print (default 20) or to write with --out"
            + " (default: all sites).")
    Integer top;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the ranked sites: .csv, .geojson/.json"
            + " (EPSG:4326) or .gpkg (analysis CRS).")
    Path out;

    @Option(names = "--timings", description = "Print per-phase times (load, index, each criterion, rank, write)"
            + " to stderr.")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        // GeoTools' referencing takes a few tenths of a second to start: start it while the scenario is parsed
        Thread warm = new Thread(() -> {
            try {
                io.siteplanner.gis.Crs.warmUp();
            } catch (RuntimeException e) {
                // the readers report CRS problems themselves
            }
        }, "crs-warm-up");
        warm.setDaemon(true);
        warm.start();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter w = spec.commandLine().getOut();
        String ext = out == null ? null : FormatRegistry.extension(out);
        if (ext != null && !List.of("csv", "geojson", "json", "gpkg").contains(ext)) {
            throw new UsageException(out + ": unsupported output format '." + ext + "' (use .csv, .geojson or .gpkg)");
        }
        if (top != null && top < 1) {
            throw new UsageException("--top must be >= 1");
        }
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new UsageException(out + ": folder does not exist");
        }
        Timings tm = new Timings();
        Scenario scenario;
        try (Timings.Timer t = tm.start("read scenario")) {
            scenario = ScenarioReader.read(scenarioFile);
        } catch (ScenarioException e) {
            throw new UsageException(scenarioFile + ": " + e.getMessage(), e);
        }
        ScoringSession session = CliScoring.evaluate(scenario,
                new FileLayerSource(scenarioFile.toAbsolutePath().getParent()), scenarioFile.toString(), err, tm);
        ScoreResult result;
        try (Timings.Timer t = tm.start("rank")) {
            result = session.score();
        }
        Ahp.Result ahp = session.ahp();
        if (ahp != null && ahp.warning() != null) {
            err.println("warning: " + ahp.warning());
        }
        if (out != null) {
            Progress progress = ConsoleProgress.forStderr(err);
            try (Timings.Timer t = tm.start("write " + ext)) {
                int rows = top == null ? 0 : top;
                if (ext.equals("csv")) {
                    ResultsCsvWriter.write(result, rows, out, progress);
                } else if (ext.equals("gpkg")) {
                    ResultsGpkgWriter.write(result, rows, out, progress);
                } else {
                    ResultsGeoJsonWriter.write(result, rows, out, progress);
                }
            } finally {
                if (progress instanceof ConsoleProgress) {
                    ((ConsoleProgress) progress).done();
                }
            }
            err.printf(Locale.ROOT, "%d %s scored (%d %s all constraints); wrote %d to %s%n", result.size(),
                    io.siteplanner.model.Plural.noun(result.size(), "site", "sites"), result.passedCount(), io.siteplanner.model.Plural.noun(result.passedCount(), "passes", "pass"), top == null ? result.size() : Math.min(top, result.size()), out);
        } else {
            printTable(w, session, result, top == null ? 20 : top);
        }
        if (timings) {
            for (Map.Entry<String, Double> e : tm.millis().entrySet()) {
                err.printf(Locale.ROOT, "timing: %-40s %10.1f ms%n", e.getKey(), e.getValue());
            }
            err.printf(Locale.ROOT, "timing: %-40s %10.1f ms%n", "total (in process)", (System.nanoTime() - t0) / 1e6);
        }
        err.flush();
        w.flush();
        return ExitCodes.OK;
    }

    private static void printTable(PrintWriter w, ScoringSession s, ScoreResult r, int top) {
        List<Criterion> cs = s.criteria();
        List<String> head = new ArrayList<>();
        head.add("rank");
        head.add(s.idField());
        head.add("score");
        for (Criterion c : cs) {
            head.add(c.id());
        }
        head.add("passed");
        head.add("reasons");
        int rows = Math.min(top, r.size());
        List<String[]> cells = new ArrayList<>();
        cells.add(head.toArray(new String[0]));
        for (int p = 0; p < rows; p++) {
            int site = r.siteAt(p);
            String[] row = new String[head.size()];
            int k = 0;
            row[k++] = Integer.toString(p + 1);
            row[k++] = String.valueOf(s.id(site));
            row[k++] = String.format(Locale.ROOT, "%.6f", r.score(site));
            for (int c = 0; c < cs.size(); c++) {
                double v = s.raw(c)[site];
                row[k++] = v != v ? "-" : s.column(c).isText() ? String.valueOf(s.column(c).valueAt(site)) : Math.abs(v) >= 1e6 ? String.format(Locale.ROOT, "%.4g", v)
                        : String.format(Locale.ROOT, "%.2f", v);
            }
            row[k++] = r.passed(site) ? "yes" : "no";
            row[k] = io.siteplanner.export.ResultColumns.reasons(r, site);
            cells.add(row);
        }
        int[] width = new int[head.size()];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean left = i == row.length - 1 || i == row.length - 2;
                String v = row[i];
                if (i > 0) {
                    sb.append("  ");
                }
                if (left) {
                    sb.append(v).append(" ".repeat(i == row.length - 1 ? 0 : width[i] - v.length()));
                } else {
                    sb.append(" ".repeat(width[i] - v.length())).append(v);
                }
            }
            w.println(sb.toString().stripTrailing());
        }
        w.printf(Locale.ROOT, "%d %s, %d %s all constraints; method %s%n", r.size(), io.siteplanner.model.Plural.noun(r.size(), "site", "sites"),
                r.passedCount(), io.siteplanner.model.Plural.noun(r.passedCount(), "passes", "pass"),
                r.method().type().json());
    }
}
