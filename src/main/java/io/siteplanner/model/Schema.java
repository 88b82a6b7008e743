package io.siteplanner.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ordered attribute fields of a vector layer. Immutable. */
public final class Schema {
    private final List<Field> fields;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    public Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        for (int i = 0; i < this.fields.size(); i++) {
            String n = this.fields.get(i).name();
            if (exact.putIfAbsent(n, i) != null) {
                throw new IllegalArgumentException("duplicate field name: " + n);
            }
            folded.putIfAbsent(n.toLowerCase(Locale.ROOT), i);
        }
    }

    public static Schema empty() {
        return new Schema(List.of());
    }

    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    /** Index of the field with this name: exact match first, then case-insensitive; -1 when absent. */
    public int indexOf(String name) {
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(f.name());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
