package io.siteplanner.scoring.spatial;

/** Hilbert curve index on a 65536 x 65536 grid (for spatially coherent orderings). */
public final class Hilbert {
    private Hilbert() {
    }

    /** The Hilbert distance of cell (x, y), both in [0, 65535]. */
    public static long index(int x, int y) {
        long d = 0;
        for (int s = 1 << 15; s > 0; s >>= 1) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }

    /** Grid cell of a coordinate within [min, min + span]. */
    public static int cell(double v, double min, double span) {
        if (!(span > 0)) {
            return 0;
        }
        int c = (int) ((v - min) / span * 65535.0);
        return c < 0 ? 0 : c > 65535 ? 65535 : c;
    }

    /**
     * The permutation of 0..n-1 sorting points (x[i], y[i]) along the Hilbert curve over their extent
     * (stable for equal keys).
     */
    public static int[] order(double[] x, double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (x[i] == x[i]) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        double sx = maxX - minX;
        double sy = maxY - minY;
        long[] keys = new long[n];
        final double fx = minX;
        final double fy = minY;
        ChunkRunner.run(ChunkRunner.identity((n + 65535) / 65536), 1, io.siteplanner.model.Progress.NONE, "",
                (ord, from, to) -> {
                    for (int k = from; k < to; k++) {
                        int end = Math.min(n, (ord[k] + 1) * 65536);
                        for (int i = ord[k] * 65536; i < end; i++) {
                            long h = x[i] == x[i] ? index(cell(x[i], fx, sx), cell(y[i], fy, sy)) : 0xFFFFFFFFL;
                            keys[i] = (h << 31) | i;
                        }
                    }
                });
        if (n > 100_000) {
            java.util.Arrays.parallelSort(keys);
        } else {
            java.util.Arrays.sort(keys);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) (keys[i] & 0x7FFFFFFFL);
        }
        return out;
    }
}
