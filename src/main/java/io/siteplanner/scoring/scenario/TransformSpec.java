package io.siteplanner.scoring.scenario;

import java.util.List;

/**
 * How a raw criterion value becomes a [0,1] score. Only the fields of the type are used; the others are
 * null. See docs/scenario.md for the formulas.
 *
 * @param type      {@link Type}
 * @param direction benefit (more is better) or cost (less is better); linear, log, threshold, sigmoid
 * @param min       explicit lower end of the range (linear, log); null = data minimum
 * @param max       explicit upper end of the range (linear, log); null = data maximum
 * @param value     threshold value (threshold)
 * @param breaks    ascending break values (steps)
 * @param values    step scores, breaks.size()+1 of them (steps)
 * @param points    (x, y) pairs with strictly ascending x (piecewise)
 * @param midpoint  sigmoid midpoint
 * @param spread    sigmoid spread (&gt; 0) or gaussian standard deviation (&gt; 0)
 * @param ideal     gaussian ideal value
 * @param offset    log offset added before the logarithm (default 1)
 * @param scores    categories: text value to score in [0,1], in file order
 * @param otherwise categories: score of a text not in {@code scores} (JSON key {@code default}; null = 0)
 */
public record TransformSpec(Type type, Direction direction, Double min, Double max, Double value,
        List<Double> breaks, List<Double> values, List<double[]> points, Double midpoint, Double spread,
        Double ideal, Double offset, java.util.Map<String, Double> scores, Double otherwise) {

    /** Transform types. */
    public enum Type {
        LINEAR("linear"), THRESHOLD("threshold"), STEPS("steps"), PIECEWISE("piecewise"), SIGMOID("sigmoid"),
        GAUSSIAN("gaussian"), LOG("log"), IDENTITY("identity"), CATEGORIES("categories");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Type of(String s) {
            for (Type t : values()) {
                if (t.json.equals(s)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** More is better (benefit) or less is better (cost). */
    public enum Direction {
        BENEFIT, COST;

        public String json() {
            return this == BENEFIT ? "benefit" : "cost";
        }
    }

    public TransformSpec {
        breaks = breaks == null ? null : List.copyOf(breaks);
        values = values == null ? null : List.copyOf(values);
        points = points == null ? null : List.copyOf(points);
        scores = scores == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    /** A categories transform: text to score, and the score of other texts. */
    public static TransformSpec categories(java.util.Map<String, Double> scores, Double otherwise) {
        return new TransformSpec(Type.CATEGORIES, null, null, null, null, null, null, null, null, null, null, null,
                scores, otherwise);
    }

    /** Whether this is the same transform (points compared by value). */
    public boolean same(TransformSpec o) {
        if (o == null || type != o.type || direction != o.direction || !java.util.Objects.equals(min, o.min)
                || !java.util.Objects.equals(max, o.max) || !java.util.Objects.equals(value, o.value)
                || !java.util.Objects.equals(breaks, o.breaks) || !java.util.Objects.equals(values, o.values)
                || !java.util.Objects.equals(midpoint, o.midpoint) || !java.util.Objects.equals(spread, o.spread)
                || !java.util.Objects.equals(ideal, o.ideal) || !java.util.Objects.equals(offset, o.offset)
                || !java.util.Objects.equals(scores, o.scores) || !java.util.Objects.equals(otherwise, o.otherwise)) {
            return false;
        }
        if (points == null || o.points == null) {
            return points == o.points;
        }
        if (points.size() != o.points.size()) {
            return false;
        }
        for (int i = 0; i < points.size(); i++) {
            if (!java.util.Arrays.equals(points.get(i), o.points.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Linear over the data range. */
    public static TransformSpec linear(Direction d) {
        return new TransformSpec(Type.LINEAR, d, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** Linear over an explicit range. */
    public static TransformSpec linear(Direction d, double min, double max) {
        return new TransformSpec(Type.LINEAR, d, min, max, null, null, null, null, null, null, null, null, null, null);
    }

    public static TransformSpec identity() {
        return new TransformSpec(Type.IDENTITY, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public TransformSpec withType(Type t) {
        return new TransformSpec(t, direction, min, max, value, breaks, values, points, midpoint, spread, ideal, offset,
                scores, otherwise);
    }
}
