package io.siteplanner.scoring.decision;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a rank-robustness run (SMAA-2 style, Lahdelma and Salminen 2001): per site that reached
 * the top k in at least one draw, the share of draws in which it ranked first (rank-1 acceptability), in
 * the top k, its rank acceptabilities for ranks 1..k, the median and the 5th/95th percentile of its rank
 * (nearest-rank: the smallest r such that at least q of the draws rank it r or better) and, when it can
 * win, its central weight vector (the mean weight vector of the draws in which it ranked first).
 *
 * <p>Probabilities are exact counts over the draws. Only eligible sites (passing every constraint at the
 * draw's campus load) are ranked; in every draw with at least one eligible site exactly one site ranks
 * first and min(k, eligible) sites are in the top k, so the P(rank 1) of the listed sites add up to 1 and
 * their P(top k) to k (less only when a load level has fewer than k eligible sites).
 *
 * @param draws        number of draws
 * @param k            the top k
 * @param rankDepth    depth to which ranks are exact; percentiles beyond it are reported as rankDepth + 1
 * @param criteria     criterion ids (order of the central weights)
 * @param sites        the sites reaching the top k at least once, by P(rank 1), then P(top k), then median
 *                     rank, then rank in the scenario
 * @param eligible     number of eligible sites (passing at the scenario's load)
 * @param candidates   sites left after pruning (the ones scored in every draw)
 * @param pruneRule    the pruning rule applied, in words
 * @param weightModel  the weight draws, in words
 * @param variations   the input variations, in words (empty: none)
 * @param levels       per load level: factor, how its columns were obtained, eligible sites
 * @param drawsWithoutWinner draws at a load level where no site passes
 * @param millis       phase times (levels, pruning, draws, aggregation)
 */
public record RobustnessResult(int draws, int k, int rankDepth, List<String> criteria, List<SiteStats> sites,
        int eligible, int candidates, String pruneRule, String weightModel, List<String> variations,
        List<LevelInfo> levels, long drawsWithoutWinner, Map<String, Double> millis) {

    /**
     * One site's figures.
     *
     * @param site           site index in the session
     * @param id             site id
     * @param rank1          draws in which it ranked first
     * @param topK           draws in which it ranked k or better
     * @param acceptability  draws per rank 1..k
     * @param medianRank     median rank (rankDepth + 1 when beyond the depth)
     * @param rankP5         5th percentile of the rank (the optimistic end)
     * @param rankP95        95th percentile of the rank (rankDepth + 1 when beyond the depth)
     * @param scenarioRank   the site's rank in the scenario as given
     * @param centralWeights mean weight vector of the draws in which it ranked first (null when it never did)
     */
    public record SiteStats(int site, Object id, long rank1, long topK, long[] acceptability, int medianRank,
            int rankP5, int rankP95, int scenarioRank, double[] centralWeights) {
    }

    /**
     * A load level.
     *
     * @param factor   IT load factor
     * @param itLoadMw IT load at this level
     * @param how      "scenario", "analytic" or "evaluated again"
     * @param eligible sites passing at this level
     * @param draws    draws at this level
     */
    public record LevelInfo(double factor, double itLoadMw, String how, int eligible, long draws) {
    }

    public double pRank1(SiteStats s) {
        return (double) s.rank1() / draws;
    }

    public double pTopK(SiteStats s) {
        return (double) s.topK() / draws;
    }

    /** Whether a reported rank means "beyond the tracked depth". */
    public boolean beyondDepth(int rank) {
        return rank > rankDepth;
    }
}
