package io.siteplanner.model.style;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What classification reads from a layer: a field's numbers (without no-data values) or its categories. */
public final class ClassValues {
    /**
     * Orders category keys: numbers numerically (2 before 10), then other text alphabetically (case
     * ignored, then as typed).
     */
    public static final Comparator<String> CATEGORY_ORDER = (a, b) -> {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            int c = x.compareTo(y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        int c = a.compareToIgnoreCase(b);
        return c != 0 ? c : a.compareTo(b);
    };

    private ClassValues() {
    }

    /**
     * The finite values of a numeric field, ascending, leaving out empty values and the no-data values.
     *
     * @throws IllegalArgumentException when the layer has no such field
     */
    public static double[] numbers(VectorLayer layer, String field, double... noData) {
        int fi = layer.schema().indexOf(field);
        if (fi < 0) {
            throw new IllegalArgumentException("layer " + layer.name() + " has no field '" + field + "'");
        }
        double[] out = new double[layer.size()];
        int n = 0;
        for (Feature f : layer.features()) {
            double v = f.number(fi);
            if (Double.isFinite(v) && !contains(noData, v)) {
                out[n++] = v;
            }
        }
        double[] v = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(v);
        return v;
    }

    /**
     * The distinct category keys of a field ({@code key} turns a value into its key), in
     * {@link #CATEGORY_ORDER}, at most {@code limit}.
     */
    public static List<String> categories(VectorLayer layer, String field, java.util.function.Function<Object, String> key,
            int limit) {
        int fi = layer.schema().indexOf(field);
        if (fi < 0) {
            throw new IllegalArgumentException("layer " + layer.name() + " has no field '" + field + "'");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Feature f : layer.features()) {
            Object v = f.value(fi);
            if (v != null) {
                seen.add(key.apply(v));
            }
        }
        TreeSet<String> sorted = new TreeSet<>(CATEGORY_ORDER);
        sorted.addAll(seen);
        List<String> out = new ArrayList<>();
        for (String s : sorted) {
            if (out.size() >= limit) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** Whether a field holds numbers. */
    public static boolean isNumeric(VectorLayer layer, String field) {
        int fi = layer.schema().indexOf(field);
        if (fi < 0) {
            return false;
        }
        Field f = layer.schema().field(fi);
        return f.type().isNumeric();
    }

    private static boolean contains(double[] a, double v) {
        if (a == null) {
            return false;
        }
        for (double d : a) {
            if (d == v) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) {
            return null;
        }
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
