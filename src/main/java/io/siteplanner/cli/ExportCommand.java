package io.siteplanner.cli;

import io.siteplanner.export.MapContent;
import io.siteplanner.export.SiteTable;
import io.siteplanner.export.SitesExport;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.project.Shortlist;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.render.DemoMap;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.store.MapsDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner export}: the ranked sites or the shortlist of a scenario as CSV, GeoJSON, GeoPackage,
 * KML, a PDF report or a PNG map, with the same code as the desktop app ({@link SitesExport}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export ranked sites or the shortlist: csv, geojson, gpkg, kml, pdf (report) or png (map).")
public final class ExportCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--project", required = true, paramLabel = "FILE", description = "A project (.siteplan.gpkg).")
        Path project;

        @Option(names = "--scenario-file", required = true, paramLabel = "FILE",
                description = "A scenario JSON file, scored from its files (no shortlist).")
        Path scenarioFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario of the project (default: the active one).")
    String scenarioName;

    @Option(names = "--shortlist", description = "Only the shortlisted sites (with their notes and status).")
    boolean shortlistOnly;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, geojson, gpkg, kml, pdf or png (default: from the --out extension).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output file.")
    Path out;

    @Option(names = "--top", paramLabel = "N", description = "At most N sites by rank (default: all; PDF table: 25).")
    Integer top;

    @picocli.CommandLine.Mixin
    ImageSize size;

    @Option(names = "--distance-unit", paramLabel = "km|mi",
            description = "Distances in km or mi in the PDF and KML (default: from the locale).")
    String distanceUnit;

    @Option(names = "--crs", paramLabel = "CRS", description = "CRS of the coordinates for csv (x/y or lon/lat columns)"
            + " and gpkg (geometries), e.g. EPSG:26916 (default: csv lon/lat, gpkg the analysis CRS). GeoJSON and KML"
            + " are always EPSG:4326.")
    String crs;

    @Option(names = "--no-basemap", description = "Leave out the US states/counties basemap in maps.")
    boolean noBasemap;

    @picocli.CommandLine.Mixin
    DecisionOptions decision;

    /** Where the scenario's layers come from (for --decision). */
    private io.siteplanner.scoring.LayerSource layers;
    private Path baseDir;
    private Path projectFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SitesExport.Format fmt = format != null ? SitesExport.Format.of(format)
                : SitesExport.Format.of(FormatRegistry.extension(out));
        if (fmt == null) {
            throw new UsageException(format != null ? "unsupported format '" + format
                    + "' (use csv, geojson, gpkg, kml, pdf or png)"
                    : out + ": cannot tell the format from the extension; use --format csv|geojson|gpkg|kml|pdf|png");
        }
        SitesExport.Format byExt = SitesExport.Format.of(FormatRegistry.extension(out));
        if (byExt != null && byExt != fmt) {
            throw new UsageException(out + ": extension does not match --format " + fmt.extension());
        }
        if (top != null && top < 1) {
            throw new UsageException("--top must be >= 1");
        }
        size.check();
        decision.check(fmt);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException(out + ": folder does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new UsageException(out + ": is a folder");
        }
        Units.DistanceUnit du = Units.defaultDistanceUnit(Locale.getDefault());
        if (distanceUnit != null) {
            String d = distanceUnit.toLowerCase(Locale.ROOT);
            if (d.equals("km")) {
                du = Units.DistanceUnit.KM;
            } else if (d.equals("mi") || d.equals("miles")) {
                du = Units.DistanceUnit.MILES;
            } else {
                throw new UsageException("--distance-unit must be km or mi");
            }
        }
        if (source.project != null) {
            return exportProject(fmt, du);
        }
        if (scenarioName != null) {
            throw new UsageException("--scenario NAME needs --project (a scenario file holds one scenario)");
        }
        if (shortlistOnly) {
            throw new UsageException("--shortlist needs --project (a scenario file has no shortlist)");
        }
        Path scenarioFile = source.scenarioFile;
        Path base = scenarioFile.toAbsolutePath().getParent();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = decision.prepare(ScenarioReader.read(scenarioFile));
        } catch (ScenarioException e) {
            throw new UsageException(scenarioFile + ": " + e.getMessage(), e);
        }
        layers = new FileLayerSource(base);
        baseDir = base;
        ScoringSession session = CliScoring.evaluate(scenario, layers, scenarioFile.toString(), err);
        ScoreResult result = session.score();
        MapContent map = null;
        if (fmt.drawsMap()) {
            map = MapContent.of(ScenarioMaps.scenarioMap(scenario, base, session, !noBasemap));
        }
        return export(result, map, null, du, fmt, null);
    }

    /** {@code --project}: the named (or active) scenario of a project, scored from the project's own layers. */
    private int exportProject(SitesExport.Format fmt, Units.DistanceUnit du) throws java.io.IOException {
        io.siteplanner.project.Project project = io.siteplanner.store.ProjectStore.open(source.project);
        Scenario scenario = project.active();
        if (scenarioName != null) {
            scenario = project.scenarios().stream().filter(x -> x.name().equals(scenarioName)).findFirst()
                    .orElseThrow(() -> new UsageException(source.project.getFileName() + ": no scenario named '"
                            + scenarioName + "' (scenarios: " + String.join(", ",
                                    project.scenarios().stream().map(Scenario::name).toList()) + ")"));
        }
        if (scenario == null) {
            throw new UsageException(source.project.getFileName() + ": the project has no scenario to export");
        }
        scenario = decision.prepare(scenario);
        baseDir = source.project.toAbsolutePath().getParent();
        projectFile = source.project;
        layers = new io.siteplanner.store.ProjectLayerSource(project, baseDir);
        ScoringSession session = CliScoring.evaluate(scenario, layers, source.project.getFileName() + ": scenario '"
                        + scenario.name() + "'", spec.commandLine().getErr());
        ScoreResult result = session.score();
        MapContent map = null;
        if (fmt.drawsMap()) {
            map = MapContent.of(ScenarioMaps.projectMap(project, session, !noBasemap));
        }
        return export(result, map, project.shortlist(), du, fmt, project.title());
    }

    private int export(ScoreResult result, MapContent map, Shortlist shortlist, Units.DistanceUnit du,
            SitesExport.Format fmt, String title) throws java.io.IOException {
        SitesExport.Options o = SitesExport.Options.defaults().withShortlist(shortlist, shortlistOnly)
                .withTop(top == null ? 0 : top).withSize(size.width, size.height).withDistanceUnit(du).withTitle(title).withCrs(crs);
        try {
            SitesExport.crsOf(o, fmt);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--crs " + crs + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        SiteTable t = SitesExport.table(result, o);
        if (t.unmatched() > 0) {
            err.println("warning: " + t.unmatched() + (t.unmatched() == 1 ? " shortlisted site is" : " shortlisted sites are")
                    + " not among the scenario's candidates");
        }
        if (shortlistOnly && t.size() == 0) {
            err.println("warning: the shortlist is empty; the export has no sites");
        }
        if (decision.enabled) {
            decision.export(result, map, o, layers, baseDir, projectFile, out);
        } else {
            SitesExport.export(result, map, o, fmt, out, Progress.NONE);
        }
        String what = fmt == SitesExport.Format.PNG ? size.width + " x " + size.height + " px"
                : fmt == SitesExport.Format.PDF ? "report" : t.size() + " sites";
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %s)%n", out, fmt.extension(), what);
        return ExitCodes.OK;
    }
}
