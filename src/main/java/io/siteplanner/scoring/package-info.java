/**
 * The scoring engine: scenario data ({@code io.siteplanner.scoring.scenario}, read and written by {@code io.siteplanner.store.ScenarioReader}/{@code ScenarioWriter}), evaluation of criteria into
 * columns ({@link io.siteplanner.scoring.ScenarioEvaluator} → {@link io.siteplanner.scoring.ScoringSession}),
 * transforms, weights (direct, {@link io.siteplanner.scoring.Ahp}), methods (weighted sum, TOPSIS, OWA),
 * constraints, ranking and explanations ({@link io.siteplanner.scoring.ScoreResult}), and the grid/cost rules
 * of thumb ({@link io.siteplanner.scoring.GridModel}). Layers come in through a
 * {@link io.siteplanner.scoring.LayerSource} (files via the format registry, or memory); nothing here
 * writes files except scenario JSON. Errors in a scenario are
 * {@link io.siteplanner.scoring.ScenarioException}s carrying the JSON path. See docs/scenario.md.
 */
package io.siteplanner.scoring;
