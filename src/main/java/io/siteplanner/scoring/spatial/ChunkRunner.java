package io.siteplanner.scoring.spatial;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs work over n items in chunks on a shared fork-join pool (one worker per core), reporting progress and
 * honouring cancellation between chunks. Items are visited in a given order (e.g. Hilbert order) so
 * that consecutive items in a chunk are spatially close.
 */
public final class ChunkRunner {
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setDaemon(true);
                t.setName("siteplanner-score-" + t.getPoolIndex());
                return t;
            }, null, false);

    /** Work for one chunk: positions [from, to) of the order array. */
    public interface Body {
        void run(int[] order, int from, int to);
    }

    private ChunkRunner() {
    }

    /** The pool used for scoring work. */
    public static ForkJoinPool pool() {
        return POOL;
    }

    /**
     * Runs {@code body} over all positions of {@code order} in chunks of {@code chunk}.
     *
     * @throws CancelledException when the progress was cancelled
     */
    public static void run(int[] order, int chunk, Progress progress, String message, Body body) {
        int n = order.length;
        int chunks = (n + chunk - 1) / chunk;
        AtomicInteger done = new AtomicInteger();
        try {
            POOL.submit(() -> IntStream.range(0, chunks).parallel().forEach(k -> {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                body.run(order, k * chunk, Math.min(n, k * chunk + chunk));
                int d = done.incrementAndGet();
                if ((d & 7) == 0 || d == chunks) {
                    progress.update((double) d / chunks, message);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c != null && c.getCause() != null && !(c instanceof CancelledException)
                    && c instanceof RuntimeException && c.getClass() == RuntimeException.class) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Identity order 0..n-1. */
    public static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }
}
