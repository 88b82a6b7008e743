package io.siteplanner.gis;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be read as a layer. The message always starts with the file as it was given (a
 * relative path keeps its folders as typed, an absolute one stays absolute) and says what is wrong (and
 * where: record, line, JSON path), so it can be shown to the user as it is. Problems quote at most a
 * short token of the file's content ({@link Snippets}).
 */
public class LayerReadException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String problem;

    public LayerReadException(Path file, String problem) {
        this(file, problem, null);
    }

    public LayerReadException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : file + ": ") + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that failed (may be null). */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
