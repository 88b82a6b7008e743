package io.siteplanner.ui.map;

/**
 * A map tool that takes the map's clicks instead of identify (dragging still pans, the wheel still zooms)
 * and draws on the overlay; Esc cancels it. Coordinates are in the display CRS.
 */
public interface MapTool extends MapOverlay {
    /** A click (not a drag) at a map point; {@code clicks} is 2 for a double-click. */
    void click(double x, double y, int clicks);

    /** The pointer moved to a map point (for a rubber band). */
    default void move(double x, double y) {
    }

    /** Esc was pressed on the map. */
    default void cancel() {
    }
}
