package io.siteplanner.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Attribute types. Values held in a {@link Feature} use the Java class given by {@link #javaType()}. */
public enum FieldType {
    STRING(String.class),
    /** 64-bit integer, held as {@link Long}. */
    INTEGER(Long.class),
    /** Floating point, held as {@link Double}. */
    REAL(Double.class),
    BOOLEAN(Boolean.class),
    DATE(LocalDate.class),
    DATETIME(LocalDateTime.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == REAL;
    }

    /** Lower-case name as shown by {@code info}: string, integer, real, boolean, date, datetime. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
