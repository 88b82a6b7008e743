package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files of killed writers are removed by the next write to the same folder, others are kept. */
class AtomicWriteCleanupTest {
    @TempDir
    Path dir;

    /** The pid of a process that has ended (a child we started and waited for). */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long pid = p.pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        return pid;
    }

    Path touch(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "partial", StandardCharsets.UTF_8);
    }

    List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void tempNamesAreHiddenCarryOurPidAndSuffixAndAreGoneAfterTheWrite() throws Exception {
        long me = ProcessHandle.current().pid();
        String[] seen = new String[1];
        AtomicWrite.write(dir.resolve("sites.csv"), tmp -> {
            seen[0] = tmp.getFileName().toString();
            Files.writeString(tmp, "a,b\n");
        });
        assertThat(seen[0]).startsWith(".sites.csv." + me + ".").endsWith(AtomicWrite.TEMP_SUFFIX);
        assertThat(AtomicWrite.isTemp(seen[0])).isTrue();
        assertThat(names()).containsExactly("sites.csv");
    }

    @Test
    void theNextWriteRemovesTempsOfDeadProcessesWithTheirSqliteSideFilesAndKeepsTheRest() throws Exception {
        long dead = deadPid();
        long me = ProcessHandle.current().pid();
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow(); // alive while we run
        touch(".report.pdf." + dead + ".k3j2h1" + AtomicWrite.TEMP_SUFFIX);
        touch(".project.siteplan.gpkg." + dead + ".zz9" + AtomicWrite.TEMP_SUFFIX);
        touch(".project.siteplan.gpkg." + dead + ".zz9" + AtomicWrite.TEMP_SUFFIX + "-journal");
        touch(".other.kml." + me + ".abc" + AtomicWrite.TEMP_SUFFIX); // this JVM is writing it
        touch(".other.kml." + live + ".abd" + AtomicWrite.TEMP_SUFFIX); // a live writer, fresh
        Path oldLive = touch(".old.kml." + live + ".abe" + AtomicWrite.TEMP_SUFFIX); // a live pid, 2 days old
        Files.setLastModifiedTime(oldLive, FileTime.from(Instant.now().minus(AtomicWrite.STALE_AFTER.multipliedBy(2))));
        touch(".project.siteplan.gpkg.recovery"); // not ours to remove
        touch(".notes.part");
        touch("report.pdf");

        AtomicWrite.write(dir.resolve("sites.csv"), tmp -> Files.writeString(tmp, "x\n"));

        assertThat(names()).containsExactly(".notes.part", ".other.kml." + live + ".abd" + AtomicWrite.TEMP_SUFFIX,
                ".other.kml." + me + ".abc" + AtomicWrite.TEMP_SUFFIX, ".project.siteplan.gpkg.recovery", "report.pdf",
                "sites.csv");
    }

    @Test
    void aFailedWriteLeavesNoTempAndTheOldTarget() throws Exception {
        Path t = Files.writeString(dir.resolve("a.geojson"), "old");
        try {
            AtomicWrite.write(t, tmp -> {
                Files.writeString(tmp, "half");
                Files.writeString(tmp.resolveSibling(tmp.getFileName() + "-journal"), "j");
                throw new IOException("disk full");
            });
        } catch (IOException e) {
            assertThat(e).hasMessage("disk full");
        }
        assertThat(names()).containsExactly("a.geojson");
        assertThat(Files.readString(t)).isEqualTo("old");
    }

    @Test
    void recognisesOnlyItsOwnPattern() {
        assertThat(AtomicWrite.isTemp(".a.csv.123.x1" + AtomicWrite.TEMP_SUFFIX)).isTrue();
        assertThat(AtomicWrite.isTemp(".a.csv.123.x1" + AtomicWrite.TEMP_SUFFIX + "-wal")).isTrue();
        assertThat(AtomicWrite.isTemp("a.csv.123.x1" + AtomicWrite.TEMP_SUFFIX)).isFalse(); // not hidden
        assertThat(AtomicWrite.isTemp(".a.csv.x1" + AtomicWrite.TEMP_SUFFIX)).isFalse(); // no pid
        assertThat(AtomicWrite.isTemp(".a-123.csv.part")).isFalse();
    }
}
