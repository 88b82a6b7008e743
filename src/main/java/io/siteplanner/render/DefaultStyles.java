package io.siteplanner.render;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * The style a planner expects when a layer is first added: substations sized by voltage, lines coloured
 * by kV class, price zones as a graduated choropleth, other polygons translucent. Guessed from the
 * geometry type and field names; the user can change it afterwards.
 */
public final class DefaultStyles {
    /** kV class breaks: &lt;100, 100-199 (115/138/161), 200-299 (230), 300-449 (345), 450-699 (500), 700+ (765). */
    public static final double[] KV_BREAKS = {100, 200, 300, 450, 700};
    /** kV class colours, in the order of {@link #KV_BREAKS} classes. */
    public static final int[] KV_COLORS = {Colors.rgb(0x7f8c8d), Colors.rgb(0x2e86de), Colors.rgb(0x10ac84),
        Colors.rgb(0xee9a00), Colors.rgb(0xd63031), Colors.rgb(0x8e44ad)};
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

    /** Background (water) colour behind the basemap. */
    public static final int BACKGROUND = Colors.rgb(0xd4e4ef);

    /** A default style for a layer; {@code ordinal} varies the colour of plain layers. */
    public static LayerStyle guess(VectorLayer layer, int ordinal) {
        int dim = layer.geometryType().dimension();
        if (dim < 0 && layer.size() > 0) {
            for (Feature f : layer.features()) {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    dim = f.geometry().getDimension();
                    break;
                }
            }
        }
        int base = Colors.rgb(PALETTE[Math.floorMod(ordinal, PALETTE.length)]);
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
                s = s.withStroke(Colors.rgb(0x555555), 1.8).graduated(kv, KV_BREAKS, KV_COLORS);
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

    /** Style of candidate parcels coloured by score: colours come per feature from {@link #scoreColors}. */
    public static LayerStyle candidates() {
        return LayerStyle.single(Colors.rgb(0xb5b5b5), Colors.rgb(0x333333), 0.8, 0);
    }

    /**
     * Per-feature colours by score in [0,1] on the red-yellow-green ramp; failed sites (passed false) and
     * missing scores grey.
     */
    public static int[] scoreColors(double[] scores, boolean[] passed) {
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) {
            boolean ok = passed == null || passed[i];
            // opaque: translucent fills cost Java2D 2-3x more per polygon
            out[i] = !ok || Double.isNaN(scores[i]) ? Colors.rgb(0xbdbdbd) : Colors.ramp(Colors.SCORE, scores[i]);
        }
        return out;
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
