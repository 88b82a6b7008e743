package io.siteplanner.gis;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one atomic write: readers never see a partial file. The content goes to a hidden temp file in the
 * target's folder, named {@code .<target name>.<pid>.<random>.siteplanner-part} ({@link #isTemp}), which
 * is then moved over the target (atomically where the file system allows). On any failure the temp file
 * is deleted and an existing target is left untouched.
 *
 * <p>A process killed mid-write (kill -9, power loss) cannot delete its temp file; so every write first
 * removes the stale temp files of its folder ({@link #cleanStale}): those whose owning process (the pid in
 * the name) is gone, and any older than {@link #STALE_AFTER} (a reused pid). SQLite side files of a temp
 * ({@code -journal}, {@code -wal}, {@code -shm}) go with it.
 */
public final class AtomicWrite {
    /** Writes the content of a file at the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tempFile) throws IOException;
    }

    /** The suffix of every temp file this class writes. */
    public static final String TEMP_SUFFIX = ".siteplanner-part";
    /** A temp file of a live process older than this is removed too (its pid was reused). */
    public static final Duration STALE_AFTER = Duration.ofHours(24);
    private static final Pattern TEMP = Pattern.compile("^\\..*\\.(\\d{1,19})\\.[0-9a-z]+"
            + Pattern.quote(TEMP_SUFFIX) + "(-journal|-wal|-shm)?$");
    private static final String[] SIDE_FILES = {"-journal", "-wal", "-shm"};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();

    private AtomicWrite() {
    }

    /**
     * Writes {@code target} through a temp file.
     *
     * @throws IOException when writing or moving fails; the message names the target
     */
    public static void write(Path target, Writer writer) throws IOException {
        java.util.LinkedHashMap<Path, Writer> one = new java.util.LinkedHashMap<>();
        one.put(target, writer);
        writeAll(one);
    }

    /**
     * Writes several files that belong together (an image and its world file and .prj): every content goes
     * to its own temp file first, and only when all are written are they moved over their targets, in the
     * map's order (put the main file last). A failure before the moves leaves every target untouched; a kill
     * during the moves (microseconds) can leave some targets new and the rest old, each of them complete.
     *
     * @param files targets and their writers, in the order to move them
     * @throws IOException when writing or moving fails; the message names the target
     */
    public static void writeAll(java.util.LinkedHashMap<Path, Writer> files) throws IOException {
        List<Path> targets = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        try {
            for (var e : files.entrySet()) {
                Path abs = e.getKey().toAbsolutePath();
                Path dir = abs.getParent();
                if (dir != null && !Files.isDirectory(dir)) {
                    throw new IOException(e.getKey() + ": output folder " + dir + " does not exist");
                }
                cleanStale(dir);
                Path tmp = createTemp(abs);
                temps.add(tmp);
                targets.add(abs);
                Files.deleteIfExists(tmp);
                e.getValue().write(tmp);
                if (!Files.exists(tmp)) {
                    throw new IOException(e.getKey() + ": nothing was written");
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                move(temps.get(i), targets.get(i));
            }
        } finally {
            for (Path tmp : temps) {
                delete(tmp);
            }
        }
    }

    /** Whether a file name is one of our temp files (or one of its SQLite side files). */
    public static boolean isTemp(String fileName) {
        return TEMP.matcher(fileName).matches();
    }

    /**
     * Removes the temp files in {@code dir} left by processes that are gone, or older than
     * {@link #STALE_AFTER}. Errors (a file another process just removed, no permission) are ignored: this
     * is housekeeping and never fails a write.
     *
     * @return the number of files removed
     */
    public static int cleanStale(Path dir) {
        if (dir == null) {
            return 0;
        }
        List<Path> stale = new ArrayList<>();
        Instant old = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX + "*")) {
            for (Path p : ds) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean alive = pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive || Files.getLastModifiedTime(p).toInstant().isBefore(old)) {
                    stale.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int n = 0;
        for (Path p : stale) {
            try {
                if (Files.deleteIfExists(p)) {
                    n++;
                }
            } catch (IOException e) {
                // left for the next write
            }
        }
        return n;
    }

    /** Creates a fresh temp file for {@code target} in its folder. */
    private static Path createTemp(Path target) throws IOException {
        String name = target.getFileName().toString();
        if (name.length() > 120) {
            name = name.substring(0, 120); // file names stay under the 255-byte limit of most file systems
        }
        for (int attempt = 0; ; attempt++) {
            String rnd = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
            Path tmp = target.resolveSibling("." + name + "." + PID + "." + rnd + TEMP_SUFFIX);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void delete(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        // SQLite-based writers may leave their rollback journal / WAL beside the temp file
        for (String side : SIDE_FILES) {
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + side));
        }
    }

    /** Moves {@code tmp} over {@code target} atomically when the file system allows, else by replace. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
