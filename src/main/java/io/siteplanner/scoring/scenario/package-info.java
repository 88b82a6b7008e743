/**
 * The scenario: plain immutable data describing a campus, the layers, the criteria, constraints, weights
 * and the scoring method. Parsed from and written to JSON by {@code io.siteplanner.store.ScenarioReader} and {@code ScenarioWriter};
 * documented in {@code docs/scenario.md}. No behaviour here beyond defaults and small look-ups.
 */
package io.siteplanner.scoring.scenario;
