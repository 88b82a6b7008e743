package io.siteplanner.model;

import java.util.Locale;

/**
 * Counts with their noun for people: "1 feature", "0 features", "1,234 features". The one place that
 * decides singular or plural, so no message says "1 features" or "feature(s)".
 */
public final class Plural {
    private Plural() {
    }

    /** {@code n} with grouping and the noun: {@code one} when n is 1 (or -1), else {@code many}. */
    public static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, Math.abs(n) == 1 ? one : many);
    }

    /** {@code n} and a regular English noun: "1 feature", "2 features". */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** Just the noun for {@code n}: {@code one} when n is 1, else {@code many} (for "1 site has"). */
    public static String noun(long n, String one, String many) {
        return Math.abs(n) == 1 ? one : many;
    }
}
