package io.siteplanner.gis.preset;

import java.util.List;

/**
 * How a recognised attribute table joins to a boundary layer (a scenario {@code join}): the table's key
 * and the key fields the boundary layers usually have.
 *
 * @param to        theme of the layer it joins to (states, counties)
 * @param tableKey  key field of the table
 * @param layerKeys key fields of the boundary layer, first found wins (e.g. {@code GEOID}, {@code id})
 * @param fields    the table's fields worth joining
 * @param note      one line for the user
 */
public record JoinHint(Theme to, String tableKey, List<String> layerKeys, List<String> fields, String note) {
    public JoinHint {
        layerKeys = List.copyOf(layerKeys);
        fields = List.copyOf(fields);
    }
}
