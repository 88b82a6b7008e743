/**
 * Writers for results: ranked sites as CSV ({@link io.siteplanner.export.ResultsCsvWriter}), GeoJSON in
 * EPSG:4326 ({@link io.siteplanner.export.ResultsGeoJsonWriter}) and GeoPackage in the analysis CRS
 * ({@link io.siteplanner.export.ResultsGpkgWriter}), all with the columns of
 * {@link io.siteplanner.export.ResultColumns}; every file is written to a temp file and moved into place.
 */
package io.siteplanner.export;
