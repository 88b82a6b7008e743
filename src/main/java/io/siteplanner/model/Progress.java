package io.siteplanner.model;

/**
 * Progress and cancellation of long work (loading, scoring, exporting). The UI adapts it to a JavaFX
 * Task, the CLI to a console line. Implementations must be thread-safe: workers call it from any thread.
 */
public interface Progress {
    /** Reports work done as a fraction in [0,1] (NaN when unknown) with a short message. */
    void update(double fraction, String message);

    /** True once the user asked to stop; workers check it and throw {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A sink that ignores progress and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports into a sub-range [from, to] of this progress. */
    default Progress sub(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                parent.update(Double.isNaN(fraction) ? Double.NaN : from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
