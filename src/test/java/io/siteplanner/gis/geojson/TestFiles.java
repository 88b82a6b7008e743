package io.siteplanner.gis.geojson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where test data lives: the fixtures of this package and the shared real data set. */
final class TestFiles {
    private TestFiles() {
    }

    /** A fixture under src/test/resources/fixtures/geojson. */
    static Path fixture(String name) {
        Path p = Paths.get("src/test/resources/fixtures/geojson", name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing fixture " + p.toAbsolutePath());
        }
        return p;
    }

    /** A file of the shared real data (see {@link io.siteplanner.TestData#shared}). */
    static Path real(String name) {
        return io.siteplanner.TestData.shared(name);
    }
}
