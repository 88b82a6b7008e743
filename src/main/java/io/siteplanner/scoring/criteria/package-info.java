/**
 * One {@link io.siteplanner.scoring.criteria.CriterionEvaluator} per criterion kind (area, attribute, distance,
 * nearest attribute, zone attribute, raster, overlap, grid headroom, interconnection cost, energy cost, TCO).
 * A new kind is one new class registered in {@code CriterionEvaluator.Registry}.
 */
package io.siteplanner.scoring.criteria;
