package io.siteplanner.model.style;

import java.util.Arrays;
import java.util.Locale;

/** Breaks typed by the user, e.g. {@code "100, 250, 500"}: parsed, checked and sorted. */
public final class ManualBreaks {
    private ManualBreaks() {
    }

    /**
     * The ascending distinct breaks in a comma- or space-separated list.
     *
     * @throws IllegalArgumentException naming the entry that is not a number, or when there is none
     */
    public static double[] parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("type at least one break, e.g. 100, 250, 500");
        }
        String[] parts = t.split("[,;\\s]+");
        double[] b = new double[parts.length];
        int n = 0;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            try {
                b[n] = Double.parseDouble(p.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("break '" + p + "' is not a number");
            }
            if (!Double.isFinite(b[n])) {
                throw new IllegalArgumentException("break '" + p + "' is not a finite number");
            }
            n++;
        }
        return Arrays.stream(b, 0, n).sorted().distinct().toArray();
    }

    /** Breaks as the user would type them ("100, 250.5, 500"). */
    public static String format(double[] breaks) {
        StringBuilder sb = new StringBuilder();
        for (double v : breaks) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : String.format(Locale.ROOT, "%s", v));
        }
        return sb.toString();
    }
}
