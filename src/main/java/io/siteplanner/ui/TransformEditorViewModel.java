package io.siteplanner.ui;

import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The transform editor with the data in view: a histogram of the criterion's raw values over all
 * candidates (those passing the constraints and those failing), the transform curve over it, and handles
 * to drag (piecewise points, a threshold, a sigmoid's midpoint and spread, a gaussian's ideal and spread,
 * a linear range). Every change goes to {@code live} at once (the map re-colours while dragging); the
 * numeric fields ({@link #fields()}) stay in step. FX thread.
 */
public final class TransformEditorViewModel {
    /** Histogram bins. */
    public static final int BINS = 40;

    /**
     * A handle on the curve.
     *
     * @param x      raw value
     * @param y      score
     * @param movesY whether dragging changes the score too (piecewise points)
     * @param name   what it sets ("threshold", "point 2", ...)
     */
    public record Handle(double x, double y, boolean movesY, String name) {
    }

    private final String criterion;
    private final String unit;
    private final double[] raw;
    private final boolean[] passed;
    private final TransformSpec initial;
    private final Consumer<TransformSpec> live;
    private final ReadOnlyObjectWrapper<TransformSpec> transform = new ReadOnlyObjectWrapper<>(this, "transform");
    private final TransformFields fields = new TransformFields();
    private final double lo;
    private final double hi;
    private final double logLo;
    private final double logHi;
    private final int[] passing = new int[BINS];
    private final int[] failing = new int[BINS];
    private final int missing;
    private final double median;
    private boolean fromFields;

    /**
     * @param raw    raw values of every candidate (NaN = missing)
     * @param passed whether each candidate passes the constraints (null: all)
     * @param live   receives every valid transform as it changes
     */
    public TransformEditorViewModel(String criterion, String unit, double[] raw, boolean[] passed, TransformSpec initial,
            Consumer<TransformSpec> live) {
        this.criterion = criterion;
        this.unit = unit == null ? "" : unit;
        this.raw = raw;
        this.passed = passed;
        this.initial = initial;
        this.live = live;
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        List<Double> finite = new ArrayList<>();
        int miss = 0;
        for (double x : raw) {
            if (Double.isFinite(x)) {
                a = Math.min(a, x);
                b = Math.max(b, x);
                finite.add(x);
            } else {
                miss++;
            }
        }
        this.missing = miss;
        this.lo = a <= b ? a : 0;
        this.hi = a <= b ? b : 1;
        double[] sorted = finite.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        this.median = sorted.length == 0 ? (lo + hi) / 2 : sorted[sorted.length / 2];
        double la = Double.NaN;
        double lb = Double.NaN;
        if (sorted.length > 0 && sorted[0] + 1 > 0) {
            la = Math.log(sorted[0] + 1);
            lb = Math.log(sorted[sorted.length - 1] + 1);
        }
        this.logLo = la;
        this.logHi = lb;
        double w = hi > lo ? (hi - lo) / BINS : 1;
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (Double.isFinite(x)) {
                int bin = Math.min(BINS - 1, Math.max(0, (int) ((x - lo) / w)));
                if (passed == null || passed[i]) {
                    passing[bin]++;
                } else {
                    failing[bin]++;
                }
            }
        }
        transform.set(initial);
        fields.set(initial);
        fields.errorProperty().addListener((o, x, err) -> fieldsChanged());
        for (javafx.beans.Observable p : List.of(fields.typeProperty(), fields.directionProperty(), fields.minProperty(),
                fields.maxProperty(), fields.valueProperty(), fields.midpointProperty(), fields.spreadProperty(),
                fields.idealProperty(), fields.pointsProperty())) {
            p.addListener(x -> fieldsChanged());
        }
    }

    public String criterion() {
        return criterion;
    }

    /** Unit of the raw values (engine units: m, acres, USD...). */
    public String unit() {
        return unit;
    }

    /** The transform as edited now. */
    public ReadOnlyObjectProperty<TransformSpec> transformProperty() {
        return transform.getReadOnlyProperty();
    }

    /** The transform as numeric fields (type, direction, parameters). */
    public TransformFields fields() {
        return fields;
    }

    /** Smallest finite raw value (0 when there is none). */
    public double dataMin() {
        return lo;
    }

    /** Largest finite raw value (1 when there is none). */
    public double dataMax() {
        return hi;
    }

    /** Sites per bin that pass the constraints ({@link #BINS} equal bins from {@link #dataMin} to {@link #dataMax}). */
    public int[] passingCounts() {
        return passing.clone();
    }

    /** Sites per bin that fail a constraint. */
    public int[] failingCounts() {
        return failing.clone();
    }

    /** Sites without a value (not in the histogram). */
    public int missingCount() {
        return missing;
    }

    public int siteCount() {
        return raw.length;
    }

    /** The x range to draw: the data and every handle, with a small margin. */
    public double[] xRange() {
        double a = lo;
        double b = hi;
        for (Handle h : handles()) {
            a = Math.min(a, h.x());
            b = Math.max(b, h.x());
        }
        double m = b > a ? (b - a) * 0.03 : 1;
        return new double[] {a >= 0 ? Math.max(0, a - m) : a - m, b + m};
    }

    /** The score of a raw value under the current transform (missing values aside). */
    public double score(double x) {
        TransformSpec t = transform.get();
        if (t.type() == Type.CATEGORIES) {
            return Double.NaN;
        }
        return Transforms.value(t, x, lo, hi, logLo, logHi, 0, null);
    }

    /** The handles of the current transform. */
    public List<Handle> handles() {
        TransformSpec t = transform.get();
        List<Handle> out = new ArrayList<>();
        switch (t.type()) {
            case LINEAR:
            case LOG: {
                double a = t.min() != null ? t.min() : lo;
                double b = t.max() != null ? t.max() : hi;
                out.add(new Handle(a, scoreNear(a, b, true), false, "min"));
                out.add(new Handle(b, scoreNear(a, b, false), false, "max"));
                break;
            }
            case THRESHOLD:
                out.add(new Handle(t.value(), 0.5, false, "threshold"));
                break;
            case SIGMOID:
                out.add(new Handle(t.midpoint(), 0.5, false, "midpoint"));
                out.add(new Handle(t.midpoint() + t.spread(), score(t.midpoint() + t.spread()), false, "spread"));
                break;
            case GAUSSIAN:
                out.add(new Handle(t.ideal(), 1, false, "ideal"));
                out.add(new Handle(t.ideal() + t.spread(), score(t.ideal() + t.spread()), false, "spread"));
                break;
            case PIECEWISE:
                for (int i = 0; i < t.points().size(); i++) {
                    double[] p = t.points().get(i);
                    out.add(new Handle(p[0], p[1], true, "point " + (i + 1)));
                }
                break;
            default:
                break;
        }
        return out;
    }

    private double scoreNear(double a, double b, boolean atMin) {
        TransformSpec t = transform.get();
        boolean benefit = t.direction() != Direction.COST;
        return atMin == benefit ? 0 : 1;
    }

    /**
     * Moves handle {@code index} to raw value {@code x} (and score {@code y} for piecewise points): points
     * stay in order between their neighbours, scores in [0, 1], spreads and ranges positive.
     */
    public void moveHandle(int index, double rawX, double rawY) {
        TransformSpec t = transform.get();
        double x = round(rawX);
        double y = Math.rint(rawY * 100) / 100;
        double eps = Math.max(1e-9, (hi - lo) * 1e-6);
        TransformSpec n;
        switch (t.type()) {
            case LINEAR:
            case LOG: {
                // the bound dragged is set; the other stays as it was (the data range when not set)
                Double a = t.min();
                Double b = t.max();
                double other = index == 0 ? (b != null ? b : hi) : (a != null ? a : lo);
                if (index == 0) {
                    a = Math.min(x, other - eps);
                } else {
                    b = Math.max(x, other + eps);
                }
                n = new TransformSpec(t.type(), t.direction(), a, b, null, null, null, null, null, null, null, t.offset(),
                        null, null);
                break;
            }
            case THRESHOLD:
                n = new TransformSpec(Type.THRESHOLD, t.direction(), null, null, x, null, null, null, null, null, null, null,
                        null, null);
                break;
            case SIGMOID:
                n = index == 0 ? sigmoid(t.direction(), x, t.spread())
                        : sigmoid(t.direction(), t.midpoint(), Math.max(eps, x - t.midpoint()));
                break;
            case GAUSSIAN:
                n = index == 0 ? gaussian(x, t.spread()) : gaussian(t.ideal(), Math.max(eps, x - t.ideal()));
                break;
            case PIECEWISE: {
                List<double[]> pts = new ArrayList<>();
                t.points().forEach(p -> pts.add(p.clone()));
                double left = index > 0 ? pts.get(index - 1)[0] + eps : Double.NEGATIVE_INFINITY;
                double right = index < pts.size() - 1 ? pts.get(index + 1)[0] - eps : Double.POSITIVE_INFINITY;
                pts.set(index, new double[] {Math.max(left, Math.min(right, x)), Math.max(0, Math.min(1, y))});
                n = piecewise(pts);
                break;
            }
            default:
                return;
        }
        set(n);
    }

    /** A raw value rounded to a step of about a thousandth of the data range (handles move in tidy steps). */
    double round(double x) {
        double span = hi > lo ? hi - lo : 1;
        double step = Math.pow(10, Math.floor(Math.log10(span)) - 3);
        return Math.rint(x / step) * step;
    }

    /** Switches the type, with parameters that fit the data (median threshold, range-wide curves). */
    public void setType(Type type) {
        TransformSpec t = transform.get();
        Direction d = direction(t);
        double span = hi > lo ? hi - lo : 1;
        TransformSpec n;
        switch (type) {
            case THRESHOLD:
                n = new TransformSpec(Type.THRESHOLD, d, null, null, median, null, null, null, null, null, null, null, null,
                        null);
                break;
            case SIGMOID:
                n = sigmoid(d, median, span / 10);
                break;
            case GAUSSIAN:
                n = gaussian(median, span / 4);
                break;
            case PIECEWISE:
                n = piecewise(d == Direction.COST ? List.of(new double[] {lo, 1}, new double[] {median, 0.5},
                        new double[] {hi, 0}) : List.of(new double[] {lo, 0}, new double[] {median, 0.5},
                        new double[] {hi > lo ? hi : lo + 1, 1}));
                break;
            case LOG:
                n = new TransformSpec(Type.LOG, d, null, null, null, null, null, null, null, null, null, null, null, null);
                break;
            case IDENTITY:
                n = TransformSpec.identity();
                break;
            default:
                n = TransformSpec.linear(d);
        }
        set(n);
    }

    /** The direction of a transform; for piecewise and steps, whether the scores fall (cost) or rise. */
    static Direction direction(TransformSpec t) {
        if (t.direction() != null) {
            return t.direction();
        }
        if (t.points() != null && t.points().size() > 1) {
            return t.points().get(0)[1] > t.points().get(t.points().size() - 1)[1] ? Direction.COST : Direction.BENEFIT;
        }
        if (t.values() != null && t.values().size() > 1) {
            return t.values().get(0) > t.values().get(t.values().size() - 1) ? Direction.COST : Direction.BENEFIT;
        }
        return Direction.BENEFIT;
    }

    /** Benefit or cost (for the types that have a direction). */
    public void setDirection(Direction d) {
        TransformSpec t = transform.get();
        if (TransformFields.directed(t.type()) && t.direction() != d) {
            set(new TransformSpec(t.type(), d, t.min(), t.max(), t.value(), t.breaks(), t.values(), t.points(),
                    t.midpoint(), t.spread(), t.ideal(), t.offset(), t.scores(), t.otherwise()));
        }
    }

    /** Back to the transform the editor started with (Cancel). */
    public void revert() {
        set(initial);
    }

    public TransformSpec initial() {
        return initial;
    }

    private void set(TransformSpec n) {
        try {
            Transforms.validate(n, "transform");
        } catch (ScenarioException e) {
            return;
        }
        transform.set(n);
        if (!fromFields) {
            fields.set(n);
        }
        live.accept(n);
    }

    private void fieldsChanged() {
        if (!fields.errorProperty().get().isEmpty()) {
            return;
        }
        TransformSpec n = fields.spec();
        if (!n.equals(transform.get())) {
            fromFields = true;
            try {
                set(n);
            } finally {
                fromFields = false;
            }
        }
    }

    private static TransformSpec sigmoid(Direction d, double mid, double spread) {
        return new TransformSpec(Type.SIGMOID, d, null, null, null, null, null, null, mid, spread, null, null, null, null);
    }

    private static TransformSpec gaussian(double ideal, double spread) {
        return new TransformSpec(Type.GAUSSIAN, null, null, null, null, null, null, null, null, spread, ideal, null, null,
                null);
    }

    private static TransformSpec piecewise(List<double[]> pts) {
        return new TransformSpec(Type.PIECEWISE, null, null, null, null, null, null, pts, null, null, null, null, null,
                null);
    }

    /** Counts of passing + failing sites per bin (tests, tooltips). */
    public int[] totalCounts() {
        int[] t = Arrays.copyOf(passing, BINS);
        for (int i = 0; i < BINS; i++) {
            t[i] += failing[i];
        }
        return t;
    }
}
