package io.siteplanner.gis.csv;

import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** CSV (coordinates or WKT) reader (not implemented yet). */
public final class CsvFormat implements LayerFormat {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String displayName() {
        return "CSV (coordinates or WKT)";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("csv", "tsv", "txt");
    }

    @Override
    public boolean probe(Path file) throws IOException {
        return false;
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        throw new LayerReadException(file, "CSV (coordinates or WKT) is not supported yet");
    }
}
