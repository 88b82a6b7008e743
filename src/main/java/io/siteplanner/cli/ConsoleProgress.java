package io.siteplanner.cli;

import io.siteplanner.model.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on a terminal: one self-overwriting line on stderr, at most 5 updates a second, only when a
 * console is attached (never in pipes or CI logs).
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private long last;
    private boolean drew;

    private ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    static Progress forStderr(PrintWriter err) {
        return System.console() == null ? Progress.NONE : new ConsoleProgress(err);
    }

    @Override
    public synchronized void update(double fraction, String message) {
        long now = System.nanoTime();
        if (now - last < 200_000_000L) {
            return;
        }
        last = now;
        String pct = Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%3.0f%% ", fraction * 100);
        err.print("\r" + pct + message + "\u001b[K");
        err.flush();
        drew = true;
    }

    /** Clears the progress line. */
    synchronized void done() {
        if (drew) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
