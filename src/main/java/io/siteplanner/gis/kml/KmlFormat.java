package io.siteplanner.gis.kml;

import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** KML/KMZ reader (not implemented yet). */
public final class KmlFormat implements LayerFormat {
    @Override
    public String id() {
        return "kml";
    }

    @Override
    public String displayName() {
        return "KML/KMZ";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("kml", "kmz");
    }

    @Override
    public boolean probe(Path file) throws IOException {
        return false;
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        throw new LayerReadException(file, "KML/KMZ is not supported yet");
    }
}
