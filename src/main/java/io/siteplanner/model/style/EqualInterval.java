package io.siteplanner.model.style;

/**
 * Equal-interval class breaks: the range from the smallest to the largest value cut into classes of equal
 * width (Slocum et al., <i>Thematic Cartography and Geovisualization</i>, 3rd ed., 2009, section 5.3).
 */
public final class EqualInterval {
    private EqualInterval() {
    }

    /**
     * Breaks {@code min + i (max - min) / classes} for i = 1 .. classes-1 (ascending; none when all values are
     * equal or there are none).
     *
     * @param sorted values, ascending, without NaN
     */
    public static double[] breaks(double[] sorted, int classes) {
        if (sorted.length == 0 || classes < 2 || sorted[0] == sorted[sorted.length - 1]) {
            return new double[0];
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double[] b = new double[classes - 1];
        for (int i = 1; i < classes; i++) {
            b[i - 1] = min + i * (max - min) / classes;
        }
        return b;
    }
}
