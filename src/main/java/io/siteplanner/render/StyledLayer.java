package io.siteplanner.render;

import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.project.ProjectLayer.Role;

/**
 * A prepared layer with its name, role and style, as a project or the demo defines it.
 *
 * @param name    display name
 * @param role    what the layer is for (the project's {@link Role})
 * @param layer   data prepared for display
 * @param style   style
 * @param opacity 0..1
 */
public record StyledLayer(String name, Role role, MapLayer layer, LayerStyle style, double opacity) {
    /** A draw snapshot without colour override or selection. */
    public LayerDraw draw() {
        return LayerDraw.of(layer, style, opacity, null, null);
    }
}
