package io.siteplanner.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.CancelledException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor of view-model tests: runs at once; success, failure and cancellation reach the right callback. */
class CurrentThreadExecutorTest {
    @Test
    void runsAtOnceAndReportsSuccessFailureAndCancellation() {
        CurrentThreadExecutor tasks = new CurrentThreadExecutor();
        List<String> log = new ArrayList<>();
        Job ok = tasks.run("ok", p -> {
            p.update(0.5, "half");
            return 42;
        }, v -> log.add("done " + v), e -> log.add("error"));
        ok.whenSucceeded(() -> log.add("then"));
        assertThat(ok.isRunning()).isFalse();
        assertThat(ok.messageProperty().get()).isEqualTo("half");
        Job failed = tasks.run("fail", p -> {
            throw new IllegalStateException("broken");
        }, v -> log.add("done"), e -> log.add("error " + e.getMessage()));
        failed.whenSucceeded(() -> log.add("never"));
        Job cancelled = tasks.run("cancel", p -> {
            throw new CancelledException();
        }, v -> log.add("done"), e -> log.add("error"));
        cancelled.whenCancelled(() -> log.add("cancelled"));
        assertThat(log).containsExactly("done 42", "then", "error broken", "cancelled");
        assertThat(tasks.titles()).containsExactly("ok", "fail", "cancel");
    }
}
