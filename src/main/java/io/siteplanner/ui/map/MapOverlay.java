package io.siteplanner.ui.map;

import io.siteplanner.render.Viewport;
import javafx.scene.canvas.GraphicsContext;

/** Something drawn over the map image in screen pixels (a highlight, a measured line), redrawn as the view moves. */
@FunctionalInterface
public interface MapOverlay {
    void draw(GraphicsContext g, Viewport v);
}
