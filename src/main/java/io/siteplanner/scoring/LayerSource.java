package io.siteplanner.scoring;

import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import java.io.IOException;

/**
 * Where the scenario's layers come from: files next to the scenario ({@link FileLayerSource}) or layers
 * already in memory (the desktop app, tests: {@link MemoryLayerSource}). Implementations are thread-safe:
 * layers are loaded concurrently.
 */
public interface LayerSource {
    /** Loads a layer (vector or raster) in its source CRS. */
    Layer load(String id, LayerRef ref, Progress progress) throws IOException;

    /** Loads an attribute table for a join (geometry ignored). */
    VectorLayer loadTable(JoinSpec join, Progress progress) throws IOException;
}
