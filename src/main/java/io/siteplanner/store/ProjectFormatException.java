package io.siteplanner.store;

import io.siteplanner.gis.LayerReadException;
import java.nio.file.Path;

/**
 * A file cannot be opened as a SitePlanner project (not a GeoPackage, not a project, written by a newer
 * version, damaged). A kind of {@link LayerReadException}: the message is {@code "<file name>: <problem>"},
 * meant to be shown to the user as it is, and callers treat it like any unreadable input.
 */
public class ProjectFormatException extends LayerReadException {
    private static final long serialVersionUID = 1L;

    public ProjectFormatException(Path file, String problem) {
        super(file, problem);
    }

    public ProjectFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
