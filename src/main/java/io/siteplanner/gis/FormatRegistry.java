package io.siteplanner.gis;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the {@link LayerFormat} for a file and reads it. Formats come from {@link ServiceLoader}; a
 * format that misbehaves (throws from {@code probe}) is logged and skipped. Thread-safe.
 */
public final class FormatRegistry {
    private static final Logger LOG = Logger.getLogger(FormatRegistry.class.getName());
    private static final FormatRegistry DEFAULT = new FormatRegistry(loadFormats());

    private final List<LayerFormat> formats;

    public FormatRegistry(List<LayerFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** The registry with every format on the class path. */
    public static FormatRegistry standard() {
        return DEFAULT;
    }

    private static List<LayerFormat> loadFormats() {
        List<LayerFormat> out = new ArrayList<>();
        for (LayerFormat f : ServiceLoader.load(LayerFormat.class, FormatRegistry.class.getClassLoader())) {
            out.add(f);
        }
        return out;
    }

    public List<LayerFormat> formats() {
        return formats;
    }

    public Optional<LayerFormat> byId(String id) {
        return formats.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * The format for a file: formats claiming its extension are probed first, then all others.
     *
     * @throws LayerReadException when the file is missing, empty, a directory, not a regular file (a FIFO,
     *         a device such as {@code /dev/zero}, a socket: refused before anything reads from it, so it
     *         cannot block or stream forever), or no format recognises it
     */
    public LayerFormat formatFor(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new LayerReadException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new LayerReadException(file, "is a directory, not a data file");
        }
        if (!Files.isRegularFile(file)) {
            throw new LayerReadException(file, "is not a regular file (a device, pipe or socket); give a data file");
        }
        if (!Files.isReadable(file)) {
            throw new LayerReadException(file, "file is not readable (permissions)");
        }
        if (Files.size(file) == 0) {
            throw new LayerReadException(file, "file is empty (0 bytes)");
        }
        String ext = extension(file);
        List<LayerFormat> claiming = new ArrayList<>();
        List<LayerFormat> others = new ArrayList<>();
        for (LayerFormat f : formats) {
            (f.extensions().contains(ext) ? claiming : others).add(f);
        }
        for (LayerFormat f : claiming) {
            if (safeProbe(f, file)) {
                return f;
            }
        }
        for (LayerFormat f : others) {
            if (safeProbe(f, file)) {
                return f;
            }
        }
        if (!claiming.isEmpty()) {
            throw new LayerReadException(file, "not a valid " + claiming.get(0).displayName()
                    + " file (content does not match the ." + ext + " extension)");
        }
        throw new LayerReadException(file, "unrecognised file format (supported: " + supportedList() + ")");
    }

    private static boolean safeProbe(LayerFormat f, Path file) {
        try {
            return f.probe(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "format " + f.id() + " failed to probe " + file, e);
            return false;
        }
    }

    /** Names of the layers inside a file. */
    public List<String> layerNames(Path file) throws IOException {
        LayerFormat f = formatFor(file);
        return guard(file, () -> f.layerNames(file));
    }

    /** Reads a layer with default options. */
    public Layer read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT, Progress.NONE);
    }

    /**
     * Reads a layer. Any unexpected runtime failure of a reader becomes a {@link LayerReadException}
     * naming the file, so callers never see a raw stack trace. Readers enforce {@link Limits} themselves;
     * a {@link StackOverflowError} or {@link OutOfMemoryError} that still escapes one is turned into a
     * {@code LayerReadException} here as a last line of defence.
     */
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        LayerFormat f = formatFor(file);
        return guard(file, () -> f.read(file, options, progress));
    }

    /** Reads a layer that must be vector. */
    public VectorLayer readVector(Path file, ReadOptions options, Progress progress) throws IOException {
        Layer l = read(file, options, progress);
        if (!(l instanceof VectorLayer)) {
            throw new LayerReadException(file, "is a raster; a vector layer is needed here");
        }
        return (VectorLayer) l;
    }

    interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T guard(Path file, IoCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (LayerReadException | CancelledException e) {
            throw e;
        } catch (IOException e) {
            throw new LayerReadException(file, describe(e), e);
        } catch (OutOfMemoryError e) {
            throw new LayerReadException(file, "too large to load into memory", e);
        } catch (StackOverflowError e) {
            throw new LayerReadException(file, "nested too deeply to read (more than " + Limits.MAX_NESTING
                    + " levels is not supported)", e);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "reader failed on " + file, e);
            throw new LayerReadException(file, "cannot be read: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return Snippets.library(e);
    }

    private String supportedList() {
        List<String> names = new ArrayList<>();
        for (LayerFormat f : formats) {
            names.add(f.displayName());
        }
        return String.join(", ", names);
    }

    /** Lower-case extension without the dot, "" when none. */
    public static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** File name without its (last) extension. */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
