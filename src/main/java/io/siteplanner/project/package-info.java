/**
 * A SitePlanner project: its layers (copies of the imported data), scenarios, shortlist with notes, layer
 * styles and the map view. Plain immutable data; {@code io.siteplanner.store} reads and writes it as a
 * GeoPackage. Scenario layer references of the form {@code "@name"} point at the project's own layers.
 */
package io.siteplanner.project;
