package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly damaged copies of real fixtures (fixed seed): the reader must either read them or throw a
 * {@link LayerReadException}, never another exception, and never hang.
 */
@Timeout(120)
class ShapefileFuzzTest {
    private static final String[] FIXTURES = {"counties_ms_4269", "transmission_in_26916", "polygonz", "types",
        "multipoint", "substations_ms_3857"};

    @Test
    void damagedFilesFailCleanly(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(20240601);
        ShapefileFormat format = new ShapefileFormat();
        int read = 0;
        int refused = 0;
        for (int round = 0; round < 300; round++) {
            String name = FIXTURES[round % FIXTURES.length];
            Path dir = Files.createDirectories(tmp.resolve("r" + round));
            Path shp = Fixtures.copy(name, dir);
            String ext = new String[] {"shp", "shp", "shx", "dbf"}[rnd.nextInt(4)];
            Path victim = dir.resolve(name + "." + ext);
            byte[] b = Files.readAllBytes(victim);
            int hits = 1 + rnd.nextInt(8);
            for (int k = 0; k < hits; k++) {
                // half of the damage goes to the headers, where it hurts most
                int pos = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 120)) : rnd.nextInt(b.length);
                b[pos] = (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(5) == 0) {
                b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            }
            Files.write(victim, b);
            try {
                VectorLayer l = (VectorLayer) format.read(shp, ReadOptions.DEFAULT, Progress.NONE);
                assertThat(l.size()).isGreaterThanOrEqualTo(0);
                read++;
            } catch (LayerReadException e) {
                assertThat(e.getMessage()).startsWith(shp + ": ");
                refused++;
            }
        }
        assertThat(read).isPositive();
        assertThat(refused).isPositive();
    }
}
