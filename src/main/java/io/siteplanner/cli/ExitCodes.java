package io.siteplanner.cli;

/** Process exit codes of every command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The work failed (I/O error while writing, computation failed). */
    public static final int FAILURE = 1;
    /** Bad usage or unreadable input (typo in a flag, corrupt file, invalid scenario). */
    public static final int USAGE = 2;
    /** Interrupted or cancelled by the user. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
