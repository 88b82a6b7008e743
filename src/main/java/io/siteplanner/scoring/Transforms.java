package io.siteplanner.scoring;

import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.List;

/**
 * Raw criterion values to [0,1] scores (DESIGN.md section 4). Formulas (x = raw value):
 * <ul>
 * <li>linear: benefit (x-min)/(max-min), cost (max-x)/(max-min); min/max = explicit range or the data range
 * (finite values over all candidates); clamped to [0,1]; when max == min every value scores 1.</li>
 * <li>log: linear over ln(x + offset) (offset default 1, so 0 m distances work); x + offset &lt;= 0 is missing.</li>
 * <li>threshold: benefit 1 if x &gt;= value else 0; cost 1 if x &lt;= value else 0.</li>
 * <li>steps: values[i] for breaks[i-1] &lt;= x &lt; breaks[i] (values[0] below breaks[0], values[n] from breaks[n-1]).</li>
 * <li>piecewise: linear interpolation through points (x ascending), constant beyond the end points.</li>
 * <li>sigmoid: benefit 1/(1+exp(-(x-midpoint)/spread)); cost 1 - that.</li>
 * <li>gaussian: exp(-(x-ideal)^2 / (2 spread^2)).</li>
 * <li>identity: x clamped to [0,1].</li>
 * </ul>
 * Missing rule: a missing raw value (NaN), or a transform result that is not a number, scores the
 * criterion's {@code missingScore} (default 0, i.e. worst) and the site is flagged "&lt;id&gt;: missing".
 * Thread-safe (stateless).
 */
public final class Transforms {
    private Transforms() {
    }

    /** Checks a transform spec; throws {@link ScenarioException} at {@code path} when unusable. */
    public static void validate(TransformSpec t, String path) {
        Type type = t.type();
        boolean needsDir = type == Type.LINEAR || type == Type.LOG || type == Type.THRESHOLD || type == Type.SIGMOID;
        if (needsDir && t.direction() == null) {
            throw new ScenarioException(path + ".direction", "missing: 'benefit' or 'cost'");
        }
        if (!needsDir && t.direction() != null) {
            throw new ScenarioException(path + ".direction", "does not apply to transform " + type.json());
        }
        only(t.min() != null || t.max() != null, type == Type.LINEAR || type == Type.LOG, path, "min/max", type);
        if (t.min() != null && t.max() != null && !(t.max() > t.min())) {
            throw new ScenarioException(path + ".max", "must be greater than min");
        }
        only(t.value() != null, type == Type.THRESHOLD, path, "value", type);
        if (type == Type.THRESHOLD && t.value() == null) {
            throw new ScenarioException(path + ".value", "missing: the threshold");
        }
        only(t.breaks() != null || t.values() != null, type == Type.STEPS, path, "breaks/values", type);
        if (type == Type.STEPS) {
            List<Double> b = t.breaks();
            List<Double> v = t.values();
            if (b == null || b.isEmpty()) {
                throw new ScenarioException(path + ".breaks", "missing: ascending break values");
            }
            if (v == null || v.size() != b.size() + 1) {
                throw new ScenarioException(path + ".values", "must have " + (b.size() + 1)
                        + " scores (one more than breaks)");
            }
            for (int i = 1; i < b.size(); i++) {
                if (!(b.get(i) > b.get(i - 1))) {
                    throw new ScenarioException(path + ".breaks[" + i + "]", "breaks must be strictly ascending");
                }
            }
            for (int i = 0; i < v.size(); i++) {
                unit(v.get(i), path + ".values[" + i + "]");
            }
        }
        only(t.points() != null, type == Type.PIECEWISE, path, "points", type);
        if (type == Type.PIECEWISE) {
            List<double[]> p = t.points();
            if (p == null || p.size() < 2) {
                throw new ScenarioException(path + ".points", "needs at least 2 [x, y] points");
            }
            for (int i = 0; i < p.size(); i++) {
                unit(p.get(i)[1], path + ".points[" + i + "][1]");
                if (i > 0 && !(p.get(i)[0] > p.get(i - 1)[0])) {
                    throw new ScenarioException(path + ".points[" + i + "][0]", "x must be strictly ascending");
                }
            }
        }
        only(t.midpoint() != null, type == Type.SIGMOID, path, "midpoint", type);
        only(t.ideal() != null, type == Type.GAUSSIAN, path, "ideal", type);
        only(t.spread() != null, type == Type.SIGMOID || type == Type.GAUSSIAN, path, "spread", type);
        if (type == Type.SIGMOID || type == Type.GAUSSIAN) {
            if (type == Type.SIGMOID && t.midpoint() == null) {
                throw new ScenarioException(path + ".midpoint", "missing");
            }
            if (type == Type.GAUSSIAN && t.ideal() == null) {
                throw new ScenarioException(path + ".ideal", "missing");
            }
            if (t.spread() == null || !(t.spread() > 0)) {
                throw new ScenarioException(path + ".spread", "must be a number > 0");
            }
        }
        only(t.offset() != null, type == Type.LOG, path, "offset", type);
        only(t.scores() != null || t.otherwise() != null, type == Type.CATEGORIES, path, "scores/default", type);
        if (type == Type.CATEGORIES) {
            if (t.scores() == null || t.scores().isEmpty()) {
                throw new ScenarioException(path + ".scores", "missing: an object of text value to score, e.g."
                        + " {\"PJM\": 1, \"MISO\": 0.8}");
            }
            for (java.util.Map.Entry<String, Double> e : t.scores().entrySet()) {
                unit(e.getValue() == null ? Double.NaN : e.getValue(), path + ".scores." + e.getKey());
            }
            if (t.otherwise() != null) {
                unit(t.otherwise(), path + ".default");
            }
        }
    }

