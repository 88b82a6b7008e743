package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siteplanner bench gen-data}: counts from ../shared/bench/README.md; bad options exit 2 in one line. */
class BenchGenDataCliTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCsvLayersAndPrintsTheReadmeCounts() throws Exception {
        CliTest.Run r = CliTest.run("bench", "gen-data", "--n", "500", "--out", tmp.toString(), "--no-gpkg");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("substations with avail_mw>=300: 309; lines >=345kV: 3587");
        Path d = tmp.resolve("n500");
        assertThat(Files.readAllLines(d.resolve("parcels.csv"))).hasSize(501);
        assertThat(Files.readAllLines(d.resolve("substations.csv"))).hasSize(5001);
        assertThat(d.resolve("parcels.gpkg")).doesNotExist();
    }

    @Test
    void badCountIsAUsageError() {
        CliTest.Run r = CliTest.run("bench", "gen-data", "--n", "0", "--out", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: --n must be at least 1");
    }
}
