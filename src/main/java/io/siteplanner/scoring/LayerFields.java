package io.siteplanner.scoring;

import io.siteplanner.gis.preset.Preset;
import io.siteplanner.gis.preset.Presets;
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
import java.util.Optional;

/**
 * Prepares a scenario layer's attributes after loading and joins: no-data values become empty (the
 * no-data values of the layer's {@link Preset}, when it is a recognised public layer, overridden field by
 * field by the layer's {@code nodata}), the preset's derived fields are added (OSM {@code max_kv}...), then
 * computed fields are appended in order ({@code fields}: name to ECQL expression, REAL values), so
 * criteria and filters use them like stored fields.
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
        Optional<Preset> preset = Presets.detect(l);
        Map<String, List<Double>> nodata = new LinkedHashMap<>(preset.map(Preset::noData).orElse(Map.of()));
        for (Map.Entry<String, List<Double>> e : ref.nodata().entrySet()) {
            int i = l.schema().indexOf(e.getKey());
            if (i < 0) {
                throw new ScenarioException(path + ".nodata." + e.getKey(), "unknown field '" + e.getKey()
                        + "' (fields: " + String.join(", ", l.schema().names()) + ")");
            }
            nodata.put(l.schema().field(i).name(), e.getValue());
        }
        VectorLayer out = Presets.blank(l, nodata);
        if (preset.isPresent()) {
            out = Presets.derive(out, preset.get());
        }
        for (Map.Entry<String, String> e : ref.fields().entrySet()) {
            out = compute(out, e.getKey(), e.getValue(), path + ".fields." + e.getKey());
        }
        return out;
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
