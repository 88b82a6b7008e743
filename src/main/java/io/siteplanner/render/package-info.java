/**
 * Map rendering with Java2D into off-screen images, shared by the desktop map (which composites the
 * images on the FX thread) and the {@code render}/PNG export. No JavaFX here.
 *
 * <p>Layers are prepared once for display ({@link io.siteplanner.render.MapLayer}: reprojected to the
 * display CRS, EPSG:3857 by default, with an STRtree for culling); each render takes an immutable
 * snapshot ({@link io.siteplanner.render.LayerDraw}) so a worker thread can draw while the UI changes
 * styles. Vertices closer than half a pixel are dropped while drawing (per-zoom simplification), and
 * features smaller than a pixel are drawn as a single pixel. Recognised public layers get their standard
 * style ({@link io.siteplanner.render.DefaultStyles}, described by {@link io.siteplanner.render.Legend});
 * boundaries and places are labelled without collisions ({@link io.siteplanner.render.Labels}); a north
 * arrow, the attribution of the data shown and, on printed maps, a scale bar and legend are drawn on top
 * ({@link io.siteplanner.render.MapDecorations}).
 */
package io.siteplanner.render;
