package io.siteplanner.model;

import java.util.Objects;

/**
 * One attribute column.
 *
 * @param name  the name as in the source (case kept)
 * @param type  the value type
 * @param width source width when the format has one (DBF), else 0
 * @param precision source decimals when the format has one (DBF), else 0
 */
public record Field(String name, FieldType type, int width, int precision) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public Field(String name, FieldType type) {
        this(name, type, 0, 0);
    }
}
