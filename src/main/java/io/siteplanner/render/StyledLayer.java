package io.siteplanner.render;

import io.siteplanner.model.style.LayerStyle;

/**
 * A prepared layer with its name, role and style, as a project or the demo defines it.
 *
 * @param name    display name
 * @param role    {@link Role}
 * @param layer   data prepared for display
 * @param style   style
 * @param opacity 0..1
 */
public record StyledLayer(String name, Role role, MapLayer layer, LayerStyle style, double opacity) {
    /** What a layer is for. */
    public enum Role { BASEMAP, DATA, CANDIDATES }

    /** A draw snapshot without colour override or selection. */
    public LayerDraw draw() {
        return LayerDraw.of(layer, style, opacity, null, null);
    }
}
