package io.siteplanner.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application window. */
public class SitePlannerApp extends Application {
    /** Starts the JavaFX application (blocks until the window closes). */
    public static void launchApp(String[] args) {
        Application.launch(SitePlannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane();
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        root.setTop(new MenuBar(new Menu("File", null, quit)));
        Label map = new Label("Map");
        map.setId("map");
        root.setCenter(map);
        stage.setTitle("SitePlanner");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
