package io.siteplanner.export;

import io.siteplanner.render.MapLayer;
import io.siteplanner.render.StyledLayer;
import java.util.List;
import java.util.Objects;

/**
 * The map of an export: layers bottom first (as the map shows them) and the candidate sites layer, whose
 * feature i is site i of the result. The candidates are drawn coloured by score where they appear in
 * {@code layers} (the layer whose {@link StyledLayer#layer()} is {@code candidates}), or on top when they
 * are not in the list.
 *
 * @param layers     drawing order, bottom first (may be empty)
 * @param candidates the candidates prepared for display (EPSG:3857)
 */
public record MapContent(List<StyledLayer> layers, MapLayer candidates) {
    public MapContent {
        layers = List.copyOf(layers);
        Objects.requireNonNull(candidates, "candidates");
    }

    /** The map with its candidates taken from the layer with role {@link StyledLayer.Role#CANDIDATES} (the last one). */
    public static MapContent of(List<StyledLayer> layers) {
        MapLayer c = null;
        for (StyledLayer l : layers) {
            if (l.role() == io.siteplanner.project.ProjectLayer.Role.CANDIDATES) {
                c = l.layer();
            }
        }
        if (c == null) {
            throw new IllegalArgumentException("the map has no candidates layer");
        }
        return new MapContent(layers, c);
    }
}
