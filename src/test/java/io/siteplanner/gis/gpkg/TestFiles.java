package io.siteplanner.gis.gpkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where test data lives: the fixtures of this package and the shared real data set. */
final class TestFiles {
    private TestFiles() {
    }

    /** A fixture under src/test/resources/fixtures/gpkg. */
    static Path fixture(String name) {
        Path p = Paths.get("src/test/resources/fixtures/gpkg", name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing fixture " + p.toAbsolutePath());
        }
        return p;
    }

    /**
     * A file of the shared real data: {@code ../shared/data/real} from the project root (CI layout), else
     * {@code /work/shared/data/real} (worktrees under /work/wt).
     */
    static Path real(String name) {
        Path rel = Paths.get("..", "shared", "data", "real", name);
        if (Files.exists(rel)) {
            return rel;
        }
        Path abs = Paths.get("/work/shared/data/real", name);
        if (Files.exists(abs)) {
            return abs;
        }
        throw new IllegalStateException("shared real data not found: " + rel.toAbsolutePath() + " or " + abs);
    }
}
