package io.siteplanner.scoring.decision;

import io.siteplanner.scoring.random.Distributions;
import io.siteplanner.scoring.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the weight vectors of a Monte Carlo run come from.
 *
 * <ul>
 * <li><b>Around a centre</b> ({@link #around}): Dirichlet(kappa w0) with concentration kappa = (m' - 1) /
 * spread^2 - 1, where m' is the number of criteria with weight &gt; 0 in w0. The mean of each weight is
 * w0_c; its variance is w0_c (1 - w0_c) / (kappa + 1), so the weight-averaged squared coefficient of
 * variation sum_c w0_c CV_c^2 equals spread^2, and with equal weights every weight's coefficient of
 * variation is exactly {@code spread}. Criteria with weight 0 stay 0. Spread 0 = always w0.</li>
 * <li><b>Stakeholders</b> ({@link #stakeholders}): several weight vectors (e.g. AHP matrices of several
 * people); each draw mixes them with proportions drawn uniformly from the simplex (Dirichlet(1, ..., 1)),
 * so the draws cover every compromise between the stakeholders; with a spread &gt; 0 the mix is then the
 * centre of a Dirichlet draw as above.</li>
 * </ul>
 * Draw d uses its own SplitMix64 stream (seed, "weights", d): the same seed gives the same vectors, in any
 * thread. Immutable and thread-safe.
 */
public final class WeightModel {
    private static final long STREAM = 0x5745494748545321L; // "WEIGHTS!"

    private final List<double[]> centres;
    private final double spread;

    private WeightModel(List<double[]> centres, double spread) {
        if (!(spread >= 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("the weight spread must be a number >= 0");
        }
        int m = centres.get(0).length;
        for (double[] w : centres) {
            if (w.length != m) {
                throw new IllegalArgumentException("weight vectors of different lengths");
            }
            double sum = 0;
            for (double x : w) {
                if (!(x >= 0) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException("weights must be numbers >= 0");
                }
                sum += x;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("a weight vector is all zero");
            }
            int positive = positives(w);
            if (spread > 0 && positive > 1 && !(spread * spread < positive - 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "weight spread %.3g is too large for %d weighted criteria (it must be below sqrt(%d) = %.3g)",
                        spread, positive, positive - 1, Math.sqrt(positive - 1)));
            }
        }
        List<double[]> copy = new ArrayList<>();
        for (double[] w : centres) {
            copy.add(normalised(w));
        }
        this.centres = List.copyOf(copy);
        this.spread = spread;
    }

    /** Dirichlet draws around w0 (normalised) with the given spread (coefficient of variation, see above). */
    public static WeightModel around(double[] w0, double spread) {
        return new WeightModel(List.of(w0.clone()), spread);
    }

    /** Random mixes of the stakeholders' weight vectors (each normalised), then a spread around each mix. */
    public static WeightModel stakeholders(List<double[]> weights, double spread) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no stakeholder weights");
        }
        List<double[]> l = new ArrayList<>();
        for (double[] w : weights) {
            l.add(w.clone());
        }
        return new WeightModel(l, spread);
    }

    /** The spread (0 = no variation around the centre or mix). */
    public double spread() {
        return spread;
    }

    /** Number of criteria. */
    public int size() {
        return centres.get(0).length;
    }

    /** Whether the draws vary at all. */
    public boolean varies() {
        return centres.size() > 1 || spread > 0 && positives(centres.get(0)) > 1;
    }

    /** Criteria that get a weight &gt; 0 in some draw. */
    public boolean[] weightable() {
        boolean[] b = new boolean[size()];
        for (double[] w : centres) {
            for (int c = 0; c < w.length; c++) {
                b[c] |= w[c] > 0;
            }
        }
        return b;
    }

    /** The Dirichlet concentration kappa for a centre with m' weighted criteria: (m' - 1) / spread^2 - 1. */
    public static double concentration(int weighted, double spread) {
        return (weighted - 1) / (spread * spread) - 1;
    }

    /** The weight vector of draw d (sums to 1 up to rounding), written into {@code out}. */
    public double[] draw(long seed, long d, double[] out) {
        SplitMix64 r = new SplitMix64(SplitMix64.key(seed, STREAM, d));
        int m = size();
        double[] centre;
        if (centres.size() == 1) {
            centre = centres.get(0);
        } else {
            double[] lambda = new double[centres.size()];
            double[] ones = new double[centres.size()];
            java.util.Arrays.fill(ones, 1.0);
            Distributions.dirichlet(r, ones, lambda);
            centre = new double[m];
            for (int s = 0; s < lambda.length; s++) {
                double[] w = centres.get(s);
                for (int c = 0; c < m; c++) {
                    centre[c] += lambda[s] * w[c];
                }
            }
        }
        int positive = positives(centre);
        if (spread == 0 || positive <= 1) {
            System.arraycopy(centre, 0, out, 0, m);
            return out;
        }
        double kappa = concentration(positive, spread);
        double[] alpha = new double[m];
        for (int c = 0; c < m; c++) {
            alpha[c] = kappa * centre[c];
        }
        Distributions.dirichlet(r, alpha, out);
        return out;
    }

    /** In words, for reports: "Dirichlet around the scenario weights, spread 0.25 (kappa 47)". */
    public String describe() {
        if (centres.size() > 1) {
            return "uniform random mixes of " + centres.size() + " stakeholders' weights"
                    + (spread > 0 ? String.format(Locale.ROOT, ", then Dirichlet with spread %.3g", spread) : "");
        }
        int positive = positives(centres.get(0));
        if (spread == 0 || positive <= 1) {
            return "fixed weights";
        }
        return String.format(Locale.ROOT, "Dirichlet around the weights, spread %.3g (concentration %.4g)", spread,
                concentration(positive, spread));
    }

    private static int positives(double[] w) {
        int k = 0;
        for (double x : w) {
            if (x > 0) {
                k++;
            }
        }
        return k;
    }

    private static double[] normalised(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / s;
        }
        return out;
    }
}
