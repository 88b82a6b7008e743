package io.siteplanner.gis.geotiff;

import io.siteplanner.TestData;
import java.nio.file.Path;

/** Test files of this package and the shared real data ({@link TestData}), plus an in-process CLI runner. */
final class Fixtures {
    private Fixtures() {
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/geotiff", name);
    }

    static Path real(String name) {
        return TestData.shared(name);
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        TestData.CliRun r = TestData.cli(args);
        return new Run(r.code(), r.out(), r.err());
    }
}
