package io.siteplanner.scoring.scenario;

import java.util.List;

/**
 * The aggregation method.
 *
 * @param type        weightedSum, topsis or owa
 * @param input       TOPSIS only: {@code transformed} (default; the [0,1] scores, all benefit) or {@code raw}
 *                    (raw values, direction from each criterion's transform)
 * @param orness      OWA only: orness in [0,1] (0.5 = weighted sum, 1 = max/OR, 0 = min/AND); default 0.5
 * @param orderWeights OWA only: explicit order weights (one per scored criterion, largest value first);
 *                    overrides orness
 */
public record MethodSpec(Type type, String input, Double orness, List<Double> orderWeights) {

    /** Methods. */
    public enum Type {
        WEIGHTED_SUM("weightedSum"), TOPSIS("topsis"), OWA("owa");

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

    public MethodSpec {
        orderWeights = orderWeights == null ? null : List.copyOf(orderWeights);
    }

    public static MethodSpec weightedSum() {
        return new MethodSpec(Type.WEIGHTED_SUM, null, null, null);
    }

    public static MethodSpec topsis(boolean raw) {
        return new MethodSpec(Type.TOPSIS, raw ? "raw" : "transformed", null, null);
    }

    public static MethodSpec owa(double orness) {
        return new MethodSpec(Type.OWA, null, orness, null);
    }

    public boolean topsisOnRaw() {
        return "raw".equals(input);
    }
}
