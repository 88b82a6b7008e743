package io.siteplanner.scoring;

/**
 * The values of one attribute for every feature of a layer, as numbers: the number itself, or for text
 * read as categories the index of the text in {@link #categories} (sorted). NaN where the value is empty,
 * not a number, or a declared no-data value.
 *
 * @param values     one per feature (do not modify)
 * @param categories distinct texts in ascending order when read as text, else null
 */
public record FeatureValues(double[] values, String[] categories) {
    /** The values of the given features (NaN where the index is -1). */
    public double[] at(int[] feature) {
        double[] out = new double[feature.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = feature[i] < 0 ? Double.NaN : values[feature[i]];
        }
        return out;
    }

    /** Whether the values are category indexes. */
    public boolean isText() {
        return categories != null;
    }
}
