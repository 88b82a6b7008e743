package io.siteplanner.ui.task;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * Runs long work (loading, scoring, exporting) off the FX thread as JavaFX {@link Task}s, adapting the
 * engine's {@link Progress} to the task's progress/message/cancel. The most recent task is exposed so the
 * status bar can show its progress and a cancel button.
 */
public final class BackgroundTasks {
    /** A unit of work that reports through {@link Progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final AtomicInteger threadNo = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "siteplanner-task-" + threadNo.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>(this, "current");

    /** The last started task still running, or null. */
    public ReadOnlyObjectProperty<Task<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * Starts {@code work} on a worker. {@code onDone} and {@code onError} run on the FX thread;
     * cancellation is silent (neither is called).
     */
    public <T> Task<T> run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return run(title, work, onDone, onError, true);
    }

    /**
     * Like {@link #run(String, Work, Consumer, Consumer)}; a task that is not {@code shown} (autosave) does not
     * take over the status bar and its Cancel button from the user's own work.
     */
    public <T> Task<T> run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError, boolean shown) {
        WorkTask<T> task = new WorkTask<>(title, work);
        task.setOnSucceeded(e -> {
            clear(task);
            if (onDone != null) {
                onDone.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            clear(task);
            Throwable ex = task.getException();
            if (ex instanceof CancelledException) {
                return;
            }
            if (onError != null) {
                onError.accept(ex);
            }
        });
        task.setOnCancelled(e -> clear(task));
        if (shown) {
            current.set(task);
        }
        pool.execute(task);
        return task;
    }

    /** A Task that is also the engine's Progress sink. */
    private static final class WorkTask<T> extends Task<T> implements Progress {
        private final String title;
        private final Work<T> work;

        WorkTask(String title, Work<T> work) {
            this.title = title;
            this.work = work;
            updateTitle(title);
        }

        @Override
        protected T call() throws Exception {
            updateMessage(title + "…");
            return work.run(this);
        }

        @Override
        public void update(double fraction, String message) {
            if (Double.isNaN(fraction)) {
                updateProgress(-1, 1);
            } else {
                updateProgress(fraction, 1);
            }
            if (message != null) {
                updateMessage(message);
            }
        }
    }

    private void clear(Task<?> t) {
        if (current.get() == t) {
            current.set(null);
        }
    }

    /** Cancels the current task, if any. */
    public void cancelCurrent() {
        Task<?> t = current.get();
        if (t != null) {
            t.cancel(true);
        }
    }

    /** Runs on the FX thread now if already there, else later. */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
