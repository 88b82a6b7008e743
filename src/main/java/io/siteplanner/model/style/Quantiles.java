package io.siteplanner.model.style;

import java.util.Arrays;

/**
 * Quantile (equal-count) class breaks over the data: break i is the i/k-quantile of the values, each class
 * holding about the same number of features. The quantile is Hyndman and Fan's definition 6 (Hyndman, R.
 * J. and Fan, Y., "Sample quantiles in statistical packages", <i>The American Statistician</i> 50(4),
 * 1996), the one QGIS uses for its quantile classification: with values x(1) &lt;= ... &lt;= x(n),
 * h = q (n + 1), Q(q) = x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h)), clamped to x(1) and
 * x(n). Equal breaks (many ties) are merged, so there may be fewer classes than asked for.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * Distinct ascending breaks at the quantiles 1/k .. (k-1)/k.
     *
     * @param sorted values, ascending, without NaN
     */
    public static double[] breaks(double[] sorted, int classes) {
        if (sorted.length == 0 || classes < 2) {
            return new double[0];
        }
        double[] b = new double[classes - 1];
        int n = 0;
        for (int i = 1; i < classes; i++) {
            double q = quantile(sorted, (double) i / classes);
            if (q > sorted[0] && (n == 0 || q > b[n - 1])) {
                b[n++] = q;
            }
        }
        return Arrays.copyOf(b, n);
    }

    /** The q-quantile (0 &lt;= q &lt;= 1) of ascending values, Hyndman and Fan definition 6. */
    public static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double h = q * (n + 1);
        int lo = (int) Math.floor(h);
        if (lo < 1) {
            return sorted[0];
        }
        if (lo >= n) {
            return sorted[n - 1];
        }
        return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
    }
}
