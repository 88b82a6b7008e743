package io.siteplanner.scoring;

/**
 * The evaluated raw values of one criterion for all candidates (NaN = missing), plus, for kinds that
 * look at another feature, the index of that feature in its layer (-1 = none), and the unit.
 *
 * @param values  one raw value per candidate
 * @param feature referenced feature per candidate (nearest substation, containing zone...), or null
 * @param unit    unit of the values, e.g. "acres", "m", "USD"
 * @param note    one line about how it was computed (shown with --timings and in explanations), or null
 */
public record Column(double[] values, int[] feature, String unit, String note) {
}
