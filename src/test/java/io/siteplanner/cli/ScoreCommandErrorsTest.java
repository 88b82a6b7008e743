package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scenario files exit 2 with one line naming the file and the JSON path. */
class ScoreCommandErrorsTest {
    static final String GOOD = "{\"schema\": \"siteplanner/scenario/v1\", \"campus\": {\"itLoadMw\": 100},"
            + " \"analysisCrs\": \"EPSG:5070\", \"layers\": {\"parcels\": {\"path\": \"parcels.gpkg\"}},"
            + " \"candidates\": \"parcels\", \"criteria\": [{\"id\": \"acres\", \"kind\": \"area\", \"weight\": 1,"
            + " \"transform\": {\"type\": \"linear\", \"direction\": \"benefit\"}}]}";

    static CliTest.Run score(Path dir, String json, String... extra) throws Exception {
        Path f = dir.resolve("scen.json");
        Files.writeString(f, json);
        String[] args = new String[2 + extra.length + 1];
        args[0] = "score";
        args[1] = "--scenario";
        args[2] = f.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliTest.run(args);
    }

    @Test
    void unknownKind(@TempDir Path dir) throws Exception {
        CliTest.Run r = score(dir, GOOD.replace("\"kind\": \"area\"", "\"kind\": \"slope\""));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).startsWith("error: " + dir.resolve("scen.json") + ": criteria[0].kind: unknown kind 'slope'");
        assertThat(r.err.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void missingLayerFile(@TempDir Path dir) throws Exception {
        CliTest.Run r = score(dir, GOOD);
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: " + dir.resolve("scen.json")
                + ": layers.parcels: " + dir.resolve("parcels.gpkg") + ": file not found");
    }

    @Test
    void weightsAllZero(@TempDir Path dir) throws Exception {
        CliTest.Run r = score(dir, GOOD.replace("\"weight\": 1", "\"weight\": 0"));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains(": criteria: all weights are zero");
    }

    @Test
    void missingScenarioFileAndBadOutputExtension(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("score", "--scenario", dir.resolve("none.json").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: " + dir.resolve("none.json") + ": file not found");
        CliTest.Run r2 = score(dir, GOOD, "--out", dir.resolve("x.xlsx").toString());
        assertThat(r2.code).isEqualTo(2);
        assertThat(r2.err).contains("unsupported output format '.xlsx'");
    }

    @Test
    void helpListsScoreAndWeights() {
        CliTest.Run r = CliTest.run("--help");
        assertThat(r.out).contains("score").contains("weights");
    }
}
