package io.siteplanner.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What the TestFX tests of the main window share: opening it on a maps folder, FX calls and waits. */
final class UiTests {
    private UiTests() {
    }

    /**
     * The main window on {@code maps} (its bundled project opened as the demo), 1400 x 1000, with its own
     * throwaway preferences node (never the user's).
     */
    static MainWindow open(Stage stage, Path maps) {
        System.setProperty("siteplanner.maps", maps.toAbsolutePath().toString());
        MainWindow window = new MainWindow(stage, java.util.prefs.Preferences.userRoot().node("siteplanner-test/" + System.nanoTime()));
        stage.setWidth(1400);
        stage.setHeight(1000);
        window.show(true);
        return window;
    }

    /** {@code c} run on the FX thread, its result (30 s at most). */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Asks the map for a render and waits until one that draws the latest state is shown. */
    static void waitForRender(MainWindow window) throws Exception {
        long before = fx(() -> window.map().renderCountProperty().get());
        fx(() -> {
            window.map().requestRender();
            return null;
        });
        waitUntil(() -> window.map().renderCountProperty().get() > before);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits (90 s at most) until {@code cond}, checked on the FX thread, holds. */
    static void waitUntil(Callable<Boolean> cond) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(cond));
    }
}
