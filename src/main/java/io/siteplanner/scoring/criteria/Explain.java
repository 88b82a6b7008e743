package io.siteplanner.scoring.criteria;

import io.siteplanner.scoring.Column;
import java.util.Locale;

/** Raw values in words with their units, for explanations and reasons. */
public final class Explain {
    private Explain() {
    }

    /** A raw value of a column in words: "no data", a category's text, or the number with its unit. */
    public static String value(double raw, Column col) {
        if (raw != raw) {
            return "no data";
        }
        if (col != null && col.categories() != null) {
            int k = (int) raw;
            return k >= 0 && k < col.categories().length ? col.categories()[k] : "?";
        }
        return number(raw, col == null ? "" : col.unit());
    }

    /** A number with its unit: metres as m or km, USD as $ with k/M/B, others plain. */
    public static String number(double x, String unit) {
        if (x != x) {
            return "no data";
        }
        String u = unit == null ? "" : unit;
        switch (u) {
            case "m":
                return Math.abs(x) >= 1000 ? String.format(Locale.ROOT, "%.1f km", x / 1000) : grouped(x, 0) + " m";
            case "USD":
                return dollars(x);
            case "USD/yr":
                return dollars(x) + "/yr";
            case "MW":
                return grouped(x, 0) + " MW";
            case "acres":
                return grouped(x, Math.abs(x) < 10 ? 2 : 0) + " acres";
            case "fraction":
                return String.format(Locale.ROOT, "%.1f %%", x * 100);
            case "":
                return plain(x);
            default:
                return plain(x) + " " + u;
        }
    }

    /** Dollars: $950, $12.3 k, $4.56 M, $1.20 B. */
    public static String dollars(double x) {
        double a = Math.abs(x);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "$%.2f B", x / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "$%.2f M", x / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "$%.1f k", x / 1e3);
        }
        return String.format(Locale.ROOT, "$%.0f", x);
    }

    /** Thousands separators and a fixed number of decimals. */
    public static String grouped(double x, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", x);
    }

    /** Integers plain, else up to 3 significant digits (at least one decimal). */
    public static String plain(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        double a = Math.abs(x);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.1f", x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** "layer" or "layer [filter]". */
    static String layer(String layer, String filter) {
        return filter == null || filter.isBlank() ? layer : layer + " [" + filter + "]";
    }
}
