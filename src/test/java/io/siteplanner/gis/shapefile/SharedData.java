package io.siteplanner.gis.shapefile;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared real data: {@code ../shared/data/real} from the working directory (CI layout),
 * else {@code /work/shared/data/real}.
 */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        Path rel = Path.of("..", "shared", "data", "real");
        if (Files.isDirectory(rel)) {
            return rel;
        }
        Path abs = Path.of("/work/shared/data/real");
        Assumptions.assumeTrue(Files.isDirectory(abs), "shared real data not found");
        return abs;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
