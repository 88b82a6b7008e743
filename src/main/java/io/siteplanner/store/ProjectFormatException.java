package io.siteplanner.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file cannot be opened as a SitePlanner project (not a GeoPackage, not a project, written by a newer
 * version, damaged). Like {@link io.siteplanner.gis.LayerReadException} the message is
 * {@code "<file name>: <problem>"} and is meant to be shown to the user as it is.
 */
public class ProjectFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String problem;

    public ProjectFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public ProjectFormatException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : file.getFileName() + ": ") + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The project file (may be null). */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
