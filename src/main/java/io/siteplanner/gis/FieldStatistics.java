package io.siteplanner.gis;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statistics of one attribute over all or some features of a layer, as the attribute table's side panel
 * shows them and as SQL computes them ({@code COUNT(x), MIN(x), MAX(x), AVG(x), COUNT(DISTINCT x)}):
 * nulls and the layer's no-data values (e.g. HIFLD's -999999) are counted apart and left out of every
 * other figure.
 *
 * <p>Numeric fields ({@link io.siteplanner.model.FieldType#isNumeric()}) get min, max, mean and sum;
 * other fields get the first and last value in code-point order as min and max. One pass, O(n) time,
 * O(distinct) memory. Thread-safe (immutable result); cancellable through {@link Progress}.
 *
 * @param field    the field's name
 * @param numeric  whether min/max/mean are numbers
 * @param rows     features looked at
 * @param count    values that are neither null nor no-data
 * @param nulls    null (empty) values
 * @param noData   values equal to one of the layer's no-data values
 * @param distinct distinct values among {@link #count}
 * @param min      smallest value (numeric), NaN when none
 * @param max      largest value (numeric), NaN when none
 * @param mean     arithmetic mean (numeric), NaN when none
 * @param sum      sum (numeric), 0 when none
 * @param minText  smallest value as text (any type), null when none
 * @param maxText  largest value as text (any type), null when none
 */
public record FieldStatistics(String field, boolean numeric, int rows, int count, int nulls, int noData, int distinct,
        double min, double max, double mean, double sum, String minText, String maxText) {

    /**
     * Statistics of field {@code index} of {@code layer}.
     *
     * @param rows     feature indices to look at, or null for all
     * @param noData   values that mean "no data" for this field (compared as numbers), may be empty
     * @param progress checked for cancellation every 16,384 rows
     */
    public static FieldStatistics of(VectorLayer layer, int index, int[] rows, List<Double> noData, Progress progress) {
        Field f = layer.schema().field(index);
        boolean numeric = f.type().isNumeric();
        int n = rows == null ? layer.size() : rows.length;
        double[] nd = noData == null ? new double[0] : noData.stream().mapToDouble(Double::doubleValue).toArray();
        int count = 0;
        int nulls = 0;
        int noDataCount = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        double comp = 0; // Kahan compensation: means of 100k values stay exact to the last digit
        Set<Object> distinct = new HashSet<>();
        String minText = null;
        String maxText = null;
        for (int k = 0; k < n; k++) {
            if ((k & 16383) == 0) {
                progress.checkCancelled();
            }
            Feature feat = layer.get(rows == null ? k : rows[k]);
            Object v = feat.value(index);
            if (v == null) {
                nulls++;
                continue;
            }
            double d = v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
            if (isNoData(v, d, nd)) {
                noDataCount++;
                continue;
            }
            count++;
            if (numeric && v instanceof Number) {
                distinct.add(d == 0 ? 0.0 : d); // -0.0 and 0.0 are one value, as in SQL
                if (Double.isNaN(min) || d < min) {
                    min = d;
                }
                if (Double.isNaN(max) || d > max) {
                    max = d;
                }
                double y = d - comp;
                double t = sum + y;
                comp = (t - sum) - y;
                sum = t;
            } else {
                String s = v.toString();
                distinct.add(s);
                if (minText == null || s.compareTo(minText) < 0) {
                    minText = s;
                }
                if (maxText == null || s.compareTo(maxText) > 0) {
                    maxText = s;
                }
            }
        }
        if (numeric) {
            minText = Double.isNaN(min) ? null : text(min);
            maxText = Double.isNaN(max) ? null : text(max);
        }
        double mean = numeric && count > 0 ? sum / count : Double.NaN;
        return new FieldStatistics(f.name(), numeric, n, count, nulls, noDataCount, distinct.size(), min, max, mean,
                numeric ? sum : 0, minText, maxText);
    }

    private static boolean isNoData(Object v, double d, double[] nd) {
        if (nd.length == 0) {
            return false;
        }
        if (Double.isNaN(d) && v instanceof String) {
            try {
                d = Double.parseDouble(((String) v).trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        for (double x : nd) {
            if (d == x) {
                return true;
            }
        }
        return false;
    }

    /** A number as people read it: integral values without ".0", others with up to 6 significant decimals. */
    public static String text(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) d);
        }
        double a = Math.abs(d);
        if (a != 0 && a < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%.3e", d);
        }
        java.text.DecimalFormat f = new java.text.DecimalFormat(a >= 1 ? "#,##0.####" : "0.######",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return f.format(d);
    }
}
