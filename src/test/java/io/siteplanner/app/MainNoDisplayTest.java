package io.siteplanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the desktop app where there is no display: one line on stderr and exit code 2, no stack trace.
 * The real entry point runs in a child JVM with DISPLAY removed from its environment and none of the
 * Monocle properties the UI tests run with (those are JVM options of the test JVM, not inherited).
 */
class MainNoDisplayTest {
    @TempDir
    Path tmp;

    record Run(int exitCode, List<String> stdout, List<String> stderr) {
    }

    Run runMain(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        // these could add JVM options (or a "Picked up ..." line on stderr) to the child
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        File out = tmp.resolve("stdout.txt").toFile();
        File err = tmp.resolve("stderr.txt").toFile();
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not exit within 120 s; stderr: "
                    + Files.readString(err.toPath(), StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                Files.readAllLines(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void desktopAppWithoutDisplayPrintsOneLineAndExits2() throws Exception {
        Run r = runMain();

        assertThat(r.stderr()).containsExactly(
                "error: no display available (set DISPLAY or use a subcommand; see --help)");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void filesToOpenWithoutDisplayGiveTheSameLine() throws Exception {
        Path layer = Files.writeString(tmp.resolve("sites.csv"), "lon,lat\n-90.1,32.4\n");

        Run r = runMain(layer.toString());

        assertThat(r.stderr()).containsExactly(Main.NO_DISPLAY);
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void commandLineNeedsNoDisplay() throws Exception {
        Run r = runMain("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isNotEmpty().first().asString().startsWith("SitePlanner ");
    }

    static Properties props(String os, String glassPlatform) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        if (glassPlatform != null) {
            p.setProperty("glass.platform", glassPlatform);
        }
        return p;
    }

    @Test
    void linuxWithoutDisplayVariableHasNoDisplay() {
        assertThat(Main.noDisplay(Map.of(), props("Linux", null))).isTrue();
        assertThat(Main.noDisplay(Map.of("DISPLAY", " "), props("Linux", null))).isTrue();
        assertThat(Main.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), props("FreeBSD", null))).isTrue();
    }

    @Test
    void displayVariableOrMonocleOrWindowsOrMacMeanADisplay() {
        assertThat(Main.noDisplay(Map.of("DISPLAY", ":0"), props("Linux", null))).isFalse();
        assertThat(Main.noDisplay(Map.of(), props("Linux", "Monocle"))).isFalse();
        assertThat(Main.noDisplay(Map.of(), props("Windows 11", null))).isFalse();
        assertThat(Main.noDisplay(Map.of(), props("Mac OS X", null))).isFalse();
    }
}
