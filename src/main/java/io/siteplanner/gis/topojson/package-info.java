/**
 * TopoJSON reading (<a href="https://github.com/topojson/topojson-specification">TopoJSON specification
 * 1.0</a>), streamed with Jackson's token parser and laid out in layers as GDAL's TopoJSON driver does.
 * {@link io.siteplanner.gis.topojson.TopoJsonFormat} is the entry point, registered as a
 * {@link io.siteplanner.gis.LayerFormat}; properties are typed by the GeoJSON reader's
 * {@link io.siteplanner.gis.geojson.PropertyTable}.
 */
package io.siteplanner.gis.topojson;
