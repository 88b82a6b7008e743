package io.siteplanner.scoring;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Layers from files, paths relative to a base folder (the scenario file's folder), read through
 * {@link FormatRegistry#standard()}. CSV join tables are read by the CSV format as attribute tables (tables need no
 * coordinate columns); other tables (GeoPackage attribute tables, shapefiles) through the registry; a
 * {@code .dbf} is read through the shapefile next to it (the registry has no stand-alone DBF format).
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
            return registry.readVector(p, ReadOptions.DEFAULT.asTable(), progress);
        }
        if (ext.equals("dbf")) {
            // a .dbf is read through its shapefile (the registry has no stand-alone DBF format yet)
            Path shp = p.resolveSibling(FormatRegistry.baseName(p) + ".shp");
            if (!java.nio.file.Files.exists(shp)) {
                shp = p.resolveSibling(FormatRegistry.baseName(p) + ".SHP");
            }
            if (!java.nio.file.Files.exists(shp)) {
                throw new io.siteplanner.gis.LayerReadException(p, "a stand-alone .dbf table cannot be read yet;"
                        + " join the shapefile (.shp) it belongs to, or save the table as CSV");
            }
            return registry.readVector(shp, ReadOptions.DEFAULT, progress);
        }
        return registry.readVector(p, ReadOptions.DEFAULT.withLayer(join.layer()), progress);
    }
}
