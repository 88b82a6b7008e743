package io.siteplanner.model;

import java.util.Locale;

/**
 * Formats raw criterion values with units for people: metres as km or miles (per the user's setting),
 * dollars as $ k/M/B, acres, MW, fractions as %. Values are always kept in SI units (metres) inside the
 * engine; this is display only.
 */
public final class Units {
    /** Distance display unit. */
    public enum DistanceUnit { KM, MILES }

    public static final double METRES_PER_MILE = 1609.344;

    private Units() {
    }

    /** Miles for US/Liberia/Myanmar locales, else km. */
    public static DistanceUnit defaultDistanceUnit(Locale locale) {
        String c = locale.getCountry();
        return c.equals("US") || c.equals("LR") || c.equals("MM") ? DistanceUnit.MILES : DistanceUnit.KM;
    }

    /** The unit label shown in a column header for an engine unit ("m" becomes "km" or "mi"). */
    public static String label(String unit, DistanceUnit d) {
        if (unit == null) {
            return "";
        }
        switch (unit) {
            case "m": return d == DistanceUnit.MILES ? "mi" : "km";
            case "acres": return "ac";
            case "fraction": return "%";
            case "USD": return "$";
            case "USD/yr": return "$/yr";
            default: return unit.startsWith("USD/") ? "$/" + unit.substring(4) : unit;
        }
    }

    /** The value in its display unit (metres to km/mi, fraction to %), for sorting and charts. */
    public static double toDisplay(double v, String unit, DistanceUnit d) {
        if ("m".equals(unit)) {
            return d == DistanceUnit.MILES ? v / METRES_PER_MILE : v / 1000;
        }
        if ("fraction".equals(unit)) {
            return v * 100;
        }
        return v;
    }

    /** A value with its unit, e.g. "3.14 mi", "$41.2 M", "1,005.5 ac", "-544 MW"; "no data" for NaN. */
    public static String format(double v, String unit, DistanceUnit d) {
        if (Double.isNaN(v)) {
            return "no data";
        }
        String u = unit == null ? "" : unit;
        switch (u) {
            case "m": {
                double x = toDisplay(v, u, d);
                return String.format(Locale.ROOT, x < 10 ? "%.2f %s" : "%,.1f %s", x, label(u, d));
            }
            case "acres": return String.format(Locale.ROOT, "%,.1f ac", v);
            case "fraction": return String.format(Locale.ROOT, "%.1f %%", v * 100);
            case "USD": return money(v);
            case "USD/yr": return money(v) + "/yr";
            case "MW": return String.format(Locale.ROOT, "%,.0f MW", v);
            // counts of people and accounts (a gravity sum of persons is fractional: its decimals mean nothing)
            case "persons": case "people": case "customers": case "households":
                return String.format(Locale.ROOT, "%,.0f %s", v, u);
            default:
                if (u.startsWith("$/") || u.startsWith("USD/")) { // a price per unit: "$62.30/MWh"
                    return (v < 0 ? "-$" : "$") + number(Math.abs(v)) + u.substring(u.indexOf('/'));
                }
                return number(v) + (u.isEmpty() ? "" : " " + u);
        }
    }

    /**
     * The unit a numeric field's name states by the common suffix conventions, or "" when it states none:
     * {@code price_usd_mwh} is USD/MWh, {@code land_usd_acre} USD/acre, {@code rate_cents_kwh} cents/kWh,
     * {@code cost_usd} USD, {@code avail_mw} MW, {@code max_kv} kV, {@code size_acres} acres (case-insensitive,
     * "_per_" allowed: {@code usd_per_mwh}).
     */
    public static String ofField(String field) {
        if (field == null) {
            return "";
        }
        String f = field.toLowerCase(Locale.ROOT).replace("_per_", "_");
        String[][] suffixes = {{"usd_mwh", "USD/MWh"}, {"usd_kwh", "USD/kWh"}, {"usd_acre", "USD/acre"},
            {"usd_ac", "USD/acre"}, {"cents_kwh", "cents/kWh"}, {"usd_yr", "USD/yr"}, {"usd", "USD"},
            {"mw", "MW"}, {"mwh", "MWh"}, {"kv", "kV"}, {"km", "km"}, {"mi", "mi"}, {"miles", "mi"},
            {"acres", "acres"}, {"pct", "%"}, {"percent", "%"}, {"months", "months"}, {"years", "years"}};
        for (String[] x : suffixes) {
            if (f.equals(x[0]) || f.endsWith("_" + x[0])) {
                return x[1];
            }
        }
        return "";
    }

    /** Dollars with k/M/B suffix: "$41.2 M". */
    public static String money(double v) {
        double a = Math.abs(v);
        String s = v < 0 ? "-$" : "$";
        if (a >= 1e9) {
            return s + String.format(Locale.ROOT, "%.2f B", a / 1e9);
        }
        if (a >= 1e6) {
            return s + String.format(Locale.ROOT, "%.1f M", a / 1e6);
        }
        if (a >= 1e4) {
            return s + String.format(Locale.ROOT, "%.0f k", a / 1e3);
        }
        return s + String.format(Locale.ROOT, "%,.0f", a);
    }

    /** A plain number: integers with separators, else up to 4 significant decimals. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.1f" : a >= 1 ? "%.2f" : "%.4f", v);
    }
}
