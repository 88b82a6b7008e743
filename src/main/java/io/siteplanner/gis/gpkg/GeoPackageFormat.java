package io.siteplanner.gis.gpkg;

import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** GeoPackage reader (not implemented yet). */
public final class GeoPackageFormat implements LayerFormat {
    @Override
    public String id() {
        return "gpkg";
    }

    @Override
    public String displayName() {
        return "GeoPackage";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("gpkg");
    }

    @Override
    public boolean probe(Path file) throws IOException {
        return false;
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        throw new LayerReadException(file, "GeoPackage is not supported yet");
    }
}
