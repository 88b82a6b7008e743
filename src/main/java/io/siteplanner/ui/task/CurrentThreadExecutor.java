package io.siteplanner.ui.task;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs every job at once on the calling thread, callbacks included, so a view-model's workflow is
 * deterministic in a unit test (no stage, no FX thread, no waiting). Like JabRef's
 * {@code CurrentThreadTaskExecutor}. Counts the jobs it ran so tests can tell that work happened.
 */
public final class CurrentThreadExecutor implements TaskExecutor {
    private final ReadOnlyObjectWrapper<Job> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final List<String> titles = new ArrayList<>();

    @Override
    public <T> Job run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        titles.add(title);
        Done job = new Done(title);
        T value;
        try {
            value = work.run(job);
        } catch (CancelledException e) {
            job.cancelled = true;
            return job.ended(false);
        } catch (Exception | Error e) {
            job.ended(false);
            if (onError != null) {
                onError.accept(e);
            }
            return job;
        }
        job.ended(true);
        if (onDone != null) {
            onDone.accept(value);
        }
        job.succeeded();
        return job;
    }

    @Override
    public <T> Job runQuietly(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return run(title, work, onDone, onError);
    }

    @Override
    public <T> void runLatest(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        run("re-score", work, onDone, onError);
    }

    /** Titles of the jobs run so far (shown and quiet ones; re-scores as "re-score"). */
    public List<String> titles() {
        return List.copyOf(titles);
    }

    @Override
    public ReadOnlyObjectProperty<Job> currentProperty() {
        return current.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
    }

    /** A job that has run (or is running on this thread). */
    private static final class Done implements Job, Progress {
        private final String title;
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
        private final List<Runnable> after = new ArrayList<>();
        private boolean running = true;
        private boolean succeeded;
        private boolean cancelled;

        Done(String title) {
            this.title = title;
        }

        Done ended(boolean ok) {
            running = false;
            succeeded = ok;
            return this;
        }

        void succeeded() {
            after.forEach(Runnable::run);
            after.clear();
        }

        @Override
        public void update(double fraction, String msg) {
            progress.set(Double.isNaN(fraction) ? -1 : fraction);
            if (msg != null) {
                message.set(msg);
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void whenSucceeded(Runnable r) {
            if (succeeded) {
                r.run();
            } else if (running) {
                after.add(r);
            }
        }

        @Override
        public void whenCancelled(Runnable r) {
            if (cancelled) {
                r.run();
            }
        }

        @Override
        public void cancel() {
        }
    }
}
