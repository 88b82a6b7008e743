package io.siteplanner.ui.task;

import io.siteplanner.model.Progress;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * Where view-models run long work (loading, evaluating, saving, exporting): {@link FxTaskExecutor} on a
 * worker pool with callbacks on the FX thread, {@link CurrentThreadExecutor} at once on the calling thread
 * so view-models are tested without a stage (JabRef's {@code TaskExecutor} and
 * {@code CurrentThreadTaskExecutor}). Work reports through the engine's {@link Progress}; a
 * {@link io.siteplanner.model.CancelledException} ends it silently (neither callback runs).
 */
public interface TaskExecutor {
    /** A unit of work that reports through {@link Progress}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /**
     * Starts {@code work}, shown in the status bar with its progress and a Cancel button; {@code onDone}
     * or {@code onError} runs on the FX thread when it ends.
     */
    <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** As {@link #run} but not shown (autosave): it does not take the status bar from the user's own work. */
    <T> Job runQuietly(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /**
     * Runs quick work (re-scoring while a slider moves) on one lane: a request replaces the requests that
     * have not started yet, so only the latest settings are scored. Not shown.
     */
    <T> void runLatest(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** The last started shown job still running, or null. */
    ReadOnlyObjectProperty<Job> currentProperty();

    /** Cancels the current job, if any. */
    default void cancelCurrent() {
        Job j = currentProperty().get();
        if (j != null) {
            j.cancel();
        }
    }

    /** Stops the workers (the window closes). */
    void shutdown();
}
