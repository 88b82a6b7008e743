package io.siteplanner.scoring.decision;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.Arrays;

/**
 * The sites that fewer than {@code depth} others are <i>surely ahead</i> of (see {@link Robustness}): j is
 * surely ahead of i when j is eligible at every level, lo_j &gt;= hi_i on every criterion, and j precedes i
 * in id order. Every site's count is exact up to {@code depth}, computed independently (in parallel): the
 * sites able to be ahead are sorted once per criterion by their lower bound; for site i the criterion with
 * the fewest sites whose lower bound reaches i's upper bound is chosen (binary search), and only those
 * sites are checked, strongest first, until {@code depth} are found.
 */
final class Skyband {
    private Skyband() {
    }

    /**
     * @param sites   the eligible sites to consider
     * @param always  per site: eligible at every level (may be surely ahead of others)
     * @param lo      per criterion, per site: lower bound of the transformed value (larger is better)
     * @param hi      per criterion, per site: upper bound
     * @param pos     per site: position in id order
     * @param depth   rank depth
     * @return the kept sites, ascending
     */
    static int[] of(int[] sites, boolean[] always, double[][] lo, double[][] hi, int[] pos, int depth,
            Progress progress) {
        int k = lo.length;
        int a = 0;
        for (int i : sites) {
            a += always[i] ? 1 : 0;
        }
        // per criterion: the always-eligible sites by lower bound, descending
        int[][] byLo = new int[k][];
        double[][] sortedLo = new double[k][];
        int[] ahead = new int[a];
        int t = 0;
        for (int i : sites) {
            if (always[i]) {
                ahead[t++] = i;
            }
        }
        for (int c = 0; c < k; c++) {
            final double[] l = lo[c];
            Integer[] idx = new Integer[a];
            for (int j = 0; j < a; j++) {
                idx[j] = ahead[j];
            }
            Arrays.sort(idx, (x, y) -> Double.compare(l[y], l[x]));
            byLo[c] = new int[a];
            sortedLo[c] = new double[a];
            for (int j = 0; j < a; j++) {
                byLo[c][j] = idx[j];
                sortedLo[c][j] = l[idx[j]];
            }
        }
        boolean[] keep = new boolean[pos.length];
        ChunkRunner.run(sites, 1024, progress, "robustness: pruning", (ord, from, to) -> {
            for (int q = from; q < to; q++) {
                int i = ord[q];
                // the most selective criterion: fewest sites with lo >= hi_i
                int best = 0;
                int bestLen = Integer.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    int len = countAtLeast(sortedLo[c], hi[c][i]);
                    if (len < bestLen) {
                        bestLen = len;
                        best = c;
                    }
                }
                int found = 0;
                int[] list = byLo[best];
                for (int p = 0; p < bestLen && found < depth; p++) {
                    int j = list[p];
                    if (pos[j] >= pos[i]) {
                        continue;
                    }
                    boolean dom = true;
                    for (int c = 0; c < k; c++) {
                        if (lo[c][j] < hi[c][i]) {
                            dom = false;
                            break;
                        }
                    }
                    if (dom) {
                        found++;
                    }
                }
                if (found < depth) {
                    keep[i] = true;
                }
            }
        });
        int count = 0;
        for (boolean b : keep) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int o = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out[o++] = i;
            }
        }
        return out;
    }

    /** Number of leading entries of a descending array that are &gt;= x. */
    static int countAtLeast(double[] desc, double x) {
        int lo = 0;
        int hi = desc.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (desc[mid] >= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
