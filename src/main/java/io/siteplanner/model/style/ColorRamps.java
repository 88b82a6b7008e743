package io.siteplanner.model.style;

import java.util.List;

/**
 * Colour ramps for graduated and categorized styles: sequential and diverging schemes and qualitative
 * sets from ColorBrewer (Cynthia A. Brewer, Pennsylvania State University, colorbrewer2.org; the colour
 * specifications are under the Apache License 2.0). Each ramp is its largest ColorBrewer class count;
 * {@link Ramp#colors(int)} takes evenly spaced colours of it, interpolating when more are asked for.
 */
public final class ColorRamps {
    /** Ramp families. */
    public enum Type { SEQUENTIAL, DIVERGING, QUALITATIVE }

    /**
     * One ramp.
     *
     * @param name  ColorBrewer's name (YlOrRd ...)
     * @param type  sequential, diverging or qualitative
     * @param stops the colours, ARGB, from low to high
     */
    public record Ramp(String name, Type type, int[] stops) {
        /** {@code n} colours from low to high (opaque). */
        public int[] colors(int n) {
            int[] out = new int[n];
            if (type == Type.QUALITATIVE) {
                for (int i = 0; i < n; i++) {
                    out[i] = stops[i % stops.length];
                }
                return out;
            }
            for (int i = 0; i < n; i++) {
                double t = n == 1 ? 0.5 : (double) i / (n - 1);
                if (n <= stops.length) {
                    out[i] = stops[(int) Math.round(t * (stops.length - 1))];
                } else {
                    out[i] = Colors.ramp(stops, t);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    public static final Ramp YL_OR_RD = ramp("YlOrRd", Type.SEQUENTIAL,
            "ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c bd0026 800026");
    public static final Ramp YL_OR_BR = ramp("YlOrBr", Type.SEQUENTIAL,
            "ffffe5 fff7bc fee391 fec44f fe9929 ec7014 cc4c02 993404 662506");
    public static final Ramp BLUES = ramp("Blues", Type.SEQUENTIAL,
            "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b");
    public static final Ramp GREENS = ramp("Greens", Type.SEQUENTIAL,
            "f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 006d2c 00441b");
    public static final Ramp PURPLES = ramp("Purples", Type.SEQUENTIAL,
            "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d");
    public static final Ramp YL_GN_BU = ramp("YlGnBu", Type.SEQUENTIAL,
            "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 253494 081d58");
    public static final Ramp RD_YL_BU = ramp("RdYlBu", Type.DIVERGING,
            "a50026 d73027 f46d43 fdae61 fee090 ffffbf e0f3f8 abd9e9 74add1 4575b4 313695");
    public static final Ramp RD_YL_GN = ramp("RdYlGn", Type.DIVERGING,
            "a50026 d73027 f46d43 fdae61 fee08b ffffbf d9ef8b a6d96a 66bd63 1a9850 006837");
    public static final Ramp SPECTRAL = ramp("Spectral", Type.DIVERGING,
            "9e0142 d53e4f f46d43 fdae61 fee08b ffffbf e6f598 abdda4 66c2a5 3288bd 5e4fa2");
    public static final Ramp BR_BG = ramp("BrBG", Type.DIVERGING,
            "543005 8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e 003c30");
    public static final Ramp SET1 = ramp("Set1", Type.QUALITATIVE,
            "e41a1c 377eb8 4daf4a 984ea3 ff7f00 ffff33 a65628 f781bf 999999");
    public static final Ramp DARK2 = ramp("Dark2", Type.QUALITATIVE, "1b9e77 d95f02 7570b3 e7298a 66a61e e6ab02 a6761d 666666");
    public static final Ramp SET2 = ramp("Set2", Type.QUALITATIVE, "66c2a5 fc8d62 8da0cb e78ac3 a6d854 ffd92f e5c494 b3b3b3");

    private static final List<Ramp> ALL = List.of(YL_OR_RD, YL_OR_BR, BLUES, GREENS, PURPLES, YL_GN_BU, RD_YL_BU,
            RD_YL_GN, SPECTRAL, BR_BG, SET1, DARK2, SET2);

    private ColorRamps() {
    }

    /** Every ramp, sequential first. */
    public static List<Ramp> all() {
        return ALL;
    }

    /** The ramp with this name, or null. */
    public static Ramp byName(String name) {
        for (Ramp r : ALL) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }

    private static Ramp ramp(String name, Type type, String hex) {
        String[] h = hex.split(" ");
        int[] c = new int[h.length];
        for (int i = 0; i < h.length; i++) {
            c[i] = Colors.rgb(Integer.parseInt(h[i], 16));
        }
        return new Ramp(name, type, c);
    }
}
