package io.siteplanner.scoring.random;

/**
 * Distributions sampled from {@link SplitMix64} uniforms, written out so that results do not depend on the
 * JDK's own generators: standard normal (Marsaglia polar method), gamma (Marsaglia and Tsang 2000, with the
 * U^(1/alpha) boost below alpha = 1), Dirichlet (normalised gammas), the inverse standard normal CDF
 * (Acklam's rational approximation, relative error below 1.2e-9) and its truncated form, and the
 * triangular inverse CDF. All methods are static and thread-safe given one stream per thread.
 */
public final class Distributions {
    /** Phi(-3), the mass below -3 standard deviations. */
    public static final double PHI_MINUS_3 = 0.0013498980316300946;

    private Distributions() {
    }

    /** A standard normal deviate (Marsaglia polar method; consumes an even number of uniforms). */
    public static double normal(SplitMix64 r) {
        while (true) {
            double u = 2 * r.nextOpen() - 1;
            double v = 2 * r.nextOpen() - 1;
            double s = u * u + v * v;
            if (s < 1 && s > 0) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /** A Gamma(alpha, 1) deviate, alpha &gt; 0 (Marsaglia and Tsang 2000). */
    public static double gamma(SplitMix64 r, double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("gamma shape must be > 0");
        }
        if (alpha < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a)
            double g = gamma(r, alpha + 1);
            return g * Math.pow(r.nextOpen(), 1 / alpha);
        }
        double d = alpha - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(r);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = r.nextOpen();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * A Dirichlet(alpha) vector into {@code out} (entries with alpha 0 get 0). At least one alpha must be
     * &gt; 0.
     */
    public static void dirichlet(SplitMix64 r, double[] alpha, double[] out) {
        double sum = 0;
        for (int i = 0; i < alpha.length; i++) {
            out[i] = alpha[i] > 0 ? gamma(r, alpha[i]) : 0;
            sum += out[i];
        }
        if (!(sum > 0)) {
            // all gammas underflowed (only for absurdly small shapes): fall back to the mean
            double a = 0;
            for (double x : alpha) {
                a += x;
            }
            for (int i = 0; i < alpha.length; i++) {
                out[i] = alpha[i] / a;
            }
            return;
        }
        for (int i = 0; i < alpha.length; i++) {
            out[i] /= sum;
        }
    }

    /**
     * The inverse standard normal CDF (Acklam 2003: rational approximations in the central region and the
     * tails; relative error below 1.15e-9). Exactly 0 at p = 0.5.
     */
    public static double inverseNormal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1): " + p);
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        final double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** The standard normal truncated to [-3, 3] at quantile u in (0, 1). */
    public static double truncatedNormal3(double u) {
        return inverseNormal(PHI_MINUS_3 + u * (1 - 2 * PHI_MINUS_3));
    }

    /**
     * The triangular distribution (min a, mode c, max b) at quantile u in [0, 1]: a + sqrt(u (b - a)(c - a))
     * below F(c) = (c - a)/(b - a), else b - sqrt((1 - u)(b - a)(b - c)). A point mass when a == b.
     */
    public static double triangular(double a, double c, double b, double u) {
        if (b <= a) {
            return a;
        }
        double fc = (c - a) / (b - a);
        if (u < fc) {
            return a + Math.sqrt(u * (b - a) * (c - a));
        }
        return b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
}
