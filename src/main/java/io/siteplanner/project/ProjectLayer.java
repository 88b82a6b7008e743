package io.siteplanner.project;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.LayerStyle;
import java.util.Objects;

/**
 * A layer of a project with how it is shown.
 *
 * @param name    unique name in the project; also its GeoPackage table name (letters, digits, _)
 * @param role    basemap, data or candidates
 * @param layer   the data (any CRS; stored in its own CRS)
 * @param style   how it is drawn
 * @param visible shown on the map
 * @param opacity 0..1
 */
public record ProjectLayer(String name, Role role, VectorLayer layer, LayerStyle style, boolean visible, double opacity) {
    /**
     * What a layer is for: the one role type of the code base (the layer tree, the map and exports use it
     * too).
     */
    public enum Role { BASEMAP, DATA, CANDIDATES }

    public ProjectLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(style, "style");
    }
}
