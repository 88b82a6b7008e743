package io.siteplanner.gis.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.FieldType;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** ISO 8601 recognition and type merging of GeoJSON properties. */
class PropertyTableTest {

    @Test
    void recognisesIsoDatesOnly() {
        assertThat(PropertyTable.isDate("2014-04-24")).isTrue();
        assertThat(PropertyTable.isDate("2024-02-29")).isTrue();
        assertThat(PropertyTable.isDate("2023-02-29")).isFalse();
        assertThat(PropertyTable.isDate("2014/04/24")).isFalse();
        assertThat(PropertyTable.isDate("39339")).isFalse();
        assertThat(PropertyTable.isDate("2014-4-24")).isFalse();
    }

    @Test
    void parsesIsoDateTimesToUtc() {
        assertThat(PropertyTable.parseDateTime("2020-01-02T10:20:30Z")).isEqualTo(LocalDateTime.of(2020, 1, 2, 10, 20, 30));
        assertThat(PropertyTable.parseDateTime("2020-01-02 10:20")).isEqualTo(LocalDateTime.of(2020, 1, 2, 10, 20));
        assertThat(PropertyTable.parseDateTime("2020-01-02T10:20:30.5+05:30"))
                .isEqualTo(LocalDateTime.of(2020, 1, 2, 4, 50, 30, 500_000_000));
        assertThat(PropertyTable.parseDateTime("2020-01-02T23:00:00-0200")).isEqualTo(LocalDateTime.of(2020, 1, 3, 1, 0));
        assertThat(PropertyTable.parseDateTime("2020-01-02T25:00")).isNull();
        assertThat(PropertyTable.parseDateTime("2020-01-02Tnoon")).isNull();
        assertThat(PropertyTable.parseDateTime("2020-01-02T10:20:30 UTC")).isNull();
    }

    @Test
    void mergesTypesLikeGdal() {
        PropertyTable t = new PropertyTable();
        int dates = t.key("d");
        int mixed = t.key("m");
        int nums = t.key("n");
        Object[] v = new Object[0];
        v = t.put(v, dates, "2020-01-02");
        v = t.put(v, dates, "2020-01-02T03:04:05Z");
        v = t.put(v, mixed, 5L);
        v = t.put(v, mixed, "five");
        v = t.put(v, nums, Boolean.TRUE);
        v = t.put(v, nums, 2.5);
        assertThat(t.types()).containsExactly(FieldType.DATETIME, FieldType.STRING, FieldType.REAL);
        assertThat(PropertyTable.convert(Boolean.TRUE, FieldType.REAL)).isEqualTo(1.0);
        assertThat(PropertyTable.convert(5L, FieldType.STRING)).isEqualTo("5");
        assertThat(PropertyTable.convert(2.0, FieldType.STRING)).isEqualTo("2");
        assertThat(PropertyTable.convert(2.25, FieldType.STRING)).isEqualTo("2.25");
        assertThat(v).hasSizeGreaterThanOrEqualTo(3);
    }
}
