package io.siteplanner.gis.shapefile;

import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** ESRI Shapefile reader (not implemented yet). */
public final class ShapefileFormat implements LayerFormat {
    @Override
    public String id() {
        return "shapefile";
    }

    @Override
    public String displayName() {
        return "ESRI Shapefile";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("shp", "zip");
    }

    @Override
    public boolean probe(Path file) throws IOException {
        return false;
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        throw new LayerReadException(file, "ESRI Shapefile is not supported yet");
    }
}
