/**
 * OGC GeoPackage reading over plain JDBC (xerial sqlite-jdbc), opened read-only.
 * {@link io.siteplanner.gis.gpkg.GeoPackageFormat} is the entry point, registered as a
 * {@link io.siteplanner.gis.LayerFormat}; GeoPackageBinary geometry blobs are decoded by a package-private
 * decoder on top of JTS's WKB reader.
 */
package io.siteplanner.gis.gpkg;
