package io.siteplanner.spark;

/** Bad usage or unreadable input: exit code 2, one {@code error:} line. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
