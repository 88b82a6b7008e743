package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.AtomicWrite;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing lost: a child JVM ({@link KillChild}) saves the project or exports the demo scenario over and
 * over, and is killed (SIGKILL, {@link Process#destroyForcibly}) at a random moment (seeded). After every
 * kill the target is the complete old file or the complete new one (compared with reference writes made
 * in this JVM: the same bytes, or for PDF and SQLite files the same text/rows, since they carry dates);
 * after the next write to the same folder no temp file is left beside it.
 *
 * <p>{@code -Dsiteplanner.kills=20} runs the 20 kills per kind (about 7 minutes here); the
 * default suite runs {@value #DEFAULT_KILLS}.
 */
class NothingLostTest {
    static final int DEFAULT_KILLS = 1;
    static final Path SCENARIO = Path.of("maps/demo/scenario-300mw-ms.json").toAbsolutePath();
    static final Path PROJECT = Path.of("maps/demo.siteplan.gpkg").toAbsolutePath();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"save", "csv", "geojson", "gpkg", "kml", "pdf", "png"})
    void killedMidWriteLeavesTheOldOrTheNewFileAndTheNextWriteCleansUp(String kind) throws Exception {
        int kills = Integer.getInteger("siteplanner.kills", DEFAULT_KILLS);
        String ext = kind.equals("save") ? "siteplan.gpkg" : kind;
        Path refs = Files.createDirectories(tmp.resolve("refs"));
        Path oldRef = refs.resolve("old." + ext);
        Path newRef = refs.resolve("new." + ext);
        new KillChild(kind, "old", SCENARIO, PROJECT).write(oldRef);
        KillChild newer = new KillChild(kind, "new", SCENARIO, PROJECT);
        long t0 = System.nanoTime();
        newer.write(newRef);
        long writeMs = Math.max(30, (System.nanoTime() - t0) / 1_000_000);
        String oldKey = key(kind, oldRef);
        String newKey = key(kind, newRef);
        assertThat(oldKey).as("old and new references differ").isNotEqualTo(newKey);

        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path target = dir.resolve("target." + ext);
        Random rnd = new Random(20261201L + kind.hashCode());
        int old = 0;
        int fresh = 0;
        int leftTemps = 0;
        for (int k = 0; k < kills; k++) {
            Files.copy(oldRef, target, StandardCopyOption.REPLACE_EXISTING);
            copySidecars(kind, oldRef, target);
            long delay = (long) (rnd.nextDouble() * writeMs * 2.5);
            runAndKill(kind, target, delay);
            String got = key(kind, target);
            assertThat(got).as("kill %d of %s after %d ms: the old or the new file", k, kind, delay).isIn(oldKey, newKey);
            if (got.equals(oldKey)) {
                old++;
            } else {
                fresh++;
            }
            leftTemps += temps(dir).size();
        }
        // the next run writing to this folder removes what the killed ones left
        newer.write(target);
        assertThat(key(kind, target)).isEqualTo(newKey);
        assertThat(temps(dir)).as("temp files after the next write").isEmpty();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .as("hidden files left beside the target").isEmpty();
        }
        System.out.printf(Locale.ROOT, "nothing-lost %s: %d kills (write %d ms in-process): %d old, %d new;"
                + " temp files seen after kills: %d, after the next write: 0%n", kind, kills, writeMs, old, fresh, leftTemps);
    }

    /** Starts the child, waits for it to be ready, lets it write for {@code delayMs}, then kills it. */
    static void runAndKill(String kind, Path target, long delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), KillChild.class.getName(),
                kind, "new", target.toString(), "0", SCENARIO.toString(), PROJECT.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = r.readLine()) != null && !line.equals("ready")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child ready; it printed:\n" + seen).isEqualTo("ready");
            Thread.sleep(delayMs);
            p.destroyForcibly();
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    static List<String> temps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(AtomicWrite::isTemp).toList();
        }
    }

    static void copySidecars(String kind, Path from, Path to) throws IOException {
        if (kind.equals("png")) {
            for (String ext : new String[] {".pgw", ".prj"}) {
                Path f = sidecar(from, ext);
                Files.copy(f, sidecar(to, ext), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static Path sidecar(Path png, String ext) {
        String n = png.getFileName().toString();
        return png.resolveSibling(n.substring(0, n.length() - 4) + ext);
    }

    /**
     * What a complete file holds, as a comparable string: the bytes (CSV, GeoJSON, KML, PNG with its world
     * file and .prj), the text of every page (PDF, whose ID and dates change per write), or the rows of
     * every table after an integrity check (GeoPackages, whose timestamps change per write).
     */
    static String key(String kind, Path f) throws Exception {
        switch (kind) {
            case "pdf":
                try (PDDocument d = Loader.loadPDF(new File(f.toString()))) {
                    return d.getNumberOfPages() + "\n" + new PDFTextStripper().getText(d);
                }
            case "gpkg":
            case "save":
                return sqliteRows(f);
            case "png":
                return sha(Files.readAllBytes(f)) + " " + sha(Files.readAllBytes(sidecar(f, ".pgw")))
                        + " " + sha(Files.readAllBytes(sidecar(f, ".prj")));
            default:
                return sha(Files.readAllBytes(f));
        }
    }

    static String sha(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    static String sqliteRows(Path f) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + f + "?mode=ro", props());
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).as("integrity of " + f).isEqualTo("ok");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                sb.append("# ").append(t).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            String s = v instanceof byte[] ? sha((byte[]) v) : String.valueOf(v);
                            sb.append(s.replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?", "<time>"))
                                    .append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static java.util.Properties props() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("open_mode", "1");
        return p;
    }

    static String names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return Arrays.toString(s.map(p -> p.getFileName().toString()).sorted().toArray());
        }
    }
}
