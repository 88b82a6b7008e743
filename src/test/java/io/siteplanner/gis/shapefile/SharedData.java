package io.siteplanner.gis.shapefile;

import io.siteplanner.TestData;
import java.nio.file.Path;

/** The project's shared real data (see {@link TestData}); a missing folder fails the test. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        return TestData.sharedDir();
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
