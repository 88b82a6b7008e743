package io.siteplanner.model.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Class breaks against hand-worked values, numpy and a brute-force optimal partition. */
class ClassBreaksTest {

    @Test
    void equalIntervalCutsTheRangeIntoEqualWidths() {
        // range 0..100 in 4 classes: 25, 50, 75 (hand)
        assertThat(EqualInterval.breaks(new double[] {0, 3, 40, 99, 100}, 4)).containsExactly(25, 50, 75);
        assertThat(EqualInterval.breaks(new double[] {5, 5, 5}, 4)).isEmpty();
    }

    @Test
    void quantilesAreHyndmanFanDefinition6OverTheData() {
        // 1..10, quartiles: h = q * 11 -> 2.75, 5.5, 8.25 (hand; numpy.quantile(x, q, method='weibull') agrees)
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Quantiles.breaks(x, 4)).containsExactly(2.75, 5.5, 8.25);
        // uneven data, quintiles: numpy.quantile(y, [.2,.4,.6,.8], method='weibull') = 7, 11.2, 15.2, 32.4
        double[] y = {3, 7, 7, 8, 12, 13, 14, 20, 21, 40, 41};
        double[] b = Quantiles.breaks(y, 5);
        assertThat(b).hasSize(4);
        assertThat(b[0]).isEqualTo(7);
        assertThat(b[1]).isCloseTo(11.2, within(1e-12));
        assertThat(b[2]).isCloseTo(15.2, within(1e-12));
        assertThat(b[3]).isCloseTo(32.4, within(1e-12));
    }

    @Test
    void quantilesMergeTiesInsteadOfRepeatingBreaks() {
        double[] ties = {1, 1, 1, 1, 1, 1, 1, 1, 2, 3};
        // every quartile up to 0.75 is 1 (= the minimum): no empty classes; 0.75 -> h=8.25 -> 1+0.25*(2-1)
        assertThat(Quantiles.breaks(ties, 4)).containsExactly(1.25);
    }

    @Test
    void quantileClassesHoldAboutEqualCounts() {
        double[] v = new double[1000];
        Random r = new Random(7);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(r.nextGaussian() * 2); // skewed: fixed breaks would put most in one class
        }
        Arrays.sort(v);
        double[] b = Quantiles.breaks(v, 5);
        int[] counts = counts(v, b);
        for (int c : counts) {
            assertThat(c).isBetween(199, 201);
        }
    }

    @Test
    void naturalBreaksFindTheObviousGroups() {
        // hand: {1,2,3} {7,8,9} {20}: squared deviations 2 + 2 + 0 = 4, no other cut does better
        double[] v = {1, 2, 3, 7, 8, 9, 20};
        assertThat(NaturalBreaks.breaks(v, 3)).containsExactly(7, 20);
        assertThat(NaturalBreaks.squaredDeviations(v, new double[] {7, 20})).isEqualTo(4);
        // Jenks' goodness of variance fit example shape: two clusters
        assertThat(NaturalBreaks.breaks(new double[] {4, 5, 9, 10}, 2)).containsExactly(9);
    }

    @Test
    void naturalBreaksAreTheOptimalPartitionOfSmallInputs() {
        Random r = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + r.nextInt(11);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(4) == 0 ? Math.round(r.nextDouble() * 10) : r.nextGaussian() * 50 + (i % 3) * 40;
            }
            Arrays.sort(v);
            int k = 2 + r.nextInt(4);
            double best = bruteForceBest(v, k);
            double[] b = NaturalBreaks.breaks(v, k);
            assertThat(b).isSorted();
            assertThat(NaturalBreaks.squaredDeviations(v, b)).as("values %s, %d classes", Arrays.toString(v), k)
                    .isCloseTo(best, within(1e-6 * Math.max(1, best)));
            // every class non-empty
            for (int c : counts(v, b)) {
                assertThat(c).isPositive();
            }
        }
    }

    @Test
    void naturalBreaksKeepPrecisionForLargeValues() {
        double[] v = {1_000_000_001, 1_000_000_002, 1_000_000_003, 1_000_000_101, 1_000_000_102};
        assertThat(NaturalBreaks.breaks(v, 2)).containsExactly(1_000_000_101);
    }

    @Test
    void naturalBreaksOfLargeInputsSampleAndStayInRange() {
        double[] v = new double[50_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 25_000 ? i % 100 : 10_000 + i % 100;
        }
        Arrays.sort(v);
        double[] b = NaturalBreaks.breaks(v, 2);
        assertThat(b).containsExactly(10_000);
    }

    @Test
    void manualBreaksParseSortAndNameBadEntries() {
        assertThat(ManualBreaks.parse("500, 100;250 100")).containsExactly(100, 250, 500);
        assertThat(ManualBreaks.format(new double[] {100, 250.5})).isEqualTo("100, 250.5");
        assertThatThrownBy(() -> ManualBreaks.parse("100, abc")).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> ManualBreaks.parse(" ")).hasMessageContaining("at least one");
    }

    @Test
    void classMethodsDispatchToTheirComputations() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(ClassMethod.QUANTILE.breaks(x, 4)).containsExactly(Quantiles.breaks(x, 4));
        assertThat(ClassMethod.EQUAL_INTERVAL.breaks(x, 3)).containsExactly(4, 7);
        assertThat(ClassMethod.byName("NATURAL_BREAKS")).isEqualTo(ClassMethod.NATURAL_BREAKS);
    }

    @Test
    void numericCategoriesSortAsNumbers() {
        List<String> keys = new ArrayList<>(List.of("10", "2", "b", "-1", "A", "1.5", "100"));
        keys.sort(ClassValues.CATEGORY_ORDER);
        assertThat(keys).containsExactly("-1", "1.5", "2", "10", "100", "A", "b");
    }

    @Test
    void rampsGiveTheirEndsAndInterpolateWhenMoreAreAsked() {
        int[] five = ColorRamps.YL_OR_RD.colors(5);
        assertThat(five[0]).isEqualTo(Colors.rgb(0xffffcc));
        assertThat(five[4]).isEqualTo(Colors.rgb(0x800026));
        int[] many = ColorRamps.BLUES.colors(12);
        assertThat(many[0]).isEqualTo(Colors.rgb(0xf7fbff));
        assertThat(many[11]).isEqualTo(Colors.rgb(0x08306b));
        assertThat(ColorRamps.byName("rdylbu")).isSameAs(ColorRamps.RD_YL_BU);
    }

    @Test
    void noDataValuesGetTheUnknownColour() {
        LayerStyle s = LayerStyle.single(Colors.rgb(0x999999), 0, 1, 0)
                .graduated("v", new double[] {10}, new int[] {Colors.rgb(0x0000ff), Colors.rgb(0xff0000)})
                .withNoData(-999999);
        assertThat(s.colorOf(-999999)).isEqualTo(Colors.rgb(0x999999));
        assertThat(s.colorOf(-5)).isEqualTo(Colors.rgb(0x0000ff));
        assertThat(s.colorOf(Double.NaN)).isEqualTo(Colors.rgb(0x999999));
    }

    /** Least squared deviations over every cut of sorted values into k non-empty contiguous classes. */
    private static double bruteForceBest(double[] v, int k) {
        int n = v.length;
        if (k >= n) {
            return 0; // each value its own class (ties make fewer distinct values: still 0 within)
        }
        double best = Double.POSITIVE_INFINITY;
        int[] cut = new int[k - 1];
        for (int i = 0; i < k - 1; i++) {
            cut[i] = i + 1;
        }
        while (true) {
            double total = 0;
            int start = 0;
            for (int c = 0; c < k; c++) {
                int end = c < k - 1 ? cut[c] : n;
                double mean = 0;
                for (int i = start; i < end; i++) {
                    mean += v[i];
                }
                mean /= end - start;
                for (int i = start; i < end; i++) {
                    total += (v[i] - mean) * (v[i] - mean);
                }
                start = end;
            }
            best = Math.min(best, total);
            int p = k - 2;
            while (p >= 0 && cut[p] == n - (k - 1 - p)) {
                p--;
            }
            if (p < 0) {
                return best;
            }
            cut[p]++;
            for (int q = p + 1; q < k - 1; q++) {
                cut[q] = cut[q - 1] + 1;
            }
        }
    }

    private static int[] counts(double[] sorted, double[] breaks) {
        int[] c = new int[breaks.length + 1];
        for (double x : sorted) {
            int i = 0;
            while (i < breaks.length && x >= breaks[i]) {
                i++;
            }
            c[i]++;
        }
        return c;
    }
}
