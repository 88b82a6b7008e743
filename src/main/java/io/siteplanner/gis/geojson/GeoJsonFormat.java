package io.siteplanner.gis.geojson;

import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** GeoJSON reader (not implemented yet). */
public final class GeoJsonFormat implements LayerFormat {
    @Override
    public String id() {
        return "geojson";
    }

    @Override
    public String displayName() {
        return "GeoJSON";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("geojson", "json");
    }

    @Override
    public boolean probe(Path file) throws IOException {
        return false;
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        throw new LayerReadException(file, "GeoJSON is not supported yet");
    }
}
