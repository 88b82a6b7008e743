package io.siteplanner.model.style;

/** ARGB colour helpers and the ramps used by default styles. */
public final class Colors {
    private Colors() {
    }

    public static int argb(int a, int r, int g, int b) {
        return (a & 0xff) << 24 | (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    public static int rgb(int rgb) {
        return 0xff000000 | rgb;
    }

    public static int alpha(int argb) {
        return argb >>> 24;
    }

    /** The colour with another alpha (0..255). */
    public static int withAlpha(int argb, int a) {
        return (argb & 0x00ffffff) | (a & 0xff) << 24;
    }

    /** Linear blend of two colours, t in [0,1]. */
    public static int lerp(int c0, int c1, double t) {
        double u = Math.max(0, Math.min(1, t));
        int a = (int) Math.round((c0 >>> 24) + ((c1 >>> 24) - (c0 >>> 24)) * u);
        int r = (int) Math.round((c0 >> 16 & 0xff) + ((c1 >> 16 & 0xff) - (c0 >> 16 & 0xff)) * u);
        int g = (int) Math.round((c0 >> 8 & 0xff) + ((c1 >> 8 & 0xff) - (c0 >> 8 & 0xff)) * u);
        int b = (int) Math.round((c0 & 0xff) + ((c1 & 0xff) - (c0 & 0xff)) * u);
        return argb(a, r, g, b);
    }

    /** Colour at t in [0,1] along a ramp of stops spread evenly. */
    public static int ramp(int[] stops, double t) {
        if (Double.isNaN(t)) {
            return stops[0];
        }
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return lerp(stops[i], stops[i + 1], x - i);
    }

    /** Score ramp: red (poor) - yellow - green (good), ColorBrewer RdYlGn. */
    public static final int[] SCORE = {rgb(0xd73027), rgb(0xfc8d59), rgb(0xfee08b), rgb(0xd9ef8b), rgb(0x91cf60),
        rgb(0x1a9850)};
    /** Sequential yellow-orange-brown for prices (ColorBrewer YlOrBr). */
    public static final int[] PRICE = {rgb(0xffffd4), rgb(0xfed98e), rgb(0xfe9929), rgb(0xd95f0e), rgb(0x993404)};

    /** CSS-style hex "#rrggbb" or "#aarrggbb". */
    public static String hex(int argb) {
        return alpha(argb) == 255 ? String.format("#%06x", argb & 0xffffff) : String.format("#%08x", argb);
    }

    /** Parses "#rrggbb" or "#aarrggbb". */
    public static int parseHex(String s) {
        String h = s.startsWith("#") ? s.substring(1) : s;
        long v = Long.parseLong(h, 16);
        return h.length() <= 6 ? (int) (0xff000000L | v) : (int) v;
    }
}
