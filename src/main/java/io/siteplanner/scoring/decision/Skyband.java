package io.siteplanner.scoring.decision;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.spatial.ChunkRunner;

/**
 * The sites that fewer than {@code depth} others are <i>surely ahead</i> of (see {@link Robustness}): j is
 * surely ahead of i when j is eligible at every level, lo_j &gt;= hi_i on every criterion, and j precedes i
 * in id order. Every site's count is exact up to {@code depth}, computed independently (in parallel): the
 * sites able to be ahead are sorted once per criterion by their lower bound, and once by the sum of their
 * lower bounds; for site i the list with the fewest sites whose bound reaches i's (binary search) is chosen,
 * and only those sites are checked, strongest first, until {@code depth} are found.
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
        int[] able = new int[a];
        int t = 0;
        for (int i : sites) {
            if (always[i]) {
                able[t++] = i;
            }
        }
        // lists 0..k-1: by each criterion's lower bound; list k: by the sum of the lower bounds (a site ahead
        // of i has lo >= hi_i everywhere, so also a sum of lower bounds >= i's sum of upper bounds)
        double[] sumLo = new double[pos.length];
        double[] sumHi = new double[pos.length];
        for (int i : sites) {
            double x = 0;
            double y = 0;
            for (int c = 0; c < k; c++) {
                x += lo[c][i];
                y += hi[c][i];
            }
            sumLo[i] = x;
            sumHi[i] = y;
        }
        int[][] byLo = new int[k + 1][];
        double[][] sortedLo = new double[k + 1][];
        for (int c = 0; c <= k; c++) {
            double[] key = c < k ? lo[c] : sumLo;
            long[] keys = new long[a];
            int[] idx = new int[a];
            for (int j = 0; j < a; j++) {
                keys[j] = ~sortable(key[able[j]]); // descending
                idx[j] = able[j];
            }
            radixSort(keys, idx);
            byLo[c] = idx;
            sortedLo[c] = new double[a];
            for (int j = 0; j < a; j++) {
                sortedLo[c][j] = key[idx[j]];
            }
        }
        boolean[] keep = new boolean[pos.length];
        ChunkRunner.run(sites, 1024, progress, "robustness: pruning", (ord, from, to) -> {
            for (int q = from; q < to; q++) {
                int i = ord[q];
                // the most selective list: fewest sites whose bound reaches i's
                int best = k;
                int bestLen = countAtLeast(sortedLo[k], sumHi[i]);
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

    /** A long whose signed order is the order of the double (NaN last). */
    static long sortable(double x) {
        long b = Double.doubleToLongBits(x == 0 ? 0.0 : x);
        return b ^ ((b >> 63) & 0x7fffffffffffffffL);
    }

    /** Stable LSD radix sort of signed keys ascending (16-bit digits), permuting vals alike. */
    static void radixSort(long[] keys, int[] vals) {
        int n = keys.length;
        long[] tk = new long[n];
        int[] tv = new int[n];
        int[] hist = new int[65536];
        long[] sk = keys;
        int[] sv = vals;
        for (int pass = 0; pass < 4; pass++) {
            int shift = pass * 16;
            java.util.Arrays.fill(hist, 0);
            for (int i = 0; i < n; i++) {
                hist[digit(sk[i], shift, pass)]++;
            }
            int sum = 0;
            for (int d = 0; d < 65536; d++) {
                int c = hist[d];
                hist[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int p = hist[digit(sk[i], shift, pass)]++;
                tk[p] = sk[i];
                tv[p] = sv[i];
            }
            long[] x = sk;
            sk = tk;
            tk = x;
            int[] y = sv;
            sv = tv;
            tv = y;
        }
        // four passes: the result is back in the original arrays
    }

    private static int digit(long key, int shift, int pass) {
        int d = (int) ((key >>> shift) & 0xFFFF);
        return pass == 3 ? d ^ 0x8000 : d; // the top digit carries the sign
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
