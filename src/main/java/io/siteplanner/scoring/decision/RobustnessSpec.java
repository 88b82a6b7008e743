package io.siteplanner.scoring.decision;

import java.util.List;

/**
 * What a rank-robustness run draws.
 *
 * @param draws      number of Monte Carlo draws (1 .. 10,000,000)
 * @param seed       seed: the same seed and inputs give the same figures
 * @param k          the "top k" of P(top k) (&gt;= 1)
 * @param rankDepth  ranks are tracked exactly down to this rank (&gt;= k); a site's rank beyond it counts as
 *                   "beyond the depth" (its median or 95th percentile is then reported as rankDepth + 1)
 * @param weights    the weight draws
 * @param variations input variations (criteria and/or {@value Variation#IT_LOAD})
 * @param shape      distribution of the variation factors
 * @param loadLevels number of equally likely IT-load levels when the IT load varies (odd numbers include 1)
 */
public record RobustnessSpec(int draws, long seed, int k, int rankDepth, WeightModel weights,
        List<Variation> variations, Variation.Shape shape, int loadLevels) {
    /** Default number of draws. */
    public static final int DEFAULT_DRAWS = 10_000;
    /** Default k. */
    public static final int DEFAULT_K = 10;
    /** Default seed. */
    public static final long DEFAULT_SEED = 1;
    /** Default weight spread (coefficient of variation, see {@link WeightModel}). */
    public static final double DEFAULT_SPREAD = 0.25;
    /** Default number of load levels. */
    public static final int DEFAULT_LOAD_LEVELS = 5;
    /** Default rank depth: at least this deep, and at least 3 k. */
    public static final int DEFAULT_RANK_DEPTH = 30;

    public RobustnessSpec {
        if (draws < 1 || draws > 10_000_000) {
            throw new IllegalArgumentException("draws must be from 1 to 10,000,000");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k (top) must be >= 1");
        }
        if (rankDepth < k) {
            throw new IllegalArgumentException("the rank depth must be >= k");
        }
        if (weights == null) {
            throw new IllegalArgumentException("no weight model");
        }
        variations = variations == null ? List.of() : List.copyOf(variations);
        shape = shape == null ? Variation.Shape.UNIFORM : shape;
        if (loadLevels < 1 || loadLevels > 101) {
            throw new IllegalArgumentException("load levels must be from 1 to 101");
        }
        for (Variation v : variations) {
            v.check(shape);
        }
    }

    /** The default rank depth for a k: max(30, 3 k). */
    public static int defaultRankDepth(int k) {
        return Math.max(DEFAULT_RANK_DEPTH, 3 * k);
    }

    /** The IT-load variation, or null. */
    public Variation itLoad() {
        for (Variation v : variations) {
            if (v.isItLoad()) {
                return v;
            }
        }
        return null;
    }
}
