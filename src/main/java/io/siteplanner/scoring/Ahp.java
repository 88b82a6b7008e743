package io.siteplanner.scoring;

import java.util.Locale;

/**
 * Analytic Hierarchy Process weights (Saaty): the principal right eigenvector of a positive reciprocal
 * pairwise matrix (power iteration, normalised to sum 1), lambda_max, CI = (lambda_max - n)/(n - 1) and
 * CR = CI / RI(n) with Saaty's random indices for n = 1..10 (DESIGN.md): 0, 0, 0.58, 0.90, 1.12, 1.24,
 * 1.32, 1.41, 1.45, 1.49. CR &gt;= 0.10 means the judgements are too inconsistent (a warning, not an error).
 * For n &lt;= 2, CI = CR = 0. Matrices larger than 10 x 10 are refused (no RI given).
 */
public final class Ahp {
    /** Saaty's random consistency index RI(n), index n-1. */
    public static final double[] RI = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    /** CR at or above this is inconsistent. */
    public static final double CR_LIMIT = 0.10;

    /**
     * The AHP result.
     *
     * @param weights   priorities, sum 1
     * @param lambdaMax principal eigenvalue
     * @param ci        consistency index
     * @param cr        consistency ratio
     */
    public record Result(double[] weights, double lambdaMax, double ci, double cr) {
        public boolean consistent() {
            return cr < CR_LIMIT;
        }

        /** A warning text when CR &gt;= 0.10, else null. */
        public String warning() {
            return consistent() ? null : String.format(Locale.ROOT,
                    "AHP consistency ratio %.3f >= 0.10: the pairwise judgements are inconsistent; revise them", cr);
        }
    }

    private Ahp() {
    }

    /** Parses a judgement: a number or a fraction like {@code 1/3}. */
    public static double parseJudgement(String s) {
        String t = s.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                double a = Double.parseDouble(t.substring(0, slash).trim());
                double b = Double.parseDouble(t.substring(slash + 1).trim());
                return a / b;
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number or fraction like 1/3");
        }
    }

    /** Checks that the matrix is square, positive, with unit diagonal and reciprocal (1% tolerance). */
    public static void validate(double[][] a) {
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty matrix");
        }
        if (n > RI.length) {
            throw new IllegalArgumentException("at most " + RI.length + " criteria (Saaty's RI table ends at 10)");
        }
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + a[i].length + " values, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!(a[i][j] > 0) || Double.isInfinite(a[i][j])) {
                    throw new IllegalArgumentException("entry (" + (i + 1) + "," + (j + 1) + ") must be > 0");
                }
            }
            if (Math.abs(a[i][i] - 1) > 1e-9) {
                throw new IllegalArgumentException("diagonal entry (" + (i + 1) + "," + (i + 1) + ") must be 1");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = a[i][j] * a[j][i];
                if (Math.abs(p - 1) > 0.01) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "not reciprocal: (%d,%d) = %s but (%d,%d) = %s (should be 1/%s)", i + 1, j + 1,
                            fmt(a[i][j]), j + 1, i + 1, fmt(a[j][i]), fmt(a[i][j])));
                }
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Computes weights, lambda_max, CI and CR. */
    public static Result compute(double[][] a) {
        validate(a);
        int n = a.length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        double[] next = new double[n];
        for (int iter = 0; iter < 100_000; iter++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * w[j];
                }
                next[i] = s;
                sum += s;
            }
            double diff = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= sum;
                diff = Math.max(diff, Math.abs(next[i] - w[i]));
            }
            double[] t = w;
            w = next;
            next = t;
            if (diff < 1e-15) {
                break;
            }
        }
        // lambda_max = mean of (A w)_i / w_i (all equal at convergence)
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * w[j];
            }
            lambda += s / w[i];
        }
        lambda /= n;
        double ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
        double cr = n <= 2 ? 0 : ci / RI[n - 1];
        return new Result(w, lambda, ci, cr);
    }
}
