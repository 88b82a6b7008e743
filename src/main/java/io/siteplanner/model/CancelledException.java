package io.siteplanner.model;

/** Thrown by long work when the user cancelled it; not an error. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
