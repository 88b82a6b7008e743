/**
 * GeoJSON reading (RFC 7946 and the 2008 legacy specification), streamed with Jackson's token parser.
 * {@link io.siteplanner.gis.geojson.GeoJsonFormat} is the entry point, registered as a
 * {@link io.siteplanner.gis.LayerFormat}.
 */
package io.siteplanner.gis.geojson;
