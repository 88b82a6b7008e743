package io.siteplanner.scoring.decision;

import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds of a transformed value when the raw value lies anywhere in [xa, xb] and, for transforms over the
 * data range, the range ends anywhere in [loMin, loMax] and [hiMin, hiMax]: the rigorous interval the
 * pruning of {@link Robustness} compares. Every transform is monotone between its critical points
 * (thresholds, step breaks, piecewise points, the gaussian ideal), so the extremes over an interval are at
 * its ends or at critical points inside (both sides of a jump are looked at). Range transforms are
 * monotone in x, in the lower end and in the upper end, so their extremes are at corners of the box; a box
 * that allows an empty or inverted range gives [0, 1]. Computed bounds are widened by
 * {@value #WIDEN} to cover rounding.
 */
final class TransformBounds {
    static final double WIDEN = 1e-12;

    private TransformBounds() {
    }

    /**
     * [min, max] of the transformed value.
     *
     * @param range {loMin, loMax, hiMin, hiMax} of the data range on the raw scale (ignored unless the
     *              transform uses the data range)
     */
    static double[] interval(TransformSpec t, double xa, double xb, double[] range, double missing) {
        if (xa != xa) {
            return new double[] {missing, missing};
        }
        Type type = t.type();
        if (type == Type.LINEAR || type == Type.LOG) {
            boolean log = type == Type.LOG;
            double off = log ? ColumnSnapshot.logOffset(t) : 0;
            if (log && !(xa + off > 0)) {
                return new double[] {Math.min(0, missing), Math.max(1, missing)};
            }
            double loMin = t.min() != null ? t.min() : range[0];
            double loMax = t.min() != null ? t.min() : range[1];
            double hiMin = t.max() != null ? t.max() : range[2];
            double hiMax = t.max() != null ? t.max() : range[3];
            if (log) {
                xa = Math.log(xa + off);
                xb = Math.log(xb + off);
                loMin = Math.log(loMin + off);
                loMax = Math.log(loMax + off);
                hiMin = Math.log(hiMin + off);
                hiMax = Math.log(hiMax + off);
            }
            if (!(hiMin > loMax)) {
                return new double[] {0, 1};
            }
            double lo;
            double hi;
            if (t.direction() == TransformSpec.Direction.BENEFIT) {
                hi = (xb - loMin) / (hiMin - loMin);
                lo = (xa - loMax) / (hiMax - loMax);
            } else {
                hi = (hiMax - xa) / (hiMax - loMax);
                lo = (hiMin - xb) / (hiMin - loMin);
            }
            if (lo != lo || hi != hi) {
                return new double[] {0, 1};
            }
            return widen(clamp(lo), clamp(hi));
        }
        List<Double> xs = new ArrayList<>();
        xs.add(xa);
        xs.add(xb);
        for (double p : critical(t)) {
            if (p >= xa && p <= xb) {
                xs.add(p);
            }
            double below = Math.nextDown(p);
            if (below >= xa && below <= xb) {
                xs.add(below);
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            double y = Transforms.value(t, x, Double.NaN, Double.NaN, Double.NaN, Double.NaN, missing);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return widen(lo, hi);
    }

    /**
     * The points where a transform changes behaviour: threshold value (and just above), step breaks,
     * piecewise points, the gaussian ideal, the sigmoid midpoint, 0 and 1 for identity, explicit range ends.
     * Between them every transform is monotone.
     */
    static List<Double> critical(TransformSpec t) {
        List<Double> l = new ArrayList<>();
        switch (t.type()) {
            case THRESHOLD:
                l.add(t.value());
                l.add(Math.nextUp(t.value()));
                break;
            case STEPS:
                l.addAll(t.breaks());
                break;
            case PIECEWISE:
                for (double[] p : t.points()) {
                    l.add(p[0]);
                }
                break;
            case GAUSSIAN:
                l.add(t.ideal());
                break;
            case SIGMOID:
                l.add(t.midpoint());
                break;
            case IDENTITY:
                l.add(0.0);
                l.add(1.0);
                break;
            default:
                if (t.min() != null) {
                    l.add(t.min());
                }
                if (t.max() != null) {
                    l.add(t.max());
                }
        }
        return l;
    }

    private static double clamp(double y) {
        return y < 0 ? 0 : y > 1 ? 1 : y;
    }

    private static double[] widen(double lo, double hi) {
        return new double[] {lo - WIDEN, hi + WIDEN};
    }
}
