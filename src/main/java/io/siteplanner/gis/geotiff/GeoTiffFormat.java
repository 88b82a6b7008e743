package io.siteplanner.gis.geotiff;

import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** GeoTIFF reader (not implemented yet). */
public final class GeoTiffFormat implements LayerFormat {
    @Override
    public String id() {
        return "geotiff";
    }

    @Override
    public String displayName() {
        return "GeoTIFF";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("tif", "tiff");
    }

    @Override
    public boolean probe(Path file) throws IOException {
        return false;
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        throw new LayerReadException(file, "GeoTIFF is not supported yet");
    }
}
