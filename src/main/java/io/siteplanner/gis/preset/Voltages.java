package io.siteplanner.gis.preset;

import java.util.Locale;

/**
 * Voltages as OpenStreetMap tags them: volts, several circuits separated by ';' ({@code "345000;138000"}),
 * sometimes with a unit ({@code "345 kV"}, {@code "13800V"}). Parsed to the highest voltage in kV, the
 * figure planners classify lines and substations by.
 */
public final class Voltages {
    private Voltages() {
    }

    /**
     * The highest voltage in kV of an OSM {@code voltage} value: a number (volts) or text of ';'-, ','- or
     * '/'-separated volts, each optionally suffixed with {@code V} or {@code kV}. Parts that are not numbers
     * ("medium", "unknown") or not positive are skipped; NaN when none is left or the value is null.
     */
    public static double maxKv(Object raw) {
        if (raw == null) {
            return Double.NaN;
        }
        if (raw instanceof Number) {
            double v = ((Number) raw).doubleValue();
            return v > 0 && !Double.isInfinite(v) ? v / 1000 : Double.NaN;
        }
        double best = Double.NaN;
        for (String part : raw.toString().split("[;,/]")) {
            double kv = partKv(part);
            if (kv > 0 && !(kv <= best)) {
                best = kv;
            }
        }
        return best;
    }

    private static double partKv(String part) {
        String s = part.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        double scale = 1e-3;
        if (s.endsWith("kv")) {
            s = s.substring(0, s.length() - 2);
            scale = 1;
        } else if (s.endsWith("v")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? Double.NaN : v * scale;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A number written as text ("345", " 13.8 ", "13.8 kV" gives 13.8); NaN when it is none. */
    public static double number(Object raw) {
        if (raw instanceof Number) {
            return ((Number) raw).doubleValue();
        }
        if (raw == null) {
            return Double.NaN;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT).replaceAll("\\s*(kv|mw|v)$", "");
        try {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
