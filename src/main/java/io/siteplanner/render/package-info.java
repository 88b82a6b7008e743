/**
 * Map rendering with Java2D into off-screen images, shared by the desktop map (which composites the
 * images on the FX thread) and the {@code render}/PNG export. No JavaFX here.
 *
 * <p>Layers are prepared once for display ({@link io.siteplanner.render.MapLayer}: reprojected to the
 * display CRS, EPSG:3857 by default, with an STRtree for culling); each render takes an immutable
 * snapshot ({@link io.siteplanner.render.LayerDraw}) so a worker thread can draw while the UI changes
 * styles. Vertices closer than half a pixel are dropped while drawing (per-zoom simplification), and
 * features smaller than a pixel are drawn as a single pixel.
 */
package io.siteplanner.render;
