package io.siteplanner.scoring;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.scenario.JoinSpec;
import io.siteplanner.model.scenario.LayerRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Layers from files, paths relative to a base folder (the scenario file's folder), read through
 * {@link FormatRegistry#standard()}. CSV join tables are read by {@link CsvTable} (tables need no
 * coordinate columns); other tables (DBF, GeoPackage attribute tables) through the registry.
 */
public final class FileLayerSource implements LayerSource {
    private final Path baseDir;
    private final FormatRegistry registry;

    public FileLayerSource(Path baseDir) {
        this(baseDir, FormatRegistry.standard());
    }

    public FileLayerSource(Path baseDir, FormatRegistry registry) {
        this.baseDir = baseDir == null ? Path.of("") : baseDir;
        this.registry = registry;
    }

    /** The file a scenario path points to. */
    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    @Override
    public Layer load(String id, LayerRef ref, Progress progress) throws IOException {
        ReadOptions o = ReadOptions.DEFAULT.withLayer(ref.layer()).withCrs(ref.crs());
        return registry.read(resolve(ref.path()), o, progress);
    }

    @Override
    public VectorLayer loadTable(JoinSpec join, Progress progress) throws IOException {
        Path p = resolve(join.path());
        String ext = FormatRegistry.extension(p).toLowerCase(Locale.ROOT);
        if (ext.equals("csv") || ext.equals("tsv") || ext.equals("txt")) {
            return CsvTable.read(p);
        }
        return registry.readVector(p, ReadOptions.DEFAULT.withLayer(join.layer()), progress);
    }
}
