/**
 * KML 2.2 and KMZ: {@link io.siteplanner.gis.kml.KmlFormat} (rules there), a StAX walk hardened against
 * XXE, geometry and coordinate parsing, and in-memory KMZ access with zip-bomb and path guards.
 */
package io.siteplanner.gis.kml;
