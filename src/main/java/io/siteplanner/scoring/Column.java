package io.siteplanner.scoring;

/**
 * The evaluated raw values of one criterion for all candidates (NaN = missing), plus, for kinds that
 * look at another feature, the index of that feature in its layer (-1 = none), and the unit. Text values
 * (categories) are stored as indexes into {@link #categories}.
 *
 * @param values     one raw value per candidate
 * @param feature    referenced feature per candidate (nearest substation, containing zone...), or null
 * @param unit       unit of the values, e.g. "acres", "m", "USD"
 * @param note       one line about how it was computed (shown with --timings and in explanations), or null
 * @param categories for text values: the texts the values index, else null
 */
public record Column(double[] values, int[] feature, String unit, String note, String[] categories) {
    public Column(double[] values, int[] feature, String unit, String note) {
        this(values, feature, unit, note, null);
    }

    /** Whether the values are texts (category indexes). */
    public boolean isText() {
        return categories != null;
    }

    /** The raw value of site i as an object: a Double (null when missing) or the category text. */
    public Object valueAt(int i) {
        double x = values[i];
        if (x != x) {
            return null;
        }
        if (categories != null) {
            int k = (int) x;
            return k >= 0 && k < categories.length ? categories[k] : null;
        }
        return x;
    }
}
