package io.siteplanner.ui.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A job started by a {@link TaskExecutor}: title, progress, message, cancel, and what follows success. */
public interface Job {
    String title();

    /** The latest progress message (FX thread). */
    ReadOnlyStringProperty messageProperty();

    /** 0..1, or -1 when unknown (FX thread). */
    ReadOnlyDoubleProperty progressProperty();

    /** Whether it has not ended yet. */
    boolean isRunning();

    /**
     * Runs {@code r} on the FX thread once the job has succeeded and its {@code onDone} has run (at once
     * when it already has); never when it failed or was cancelled.
     */
    void whenSucceeded(Runnable r);

    /** Runs {@code r} on the FX thread if the job is cancelled (at once when it already was). */
    void whenCancelled(Runnable r);

    void cancel();
}
