/**
 * Presets for the public layers planners actually have: {@link io.siteplanner.gis.preset.Presets#detect}
 * recognises a layer by its fields and gives a {@link io.siteplanner.gis.preset.Preset} (theme, key fields
 * with units and no-data values, derived fields, joins, suggested criteria). Plain data: styles are drawn
 * from it by the render package, criteria built from its templates by the scoring package.
 */
package io.siteplanner.gis.preset;