    private static void only(boolean present, boolean allowed, String path, String what, Type type) {
        if (present && !allowed) {
            throw new ScenarioException(path, "'" + what + "' does not apply to transform " + type.json());
        }
    }

    private static void unit(double v, String path) {
        if (!(v >= 0 && v <= 1)) {
            throw new ScenarioException(path, "must be in [0, 1]");
        }
    }

    /**
     * Transforms a whole column. {@code stats} = {min, max} of the finite raw values (ignored unless the
     * transform uses the data range; NaN when there are none).
     *
     * @param raw          raw values (NaN = missing)
     * @param out          receives the [0,1] scores; may be the same length as raw
     * @param missingScore score for missing values
     */
    public static void apply(TransformSpec t, double[] raw, double[] out, double dataMin, double dataMax,
            double logMin, double logMax, double missingScore) {
        apply(t, raw, out, dataMin, dataMax, logMin, logMax, missingScore, null);
    }

    /**
     * As {@link #apply(TransformSpec, double[], double[], double, double, double, double, double)}, for a
     * column whose values may be category indexes into {@code labels} (the {@code categories} transform).
     */
    public static void apply(TransformSpec t, double[] raw, double[] out, double dataMin, double dataMax,
            double logMin, double logMax, double missingScore, String[] labels) {
        int n = raw.length;
        switch (t.type()) {
            case CATEGORIES: {
                double other = t.otherwise() == null ? 0 : t.otherwise();
                double[] byCode = new double[labels == null ? 0 : labels.length];
                for (int k = 0; k < byCode.length; k++) {
                    Double v = t.scores().get(labels[k]);
                    byCode[k] = v == null ? other : v;
                }
                for (int i = 0; i < n; i++) {
                    double x = raw[i];
                    int k = (int) x;
                    out[i] = x != x ? missingScore : k >= 0 && k < byCode.length ? byCode[k] : other;
                }
                return;
            }
            case LINEAR: {
                double lo = t.min() != null ? t.min() : dataMin;
                double hi = t.max() != null ? t.max() : dataMax;
                linear(raw, out, lo, hi, t.direction() == Direction.BENEFIT, missingScore, false, 0);
                return;
            }
            case LOG: {
                double off = t.offset() != null ? t.offset() : 1.0;
                double lo = t.min() != null ? Math.log(t.min() + off) : logMin;
                double hi = t.max() != null ? Math.log(t.max() + off) : logMax;
                linear(raw, out, lo, hi, t.direction() == Direction.BENEFIT, missingScore, true, off);
                return;
            }
            default:
                for (int i = 0; i < n; i++) {
                    double x = raw[i];
                    double y = x != x ? Double.NaN : one(t, x);
                    out[i] = y != y ? missingScore : y;
                }
        }
    }

