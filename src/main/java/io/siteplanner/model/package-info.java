/**
 * The data model: vector and raster layers, features, typed attributes, progress reporting.
 *
 * <p>Plain Java plus JTS geometries and GeoTools' CRS/coverage API types. Never imports JavaFX, never
 * reads or writes a file format. Everything here is safe to share read-only between threads once built.
 */
package io.siteplanner.model;
