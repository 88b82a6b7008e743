package io.siteplanner.spark;

import io.siteplanner.cli.bench.BenchDataGenerator;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The 100k bench data set of {@code ../shared/bench} (gen_data.py's data, seed 20240601), generated once into
 * {@code target/bench/n100000} by the desktop's Java port of gen_data.py ({@code siteplanner bench gen-data}: the
 * same CSV files; GeoPackages written by our GeoPackage writer; a few seconds, no Python or GDAL), with the test
 * scenarios copied beside it.
 */
final class BenchData {
    static final int N = 100_000;

    private BenchData() {
    }

    /** The shared folder beside the project (system property siteplanner.shared, set by the pom). */
    static Path shared() {
        return Path.of(System.getProperty("siteplanner.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** The data folder, generated if needed, with the test scenarios and the bench scenario in it. */
    static synchronized Path dir() throws IOException {
        Path out = Path.of("target", "bench").toAbsolutePath();
        Path dir = out.resolve("n" + N);
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            new BenchDataGenerator(N, BenchDataGenerator.DEFAULT_SEED).write(out, true, Progress.NONE);
            Files.writeString(done, "ok");
        }
        Files.copy(shared().resolve("bench/scenario-bench.json"), dir.resolve("scenario-bench.json"),
                StandardCopyOption.REPLACE_EXISTING);
        for (String s : List.of("kinds-owa", "kinds-topsis", "kinds-ahp", "bench-topsis-raw", "bench-formats")) {
            try (var in = BenchData.class.getResourceAsStream("/scenarios/" + s + ".json")) {
                Files.copy(in, dir.resolve(s + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
