package io.siteplanner.scoring.decision;

import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.random.SplitMix64;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The data range (minimum and maximum over all sites, as the transforms use it) of a column whose values
 * are multiplied by per-site random factors, without perturbing every site in every draw: only sites whose
 * perturbed value can be the minimum (resp. maximum) in some draw are looked at. Site i's value lies in
 * [a_i, b_i] = x_i [fLo, fHi]; the minimum over sites is at least min a_i and at most B = min b_i, so a
 * site with a_i &gt; B can never be the minimum (likewise for the maximum). Sites with x = 0 are constant.
 * For a log transform the sites counted are those with x + offset &gt; 0; when a factor could move a site
 * across that limit every site is scanned in every draw instead.
 */
final class RangeTracker {
    private final double[] raw;
    private final Variation.Shape shape;
    private final double fraction;
    private final double off;
    private final boolean log;
    private final boolean full;
    private final int[] minCand;
    private final int[] maxCand;
    private final double constMin;
    private final double constMax;
    /** {loMin, loMax, hiMin, hiMax} over all draws, raw scale (NaN when no site counts). */
    final double[] box;

    RangeTracker(double[] raw, TransformSpec t, Variation.Shape shape, double fraction, double[] fBounds) {
        this.raw = raw;
        this.shape = shape;
        this.fraction = fraction;
        this.log = t.type() == TransformSpec.Type.LOG;
        this.off = log ? ColumnSnapshot.logOffset(t) : 0;
        double fLo = fBounds[0];
        double fHi = fBounds[1];
        boolean unstable = false;
        double cMin = Double.POSITIVE_INFINITY;
        double cMax = Double.NEGATIVE_INFINITY;
        double minA = Double.POSITIVE_INFINITY;
        double minB = Double.POSITIVE_INFINITY;
        double maxA = Double.NEGATIVE_INFINITY;
        double maxB = Double.NEGATIVE_INFINITY;
        int n = raw.length;
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] member = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = raw[i];
            if (x != x || Double.isInfinite(x)) {
                continue;
            }
            double p = x * fLo;
            double q = x * fHi;
            if (log) {
                boolean inP = p + off > 0;
                boolean inQ = q + off > 0;
                if (inP != inQ) {
                    unstable = true;
                }
                if (!inP || !inQ) {
                    continue;
                }
            }
            member[i] = true;
            if (x == 0) {
                cMin = Math.min(cMin, x);
                cMax = Math.max(cMax, x);
                continue;
            }
            a[i] = Math.min(p, q);
            b[i] = Math.max(p, q);
            minA = Math.min(minA, a[i]);
            minB = Math.min(minB, b[i]);
            maxA = Math.max(maxA, a[i]);
            maxB = Math.max(maxB, b[i]);
        }
        this.full = unstable;
        this.constMin = cMin;
        this.constMax = cMax;
        double minLimit = Math.min(minB, cMin);
        double maxLimit = Math.max(maxA, cMax);
        List<Integer> lo = new ArrayList<>();
        List<Integer> hi = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!member[i] || raw[i] == 0) {
                continue;
            }
            if (a[i] <= minLimit) {
                lo.add(i);
            }
            if (b[i] >= maxLimit) {
                hi.add(i);
            }
        }
        this.minCand = lo.stream().mapToInt(Integer::intValue).toArray();
        this.maxCand = hi.stream().mapToInt(Integer::intValue).toArray();
        double loMin = Math.min(minA, cMin);
        double loMax = Math.min(minB, cMin);
        double hiMin = Math.max(maxA, cMax);
        double hiMax = Math.max(maxB, cMax);
        this.box = unstable || loMin == Double.POSITIVE_INFINITY ? new double[] {Double.NaN, Double.NaN, Double.NaN,
            Double.NaN} : new double[] {loMin, loMax, hiMin, hiMax};
    }

    /**
     * The transform statistics {min, max, logMin, logMax} of the perturbed column of one draw, exactly as
     * {@link ColumnSnapshot#rangeStats} would compute them over all perturbed values.
     */
    double[] stats(long key) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (full) {
            for (int i = 0; i < raw.length; i++) {
                double x = raw[i];
                if (x != x || Double.isInfinite(x)) {
                    continue;
                }
                double v = x * factor(key, i);
                if (log && !(v + off > 0)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        } else {
            lo = constMin;
            hi = constMax;
            for (int i : minCand) {
                lo = Math.min(lo, raw[i] * factor(key, i));
            }
            for (int i : maxCand) {
                hi = Math.max(hi, raw[i] * factor(key, i));
            }
        }
        if (lo > hi) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        if (log) {
            return new double[] {Double.NaN, Double.NaN, Math.log(lo + off), Math.log(hi + off)};
        }
        return new double[] {lo, hi, Double.NaN, Double.NaN};
    }

    double factor(long key, int site) {
        return shape.factor(fraction, SplitMix64.unit(key, site));
    }
}
