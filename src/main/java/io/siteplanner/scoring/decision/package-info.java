/**
 * Decision support over an evaluated scenario, from its columns (no spatial work): rank robustness by Monte
 * Carlo over weights and inputs (SMAA-2, {@link io.siteplanner.scoring.decision.Robustness}), what single
 * change would put one site ahead of another ({@link io.siteplanner.scoring.decision.WhatWouldChange}) and
 * one-at-a-time weight sweeps ({@link io.siteplanner.scoring.decision.WeightSweep}). Everything re-scores
 * exactly as {@link io.siteplanner.scoring.ScoringSession} would (through
 * {@link io.siteplanner.scoring.ColumnSnapshot}); long work reports progress and honours cancellation through
 * {@link io.siteplanner.model.Progress}. See docs/decision.md.
 */
package io.siteplanner.scoring.decision;
