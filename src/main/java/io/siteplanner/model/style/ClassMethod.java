package io.siteplanner.model.style;

import java.util.function.BiFunction;

/**
 * The ways of making graduated classes from a field's values; each is one class doing one computation
 * ({@link EqualInterval}, {@link Quantiles}, {@link NaturalBreaks}); {@link #MANUAL} breaks are typed
 * ({@link ManualBreaks}).
 */
public enum ClassMethod {
    EQUAL_INTERVAL("Equal interval", EqualInterval::breaks),
    QUANTILE("Quantile (equal count)", Quantiles::breaks),
    NATURAL_BREAKS("Natural breaks (Jenks)", NaturalBreaks::breaks),
    MANUAL("Manual breaks", (v, k) -> new double[0]);

    private final String label;
    private final BiFunction<double[], Integer, double[]> compute;

    ClassMethod(String label, BiFunction<double[], Integer, double[]> compute) {
        this.label = label;
        this.compute = compute;
    }

    /**
     * The breaks of {@code classes} classes over ascending values (no NaN, no no-data values); none for
     * {@link #MANUAL}.
     */
    public double[] breaks(double[] sorted, int classes) {
        return compute.apply(sorted, classes);
    }

    /** The method with this name ({@link #name()}), or null. */
    public static ClassMethod byName(String name) {
        for (ClassMethod m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
