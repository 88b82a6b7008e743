package io.siteplanner.project;

/**
 * The saved map view: centre and resolution in the display CRS (EPSG:3857, metres per pixel).
 */
public record MapView(double centerX, double centerY, double resolution) {
}
