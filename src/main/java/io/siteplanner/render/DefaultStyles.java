package io.siteplanner.render;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.gis.preset.FieldRole;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.gis.preset.Presets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The style a planner expects when a layer is first added. Recognised public layers
 * ({@link Presets#detect}) get their standard style: lines and substations by kV class in the usual
 * voltage colours with unknown voltage as its own class (substations sized by estimated capacity when
 * they have one), plants by fuel sized by MW, places sized by population, boundaries as outlines, service
 * territories by utility type, pricing nodes by node type. Other layers are guessed from the geometry type
 * and field names (a kV field, a price field). The user can change the style afterwards;
 * {@link Legend#of} describes any style in words.
 */
public final class DefaultStyles {
    /**
     * kV class breaks: &lt;100 (69), 100-199 (115/138/161), 200-299 (230), 300-449 (345), 450-699 (500),
     * 700+ (765), the classes of HIFLD's VOLT_CLASS.
     */
    public static final double[] KV_BREAKS = {100, 200, 300, 450, 700};
    /**
     * kV class colours, in the order of {@link #KV_BREAKS} classes: the voltage colours of OpenInfraMap
     * (olive, orange, red, magenta for rising voltage; cyan for the highest), with a blue for 500 kV so
     * that 345 and 500 kV differ.
     */
    public static final int[] KV_COLORS = {Colors.rgb(0xb59f10), Colors.rgb(0xb55d00), Colors.rgb(0xc73030),
        Colors.rgb(0xb54eb2), Colors.rgb(0x3a4cc0), Colors.rgb(0x00a9b5)};
    /** Colour of lines and substations whose voltage is unknown (OpenInfraMap's grey). */
    public static final int KV_UNKNOWN = Colors.rgb(0x7a7a85);
    /** Legend labels of the kV classes. */
    public static final String[] KV_LABELS = {"under 100 kV (69)", "100-199 kV (115, 138, 161)", "200-299 kV (230)",
        "300-449 kV (345)", "450-699 kV (500)", "700 kV and above (765)"};
    /** Fuel colours by lower-case EIA Energy Atlas PrimSource, and EIA-860 energy source codes. */
    public static final Map<String, Integer> FUEL_COLORS = fuelColors();
    private static final String[] VOLTAGE_FIELDS = {"kv", "max_kv", "voltage_kv", "max_volt", "voltage", "volt",
        "kv_class", "voltagekv"};
    private static final String[] PRICE_FIELDS = {"price_usd_mwh", "price", "usd_mwh", "lmp", "industrial_cents_kwh",
        "cents_kwh", "rate"};
    private static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf,
        0xbcbd22};

    private DefaultStyles() {
    }

    /** State outlines of the basemap: land fill, darker border. */
    public static LayerStyle basemapStates() {
        return LayerStyle.single(Colors.rgb(0xf4f1ea), Colors.rgb(0x8c8179), 1.0, 0);
    }

    /** County outlines of the basemap: no fill, thin light border. */
    public static LayerStyle basemapCounties() {
        return LayerStyle.single(0, Colors.rgb(0xcfc6bd), 0.6, 0);
    }

    /**
     * Places of the basemap: no symbol of their own; the labels draw a dot with each name they place, so
     * the map shows the places it names and no unlabelled dots.
     */
    public static LayerStyle basemapPlaces() {
        return LayerStyle.single(0, 0, 0, 0);
    }

    /** Background (water) colour behind the basemap. */
    public static final int BACKGROUND = Colors.rgb(0xd4e4ef);

    private static Map<String, Integer> fuelColors() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] t = {{"natural gas", "f28e2b"}, {"coal", "4d4d4d"}, {"nuclear", "e3242b"}, {"hydroelectric", "1f78b4"},
            {"pumped storage", "6baed6"}, {"wind", "4daf4a"}, {"solar", "f2c80f"}, {"petroleum", "8c510a"},
            {"biomass", "7f9c3a"}, {"geothermal", "b15928"}, {"batteries", "9467bd"}, {"other", "9e9e9e"},
            // EIA-860/860M energy source codes
            {"ng", "f28e2b"}, {"bit", "4d4d4d"}, {"sub", "4d4d4d"}, {"lig", "4d4d4d"}, {"rc", "4d4d4d"},
            {"nuc", "e3242b"}, {"wat", "1f78b4"}, {"wnd", "4daf4a"}, {"sun", "f2c80f"}, {"dfo", "8c510a"},
            {"rfo", "8c510a"}, {"wds", "7f9c3a"}, {"lfg", "7f9c3a"}, {"geo", "b15928"}, {"mwh", "9467bd"}};
        for (String[] r : t) {
            m.put(r[0], Colors.rgb(Integer.parseInt(r[1], 16)));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A default style for a layer: the standard style of its preset when it is a recognised public layer,
     * else guessed; {@code ordinal} varies the colour of plain layers.
     */
    public static LayerStyle guess(VectorLayer layer, int ordinal) {
        Optional<Preset> preset = Presets.detect(layer);
        if (preset.isPresent()) {
            LayerStyle s = forPreset(preset.get(), layer);
            if (s != null) {
                return s;
            }
        }
        return guessFromFields(layer, ordinal);
    }

    /** The standard style of a recognised layer, or null when its theme has none (tables). */
    public static LayerStyle forPreset(Preset p, VectorLayer layer) {
        String kv = present(layer, p.fieldName(FieldRole.VOLTAGE_KV));
        switch (p.theme()) {
            case LINES:
                return kv == null ? null : LayerStyle.single(KV_UNKNOWN, KV_UNKNOWN, 1.8, 0)
                        .graduated(kv, KV_BREAKS, KV_COLORS);
            case SUBSTATIONS: {
                if (kv == null) {
                    return null;
                }
                LayerStyle s = LayerStyle.single(KV_UNKNOWN, Colors.rgb(0x333333), 0.8, 7)
                        .graduated(kv, KV_BREAKS, KV_COLORS);
                String cap = present(layer, Preset.CAPACITY_ESTIMATE);
                return cap != null ? s.withSizeBy(cap, 4, 16) : s.withSizeBy(kv, 5, 11);
            }
            case PLANTS: {
                String fuel = present(layer, p.fieldName(FieldRole.FUEL));
                String mw = present(layer, p.fieldName(FieldRole.CAPACITY_MW));
                if (fuel == null) {
                    return null;
                }
                LayerStyle s = LayerStyle.single(Colors.rgb(0x9e9e9e), Colors.rgb(0x333333), 0.6, 6)
                        .categorized(fuel, categories(layer, fuel, FUEL_COLORS, 255));
                return mw == null ? s : s.withSizeBy(mw, 3, 18);
            }
            case CITIES: {
                String pop = present(layer, p.fieldName(FieldRole.POPULATION));
                LayerStyle s = LayerStyle.single(Colors.rgb(0x3b3b3b), Colors.rgb(0xffffff), 0.8, 4);
                return pop == null ? s : s.withSizeBy(pop, 3, 7);
            }
            case COUNTIES:
                return basemapCounties();
            case STATES:
                return LayerStyle.single(0, Colors.rgb(0x8c8179), 1.2, 0);
            case NATION:
                return LayerStyle.single(0, Colors.rgb(0x6d635b), 1.6, 0);
            case TERRITORIES: {
                String type = present(layer, p.fieldName(FieldRole.TYPE));
                LayerStyle s = LayerStyle.single(Colors.withAlpha(Colors.rgb(0xbdbdbd), 70), Colors.rgb(0x6a6a6a), 0.8, 0);
                return type == null ? s : s.categorized(type, categories(layer, type, TERRITORY_COLORS, 90));
            }
            case PRICING_NODES: {
                String type = present(layer, p.fieldName(FieldRole.NODE_TYPE));
                LayerStyle s = LayerStyle.single(Colors.rgb(0x7f7f7f), Colors.rgb(0xffffff), 0.8, 6);
                return type == null ? s : s.categorized(type, categories(layer, type, NODE_COLORS, 255));
            }
            default:
                return null;
        }
    }

    private static final Map<String, Integer> TERRITORY_COLORS = Map.of("investor owned", Colors.rgb(0x1f77b4),
            "cooperative", Colors.rgb(0x2ca02c), "municipal", Colors.rgb(0xff7f0e), "political subdivision",
            Colors.rgb(0x9467bd), "state", Colors.rgb(0x8c564b), "federal", Colors.rgb(0xe377c2));
    private static final Map<String, Integer> NODE_COLORS = Map.of("hub", Colors.rgb(0xd62728), "zone",
            Colors.rgb(0xff7f0e), "gen", Colors.rgb(0x7f7f7f));

    /** Categories for the distinct values of a text field, coloured by their lower-case key in {@code colors}. */
    private static Map<String, Integer> categories(VectorLayer layer, String field, Map<String, Integer> colors,
            int alpha) {
        int fi = layer.schema().indexOf(field);
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Feature f : layer.features()) {
            Object v = f.value(fi);
            if (v == null) {
                continue;
            }
            String key = LayerDraw.categoryKey(v);
            Integer c = colors.get(key.trim().toLowerCase(Locale.ROOT));
            if (c != null && !out.containsKey(key)) {
                out.put(key, Colors.withAlpha(c, alpha));
            }
        }
        return out;
    }

    private static String present(VectorLayer layer, String field) {
        if (field == null) {
            return null;
        }
        int i = layer.schema().indexOf(field);
        return i < 0 ? null : layer.schema().field(i).name();
    }

    /**
     * Colours of layers the user adds (ColorBrewer Dark2 without its grey, then Set1's blue, red and purple):
     * none is a colour of the demo's layers ({@link #guess} with small ordinals) or of the score ramp.
     */
    public static final int[] ADDED = {0xd95f02, 0x7570b3, 0xe7298a, 0x66a61e, 0xe6ab02, 0xa6761d, 0x1b9e77,
        0x377eb8, 0xe41a1c, 0x984ea3};

    /**
     * The default style of a layer the user adds: its preset's standard style when recognised, else guessed
     * from its fields in {@code color} (an {@link #ADDED} colour): points and lines in it, polygons as a
     * light fill of it (alpha 60 of 255) with an outline in it, so that what lies below shows through.
     */
    public static LayerStyle guessAdded(VectorLayer layer, int color) {
        Optional<Preset> preset = Presets.detect(layer);
        if (preset.isPresent()) {
            LayerStyle s = forPreset(preset.get(), layer);
            if (s != null) {
                return s;
            }
        }
        LayerStyle s = guessFromFields(layer, 0, Colors.rgb(color));
        if (s.kind() == LayerStyle.Kind.SINGLE && layer.geometryType().dimension() == 2) {
            s = s.withFill(Colors.withAlpha(Colors.rgb(color), 60)).withStroke(Colors.rgb(color), 1.2);
        }
        return s;
    }

    /** The style guessed from the geometry type and field names (layers that are not recognised). */
    static LayerStyle guessFromFields(VectorLayer layer, int ordinal) {
        return guessFromFields(layer, ordinal, Colors.rgb(PALETTE[Math.floorMod(ordinal, PALETTE.length)]));
    }

    private static LayerStyle guessFromFields(VectorLayer layer, int ordinal, int base) {
        int dim = layer.geometryType().dimension();
        if (dim < 0 && layer.size() > 0) {
            for (Feature f : layer.features()) {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    dim = f.geometry().getDimension();
                    break;
                }
            }
        }
        String kv = numericField(layer, VOLTAGE_FIELDS);
        if (dim == 0) {
            LayerStyle s = LayerStyle.single(base, Colors.rgb(0xffffff), 1.0, 7);
            if (kv != null) {
                s = s.withFill(Colors.rgb(0x5b2c6f)).withSizeBy(kv, 5, 14);
            }
            return s;
        }
        if (dim == 1) {
            LayerStyle s = LayerStyle.single(0, base, 1.6, 0);
            if (kv != null) {
                s = s.withFill(KV_UNKNOWN).withStroke(Colors.rgb(0x555555), 1.8).graduated(kv, KV_BREAKS, KV_COLORS);
            }
            return s;
        }
        String price = numericField(layer, PRICE_FIELDS);
        if (price != null) {
            double[] breaks = quantileBreaks(layer, price, Colors.PRICE.length);
            int[] colors = new int[breaks.length + 1];
            for (int i = 0; i < colors.length; i++) {
                colors[i] = Colors.withAlpha(Colors.ramp(Colors.PRICE, colors.length == 1 ? 0 : (double) i / (colors.length - 1)), 150);
            }
            return LayerStyle.single(Colors.withAlpha(Colors.rgb(0xcccccc), 120), Colors.rgb(0x8a6d3b), 1.0, 0)
                    .graduated(price, breaks, colors);
        }
        return LayerStyle.single(Colors.withAlpha(base, 90), base, 1.0, 0);
    }

    /** Style of candidate parcels coloured by score: colours come per feature from {@link ScoreLegend#colors}. */
    public static LayerStyle candidates() {
        return LayerStyle.single(Colors.rgb(0xb5b5b5), Colors.rgb(0x333333), 0.8, 0);
    }


    /** The first numeric field whose lower-case name is in {@code names} (in the order of names). */
    static String numericField(VectorLayer layer, String[] names) {
        for (String n : names) {
            for (Field f : layer.schema().fields()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(n) && (f.type().isNumeric())) {
                    return f.name();
                }
            }
        }
        return null;
    }

    /** Up to k-1 distinct quantile breaks of a numeric field (ascending). */
    public static double[] quantileBreaks(VectorLayer layer, String field, int classes) {
        int fi = layer.schema().indexOf(field);
        double[] v = layer.features().stream().mapToDouble(f -> f.number(fi)).filter(d -> !Double.isNaN(d)).sorted()
                .toArray();
        if (v.length == 0 || classes < 2) {
            return new double[0];
        }
        double[] b = new double[classes - 1];
        int n = 0;
        for (int i = 1; i < classes; i++) {
            double q = v[Math.min(v.length - 1, (int) Math.floor((double) i * v.length / classes))];
            if (n == 0 || q > b[n - 1]) {
                b[n++] = q;
            }
        }
        return Arrays.copyOf(b, n);
    }
}
