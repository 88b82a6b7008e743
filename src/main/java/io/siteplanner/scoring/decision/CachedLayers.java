package io.siteplanner.scoring.decision;

import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.LayerSource;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A layer source that reads each layer and join table once and hands out the same objects afterwards, for
 * evaluating one scenario several times (e.g. once per IT-load level) without reading files again. Layers
 * are immutable, so sharing them is safe. Thread-safe.
 */
public final class CachedLayers implements LayerSource {
    private final LayerSource source;
    private final Map<LayerRef, Layer> layers = new ConcurrentHashMap<>();
    private final Map<JoinSpec, VectorLayer> tables = new ConcurrentHashMap<>();

    public CachedLayers(LayerSource source) {
        this.source = source;
    }

    @Override
    public Layer load(String id, LayerRef ref, Progress progress) throws IOException {
        Layer l = layers.get(ref);
        if (l == null) {
            l = source.load(id, ref, progress);
            layers.put(ref, l);
        }
        return l;
    }

    @Override
    public VectorLayer loadTable(JoinSpec join, Progress progress) throws IOException {
        VectorLayer t = tables.get(join);
        if (t == null) {
            t = source.loadTable(join, progress);
            tables.put(join, t);
        }
        return t;
    }
}
