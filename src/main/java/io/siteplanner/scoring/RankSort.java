package io.siteplanner.scoring;

/**
 * Stable LSD radix sort of unsigned 64-bit keys carrying int payloads (16-bit digits, passes whose digit
 * is the same for every key are skipped). O(n) per pass, no allocation when buffers are reused: ranks a
 * million sites in a few tens of milliseconds.
 */
final class RankSort {
    private RankSort() {
    }

    /**
     * Sorts {@code keys[0..n)} ascending as unsigned values, permuting {@code vals} alike; stable.
     * {@code tk} and {@code tv} are scratch buffers of at least n. The result ends up in keys/vals.
     */
    static void sort(long[] keys, int[] vals, long[] tk, int[] tv, int n, int[] hist) {
        // hist: 4 x 65536 counts
        java.util.Arrays.fill(hist, 0);
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            hist[(int) (k & 0xFFFF)]++;
            hist[65536 + (int) ((k >>> 16) & 0xFFFF)]++;
            hist[131072 + (int) ((k >>> 32) & 0xFFFF)]++;
            hist[196608 + (int) ((k >>> 48) & 0xFFFF)]++;
        }
        long[] srcK = keys;
        int[] srcV = vals;
        long[] dstK = tk;
        int[] dstV = tv;
        for (int pass = 0; pass < 4; pass++) {
            int base = pass * 65536;
            int shift = pass * 16;
            // skip a pass where all keys share the digit
            if (n > 0 && hist[base + (int) ((srcK[0] >>> shift) & 0xFFFF)] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < 65536; d++) {
                int c = hist[base + d];
                hist[base + d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long k = srcK[i];
                int pos = hist[base + (int) ((k >>> shift) & 0xFFFF)]++;
                dstK[pos] = k;
                dstV[pos] = srcV[i];
            }
            long[] t1 = srcK;
            srcK = dstK;
            dstK = t1;
            int[] t2 = srcV;
            srcV = dstV;
            dstV = t2;
        }
        if (srcK != keys) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcV, 0, vals, 0, n);
        }
    }
}
