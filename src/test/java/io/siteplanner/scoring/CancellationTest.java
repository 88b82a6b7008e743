package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {
    /** Cancels after a number of progress updates. */
    static final class CancelAfter implements Progress {
        final AtomicInteger updates = new AtomicInteger();
        final int limit;
        final AtomicBoolean cancelled = new AtomicBoolean();

        CancelAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void update(double fraction, String message) {
            if (updates.incrementAndGet() >= limit) {
                cancelled.set(true);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Test
    void chunkRunnerStopsBetweenChunks() {
        CancelAfter p = new CancelAfter(1);
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> ChunkRunner.run(ChunkRunner.identity(1_000_000), 1000, p, "x", (o, f, t) -> {
            chunks.incrementAndGet();
            p.update(0, "x");
        })).isInstanceOf(CancelledException.class);
        assertThat(chunks.get()).isLessThan(1000);
    }

    @Test
    void evaluationIsCancellable() {
        TestData d = TestData.generate(3000, 3L);
        CancelAfter p = new CancelAfter(2);
        assertThatThrownBy(() -> ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()), d.source(), p))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void progressReachesTheEnd() {
        TestData d = TestData.generate(3000, 3L);
        double[] last = {0};
        Progress p = new Progress() {
            @Override
            public synchronized void update(double fraction, String message) {
                if (!Double.isNaN(fraction)) {
                    last[0] = Math.max(last[0], fraction);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        ScenarioEvaluator.evaluate(ScenarioReader.parse(TestData.scenarioJson()), d.source(), p);
        assertThat(last[0]).isGreaterThan(0.99);
    }
}
