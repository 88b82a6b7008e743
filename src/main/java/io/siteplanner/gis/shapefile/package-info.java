/**
 * ESRI Shapefile reader written from the ESRI Shapefile Technical Description (1998) and the dBASE III
 * table format; entry point {@link io.siteplanner.gis.shapefile.ShapefileFormat}.
 *
 * <p>Structure: {@code ShapefileFormat} (probe, layer names, .shp or .zip) -&gt; {@code ShapefileFiles}
 * (companion files) or {@code ShapefileZip} (safe extraction into a temp dir) -&gt; {@code ShapefileReader}
 * (header, CRS, encoding, record loop over {@code ShxIndex}) with {@code ShapeDecoder} +
 * {@code RingAssembler} for geometries and {@code DbfCursor} for attributes, all reading through
 * {@code FileWindow} (large positional reads, no memory mapping).
 */
package io.siteplanner.gis.shapefile;
