package io.siteplanner.scoring;

import io.siteplanner.gis.NoData;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.LayerRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a scenario layer's attributes after loading and joins: no-data values become empty (the
 * layer's {@code nodata} plus the defaults of well-known public layers, {@link NoData}), then computed
 * fields are appended in order ({@code fields}: name to ECQL expression, REAL values), so criteria and
 * filters use them like stored fields.
 */
public final class LayerFields {
    private LayerFields() {
    }

    /**
     * Applies no-data values and computed fields.
     *
     * @param path JSON path of the layer ({@code layers.counties}) for errors
     */
    public static VectorLayer apply(VectorLayer l, LayerRef ref, String path) {
        Map<String, List<Double>> nodata = new LinkedHashMap<>(NoData.defaults(l.schema()));
        for (Map.Entry<String, List<Double>> e : ref.nodata().entrySet()) {
            int i = l.schema().indexOf(e.getKey());
            if (i < 0) {
                throw new ScenarioException(path + ".nodata." + e.getKey(), "unknown field '" + e.getKey()
                        + "' (fields: " + String.join(", ", l.schema().names()) + ")");
            }
            nodata.put(l.schema().field(i).name(), e.getValue());
        }
        VectorLayer out = l;
        if (!nodata.isEmpty()) {
            out = blank(out, nodata);
        }
        for (Map.Entry<String, String> e : ref.fields().entrySet()) {
            out = compute(out, e.getKey(), e.getValue(), path + ".fields." + e.getKey());
        }
        return out;
    }

    private static VectorLayer blank(VectorLayer l, Map<String, List<Double>> nodata) {
        int[] idx = new int[nodata.size()];
        double[][] vals = new double[nodata.size()][];
        int k = 0;
        for (Map.Entry<String, List<Double>> e : nodata.entrySet()) {
            idx[k] = l.schema().indexOf(e.getKey());
            vals[k] = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            k++;
        }
        List<Feature> fs = new ArrayList<>(l.size());
        int blanked = 0;
        for (Feature f : l.features()) {
            Object[] v = null;
            for (int j = 0; j < idx.length; j++) {
                Object o = f.value(idx[j]);
                if (o == null) {
                    continue;
                }
                double x = f.number(idx[j]);
                for (double nd : vals[j]) {
                    if (x == nd) {
                        if (v == null) {
                            v = values(f);
                        }
                        v[idx[j]] = null;
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
        return l.toBuilder().features(fs).warn(blanked + " no-data values (" + describe(nodata) + ") read as empty")
                .build();
    }

    private static String describe(Map<String, List<Double>> nodata) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : nodata.entrySet()) {
            List<String> v = new ArrayList<>();
            for (double d : e.getValue()) {
                v.add(d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d));
            }
            parts.add(e.getKey() + " " + String.join("/", v));
        }
        return String.join(", ", parts);
    }

    private static Object[] values(Feature f) {
        Object[] v = new Object[f.valueCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.value(i);
        }
        return v;
    }

    private static VectorLayer compute(VectorLayer l, String name, String expr, String path) {
        if (l.schema().indexOf(name) >= 0 && l.schema().field(l.schema().indexOf(name)).name().equals(name)) {
            throw new ScenarioException(path, "the layer already has a field '" + name + "'");
        }
        FeatureFilter.Value v = FeatureFilter.expression(expr, l.schema(), path);
        List<Field> fields = new ArrayList<>(l.schema().fields());
        fields.add(new Field(name, FieldType.REAL));
        List<Feature> fs = new ArrayList<>(l.size());
        for (Feature f : l.features()) {
            Object x = v.eval(f);
            Object val = x instanceof Number ? (Object) ((Number) x).doubleValue() : null;
            fs.add(f.withExtraValues(new Object[] {val}));
        }
        return l.toBuilder().schema(new Schema(fields)).features(fs).build();
    }
}
