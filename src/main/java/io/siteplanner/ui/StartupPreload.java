package io.siteplanner.ui;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.render.DemoMap;
import io.siteplanner.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Start-up work that needs no window, begun at launch before the JavaFX toolkit starts so that it runs
 * while the toolkit starts and the main window is built: GeoTools' referencing and the transforms between
 * the built-in CRSs (on a second thread; they need no EPSG database), and the first project (read, its
 * active scenario evaluated and ranked, its map prepared: {@link ProjectViewModel#load}).
 * The window's "Opening" task then {@linkplain #take takes} the result instead of loading the project again.
 *
 * <p>Only the project named at {@link #begin} is preloaded, and only when it has no newer recovery copy
 * (that case asks the user first). A failed preload is forgotten: the window loads again and reports the
 * error as usual. Thread-safe.
 */
final class StartupPreload {
    private static final Object LOCK = new Object();
    private static Path pending;
    private static CompletableFuture<ProjectViewModel.Loaded> loading;

    private StartupPreload() {
    }

    /** Starts warming the EPSG factory and, when {@code project} is not null, loading that project file. */
    static void begin(Path project) {
        Path file = project == null ? null : project.toAbsolutePath().normalize();
        CompletableFuture<ProjectViewModel.Loaded> result = new CompletableFuture<>();
        synchronized (LOCK) {
            pending = file;
            loading = result;
        }
        // GeoTools' referencing (units, WKT parser, the built-in CRSs and their transforms) starts on its own
        // thread while this one opens the project's SQLite file
        Thread crs = new Thread(StartupPreload::warmTransforms, "startup-transforms");
        crs.setDaemon(true);
        crs.start();
        Thread t = new Thread(() -> {
            if (file == null || hasNewerRecovery(file)) {
                result.complete(null);
                return;
            }
            try {
                result.complete(ProjectViewModel.load(file, file, Progress.NONE));
            } catch (Exception | LinkageError e) {
                result.completeExceptionally(e);
            }
        }, "startup-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The preloaded project when {@code file} is the one begun at launch, waiting for it to finish; null
     * otherwise, or when the preload failed. Gives its result once.
     *
     * @throws io.siteplanner.model.CancelledException when {@code progress} is cancelled while waiting
     */
    static ProjectViewModel.Loaded take(Path file, Progress progress) throws InterruptedException {
        CompletableFuture<ProjectViewModel.Loaded> result;
        synchronized (LOCK) {
            if (loading == null || pending == null || !pending.equals(file.toAbsolutePath().normalize())) {
                return null;
            }
            result = loading;
            loading = null;
            pending = null;
        }
        while (true) {
            progress.checkCancelled();
            try {
                ProjectViewModel.Loaded l = result.get(50, TimeUnit.MILLISECONDS);
                return l == null ? null : l.withFile(file);
            } catch (TimeoutException e) {
                // wait on, checking for cancel
            } catch (ExecutionException e) {
                return null;
            }
        }
    }

    /**
     * Makes (and caches in {@link Crs}) the transforms from EPSG:4326 to EPSG:5070 (the analysis CRS of
     * the bundled scenarios and the usual one for the contiguous US) and to the display CRS: built-in CRSs,
     * so this starts GeoTools' referencing without opening the EPSG database. Other projects' CRSs are
     * looked up when loading.
     */
    private static void warmTransforms() {
        try {
            Crs.transform(Crs.wgs84(), Crs.decode("EPSG:5070"));
            Crs.transform(Crs.wgs84(), Crs.decode(DemoMap.DISPLAY_CRS));
        } catch (RuntimeException | LinkageError e) {
            // reported where a transform is really needed
        }
    }

    private static boolean hasNewerRecovery(Path file) {
        try {
            return ProjectStore.hasNewerRecovery(file);
        } catch (IOException e) {
            return true;
        }
    }
}
