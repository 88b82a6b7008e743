package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliTest {
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SitePlannerCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsCommands() {
        Run r = run("--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("info").contains("Usage: siteplanner");
    }

    @Test
    void versionPrintsVersion() {
        Run r = run("--version");
        assertThat(r.code).isZero();
        assertThat(r.out).startsWith("SitePlanner ");
    }

    @Test
    void typoInFlagIsUsageErrorWithSuggestion() {
        Run r = run("info", "--jsn", "x.shp");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).startsWith("error: ").contains("--jsn").contains("--json");
        assertThat(r.err).doesNotContain("Exception");
    }

    @Test
    void unknownCommandIsUsageError() {
        Run r = run("inf", "x.shp");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("info");
    }

    @Test
    void missingFileIsOneErrorLine() {
        Run r = run("info", "does-not-exist.shp");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: does-not-exist.shp: file not found");
    }
}
