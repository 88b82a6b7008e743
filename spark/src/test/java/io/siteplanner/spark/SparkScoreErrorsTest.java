package io.siteplanner.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with one {@code error:} line naming the file and the problem. */
class SparkScoreErrorsTest {
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() throws Exception {
        data = BenchData.dir();
    }

    record Run(int exit, String err) {
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error:")).toList();
        }
    }

    static Run spark(String... args) {
        StringWriter err = new StringWriter();
        int exit = SparkMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Run(exit, err.toString());
    }

    /** The bench scenario with one text replaced, written next to the bench data. */
    Path scenario(String name, String from, String to) throws Exception {
        String s = Files.readString(data.resolve("scenario-bench.json"));
        assertThat(s).contains(from);
        Path f = data.resolve("errors-" + name + ".json");
        Files.writeString(f, s.replace(from, to));
        return f;
    }

    @Test
    void kindsSparkDoesNotEvaluateAreNamedBeforeSparkStarts() throws Exception {
        Path f = scenario("raster", "\"criteria\": [", "\"criteria\": [\n    {\"id\": \"slope\", \"kind\": \"raster\","
                + " \"layer\": \"zones\", \"weight\": 0.1},");
        Run r = spark("score", "--master", "local[2]", "--scenario", f.toString(), "--out", tmp.resolve("x.csv")
                .toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains(f.toString()).contains("criteria[0] 'slope'"
                + " (kind raster)").contains("not supported on Spark");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void unknownAttributeInAFilterIsFoundOnTheDriver() throws Exception {
        Path f = scenario("attr", "avail_mw >= 300", "avail >= 300");
        Run r = spark("score", "--master", "local[2]", "--scenario", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("criteria[1].filter").contains("avail");
    }

    @Test
    void missingLayerFileIsNamed() throws Exception {
        Path f = scenario("file", "\"lines.gpkg\"", "\"no-such-lines.gpkg\"");
        Run r = spark("score", "--master", "local[2]", "--scenario", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("layers.lines")
                .contains("no-such-lines.gpkg: file not found");
    }

    @Test
    void badTopIsAUsageError() {
        Run r = spark("score", "--scenario", data.resolve("scenario-bench.json").toString(), "--top", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("--top must be >= 1");
    }
}
