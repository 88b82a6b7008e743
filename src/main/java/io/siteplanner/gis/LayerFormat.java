package io.siteplanner.gis;

import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A file format that can be read into a {@link Layer}. Implementations are stateless and thread-safe,
 * have a public no-argument constructor and are listed in
 * {@code META-INF/services/io.siteplanner.gis.LayerFormat}.
 */
public interface LayerFormat {
    /** Short stable id: {@code shapefile}, {@code gpkg}, {@code geojson}, {@code kml}, {@code csv}, {@code geotiff}. */
    String id();

    /** Name for users and file dialogs, e.g. "ESRI Shapefile". */
    String displayName();

    /** Lower-case extensions without dot this format claims, e.g. {@code shp}, {@code zip}. */
    Set<String> extensions();

    /**
     * Cheap check whether this format can read the file, by extension and magic bytes (reads at most a few
     * KB). Must not throw for files of other formats.
     */
    boolean probe(Path file) throws IOException;

    /** Names of the layers inside the file (one for single-layer formats: the file's base name). */
    default List<String> layerNames(Path file) throws IOException {
        return List.of(FormatRegistry.baseName(file));
    }

    /**
     * Reads a whole layer into memory.
     *
     * @throws LayerReadException when the file (or the named layer) cannot be read; the message names the
     *         file and the problem. Records that cannot be read are skipped and counted in the layer's
     *         warnings instead, as long as the file as a whole is readable.
     * @throws io.siteplanner.model.CancelledException when {@code progress} was cancelled
     */
    Layer read(Path file, ReadOptions options, Progress progress) throws IOException;
}
