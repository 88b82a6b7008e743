package io.siteplanner.scoring.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.random.Distributions;
import java.util.Locale;

/**
 * A triangular distribution (min, most likely, max), the three-point estimate of a task duration; min ==
 * max is a constant. JSON: {@code [min, mode, max]} or a single number.
 */
public record Tri(double min, double mode, double max) {
    public Tri {
        if (!(min >= 0 && min <= mode && mode <= max) || Double.isInfinite(max)) {
            throw new ScenarioException("", "a duration must be [min, most likely, max] with 0 <= min <= most likely"
                    + " <= max");
        }
    }

    /** A constant. */
    public static Tri of(double v) {
        return new Tri(v, v, v);
    }

    /** The value at quantile u in [0, 1]. */
    public double at(double u) {
        return Distributions.triangular(min, mode, max, u);
    }

    static Tri read(JsonNode n, String path) {
        if (n.isNumber()) {
            try {
                return of(n.asDouble());
            } catch (ScenarioException e) {
                throw new ScenarioException(path, "must be a number >= 0");
            }
        }
        if (!n.isArray() || n.size() != 3 || !n.get(0).isNumber() || !n.get(1).isNumber() || !n.get(2).isNumber()) {
            throw new ScenarioException(path, "must be [min, most likely, max] (numbers) or one number");
        }
        try {
            return new Tri(n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble());
        } catch (ScenarioException e) {
            throw new ScenarioException(path, e.problem());
        }
    }

    void write(ArrayNode a) {
        a.add(min);
        a.add(mode);
        a.add(max);
    }

    @Override
    public String toString() {
        return min == max ? fmt(min) : fmt(min) + "/" + fmt(mode) + "/" + fmt(max);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
    }
}
