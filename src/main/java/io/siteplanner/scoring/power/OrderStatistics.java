package io.siteplanner.scoring.power;

import java.util.Arrays;

/**
 * The k-th smallest values of an array without sorting all of it (quickselect, Hoare 1961): each call
 * partially reorders the array so that the value at each requested index is the one a full sort would
 * put there. Expected O(n) per index instead of O(n log n); a range that partitions badly (more rounds
 * than {@code 2 log2 n}) is sorted instead, so the worst case stays O(n log n). For finite values.
 */
final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * Reorders {@code a} so that {@code a[k]} holds what {@code Arrays.sort(a)} would put at index k, for
     * every k in {@code ks}; other positions keep the values of {@code a} in an unspecified order.
     *
     * @param ks indices in [0, a.length), in any order, repeats allowed
     */
    static void select(double[] a, int... ks) {
        int[] sorted = ks.clone();
        Arrays.sort(sorted);
        int lo = 0;
        for (int k : sorted) {
            if (k < lo) {
                continue; // a repeat: already in place
            }
            selectOne(a, k, lo, a.length - 1);
            // a[lo..k-1] <= a[k] <= a[k+1..]: later (larger) indices are found right of k
            lo = k + 1;
        }
    }

    private static void selectOne(double[] a, int k, int lo, int hi) {
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, hi - lo + 1)));
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            // median of three as the pivot value
            int mid = (lo + hi) >>> 1;
            double x = a[lo];
            double y = a[mid];
            double z = a[hi];
            double pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            // Hoare partition: a[lo..j] <= pivot <= a[i..hi], and j < i
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return; // j < k < i: a[k] == pivot, in place
            }
        }
    }
}
