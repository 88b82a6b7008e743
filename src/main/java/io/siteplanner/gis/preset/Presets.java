package io.siteplanner.gis.preset;

import io.siteplanner.gis.preset.DerivedField.Derivation;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the public layers planners actually have by their fields (HIFLD substations and lines,
 * OpenStreetMap power lines and nodes, EIA plants and state prices, FEMA NRI, Census boundaries, ISO
 * pricing nodes, GeoNames places, HIFLD service territories) and prepares them: no-data values read as
 * empty, derived fields added. The one place that knows these datasets' conventions (no-data values,
 * units, key fields); styles are in {@code io.siteplanner.render.DefaultStyles}, the capacity estimate that
 * needs two layers in {@code io.siteplanner.scoring.SubstationCapacity}.
 *
 * <p>Detection looks at field names (case-insensitive), the geometry family and, for boundaries, the
 * layer name or the length of the FIPS codes; the first matching preset wins, most specific first. A
 * partial copy of a dataset is recognised as long as its key fields are there (the HIFLD substation copy
 * with only NAME, CITY, COUNTY, ZIP, STATE, STATUS and MAX_VOLT is HIFLD substations). Stateless and
 * thread-safe.
 */
public final class Presets {
    /** HIFLD's "not available" number (-999999), in VOLTAGE, MAX_VOLT, MIN_VOLT, LINES, CUSTOMERS... */
    public static final double HIFLD_NODATA = -999999;


    private Presets() {
    }

    /** The preset of a layer: its fields, geometry, name and (for boundaries) a sample of its codes. */
    public static Optional<Preset> detect(VectorLayer layer) {
        return Detectors.detect(new Detectors.Probe(layer.schema(), layer.name(), layer.geometryType(), layer));
    }

    /** The preset of a layer known only by its fields, name and declared geometry type (either may be null). */
    public static Optional<Preset> detect(Schema schema, String layerName, GeometryType type) {
        return Detectors.detect(new Detectors.Probe(schema, layerName, type, null));
    }

    /**
     * A recognised layer ready for use: the preset's no-data values read as empty, then its derived fields
     * added ({@link #derive}). Unrecognised layers are returned as they are.
     */
    public static VectorLayer prepare(VectorLayer layer) {
        Optional<Preset> p = detect(layer);
        if (p.isEmpty()) {
            return layer;
        }
        return derive(blank(layer, p.get().noData()), p.get());
    }

    /**
     * The layer with the preset's single-layer derived fields appended as REAL fields (OSM voltages to
     * {@code max_kv}, kV written as text to a number). A derived field whose name the layer already has is
     * left out; {@link Derivation#CAPACITY_FROM_LINES} needs a lines layer and is not computed here.
     */
    public static VectorLayer derive(VectorLayer layer, Preset preset) {
        List<DerivedField> todo = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (DerivedField d : preset.derived()) {
            if (d.how() == Derivation.CAPACITY_FROM_LINES || layer.schema().indexOf(d.name()) >= 0) {
                continue;
            }
            int i = d.from() == null ? -1 : layer.schema().indexOf(d.from());
            if (i >= 0) {
                todo.add(d);
                from.add(i);
            }
        }
        if (todo.isEmpty()) {
            return layer;
        }
        List<Field> fields = new ArrayList<>(layer.schema().fields());
        for (DerivedField d : todo) {
            fields.add(new Field(d.name(), FieldType.REAL));
        }
        List<Feature> out = new ArrayList<>(layer.size());
        for (Feature f : layer.features()) {
            Object[] extra = new Object[todo.size()];
            for (int k = 0; k < extra.length; k++) {
                Object raw = f.value(from.get(k));
                double v = todo.get(k).how() == Derivation.MAX_KV_FROM_VOLTS ? Voltages.maxKv(raw) : Voltages.number(raw);
                extra[k] = Double.isNaN(v) ? null : (Object) v;
            }
            out.add(f.withExtraValues(extra));
        }
        return layer.toBuilder().schema(new Schema(fields)).features(out).build();
    }

    /**
     * The layer with the given no-data values read as empty (null), with one warning counting them
     * ({@code 7 no-data values (VOLTAGE -999999) read as empty}); the same layer when none occurs.
     * Fields missing from the layer are ignored.
     */
    public static VectorLayer blank(VectorLayer l, Map<String, List<Double>> noData) {
        List<Integer> idx = new ArrayList<>();
        List<double[]> vals = new ArrayList<>();
        Map<String, List<Double>> used = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : noData.entrySet()) {
            int i = l.schema().indexOf(e.getKey());
            if (i >= 0 && !e.getValue().isEmpty()) {
                idx.add(i);
                vals.add(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                used.put(l.schema().field(i).name(), e.getValue());
            }
        }
        if (idx.isEmpty()) {
            return l;
        }
        List<Feature> fs = new ArrayList<>(l.size());
        int blanked = 0;
        for (Feature f : l.features()) {
            Object[] v = null;
            for (int j = 0; j < idx.size(); j++) {
                int fi = idx.get(j);
                if (f.value(fi) == null) {
                    continue;
                }
                double x = f.number(fi);
                for (double nd : vals.get(j)) {
                    if (x == nd) {
                        if (v == null) {
                            v = new Object[f.valueCount()];
                            for (int i = 0; i < v.length; i++) {
                                v[i] = f.value(i);
                            }
                        }
                        v[fi] = null;
                        blanked++;
                        break;
                    }
                }
            }
            fs.add(v == null ? f : new Feature(f.fid(), f.geometry(), v));
        }
        if (blanked == 0) {
            return l;
        }
        return l.toBuilder().features(fs).warn(blanked + " no-data values (" + describe(used) + ") read as empty")
                .build();
    }

    /** "VOLTAGE -999999, MAX_VOLT -999999/0". */
    public static String describe(Map<String, List<Double>> noData) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : noData.entrySet()) {
            List<String> v = new ArrayList<>();
            for (double d : e.getValue()) {
                v.add(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
            }
            parts.add(e.getKey() + " " + String.join("/", v));
        }
        return String.join(", ", parts);
    }

}
