package io.siteplanner.scoring.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer of the scenario: a file (relative to the scenario file), optionally a layer inside it, a CRS to
 * assume when the file has none, table joins, no-data values and computed fields.
 *
 * @param path   file path as written in the scenario
 * @param layer  layer/table inside the file, null = first
 * @param crs    CRS to assume when the file declares none (e.g. {@code EPSG:4326} for a CSV), null = reader default
 * @param joins  table joins applied in order (empty = none)
 * @param nodata field name to values that mean "unknown" (e.g. {@code VOLTAGE: [-999999]}); they read as
 *               empty. Added to the defaults of well-known public layers
 * @param fields computed fields: name to an ECQL expression over the layer's fields (after joins), e.g.
 *               {@code density: "POPULATION / ALAND"}, in file order; later ones may use earlier ones
 */
public record LayerRef(String path, String layer, String crs, List<JoinSpec> joins, Map<String, List<Double>> nodata,
        Map<String, String> fields) {
    public LayerRef {
        joins = joins == null ? List.of() : List.copyOf(joins);
        nodata = nodata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(nodata));
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public LayerRef(String path, String layer, String crs, List<JoinSpec> joins) {
        this(path, layer, crs, joins, null, null);
    }

    public static LayerRef of(String path) {
        return new LayerRef(path, null, null, List.of());
    }
}
