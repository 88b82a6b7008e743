package io.siteplanner.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The 100k bench data set of {@code ../shared/bench} (gen_data.py, deterministic), generated once into
 * {@code target/bench/n100000} (about 30 s; needs /usr/bin/python3 with numpy and shapely, and ogr2ogr), with
 * the test scenarios copied beside it.
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
    static synchronized Path dir() throws IOException, InterruptedException {
        Path out = Path.of("target", "bench").toAbsolutePath();
        Path dir = out.resolve("n" + N);
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            Files.createDirectories(out);
            Process p = new ProcessBuilder(List.of("/usr/bin/python3", shared().resolve("bench/gen_data.py").toString(),
                    "--n", Integer.toString(N), "--out", out.toString())).redirectErrorStream(true)
                    .redirectOutput(out.resolve("gen_data.log").toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("gen_data.py failed, see " + out.resolve("gen_data.log") + ": "
                        + Files.readString(out.resolve("gen_data.log")));
            }
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
