package io.siteplanner.ui;

import io.siteplanner.store.MapsDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application: one main window that opens the bundled demo project, or the project file
 * named on the command line ({@code --project FILE}, or a {@code *.siteplan.gpkg} argument as a file
 * manager passes it); other files named on the command line are added as layers on top.
 */
public class SitePlannerApp extends Application {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SitePlannerApp.class.getName());
    /** Held so that the filter set on it stays (loggers are weakly referenced). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");
    /** The start-up probe gives up (and says so) when no scored map is drawn within this time. */
    private static final long PROBE_LIMIT_MS = 300_000;

    /**
     * Starts the JavaFX application (blocks until the window closes). The work that needs no window (EPSG
     * factory, reading and scoring the first project) starts first, so it overlaps the toolkit start.
     */
    public static void launchApp(String[] args) {
        Path project = projectArgument(List.of(args));
        if (project == null) {
            project = MapsDirectory.find().map(MapsDirectory::demoProject).filter(Files::isRegularFile).orElse(null);
        }
        StartupPreload.begin(project);
        // JavaFX from the class path (how SitePlanner ships) is what it warns about on every start
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(SitePlannerApp.class, args);
    }

    /** The project to open: the file after {@code --project}, else the first {@code *.siteplan.gpkg} argument, else null. */
    static Path projectArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--project") && i + 1 < args.size()) {
                return Paths.get(args.get(i + 1));
            }
        }
        for (String a : args) {
            if (!a.startsWith("-") && a.toLowerCase(Locale.ROOT).endsWith(".siteplan.gpkg") && Files.isRegularFile(Paths.get(a))) {
                return Paths.get(a);
            }
        }
        return null;
    }

    /** The files named on the command line that are layers to add: not options, not the project. */
    static List<Path> layerArguments(List<String> args) {
        Path project = projectArgument(args);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--project")) {
                i++; // its file is the project, not a layer
            } else if (!a.startsWith("-") && Files.isRegularFile(Paths.get(a)) && !Paths.get(a).equals(project)) {
                files.add(Paths.get(a));
            }
        }
        return files;
    }

    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage);
        if (Boolean.getBoolean("siteplanner.startupProbe")) {
            probe(stage, w);
        }
        List<String> raw = getParameters().getRaw();
        Path project = projectArgument(raw);
        // layers named on the command line go on top once the project is open
        if (project != null) {
            w.show(project, layerArguments(raw));
        } else {
            w.show(true, layerArguments(raw));
        }
    }

    /**
     * The start-up probe (benchmark; packaging/startup-times.sh, README): logs when each map render that drew
     * the latest state is shown, in ms after JVM start, with the process's CPU time so far, and quits once
     * the scored project is drawn; gives up after {@link #PROBE_LIMIT_MS} (a project that cannot be
     * scored). Also logs when the window is shown and when the project's result is in (the steps between).
     * It waits on no particular layers or sites: "scored" means the active scenario has a result.
     */
    private static void probe(Stage stage, MainWindow w) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        java.util.function.Function<String, String> at = what -> String.format(Locale.ROOT,
                "startup: %s at %d ms after JVM start, CPU %d ms", what, System.currentTimeMillis() - jvmStart,
                ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> LOG.info(at.apply("window shown")));
        w.scenario().resultProperty().addListener((o, a, r) -> {
            if (a == null && r != null) {
                LOG.info(at.apply("result in"));
            }
        });
        w.map().renderCountProperty().addListener((o, a, n) -> {
            boolean scored = w.scenario().resultProperty().get() != null;
            LOG.info(at.apply("render " + n.longValue() + " (" + (scored ? "scored demo" : w.model().layers().size()
                    + " layers") + ")"));
            if (scored) {
                Platform.exit();
            }
        });
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(PROBE_LIMIT_MS);
            } catch (InterruptedException e) {
                return;
            }
            LOG.warning("startup: no scored map drawn within " + PROBE_LIMIT_MS + " ms; giving up");
            Platform.exit();
        }, "startup-probe-limit");
        limit.setDaemon(true);
        limit.start();
    }
}
