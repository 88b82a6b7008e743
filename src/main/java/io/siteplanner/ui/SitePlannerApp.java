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

    @Override
    public void init() {
        // the first EPSG decode unpacks the EPSG database: do it before the window needs it, off the FX thread
        Crs.warmUp();
    }

    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage);
        w.show(true);
    }
}
