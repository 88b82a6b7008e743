/**
 * Exports of scored sites, shared by the desktop app and the CLI. {@link io.siteplanner.export.SitesExport}
 * is the entry point: CSV ({@link io.siteplanner.export.ResultsCsvWriter}), GeoJSON in EPSG:4326
 * ({@link io.siteplanner.export.ResultsGeoJsonWriter}), GeoPackage in the analysis CRS
 * ({@link io.siteplanner.export.ResultsGpkgWriter}), KML 2.2 for Google Earth
 * ({@link io.siteplanner.export.SitesKmlWriter}), a PDF report ({@link io.siteplanner.export.PdfReport}) and
 * PNG maps ({@link io.siteplanner.export.MapImages}, {@link io.siteplanner.export.PngExport}). The table
 * formats carry the columns of a {@link io.siteplanner.export.SiteTable}. Every file is written to a temp
 * file and moved into place ({@link io.siteplanner.export.AtomicWrite}).
 */
package io.siteplanner.export;
