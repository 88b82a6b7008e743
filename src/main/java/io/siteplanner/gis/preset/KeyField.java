package io.siteplanner.gis.preset;

import java.util.List;
import java.util.Objects;

/**
 * A field of a recognised layer that matters for planning, with its meaning, unit and no-data values.
 *
 * @param name     the field's name in this layer (as spelled in the file), or the name of a derived field
 * @param role     what it holds
 * @param unit     unit label ("kV", "MW", "cents/kWh", "persons", "USD/yr"), or null for text and codes
 * @param noData   numbers that mean "unknown" in this field (empty when none); they read as empty
 * @param derived  true when SitePlanner computes the field (see {@link DerivedField}), false when stored
 * @param estimate true when the values are estimates, not source data (they are shown as such)
 * @param note     one line for the user, or null
 */
public record KeyField(String name, FieldRole role, String unit, List<Double> noData, boolean derived,
        boolean estimate, String note) {
    public KeyField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        noData = noData == null ? List.of() : List.copyOf(noData);
    }

    /** A stored field without no-data values. */
    static KeyField of(String name, FieldRole role, String unit) {
        return new KeyField(name, role, unit, List.of(), false, false, null);
    }

    KeyField withNoData(Double... values) {
        return new KeyField(name, role, unit, List.of(values), derived, estimate, note);
    }

    KeyField withNote(String n) {
        return new KeyField(name, role, unit, noData, derived, estimate, n);
    }
}
