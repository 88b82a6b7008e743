package io.siteplanner.scoring;

import io.siteplanner.scoring.scenario.MethodSpec;
import java.util.List;

/**
 * Aggregation methods over transformed columns (DESIGN.md section 4).
 * <ul>
 * <li>weightedSum: score = sum of w_c t_c.</li>
 * <li>TOPSIS (Hwang and Yoon 1981): per scored criterion x is the transformed value (all benefit) or, with
 * {@code input: raw}, the raw value with the transform's direction (missing raw = the column's worst value);
 * v = w x / sqrt(sum over sites of x^2); ideal/anti-ideal = best/worst v per criterion; score = d- / (d+ + d-)
 * (1 when both are 0).</li>
 * <li>OWA, quantifier-guided with criterion weights (Yager 1996; Malczewski 2006): per site the scored
 * values are sorted descending, z_1 &gt;= z_2 ..., with their criterion weights u_j; order weights
 * w_j = Q(u_1+..+u_j) - Q(u_1+..+u_(j-1)) with Q(p) = p^a, a = (1 - orness)/orness: orness 0.5 gives
 * the weighted sum, 1 the maximum (OR), 0 the minimum (AND). With explicit {@code orderWeights} v_j:
 * w_j = u_j v_j / sum(u_k v_k).</li>
 * </ul>
 * Only criteria with weight &gt; 0 take part.
 */
public final class Methods {
    private Methods() {
    }

    public static void weightedSum(double[][] t, double[] w, double[] out, int n) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int c = 0; c < w.length; c++) {
            double wc = w[c];
            if (wc == 0) {
                continue;
            }
            double[] col = t[c];
            for (int i = 0; i < n; i++) {
                out[i] += wc * col[i];
            }
        }
    }

    /** OWA scores for all sites. */
    public static void owa(double[][] t, double[] w, MethodSpec m, double[] out, int n) {
        int[] idx = scored(w);
        int k = idx.length;
        double[] z = new double[k];
        double[] u = new double[k];
        double[] ow = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                z[j] = t[idx[j]][i];
                u[j] = w[idx[j]];
            }
            sortDesc(z, u, null, k);
            orderWeights(u, m, ow, k);
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += ow[j] * z[j];
            }
            out[i] = s;
        }
    }

    /** Contribution of each criterion to one site's OWA score (they add up to the score). */
    public static void owaContributions(double[] t, double[] w, MethodSpec m, double[] contrib) {
        int[] idx = scored(w);
        int k = idx.length;
        double[] z = new double[k];
        double[] u = new double[k];
        int[] which = new int[k];
        double[] ow = new double[k];
        for (int j = 0; j < k; j++) {
            z[j] = t[idx[j]];
            u[j] = w[idx[j]];
            which[j] = idx[j];
        }
        sortDesc(z, u, which, k);
        orderWeights(u, m, ow, k);
        java.util.Arrays.fill(contrib, 0);
        for (int j = 0; j < k; j++) {
            contrib[which[j]] = ow[j] * z[j];
        }
    }

    /** Indexes of the criteria that take part (weight &gt; 0), ascending. */
    public static int[] scored(double[] w) {
        int k = 0;
        for (double x : w) {
            if (x > 0) {
                k++;
            }
        }
        int[] idx = new int[k];
        k = 0;
        for (int c = 0; c < w.length; c++) {
            if (w[c] > 0) {
                idx[k++] = c;
            }
        }
        return idx;
    }

    private static void sortDesc(double[] z, double[] u, int[] which, int k) {
        for (int a = 1; a < k; a++) {
            double zv = z[a];
            double uv = u[a];
            int wv = which == null ? 0 : which[a];
            int b = a - 1;
            while (b >= 0 && z[b] < zv) {
                z[b + 1] = z[b];
                u[b + 1] = u[b];
                if (which != null) {
                    which[b + 1] = which[b];
                }
                b--;
            }
            z[b + 1] = zv;
            u[b + 1] = uv;
            if (which != null) {
                which[b + 1] = wv;
            }
        }
    }

    /** Order weights for criterion weights u (already in value order). */
    static void orderWeights(double[] u, MethodSpec m, double[] ow, int k) {
        List<Double> explicit = m.orderWeights();
        if (explicit != null) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                ow[j] = u[j] * (j < explicit.size() ? explicit.get(j) : 0);
                s += ow[j];
            }
            for (int j = 0; j < k; j++) {
                ow[j] = s > 0 ? ow[j] / s : 0;
            }
            return;
        }
        double orness = m.orness() == null ? 0.5 : m.orness();
        double cum = 0;
        double prevQ = 0;
        for (int j = 0; j < k; j++) {
            cum += u[j];
            double p = j == k - 1 ? 1.0 : Math.min(1.0, cum);
            double q = quantifier(p, orness);
            ow[j] = q - prevQ;
            prevQ = q;
        }
    }

    /** Q(p) = p^a with a = (1 - orness)/orness; limits: orness 1 -> 1 for p &gt; 0, orness 0 -> 1 only at p = 1. */
    static double quantifier(double p, double orness) {
        if (orness >= 1) {
            return p > 0 ? 1 : 0;
        }
        if (orness <= 0) {
            return p >= 1 ? 1 : 0;
        }
        if (orness == 0.5) {
            return p;
        }
        return Math.pow(p, (1 - orness) / orness);
    }
}
