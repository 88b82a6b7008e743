package io.siteplanner.gis.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One million rows (excluded from the default build by the *PerfTest pattern; run it with
 * {@code mvn test -Dtest=CsvReadPerfTest}). Asserts the result only; the time is in the surefire report.
 */
class CsvReadPerfTest {
    @TempDir
    Path tmp;

    @Test
    void readsAMillionRows() throws IOException {
        Path p = tmp.resolve("million.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("id,name,lat,lon,mw,online\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write(Integer.toString(i));
                w.write(",\"Plant ");
                w.write(Integer.toString(i % 977));
                w.write("\",");
                w.write(Double.toString(37.5 + (i % 4000) * 0.001));
                w.write(',');
                w.write(Double.toString(-88 + (i % 3000) * 0.001));
                w.write(',');
                w.write(Double.toString((i % 500) * 1.5));
                w.write(i % 2 == 0 ? ",true\n" : ",false\n");
            }
        }
        long t0 = System.nanoTime();
        VectorLayer l = new CsvFormat().read(p, ReadOptions.DEFAULT, Progress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(l.size()).as("read in %d ms", ms).isEqualTo(1_000_000);
        assertThat(l.bounds().getMaxY()).isEqualTo(37.5 + 3999 * 0.001);
        System.err.println("CsvReadPerfTest: 1,000,000 rows in " + ms + " ms");
    }
}
