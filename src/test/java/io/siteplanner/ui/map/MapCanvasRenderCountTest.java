package io.siteplanner.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.render.LayerDraw;
import io.siteplanner.render.Viewport;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How many renders the map starts and counts: changes made in one FX event are drawn by one render, and
 * {@code renderCount} counts only renders that drew the latest request. The map's renders run on an
 * executor the test drives by hand (real rendering, on the test thread), so which render overlaps which
 * request is decided by the test, not by timing.
 */
@ExtendWith(ApplicationExtension.class)
class MapCanvasRenderCountTest {
    /** Holds the render jobs until the test runs them. */
    static final class HandExecutor extends AbstractExecutorService {
        final LinkedBlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();
        final AtomicInteger ran = new AtomicInteger();

        @Override
        public void execute(Runnable r) {
            queued.add(r);
        }

        /** Runs the next queued render here, then lets the FX thread take its result; false when none. */
        boolean runNext() {
            WaitForAsyncUtils.waitForFxEvents();
            Runnable r = queued.poll();
            if (r == null) {
                return false;
            }
            r.run();
            ran.incrementAndGet();
            WaitForAsyncUtils.waitForFxEvents();
            return true;
        }

        /** Runs renders until none is queued; how many ran. */
        int drain() {
            int n = 0;
            while (runNext()) {
                n++;
            }
            return n;
        }

        volatile boolean shut;

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut && queued.isEmpty();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    final HandExecutor renders = new HandExecutor();
    /** How many times the map took a snapshot of its layers: once per render started. */
    final AtomicInteger snapshots = new AtomicInteger();
    MapCanvas map;

    @Start
    void start(Stage stage) {
        map = new MapCanvas(renders);
        map.setLayerSupplier(() -> {
            snapshots.incrementAndGet();
            return List.<LayerDraw>of();
        });
        stage.setScene(new Scene(new StackPane(map), 320, 200));
        stage.show();
        map.viewportProperty().set(new Viewport(0, 0, 100, 320, 200));
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Runs every render the set-up asked for, so each test starts from a map with nothing pending. */
    long settled() throws Exception {
        // what windows of earlier test classes left behind on the FX thread is not this map's
        WaitForAsyncUtils.clearExceptions();
        renders.drain();
        snapshots.set(0);
        renders.ran.set(0);
        return fx(() -> map.renderCountProperty().get());
    }

    @Test
    void severalChangesInOneFxEventAreDrawnByOneRender() throws Exception {
        long before = settled();

        fx(() -> {
            // what opening a project does in one event: layers, colours, selection, background, view
            map.requestRender();
            map.requestRender();
            map.setBackgroundColor(0xfff0f0f0);
            map.requestRender();
            map.zoomBy(2);
            return null;
        });
        int ran = renders.drain();

        assertThat(ran).as("renders run").isEqualTo(1);
        assertThat(snapshots.get()).as("layer snapshots taken").isEqualTo(1);
        assertThat(fx(() -> map.renderCountProperty().get())).isEqualTo(before + 1);
    }

    @Test
    void aRenderOvertakenByARequestIsShownButNotCounted() throws Exception {
        long before = settled();
        fx(() -> {
            map.requestRender();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(renders.queued).as("the render has started").hasSize(1);

        // the FX thread is held until the render has finished (its result is queued behind this event);
        // then a new request comes in: the finished render no longer draws the latest state
        CountDownLatch finished = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            map.setBackgroundColor(0xff000000);
        });
        renders.queued.take().run();
        finished.countDown();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> map.renderCountProperty().get())).as("the overtaken render").isEqualTo(before);
        assertThat(renders.drain()).as("the render for the new request").isEqualTo(1);
        assertThat(fx(() -> map.renderCountProperty().get())).isEqualTo(before + 1);
        assertThat(snapshots.get()).isEqualTo(2);
    }

    @Test
    void aDisposedMapStartsNoRender() throws Exception {
        settled();
        fx(() -> {
            map.requestRender();
            map.dispose(); // the window closes before the queued render starts
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(renders.queued).isEmpty();
        assertThat(snapshots.get()).isZero();
    }

    @Test
    void aRenderNobodyOvertookIsCounted() throws Exception {
        long before = settled();
        for (int i = 1; i <= 3; i++) {
            fx(() -> {
                map.zoomBy(1.5);
                return null;
            });
            assertThat(renders.drain()).isEqualTo(1);
            assertThat(fx(() -> map.renderCountProperty().get())).isEqualTo(before + i);
        }
    }
}
