package io.siteplanner.cli;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.store.ProjectBuilder;
import io.siteplanner.store.ProjectStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner project create|info}: builds a self-contained project file ({@code *.siteplan.gpkg})
 * from scenario files, and summarises a project file. Unreadable input exits 2 with one
 * {@code error: <file>: <problem>} line.
 */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Create or inspect SitePlanner project files (*.siteplan.gpkg, a GeoPackage).",
        subcommands = {ProjectCommand.Create.class, ProjectCommand.Info.class})
public final class ProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code project create --scenario FILE... [--basemap DIR] [--title T] --out FILE}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Build a project from scenario files: copies every layer into the project file and"
                    + " points the scenarios at those copies (@name).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--scenario", required = true, paramLabel = "FILE",
                description = "Scenario JSON (repeat for several scenarios; the first is active).")
        List<Path> scenarios;

        @Option(names = "--basemap", paramLabel = "DIR",
                description = "Folder with us_states.geojson and us_counties.geojson (and us_places.geojson, when there) to include as basemap.")
        Path basemap;

        @Option(names = "--title", paramLabel = "TEXT", description = "Project title (default: first scenario name).")
        String title;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Project file to write"
                + " (*.siteplan.gpkg).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path dir = out.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UsageException(out + ": folder does not exist");
            }
            if (basemap != null && !Files.isDirectory(basemap)) {
                throw new UsageException(basemap + ": basemap folder does not exist");
            }
            Progress progress = ConsoleProgress.forStderr(err);
            Project p;
            try {
                ProjectBuilder b = ProjectBuilder.fromScenarios(scenarios).styles(DefaultStyles::guess)
                        .candidatesStyle(DefaultStyles.candidates()).projectDir(dir).title(title);
                if (basemap != null) {
                    b.basemap(basemap, DefaultStyles.basemapStates(), DefaultStyles.basemapCounties(),
                            DefaultStyles.basemapPlaces());
                }
                p = b.build(progress);
                ProjectStore.save(p, out, progress);
            } catch (ScenarioException e) {
                throw new UsageException(e.getMessage(), e);
            } finally {
                if (progress instanceof ConsoleProgress) {
                    ((ConsoleProgress) progress).done();
                }
            }
            for (ProjectLayer l : p.layers()) {
                for (String w : l.layer().warnings()) {
                    err.println("warning: " + l.name() + ": " + w);
                }
            }
            err.printf(Locale.ROOT, "wrote %s: %d %s, %d %s (%d bytes)%n", out, p.layers().size(),
                    io.siteplanner.model.Plural.noun(p.layers().size(), "layer", "layers"), p.scenarios().size(),
                    io.siteplanner.model.Plural.noun(p.scenarios().size(), "scenario", "scenarios"), Files.size(out));
            err.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code project info FILE}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print a project's title, layers with feature counts, scenarios and shortlist size.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Project file (*.siteplan.gpkg).")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Project p = ProjectStore.open(file); // an unreadable project exits 2 like any unreadable input
            PrintWriter w = spec.commandLine().getOut();
            w.println("title: " + p.title());
            w.println("schema: " + Project.SCHEMA_VERSION);
            w.println("layers: " + p.layers().size() + " (bottom first)");
            for (ProjectLayer l : p.layers()) {
                w.printf(Locale.ROOT, "  %-20s %-10s %8d features  %-18s %s%s%n", l.name(),
                        l.role().name().toLowerCase(Locale.ROOT), l.layer().size(), l.layer().geometryType().label(),
                        Crs.label(l.layer().crs(), l.layer().epsg()), l.visible() ? "" : "  (hidden)");
            }
            Scenario active = p.active();
            w.println("scenarios: " + p.scenarios().size());
            for (Scenario s : p.scenarios()) {
                w.printf(Locale.ROOT, "  %s %s (%s MW IT load, %d criteria)%n", s == active ? "*" : " ", s.name(),
                        fmt(s.campus().itLoadMw()), s.criteria().size());
            }
            w.println("shortlist: " + p.shortlist().size() + " sites");
            if (!p.notes().isEmpty()) {
                w.println("notes: " + p.notes().replace('\n', ' '));
            }
            w.flush();
            return ExitCodes.OK;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