    private static void linear(double[] raw, double[] out, double lo, double hi, boolean benefit, double missing,
            boolean log, double off) {
        int n = raw.length;
        double range = hi - lo;
        if (!(range > 0)) {
            // degenerate range: every valid value scores 1 (no discrimination), missing stays missing
            for (int i = 0; i < n; i++) {
                double x = raw[i];
                if (log) {
                    x = x + off > 0 ? x : Double.NaN;
                }
                out[i] = x != x ? missing : 1.0;
            }
            return;
        }
        double inv = 1.0 / range;
        if (!log) {
            if (benefit) {
                for (int i = 0; i < n; i++) {
                    double x = raw[i];
                    double y = (x - lo) / range;
                    out[i] = x != x ? missing : y < 0 ? 0 : y > 1 ? 1 : y;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double x = raw[i];
                    double y = (hi - x) / range;
                    out[i] = x != x ? missing : y < 0 ? 0 : y > 1 ? 1 : y;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double x = raw[i];
            double lx = x + off > 0 ? Math.log(x + off) : Double.NaN;
            double y = benefit ? (lx - lo) * inv : (hi - lx) * inv;
            out[i] = lx != lx ? missing : y < 0 ? 0 : y > 1 ? 1 : y;
        }
    }

    /** One value for the non-range transforms (threshold, steps, piecewise, sigmoid, gaussian, identity). */
    static double one(TransformSpec t, double x) {
        switch (t.type()) {
            case THRESHOLD:
                return t.direction() == Direction.BENEFIT ? (x >= t.value() ? 1 : 0) : (x <= t.value() ? 1 : 0);
            case STEPS: {
                List<Double> b = t.breaks();
                int i = 0;
                while (i < b.size() && x >= b.get(i)) {
                    i++;
                }
                return t.values().get(i);
            }
            case PIECEWISE: {
                List<double[]> p = t.points();
                if (x <= p.get(0)[0]) {
                    return p.get(0)[1];
                }
                for (int i = 1; i < p.size(); i++) {
                    double[] b = p.get(i);
                    if (x <= b[0]) {
                        double[] a = p.get(i - 1);
                        return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
                    }
                }
                return p.get(p.size() - 1)[1];
            }
            case SIGMOID: {
                double s = 1.0 / (1.0 + Math.exp(-(x - t.midpoint()) / t.spread()));
                return t.direction() == Direction.BENEFIT ? s : 1.0 - s;
            }
            case GAUSSIAN: {
                double d = x - t.ideal();
                return Math.exp(-(d * d) / (2 * t.spread() * t.spread()));
            }
            case IDENTITY:
                return x < 0 ? 0 : x > 1 ? 1 : x;
            default:
                throw new IllegalArgumentException("range transform " + t.type().json() + " needs column statistics");
        }
    }

    /**
     * Transforms one value with given data statistics (for explanations and tests); same rules as
     * {@link #apply}.
     */
    public static double value(TransformSpec t, double x, double dataMin, double dataMax, double logMin, double logMax,
            double missingScore) {
        return value(t, x, dataMin, dataMax, logMin, logMax, missingScore, null);
    }

    /** As {@link #value(TransformSpec, double, double, double, double, double, double)} with category labels. */
    public static double value(TransformSpec t, double x, double dataMin, double dataMax, double logMin, double logMax,
            double missingScore, String[] labels) {
        double[] out = new double[1];
        apply(t, new double[] {x}, out, dataMin, dataMax, logMin, logMax, missingScore, labels);
        return out[0];
    }
}
