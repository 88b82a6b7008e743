package io.siteplanner.gis.preset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A public layer SitePlanner recognises by its fields ({@link Presets#detect}), bound to one layer's
 * field names: its theme, key fields with units and no-data values, derived fields, how it joins (for
 * tables), the criteria it offers to a scenario builder, and caveats. Immutable.
 *
 * @param id          stable id, e.g. {@code hifld-substations}
 * @param title       the dataset as planners call it, e.g. "HIFLD Electric Substations"
 * @param theme       what the layer is about
 * @param source      publisher and licence in words
 * @param attribution credit for the map's attribution line ("© OpenStreetMap contributors (ODbL)")
 * @param fields      key fields (stored and derived), in display order
 * @param derived     fields SitePlanner adds when the layer is loaded
 * @param join        how the table joins to a boundary layer, or null for spatial layers
 * @param criteria    suggested criteria
 * @param notes       caveats, one line each
 */
public record Preset(String id, String title, Theme theme, String source, String attribution, List<KeyField> fields,
        List<DerivedField> derived, JoinHint join, List<CriterionTemplate> criteria, List<String> notes) {
    /** Name of the estimated substation capacity field ({@link DerivedField.Derivation#CAPACITY_FROM_LINES}). */
    public static final String CAPACITY_ESTIMATE = "cap_mw_est";
    /** The note shown wherever {@link #CAPACITY_ESTIMATE} is shown. */
    public static final String CAPACITY_ESTIMATE_NOTE = "estimate, not utility data: half the sum of the capacities"
            + " of the lines ending at the substation by voltage class (NREL reV rule; 69 kV 102 MW, 138 kV 205 MW,"
            + " 230 kV 400 MW, 345 kV 750 MW, 500 kV+ 1,500 MW)";

    public Preset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(theme, "theme");
        fields = List.copyOf(fields);
        derived = List.copyOf(derived);
        criteria = List.copyOf(criteria);
        notes = List.copyOf(notes);
    }

    /** The first key field with this role. */
    public Optional<KeyField> field(FieldRole role) {
        for (KeyField f : fields) {
            if (f.role() == role) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The name of the first key field with this role, or null. */
    public String fieldName(FieldRole role) {
        return field(role).map(KeyField::name).orElse(null);
    }

    /** No-data values by field name (stored fields only), in field order. */
    public Map<String, List<Double>> noData() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (KeyField f : fields) {
            if (!f.derived() && !f.noData().isEmpty()) {
                out.put(f.name(), f.noData());
            }
        }
        return out;
    }

    /** Whether substations of this layer get {@link #CAPACITY_ESTIMATE} from a lines layer. */
    public boolean estimatesCapacity() {
        for (DerivedField d : derived) {
            if (d.how() == DerivedField.Derivation.CAPACITY_FROM_LINES) {
                return true;
            }
        }
        return false;
    }

    /** The preset as JSON-ready maps and lists (what {@code info --json} prints under "preset"). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
        m.put("themeLabel", theme.label());
        m.put("source", source);
        m.put("attribution", attribution);
        List<Object> fs = new ArrayList<>();
        for (KeyField f : fields) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", f.name());
            x.put("role", f.role().name().toLowerCase(java.util.Locale.ROOT));
            x.put("roleLabel", f.role().label());
            x.put("unit", f.unit());
            x.put("noData", f.noData());
            x.put("derived", f.derived());
            x.put("estimate", f.estimate());
            x.put("note", f.note());
            fs.add(x);
        }
        m.put("fields", fs);
        List<Object> ds = new ArrayList<>();
        for (DerivedField d : derived) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", d.name());
            x.put("how", d.how().name().toLowerCase(java.util.Locale.ROOT));
            x.put("from", d.from());
            x.put("unit", d.unit());
            x.put("note", d.note());
            ds.add(x);
        }
        m.put("derived", ds);
        if (join != null) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("to", join.to().name().toLowerCase(java.util.Locale.ROOT));
            j.put("tableKey", join.tableKey());
            j.put("layerKeys", join.layerKeys());
            j.put("fields", join.fields());
            j.put("note", join.note());
            m.put("join", j);
        }
        List<Object> cs = new ArrayList<>();
        for (CriterionTemplate c : criteria) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("label", c.label());
            x.put("kind", c.kind());
            x.putAll(c.params());
            if (c.direction() != null) {
                x.put("direction", c.direction());
            }
            if (c.categories() != null) {
                x.put("categories", c.categories());
            }
            if (c.note() != null) {
                x.put("note", c.note());
            }
            cs.add(x);
        }
        m.put("criteria", cs);
        m.put("notes", notes);
        return m;
    }
}
