package io.siteplanner.scoring;

/**
 * A scenario cannot be used: bad JSON, unknown key or kind, missing layer, bad CQL, unknown attribute,
 * weights all zero... The message is {@code <json path>: <problem>}, e.g.
 * {@code criteria[2].filter: bad CQL ...}; {@link #path()} and {@link #problem()} give the parts.
 */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String problem;

    public ScenarioException(String path, String problem) {
        this(path, problem, null);
    }

    public ScenarioException(String path, String problem, Throwable cause) {
        super((path == null || path.isEmpty() ? "" : path + ": ") + problem, cause);
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    /** JSON path of the problem, e.g. {@code criteria[2].filter}; "" for the whole file. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
