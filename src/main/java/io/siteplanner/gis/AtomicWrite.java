package io.siteplanner.gis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file so that readers never see a partial file: the content goes to a temp file in the
 * target's directory, which is then moved over the target (atomically where the file system allows).
 * On any failure the temp file is deleted and an existing target is left untouched.
 */
public final class AtomicWrite {
    /** Writes the content of a file at the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tempFile) throws IOException;
    }

    private AtomicWrite() {
    }

    /**
     * Writes {@code target} through a temp file.
     *
     * @throws IOException when writing or moving fails; the message names the target
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(target + ": output folder " + dir + " does not exist");
        }
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = dot > 0 ? name.substring(dot) : ".tmp";
        Path tmp = Files.createTempFile(dir, "." + (dot > 0 ? name.substring(0, dot) : name) + "-", suffix + ".part");
        boolean done = false;
        try {
            Files.deleteIfExists(tmp); // writers that create their own file (SQLite) want no file there
            writer.write(tmp);
            if (!Files.exists(tmp)) {
                throw new IOException(target + ": nothing was written");
            }
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
                // SQLite-based writers may leave their rollback journal / WAL beside the temp file
                for (String side : new String[] {"-journal", "-wal", "-shm"}) {
                    Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + side));
                }
            }
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
