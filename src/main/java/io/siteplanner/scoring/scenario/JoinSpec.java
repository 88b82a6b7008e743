package io.siteplanner.scoring.scenario;

import java.util.List;

/**
 * A table join onto a layer, as in QGIS: rows of a table (CSV, DBF, GeoPackage attribute table) matched
 * by key; the named fields are appended to the layer's features.
 *
 * @param path     table file, relative to the scenario file
 * @param layer    table name inside a multi-table file (GeoPackage), null = first
 * @param layerKey key field in the layer
 * @param tableKey key field in the table
 * @param fields   table fields to append; empty = all but the key
 * @param prefix   prefix for the appended field names ("" = none)
 */
public record JoinSpec(String path, String layer, String layerKey, String tableKey, List<String> fields,
        String prefix) {
    public JoinSpec {
        fields = fields == null ? List.of() : List.copyOf(fields);
        prefix = prefix == null ? "" : prefix;
    }
}
