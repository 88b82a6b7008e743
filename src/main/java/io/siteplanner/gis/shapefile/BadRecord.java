package io.siteplanner.gis.shapefile;

/**
 * A record that cannot be read; the reader skips it and counts it under {@link #kind()}. Carries no
 * stack trace (it is control flow, not a bug).
 */
final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecord(String kind) {
        super(kind, null, false, false);
    }

    /** What is wrong, worded to follow "N records skipped: " (e.g. "polygon ring with fewer than 4 points"). */
    String kind() {
        return getMessage();
    }
}
