package io.siteplanner.gis.preset;

import java.util.Objects;

/**
 * A field SitePlanner adds to a recognised layer when it is loaded.
 *
 * @param name the new field's name (e.g. {@code max_kv}, {@code cap_mw_est})
 * @param how  how it is computed
 * @param from the field it is computed from, or null ({@link Derivation#CAPACITY_FROM_LINES} uses a lines layer)
 * @param unit unit label
 * @param note how it is computed, in words (shown by {@code info} and wherever the field is explained)
 */
public record DerivedField(String name, Derivation how, String from, String unit, String note) {
    /** Ways of deriving a field. */
    public enum Derivation {
        /** OSM voltages in volts, ';'-separated ("345000;138000"), to the highest in kV (345). */
        MAX_KV_FROM_VOLTS,
        /** A number written as text ("345", "13.8 kV") to a number. */
        NUMBER_FROM_TEXT,
        /**
         * Substation capacity estimated from the lines that end at it (reV: half the sum of the connected
         * lines' capacities by voltage class). Needs a lines layer, so it is computed by the scoring
         * package ({@code io.siteplanner.scoring.SubstationCapacity}), not by {@link Presets#derive}.
         */
        CAPACITY_FROM_LINES
    }

    public DerivedField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(how, "how");
    }
}
