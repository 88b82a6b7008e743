package io.siteplanner.ui;

import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import io.siteplanner.scoring.scenario.TransformSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A transform as form fields: type, direction and the parameters of each type as text (empty = not set),
 * checked with the engine's {@link Transforms#validate}. Used by the criterion form and the transform
 * editor. FX thread.
 */
public final class TransformFields {
    private final ObjectProperty<Type> type = new SimpleObjectProperty<>(this, "type", Type.LINEAR);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.BENEFIT);
    private final StringProperty min = new SimpleStringProperty(this, "min", "");
    private final StringProperty max = new SimpleStringProperty(this, "max", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty midpoint = new SimpleStringProperty(this, "midpoint", "");
    private final StringProperty spread = new SimpleStringProperty(this, "spread", "");
    private final StringProperty ideal = new SimpleStringProperty(this, "ideal", "");
    private final StringProperty points = new SimpleStringProperty(this, "points", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private TransformSpec original;

    public TransformFields() {
        for (javafx.beans.Observable p : List.of(type, direction, min, max, value, midpoint, spread, ideal, points)) {
            p.addListener(o -> check());
        }
    }

    /** Fills the fields from a transform. */
    public void set(TransformSpec t) {
        original = t;
        type.set(t.type());
        direction.set(t.direction() == null ? Direction.BENEFIT : t.direction());
        min.set(text(t.min()));
        max.set(text(t.max()));
        value.set(text(t.value()));
        midpoint.set(text(t.midpoint()));
        spread.set(text(t.spread()));
        ideal.set(text(t.ideal()));
        points.set(t.points() == null ? "" : pointsText(t.points()));
        check();
    }

    public ObjectProperty<Type> typeProperty() {
        return type;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty minProperty() {
        return min;
    }

    public StringProperty maxProperty() {
        return max;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty midpointProperty() {
        return midpoint;
    }

    public StringProperty spreadProperty() {
        return spread;
    }

    public StringProperty idealProperty() {
        return ideal;
    }

    /** Piecewise points as {@code x:y, x:y, ...}. */
    public StringProperty pointsProperty() {
        return points;
    }

    /** What is wrong ("" when the fields make a valid transform). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the type takes a direction. */
    public static boolean directed(Type t) {
        return t == Type.LINEAR || t == Type.LOG || t == Type.THRESHOLD || t == Type.SIGMOID;
    }

    /** The transform the fields make; throws {@link ScenarioException} (or NumberFormatException) when invalid. */
    public TransformSpec spec() {
        Type t = type.get();
        boolean range = t == Type.LINEAR || t == Type.LOG;
        TransformSpec s = new TransformSpec(t, directed(t) ? direction.get() : null, range ? num(min, "min") : null,
                range ? num(max, "max") : null, t == Type.THRESHOLD ? num(value, "value") : null,
                t == Type.STEPS && original != null ? original.breaks() : null,
                t == Type.STEPS && original != null ? original.values() : null,
                t == Type.PIECEWISE ? parsePoints(points.get()) : null, t == Type.SIGMOID ? num(midpoint, "midpoint") : null,
                t == Type.SIGMOID || t == Type.GAUSSIAN ? num(spread, "spread") : null,
                t == Type.GAUSSIAN ? num(ideal, "ideal") : null, t == Type.LOG && original != null ? original.offset() : null,
                t == Type.CATEGORIES && original != null ? original.scores() : null,
                t == Type.CATEGORIES && original != null ? original.otherwise() : null);
        Transforms.validate(s, "transform");
        return s;
    }

    private void check() {
        try {
            spec();
            error.set("");
        } catch (ScenarioException e) {
            error.set(e.getMessage());
        } catch (IllegalArgumentException e) {
            error.set("transform: " + e.getMessage());
        }
    }

    private static Double num(StringProperty p, String name) {
        String s = p.get() == null ? "" : p.get().trim().replace(",", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + s + "' is not a number");
        }
    }

    static String text(Double v) {
        return v == null ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) (double) v)
                : Double.toString(v);
    }

    static String pointsText(List<double[]> pts) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : pts) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%s:%s", text(p[0]), text(p[1])));
        }
        return sb.toString();
    }

    static List<double[]> parsePoints(String s) {
        List<double[]> out = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return out;
        }
        for (String part : s.split(",")) {
            String[] xy = part.trim().split(":");
            if (xy.length != 2) {
                throw new IllegalArgumentException("point '" + part.trim() + "' is not x:y");
            }
            try {
                out.add(new double[] {Double.parseDouble(xy[0].trim()), Double.parseDouble(xy[1].trim())});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("point '" + part.trim() + "' is not two numbers");
            }
        }
        return out;
    }

    private static String bound(Double v) {
        return v == null ? "data" : io.siteplanner.model.Units.number(v);
    }

    /** A transform in a few words ("linear, cost", "piecewise 0→1 1,609→1 ..."). */
    public static String describe(TransformSpec t) {
        if (t == null) {
            return "";
        }
        String d = t.direction() == null ? "" : ", " + t.direction().json();
        switch (t.type()) {
            case LINEAR:
            case LOG:
                return t.type().json() + d + (t.min() != null || t.max() != null ? " " + bound(t.min()) + " … "
                        + bound(t.max()) : " over the data range");
            case THRESHOLD:
                return "threshold" + d + " at " + io.siteplanner.model.Units.number(t.value());
            case SIGMOID:
                return "sigmoid" + d + ", midpoint " + io.siteplanner.model.Units.number(t.midpoint()) + ", spread "
                        + io.siteplanner.model.Units.number(t.spread());
            case GAUSSIAN:
                return "gaussian, ideal " + io.siteplanner.model.Units.number(t.ideal()) + ", spread "
                        + io.siteplanner.model.Units.number(t.spread());
            case PIECEWISE: {
                StringBuilder sb = new StringBuilder("piecewise");
                for (double[] p : t.points()) {
                    sb.append(' ').append(io.siteplanner.model.Units.number(p[0])).append('→').append(text(p[1]));
                }
                return sb.toString();
            }
            default:
                return t.type().json() + d;
        }
    }
}
