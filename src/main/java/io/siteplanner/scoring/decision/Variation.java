package io.siteplanner.scoring.decision;

import io.siteplanner.scoring.random.Distributions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An input uncertainty: the raw values of a criterion (or the campus IT load, {@value #IT_LOAD}) are
 * multiplied by a random factor around 1.
 *
 * <ul>
 * <li>{@link Shape#UNIFORM}: factor = 1 + f (2u - 1), uniform on [1 - f, 1 + f]; f below 1.</li>
 * <li>{@link Shape#NORMAL}: factor = 1 + f z with z standard normal truncated to [-3, 3] (inverse CDF of a
 * uniform, so bounded: [1 - 3f, 1 + 3f]); f below 1/3.</li>
 * </ul>
 * For a criterion every site gets its own factor in every draw (measurement uncertainty of each site's
 * value). For the IT load one factor per draw applies to the whole campus.
 *
 * @param target   criterion id, or {@value #IT_LOAD}
 * @param fraction f, e.g. 0.10 for "price=10%"
 */
public record Variation(String target, double fraction) {
    /** The target naming the campus IT load. */
    public static final String IT_LOAD = "itLoadMw";

    /** The distribution of the factor. */
    public enum Shape {
        UNIFORM, NORMAL;

        /** The factor at quantile u in (0, 1) for fraction f. */
        public double factor(double f, double u) {
            return this == UNIFORM ? 1 + f * (2 * u - 1) : 1 + f * Distributions.truncatedNormal3(u);
        }

        /** Smallest and largest factor for fraction f. */
        public double[] bounds(double f) {
            double a = this == UNIFORM ? f : 3 * f;
            return new double[] {1 - a, 1 + a};
        }

        public static Shape of(String s) {
            for (Shape x : values()) {
                if (x.name().equalsIgnoreCase(s)) {
                    return x;
                }
            }
            throw new IllegalArgumentException("unknown distribution '" + s + "' (uniform or normal)");
        }
    }

    public Variation {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a variation needs a criterion id or itLoadMw");
        }
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("variation of " + target + " must be from 0% to below 100%");
        }
    }

    /** Whether this varies the campus IT load. */
    public boolean isItLoad() {
        return IT_LOAD.equals(target);
    }

    /** Checks the fraction against the shape (factors must stay &gt; 0). */
    public void check(Shape shape) {
        if (shape == Shape.NORMAL && !(fraction < 1.0 / 3)) {
            throw new IllegalArgumentException("with a normal factor (truncated at 3 standard deviations) the"
                    + " variation of " + target + " must be below 33.3%");
        }
    }

    /**
     * Parses {@code "price=10%,itLoadMw=20%"} (a percentage, or a fraction such as {@code 0.1}).
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static List<Variation> parse(String spec) {
        List<Variation> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("'" + p + "' is not criterion=percent (e.g. price=10%)");
            }
            String id = p.substring(0, eq).strip();
            String v = p.substring(eq + 1).strip();
            double f;
            try {
                f = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
                        : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a percentage (e.g. 10%)");
            }
            out.add(new Variation(id, f));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ±%s%%", target, trim(fraction * 100));
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
    }
}
