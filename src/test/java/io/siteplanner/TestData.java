package io.siteplanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates test data: fixtures in the repo and the shared real data beside the project. */
public final class TestData {
    private TestData() {
    }

    /** A file of {@code ../shared/data/real} (CI has it); fails loudly when missing. */
    public static Path shared(String name) {
        for (Path base : new Path[] {Paths.get("..", "shared", "data", "real"), Paths.get("/work/shared/data/real")}) {
            Path p = base.resolve(name);
            if (Files.exists(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared test data not found: ../shared/data/real/" + name);
    }

    /** The shared real data folder ({@code ../shared/data/real}; the worktree layout as a fallback). */
    public static Path sharedDir() {
        for (Path base : new Path[] {Paths.get("..", "shared", "data", "real"), Paths.get("/work/shared/data/real")}) {
            if (Files.isDirectory(base)) {
                return base.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared test data not found: ../shared/data/real");
    }

    /** The outcome of one in-process CLI run. */
    public record CliRun(int code, String out, String err) {
    }

    /** Runs the CLI in-process. */
    public static CliRun cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.siteplanner.cli.SitePlannerCli.run(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A fixture under src/test/resources/fixtures. */
    public static Path fixture(String relative) {
        Path p = Paths.get("src", "test", "resources", "fixtures").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture not found: " + p);
        }
        return p.toAbsolutePath();
    }
}
