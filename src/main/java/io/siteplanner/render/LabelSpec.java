package io.siteplanner.render;

import io.siteplanner.gis.preset.FieldRole;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.model.VectorLayer;
import java.util.Objects;

/**
 * What a layer labels and how: the text field, the field giving priority (population for places; polygon
 * area when null) and the kind, which sets the font and the scales at which labels appear ({@link Labels}).
 *
 * @param kind          state, county or place rules
 * @param textField     field with the label text
 * @param priorityField numeric field, larger first (null: larger polygons first)
 * @param minScale      most zoomed-out scale denominator the labels show at (0: no limit)
 * @param maxScale      most zoomed-in scale denominator the labels show at (0: no limit)
 */
public record LabelSpec(Kind kind, String textField, String priorityField, double minScale, double maxScale) {
    /** Label rules. */
    public enum Kind {
        /**
         * A layer's own labels by a field the user chose ({@link io.siteplanner.model.style.LabelStyle}): placed
         * first, plain text with a halo, beside points and at the middle of lines and polygons.
         */
        FIELD,
        /** State names: bold, letter-spaced, from national to regional scales. */
        STATE,
        /** Place names by population: more as you zoom in. */
        PLACE,
        /** County names in italics, at state and closer scales, where the county is wide enough. */
        COUNTY
    }

    public LabelSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(textField, "textField");
    }

    /** Labels shown at every scale. */
    public LabelSpec(Kind kind, String textField, String priorityField) {
        this(kind, textField, priorityField, 0, 0);
    }

    /** The labels a user set on a layer's style. */
    public static LabelSpec of(io.siteplanner.model.style.LabelStyle l) {
        return new LabelSpec(Kind.FIELD, l.field(), null, l.minScale(), l.maxScale());
    }

    /** Whether labels show at a scale denominator (0 limits: always). */
    public boolean showsAt(double scale) {
        return (minScale <= 0 || scale <= minScale) && (maxScale <= 0 || scale >= maxScale);
    }

    /** The labels of a recognised layer: states, counties and places are labelled; others are not (null). */
    public static LabelSpec forPreset(Preset p, VectorLayer layer) {
        if (p == null) {
            return null;
        }
        String name = p.fieldName(FieldRole.NAME);
        if (name == null || layer.schema().indexOf(name) < 0) {
            return null;
        }
        switch (p.theme()) {
            case STATES:
                return new LabelSpec(Kind.STATE, name, null);
            case COUNTIES:
                return new LabelSpec(Kind.COUNTY, name, null);
            case CITIES:
                return new LabelSpec(Kind.PLACE, name, p.fieldName(FieldRole.POPULATION));
            default:
                return null;
        }
    }
}
