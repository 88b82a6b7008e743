/**
 * GIS formats and coordinate reference systems.
 *
 * <p>One {@link io.siteplanner.gis.LayerFormat} per file format, found through {@code META-INF/services}
 * by the {@link io.siteplanner.gis.FormatRegistry}, which picks a format by extension and content.
 * {@link io.siteplanner.gis.Crs} wraps GeoTools referencing with longitude-first axis order everywhere.
 * Errors are {@link io.siteplanner.gis.LayerReadException}s naming the file and the problem.
 */
package io.siteplanner.gis;
