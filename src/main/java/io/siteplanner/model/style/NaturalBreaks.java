package io.siteplanner.model.style;

import java.util.Arrays;

/**
 * Natural breaks (Jenks): the breaks that minimise the sum of squared deviations of the values from their
 * class means (Jenks, G. F., "The data model concept in statistical mapping", <i>International Yearbook of
 * Cartography</i> 7, 1967), found exactly by Fisher's dynamic programme over sorted values (Fisher, W. D.,
 * "On grouping for maximum homogeneity", <i>JASA</i> 53, 1958), on distinct values weighted by their
 * counts. Each break is the smallest value of the class above it, so a value equal to a break belongs to
 * the upper class, as in {@link LayerStyle#colorOf(double)}.
 *
 * <p>Cost is O(k m²) for m distinct values; above {@value #MAX_VALUES} values an evenly spaced sample of
 * the sorted values (always with the smallest and largest) is classified instead, as QGIS does (it samples
 * 3000 values too).
 */
public final class NaturalBreaks {
    /** Values classified at most (a sample of larger inputs). */
    public static final int MAX_VALUES = 3000;

    private NaturalBreaks() {
    }

    /**
     * Breaks of the optimal partition into {@code classes} classes (fewer when there are fewer distinct
     * values).
     *
     * @param sorted values, ascending, without NaN
     */
    public static double[] breaks(double[] sorted, int classes) {
        if (sorted.length == 0 || classes < 2) {
            return new double[0];
        }
        double[] v = sorted.length > MAX_VALUES ? sample(sorted, MAX_VALUES) : sorted;
        // distinct values and their counts
        double[] x = new double[v.length];
        double[] w = new double[v.length];
        int m = 0;
        for (double d : v) {
            if (m > 0 && x[m - 1] == d) {
                w[m - 1]++;
            } else {
                x[m] = d;
                w[m++] = 1;
            }
        }
        if (m <= classes) {
            return Arrays.copyOfRange(x, 1, m);
        }
        // centred prefix sums, so that squared sums of large values (e.g. prices in $) lose no precision
        double mean = 0;
        double total = 0;
        for (int i = 0; i < m; i++) {
            mean += w[i] * x[i];
            total += w[i];
        }
        mean /= total;
        double[] sw = new double[m + 1];
        double[] sx = new double[m + 1];
        double[] sxx = new double[m + 1];
        for (int i = 0; i < m; i++) {
            double c = x[i] - mean;
            sw[i + 1] = sw[i] + w[i];
            sx[i + 1] = sx[i] + w[i] * c;
            sxx[i + 1] = sxx[i] + w[i] * c * c;
        }
        int k = classes;
        // cost[c][j]: least squared deviation of x[0..j] in c+1 classes; from[c][j]: first index of the last class
        double[][] cost = new double[k][m];
        int[][] from = new int[k][m];
        for (int j = 0; j < m; j++) {
            cost[0][j] = ssd(sw, sx, sxx, 0, j);
        }
        for (int c = 1; c < k; c++) {
            for (int j = c; j < m; j++) {
                double best = Double.POSITIVE_INFINITY;
                int arg = j;
                for (int i = c; i <= j; i++) {
                    double t = cost[c - 1][i - 1] + ssd(sw, sx, sxx, i, j);
                    if (t < best) {
                        best = t;
                        arg = i;
                    }
                }
                cost[c][j] = best;
                from[c][j] = arg;
            }
        }
        double[] b = new double[k - 1];
        int j = m - 1;
        for (int c = k - 1; c >= 1; c--) {
            int i = from[c][j];
            b[c - 1] = x[i];
            j = i - 1;
        }
        return b;
    }

    /** Sum of squared deviations from their mean of x[i..j] (weighted). */
    private static double ssd(double[] sw, double[] sx, double[] sxx, int i, int j) {
        double n = sw[j + 1] - sw[i];
        double s = sx[j + 1] - sx[i];
        double d = sxx[j + 1] - sxx[i] - s * s / n;
        return d < 0 ? 0 : d;
    }

    /** {@code size} evenly spaced order statistics of sorted values, first and last included. */
    static double[] sample(double[] sorted, int size) {
        double[] out = new double[size];
        long n = sorted.length;
        for (int i = 0; i < size; i++) {
            out[i] = sorted[(int) (i * (n - 1) / (size - 1))];
        }
        return out;
    }

    /**
     * Sum over classes of squared deviations from the class mean when ascending values are cut at
     * {@code breaks} (a value equal to a break goes above it): the figure natural breaks minimise.
     */
    public static double squaredDeviations(double[] sorted, double[] breaks) {
        double total = 0;
        int start = 0;
        for (int c = 0; c <= breaks.length; c++) {
            int end = start;
            while (end < sorted.length && (c == breaks.length || sorted[end] < breaks[c])) {
                end++;
            }
            if (end > start) {
                double mean = 0;
                for (int i = start; i < end; i++) {
                    mean += sorted[i];
                }
                mean /= end - start;
                for (int i = start; i < end; i++) {
                    total += (sorted[i] - mean) * (sorted[i] - mean);
                }
            }
            start = end;
        }
        return total;
    }
}
