package io.siteplanner.scoring;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Layers already in memory, looked up by the path written in the scenario (layers and join tables). */
public final class MemoryLayerSource implements LayerSource {
    private final Map<String, Layer> byPath = new ConcurrentHashMap<>();

    public MemoryLayerSource put(String path, Layer layer) {
        byPath.put(path, layer);
        return this;
    }

    @Override
    public Layer load(String id, LayerRef ref, Progress progress) throws LayerReadException {
        Layer l = byPath.get(ref.path());
        if (l == null) {
            throw new LayerReadException(Path.of(ref.path()), "file not found");
        }
        return l;
    }

    @Override
    public VectorLayer loadTable(JoinSpec join, Progress progress) throws LayerReadException {
        Layer l = byPath.get(join.path());
        if (!(l instanceof VectorLayer)) {
            throw new LayerReadException(Path.of(join.path()), "file not found");
        }
        return (VectorLayer) l;
    }
}
