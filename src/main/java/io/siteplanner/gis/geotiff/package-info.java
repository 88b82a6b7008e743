/**
 * GeoTIFF rasters: {@link io.siteplanner.gis.geotiff.GeoTiffFormat} reads them through GeoTools after a
 * structural check of the TIFF, and {@link io.siteplanner.gis.RasterSampler} reads cell values at
 * points and zonal statistics over polygons.
 */
package io.siteplanner.gis.geotiff;
