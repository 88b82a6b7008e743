/**
 * Candidate cells where no parcel layer exists (like NREL reV or PNNL CERF screening grids): a regular
 * grid of equal-area squares or hexagons ({@link io.siteplanner.scoring.cells.CellGrid}) laid over a region
 * ({@link io.siteplanner.scoring.cells.CellRegion}), minus buffered exclusion layers
 * ({@link io.siteplanner.scoring.cells.Exclusions}), each cell tagged with its county
 * ({@link io.siteplanner.scoring.cells.CountyLocator}). {@link io.siteplanner.scoring.cells.CandidateCells}
 * does the work and streams the cells to a {@link io.siteplanner.scoring.cells.CellSink}, with progress and
 * cancellation, so the CLI and a background task of the desktop app call the same code. Layers come in
 * already read; nothing here reads or writes files. See docs/candidates.md.
 */
package io.siteplanner.scoring.cells;
