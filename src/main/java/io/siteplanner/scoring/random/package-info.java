/**
 * Reproducible random numbers for the Monte Carlo tools: SplitMix64 streams addressed by counters
 * ({@link io.siteplanner.scoring.random.SplitMix64}), so that a value depends only on the seed and on what
 * it is for (draw, criterion, site), never on thread scheduling or on which other values were drawn; and
 * the distributions built on it ({@link io.siteplanner.scoring.random.Distributions}). Everything is
 * specified here down to the bit, so results are the same on every JDK.
 */
package io.siteplanner.scoring.random;
