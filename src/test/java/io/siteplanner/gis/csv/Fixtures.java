package io.siteplanner.gis.csv;

import io.siteplanner.cli.SitePlannerCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test files: this package's fixtures and the shared real data, plus an in-process CLI runner. */
final class Fixtures {
    private Fixtures() {
    }

    /** A file under {@code src/test/resources/fixtures/csv}. */
    static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/csv", name);
    }

    /**
     * A file of the shared real data: {@code ../shared/data/real} relative to the working directory (CI),
     * else {@code /work/shared/data/real} (worktrees under /work/wt).
     */
    static Path real(String name) {
        Path rel = Path.of("..", "shared", "data", "real");
        Path dir = Files.isDirectory(rel) ? rel : Path.of("/work/shared/data/real");
        return dir.resolve(name);
    }

    /** The outcome of one in-process CLI run. */
    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SitePlannerCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
