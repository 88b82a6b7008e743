package io.siteplanner.gis;

import io.siteplanner.model.FieldType;
import io.siteplanner.model.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No-data values that well-known public layers use for "unknown", so they are never taken for real
 * values: HIFLD Electric Power Transmission Lines write -999999 in VOLTAGE (about 18-20% of lines,
 * DESIGN.md section 5); HIFLD Electric Substations -999999 or 0 in MAX_VOLT/MIN_VOLT.
 */
public final class NoData {
    /** HIFLD's "not available" number. */
    public static final double HIFLD = -999999;

    private NoData() {
    }

    /** The default no-data values of a layer with this schema, by field name (empty when none apply). */
    public static Map<String, List<Double>> defaults(Schema schema) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        if (numeric(schema, "VOLTAGE") && schema.indexOf("VOLT_CLASS") >= 0) {
            out.put(name(schema, "VOLTAGE"), List.of(HIFLD));
        }
        for (String f : new String[] {"MAX_VOLT", "MIN_VOLT"}) {
            if (numeric(schema, f)) {
                out.put(name(schema, f), List.of(HIFLD, 0.0));
            }
        }
        return out;
    }

    private static boolean numeric(Schema s, String name) {
        int i = s.indexOf(name);
        return i >= 0 && s.field(i).type().isNumeric() && s.field(i).type() != FieldType.BOOLEAN;
    }

    private static String name(Schema s, String name) {
        return s.field(s.indexOf(name)).name();
    }
}
