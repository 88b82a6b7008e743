package io.siteplanner.model.scenario;

import java.util.List;

/**
 * A layer of the scenario: a file (relative to the scenario file), optionally a layer inside it, a CRS to
 * assume when the file has none, and table joins.
 *
 * @param path  file path as written in the scenario
 * @param layer layer/table inside the file, null = first
 * @param crs   CRS to assume when the file declares none (e.g. {@code EPSG:4326} for a CSV), null = reader default
 * @param joins table joins applied in order (empty = none)
 */
public record LayerRef(String path, String layer, String crs, List<JoinSpec> joins) {
    public LayerRef {
        joins = joins == null ? List.of() : List.copyOf(joins);
    }

    public static LayerRef of(String path) {
        return new LayerRef(path, null, null, List.of());
    }
}
