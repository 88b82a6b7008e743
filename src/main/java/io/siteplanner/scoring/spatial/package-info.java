/**
 * Spatial kernels of the scoring engine: candidate polygons flattened into primitive arrays, a packed
 * Hilbert R-tree over the points and individual segments of a layer with an exact best-first nearest
 * search (polygon-to-segment distance, DistanceOp semantics), and the parallel chunk runner. Built once
 * per scenario evaluation, read-only afterwards (thread-safe for concurrent queries; each thread uses its
 * own {@link io.siteplanner.scoring.spatial.SegmentIndex.Searcher}).
 */
package io.siteplanner.scoring.spatial;
