package io.siteplanner.render;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.ClassMethod;
import io.siteplanner.model.style.ClassValues;
import io.siteplanner.model.style.ColorRamps;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graduated and categorized styles made from a layer's values, as the style dialog makes them: classes by a
 * {@link ClassMethod} over the field's values without its no-data values (which get the "unknown" fill),
 * colours from a {@link ColorRamps} ramp; categories in numeric order for numbers.
 */
public final class ClassifiedStyles {
    /** Values that commonly stand for "no data" in public tables (EIA, HIFLD, Census use these). */
    private static final double[] SENTINELS = {-999999, -99999, -9999, -999};
    /** Categories listed at most (the rest get the fill colour). */
    public static final int MAX_CATEGORIES = 60;

    private ClassifiedStyles() {
    }

    /**
     * A graduated style on {@code base}.
     *
     * @param manual    the breaks for {@link ClassMethod#MANUAL} (ignored otherwise)
     * @param noData    values of the field meaning "no data" (their own "unknown" class: the fill colour)
     * @param dimension 0 points, 1 lines, 2 polygons (polygons get slightly transparent fills)
     */
    public static LayerStyle graduated(LayerStyle base, VectorLayer layer, String field, ClassMethod method, int classes,
            double[] manual, ColorRamps.Ramp ramp, double[] noData, int dimension) {
        double[] breaks = method == ClassMethod.MANUAL ? manual.clone()
                : method.breaks(ClassValues.numbers(layer, field, noData), classes);
        int[] colors = ramp.colors(breaks.length + 1);
        for (int i = 0; i < colors.length; i++) {
            colors[i] = Colors.withAlpha(colors[i], dimension == 2 ? 210 : 255);
        }
        return base.graduated(field, breaks, colors).withNoData(noData).withClassification(method.name(), ramp.name());
    }

    /** A categorized style on {@code base}: one colour per distinct value, numbers in numeric order. */
    public static LayerStyle categorized(LayerStyle base, VectorLayer layer, String field, ColorRamps.Ramp ramp,
            int dimension) {
        List<String> keys = ClassValues.categories(layer, field, LayerDraw::categoryKey, MAX_CATEGORIES);
        int[] colors = ramp.colors(Math.max(1, keys.size()));
        Map<String, Integer> cats = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            cats.put(keys.get(i), Colors.withAlpha(colors[i], dimension == 2 ? 210 : 255));
        }
        return base.categorized(field, cats).withClassification(null, ramp.name());
    }

    /**
     * The no-data values a field probably has: those its recognised layer declares (already read as empty
     * when displayed, so listed only for the record) and the usual sentinels (-999999, -99999, -9999, -999)
     * when the field's smallest value is one of them.
     */
    public static double[] suggestNoData(MapLayer layer, String field) {
        if (layer.preset() != null) {
            for (Map.Entry<String, List<Double>> e : layer.preset().noData().entrySet()) {
                if (e.getKey().equalsIgnoreCase(field)) {
                    return e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
        }
        if (!ClassValues.isNumeric(layer.display(), field)) {
            return new double[0];
        }
        double[] v = ClassValues.numbers(layer.display(), field);
        if (v.length == 0) {
            return new double[0];
        }
        for (double s : SENTINELS) {
            if (v[0] == s) {
                return new double[] {s};
            }
        }
        return new double[0];
    }
}
