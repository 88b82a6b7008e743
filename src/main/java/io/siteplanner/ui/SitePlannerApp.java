package io.siteplanner.ui;

import io.siteplanner.store.MapsDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** What the launch decided to open (the preload works on it; the window opens it). */
    private static volatile StartupPlan launchPlan;

    /**
     * Starts the JavaFX application (blocks until the window closes). What to open is decided once
     * ({@link StartupPlan#fromArgs}, with the window's preferences: a project named on the command line, else
     * the last project when "Reopen Last Project at Start" is on, else the demo); the work on it that needs
     * no window (reading and scoring it) starts first, so it overlaps the toolkit start.
     */
    public static void launchApp(String[] args) {
        StartupPlan plan = plan(List.of(args));
        launchPlan = plan;
        Path preload = plan.project();
        if (preload == null && plan.demo()) {
            preload = MapsDirectory.find().map(MapsDirectory::demoProject).filter(Files::isRegularFile).orElse(null);
        }
        StartupPreload.begin(preload);
        // JavaFX from the class path (how SitePlanner ships) is what it warns about on every start
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(SitePlannerApp.class, args);
    }

    /** The start-up plan for these arguments with the window's preferences. */
    static StartupPlan plan(List<String> args) {
        java.util.prefs.Preferences prefs = MainWindow.defaultPrefs();
        return StartupPlan.fromArgs(args, true, StartupPlan.reopenLast(prefs), ProjectViewModel.recentProjects(prefs));
    }

    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage);
        if (Boolean.getBoolean("siteplanner.startupProbe")) {
            probe(stage, w);
        }
        StartupPlan plan = launchPlan != null ? launchPlan : plan(getParameters().getRaw());
        // layers named on the command line go on top once the project is open
        w.show(plan);
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
