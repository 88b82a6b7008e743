package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.siteplanner.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code siteplanner info} on hostile files, as a user types them: exit code 2 and exactly one line
 * {@code error: <file as typed, folder included>: <problem>} on stderr, nothing on stdout, no stack trace,
 * and nothing written to the process's own {@code System.err} (where the JDK's XML parser prints
 * {@code [Fatal Error]} lines by default). Paths are relative to the working directory, with folders.
 */
class HostileInfoCliTest {
    private static Path dir;
    /** {@link #dir} as a user in the project folder would type it. */
    private static String typed;

    @BeforeAll
    static void setUp() throws IOException {
        Files.createDirectories(Paths.get("target"));
        Path base = Files.createTempDirectory(Paths.get("target"), "hostile-cli-");
        dir = Files.createDirectories(base.resolve("sub"));
        typed = "target/" + base.getFileName() + "/sub";
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir.getParent())) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs the CLI, also capturing what anything prints on System.err meanwhile. */
    private static String[] info(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliTest.run(args));
            return new String[] {Integer.toString(r.code), r.out, r.err, stray.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(saved);
        }
    }

    /** Exit 2, one clean error line for {@code file} containing {@code problem}; returns the line. */
    private static String oneError(String file, String problem, String... args) {
        String[] r = info(args);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2].lines().toList()).hasSize(1);
        String line = r[2].strip();
        assertThat(line).startsWith("error: " + file + ": ").contains(problem).doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r[3]).as("stray output on System.err").isEmpty();
        return line;
    }

    @Test
    void prjNestedFiveThousandDeep() throws IOException {
        for (String ext : new String[] {"shp", "shx", "dbf"}) {
            Files.copy(TestData.fixture("shapefile/counties_ms_4269." + ext), dir.resolve("deep." + ext));
        }
        Files.writeString(dir.resolve("deep.prj"), "GEOGCS[".repeat(5000) + "]".repeat(5000));
        String line = oneError(typed + "/deep.shp", "", "info", typed + "/deep.shp");
        assertThat(line).isEqualTo("error: " + typed + "/deep.shp: invalid .prj: WKT nests brackets more than 100"
                + " levels deep (limit)");
    }

    @Test
    void crsOptionNestedFiveThousandDeepIsAUsageError() throws IOException {
        Path csv = Files.copy(TestData.fixture("csv/plants_in_50.csv"), dir.resolve("plants.csv"));
        String[] r = info("info", csv.toString(), "--crs", "PROJCS[".repeat(5000) + "]".repeat(5000));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("error: --crs: invalid CRS WKT: WKT nests brackets more than 100 levels"
                + " deep (limit)");
        assertThat(r[3]).isEmpty();
    }

    @Test
    void geoJsonArraysNestedFiveThousandDeep() throws IOException {
        Files.writeString(dir.resolve("deep.geojson"), "{\"type\":\"Feature\",\"properties\":{\"a\":"
                + "[".repeat(5000) + "]".repeat(5000) + "},\"geometry\":null}");
        oneError(typed + "/deep.geojson", "JSON arrays/objects nest more than 100 levels deep (limit)",
                "info", typed + "/deep.geojson");
    }

    @Test
    void kmlFoldersNestedFiveThousandDeep() throws IOException {
        Files.writeString(dir.resolve("deep.kml"), "<kml><Document>" + "<Folder>".repeat(5000)
                + "</Folder>".repeat(5000) + "</Document></kml>");
        oneError(typed + "/deep.kml", "KML elements nest more than 100 levels deep (limit)", "info", typed + "/deep.kml");
    }

    @Test
    void kmlWithInvalidUtf8IsOneLineWithoutTheParsersFatalErrorLine() throws IOException {
        Files.write(dir.resolve("bad.kml"), "<?xml version=\"1.0\"?>\n<kml><Document><name>caf\u00e9</name></Document></kml>"
                .getBytes(StandardCharsets.ISO_8859_1));
        String line = oneError(typed + "/bad.kml", "line 2, column 25: bytes that are not valid UTF-8",
                "info", typed + "/bad.kml");
        assertThat(line).doesNotContain("[Fatal Error]");
    }

    @Test
    void tiffWhoseDirectoriesLoop() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(TestData.fixture("geotiff/fips_4326_int16.tif")))
                .order(ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        b.putInt(ifd + 2 + 12 * (b.getShort(ifd) & 0xFFFF), ifd);
        Files.write(dir.resolve("loop.tif"), b.array());
        oneError(typed + "/loop.tif", "the directory chain loops", "info", typed + "/loop.tif");
    }

    @Test
    void directoryFifoAndDevicesAreRefusedBeforeReading() throws Exception {
        Files.createDirectories(dir.resolve("folder.shp"));
        oneError(typed + "/folder.shp", "is a directory", "info", typed + "/folder.shp");
        oneError("/dev/zero", "is not a regular file", "info", "/dev/zero");
        oneError("/dev/urandom", "is not a regular file", "info", "/dev/urandom");
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is available");
        oneError(typed + "/pipe.csv", "is not a regular file", "info", typed + "/pipe.csv");
    }

    @Test
    void linkToAnotherFileIsNeverQuoted() throws IOException {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:SECRET-7f3a9c:/root:/bin/bash\n");
        try {
            Files.createSymbolicLink(dir.resolve("passwd.csv"), secret.getFileName());
            Files.createSymbolicLink(dir.resolve("passwd.shp"), secret.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are supported");
        }
        for (String name : new String[] {"passwd.csv", "passwd.shp"}) {
            String line = oneError(typed + "/" + name, "", "info", typed + "/" + name);
            assertThat(line).doesNotContain("SECRET").doesNotContain("root:x:0");
        }
    }

    @Test
    void missingFileKeepsItsFolder() {
        oneError(typed + "/nothing.gpkg", "file not found", "info", typed + "/nothing.gpkg");
    }
}
