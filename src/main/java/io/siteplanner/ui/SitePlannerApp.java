package io.siteplanner.ui;

import io.siteplanner.gis.Crs;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: one main window that opens the bundled demo project. */
public class SitePlannerApp extends Application {
    /** Starts the JavaFX application (blocks until the window closes). */
    public static void launchApp(String[] args) {
        Application.launch(SitePlannerApp.class, args);
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SitePlannerApp.class.getName());

    @Override
    public void start(Stage stage) {
        // the first EPSG decode unpacks the EPSG database (~1-2 s): start it now, off the FX thread
        Thread warm = new Thread(Crs::warmUp, "epsg-warm-up");
        warm.setDaemon(true);
        warm.start();
        MainWindow w = new MainWindow(stage);
        if (Boolean.getBoolean("siteplanner.startupProbe")) {
            // prints launch-to-map times (benchmark; see README) and quits
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            w.map().renderCountProperty().addListener((o, a, n) -> {
                boolean basemap = w.model().layers().size() >= 2;
                boolean scored = w.scenario().resultProperty().get() != null;
                if (basemap || scored) {
                    LOG.info(String.format(java.util.Locale.ROOT, "startup: render %d (%s) at %d ms after JVM start",
                            n.longValue(), scored ? "scored demo" : "basemap", System.currentTimeMillis() - jvmStart));
                }
                if (scored) {
                    javafx.application.Platform.exit();
                }
            });
        }
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        for (String a : getParameters().getRaw()) {
            if (!a.startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Paths.get(a))) {
                files.add(java.nio.file.Paths.get(a));
            }
        }
        // layers named on the command line go on top once the demo is open
        w.show(true, files);
    }
}
