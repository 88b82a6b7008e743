package io.siteplanner.ui;

import io.siteplanner.model.Units;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One hard constraint of the scenario editor with how many sites it removes by itself (-1 until counted).
 * FX thread only.
 */
public final class ConstraintRow {
    private final ConstraintSpec spec;
    private final String unit;
    private final ReadOnlyIntegerWrapper failing = new ReadOnlyIntegerWrapper(this, "failing", -1);

    /**
     * @param unit the raw unit of the criterion a comparison is on (engine units: m, acres, USD...), or null
     */
    ConstraintRow(ConstraintSpec spec, String unit) {
        this.spec = spec;
        this.unit = unit;
    }

    public ConstraintSpec spec() {
        return spec;
    }

    /** The raw unit of the compared value ("m", "acres", ...; "" when it has none). */
    public String unit() {
        return unit == null ? "" : unit;
    }

    /** Sites this constraint fails, whatever the others say; -1 while not counted. */
    public ReadOnlyIntegerProperty failingProperty() {
        return failing.getReadOnlyProperty();
    }

    void setFailing(int n) {
        failing.set(n);
    }

    /** The constraint in words: "d_sub <= 8,047 m", "not within 100 m of flood [FLD_ZONE = 'AE']". */
    public String describe() {
        if (spec.isExclusion()) {
            return "not within " + Units.number(spec.buffer()) + " m of " + spec.exclude()
                    + (spec.filter() == null ? "" : " [" + spec.filter() + "]");
        }
        return spec.criterion() + " " + spec.op() + " " + Units.number(spec.value()) + (unit().isEmpty() ? "" : " " + unit());
    }
}
