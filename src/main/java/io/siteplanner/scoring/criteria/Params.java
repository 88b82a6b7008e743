package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import io.siteplanner.scoring.ScenarioException;
import java.util.Arrays;

/**
 * Typed, checked access to the keys of one JSON object of a scenario, with the JSON path in every error
 * ({@code criteria[2].radiusM: must be a number > 0}). Numbers must be finite and at most
 * {@value #MAX_ABS} in magnitude: bigger values are mistakes that would overflow the cost model.
 */
public final class Params {
    /** Largest magnitude accepted for any number. */
    public static final double MAX_ABS = 1e15;

    private final JsonNode node;
    private final String path;

    public Params(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The JSON path of a key of this object. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The path of this object. */
    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** An error at a key. */
    public ScenarioException error(String key, String problem) {
        return new ScenarioException(path(key), problem);
    }

    /** An optional string. */
    public String str(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(key, "must be a string");
        }
        return v.asText();
    }

    /** A required, non-blank string. */
    public String reqStr(String key) {
        String s = str(key);
        if (s == null) {
            throw error(key, "missing");
        }
        if (s.isBlank()) {
            throw error(key, "must not be empty");
        }
        return s;
    }

    /** An optional string that must be one of {@code allowed}. */
    public String oneOf(String key, String... allowed) {
        String s = str(key);
        if (s != null && !Arrays.asList(allowed).contains(s)) {
            throw error(key, "unknown value '" + s + "' (one of: " + String.join(", ", allowed) + ")");
        }
        return s;
    }

    /** An optional finite number. */
    public Double num(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw error(key, "must be a number");
        }
        double d = v.asDouble();
        if (!(Math.abs(d) <= MAX_ABS)) {
            throw error(key, "must be a finite number of magnitude at most 1e15");
        }
        return d;
    }

    /** A required finite number. */
    public double reqNum(String key) {
        Double d = num(key);
        if (d == null) {
            throw error(key, "missing");
        }
        return d;
    }

    /** An optional number &gt; 0. */
    public Double positive(String key) {
        Double d = num(key);
        if (d != null && !(d > 0)) {
            throw error(key, "must be a number > 0");
        }
        return d;
    }

    /** An optional number &gt;= 0. */
    public Double nonNegative(String key) {
        Double d = num(key);
        if (d != null && !(d >= 0)) {
            throw error(key, "must be a number >= 0");
        }
        return d;
    }

    /** An optional number in [lo, hi]. */
    public Double within(String key, double lo, double hi) {
        Double d = num(key);
        if (d != null && !(d >= lo && d <= hi)) {
            throw error(key, "must be in [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        return d;
    }

    /** An optional whole number in [lo, hi]. */
    public Integer integer(String key, int lo, int hi) {
        Double d = num(key);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || d < lo || d > hi) {
            throw error(key, "must be a whole number from " + lo + " to " + hi);
        }
        return (int) (double) d;
    }

    /** An optional boolean. */
    public Boolean bool(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(key, "must be true or false");
        }
        return v.asBoolean();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
