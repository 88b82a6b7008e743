/**
 * Optional XYZ tile basemaps (when a network exists): URL template, disk cache, attribution and an
 * offline fallback to cached tiles of lower zooms. Drawn under the vector layers by
 * {@link io.siteplanner.render.MapRenderer}.
 */
package io.siteplanner.render.tiles;
