package io.siteplanner.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock times of the phases of an evaluation (load, index, each criterion, rank), thread-safe. */
public final class Timings {
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds time to a phase. */
    public synchronized void add(String phase, long ns) {
        nanos.merge(phase, ns, Long::sum);
    }

    /** Starts a timer; {@code close()} adds the time. */
    public Timer start(String phase) {
        return new Timer(phase, System.nanoTime());
    }

    /** Phase name to milliseconds, in the order phases first finished. */
    public synchronized Map<String, Double> millis() {
        Map<String, Double> m = new LinkedHashMap<>();
        nanos.forEach((k, v) -> m.put(k, v / 1e6));
        return m;
    }

    /** A running phase timer. */
    public final class Timer implements AutoCloseable {
        private final String phase;
        private final long t0;

        private Timer(String phase, long t0) {
            this.phase = phase;
            this.t0 = t0;
        }

        @Override
        public void close() {
            add(phase, System.nanoTime() - t0);
        }
    }
}
