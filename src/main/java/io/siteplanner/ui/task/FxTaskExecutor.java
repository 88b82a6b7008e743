package io.siteplanner.ui.task;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * Runs jobs off the FX thread as JavaFX {@link Task}s on a small pool, adapting the engine's
 * {@link Progress} to the task's progress, message and cancel; callbacks run on the FX thread. Re-scores
 * ({@link #runLatest}) run on their own single thread, latest request wins.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final AtomicInteger threadNo = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "siteplanner-task-" + threadNo.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService lane = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rescore");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyObjectWrapper<Job> current = new ReadOnlyObjectWrapper<>(this, "current");

    @Override
    public ReadOnlyObjectProperty<Job> currentProperty() {
        return current.getReadOnlyProperty();
    }

    @Override
    public <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return start(title, work, onDone, onError, true);
    }

    @Override
    public <T> Job runQuietly(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return start(title, work, onDone, onError, false);
    }

    private <T> Job start(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError, boolean shown) {
        WorkTask<T> task = new WorkTask<>(title, work);
        FxJob job = new FxJob(title, task);
        task.setOnSucceeded(e -> {
            clear(job);
            if (onDone != null) {
                onDone.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            clear(job);
            Throwable ex = task.getException();
            if (ex instanceof CancelledException) {
                job.cancelled();
                return;
            }
            if (onError != null) {
                onError.accept(ex);
            }
        });
        task.setOnCancelled(e -> {
            clear(job);
            job.cancelled();
        });
        if (shown) {
            current.set(job);
        }
        pool.execute(task);
        return job;
    }

    @Override
    public <T> void runLatest(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        long gen = latest.incrementAndGet();
        lane.execute(() -> {
            if (latest.get() != gen) {
                return; // a newer request is queued
            }
            T value;
            try {
                value = work.run(Progress.NONE);
            } catch (CancelledException e) {
                return;
            } catch (Exception | Error e) {
                Platform.runLater(() -> {
                    if (onError != null) {
                        onError.accept(e);
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                if (latest.get() == gen && onDone != null) {
                    onDone.accept(value);
                }
            });
        });
    }

    private void clear(Job j) {
        if (current.get() == j) {
            current.set(null);
        }
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        lane.shutdownNow();
    }

    /** The job of a task. */
    private static final class FxJob implements Job {
        private final String title;
        private final Task<?> task;
        private final java.util.List<Runnable> onCancel = new java.util.ArrayList<>();
        private boolean wasCancelled;

        void cancelled() {
            wasCancelled = true;
            onCancel.forEach(Runnable::run);
            onCancel.clear();
        }

        @Override
        public void whenCancelled(Runnable r) {
            if (wasCancelled) {
                r.run();
            } else if (!task.isDone()) {
                onCancel.add(r);
            }
        }

        FxJob(String title, Task<?> task) {
            this.title = title;
            this.task = task;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return task.messageProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return task.progressProperty();
        }

        @Override
        public boolean isRunning() {
            return !task.isDone();
        }

        @Override
        public void whenSucceeded(Runnable r) {
            if (task.getState() == javafx.concurrent.Worker.State.SUCCEEDED) {
                Platform.runLater(r);
            } else if (!task.isDone()) {
                // after onSucceeded (the handler property runs before filters/handlers added later)
                task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> Platform.runLater(r));
            }
        }

        @Override
        public void cancel() {
            task.cancel(true);
        }
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
}
