/**
 * Time to power: months from now until a campus can be energized, by connection path, from task-duration
 * distributions (study, permitting, construction, transformer lead time) simulated by Monte Carlo with a
 * seed. See {@link io.siteplanner.scoring.power.TimeToPowerModel} and docs/time-to-power.md; the criterion
 * is {@code io.siteplanner.scoring.criteria.TimeToPowerCriterion}.
 */
package io.siteplanner.scoring.power;
