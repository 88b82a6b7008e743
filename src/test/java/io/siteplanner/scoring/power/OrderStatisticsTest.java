package io.siteplanner.scoring.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quickselect against a full sort: the value at every requested index is the sorted array's. */
class OrderStatisticsTest {
    @Test
    void everyRequestedIndexHoldsTheSortedValue() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + r.nextInt(trial < 2000 ? 40 : 3000);
            double[] a = new double[n];
            int shape = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                a[i] = switch (shape) {
                    case 0 -> r.nextDouble();
                    case 1 -> r.nextInt(4); // many repeats
                    case 2 -> i; // sorted
                    case 3 -> n - i; // reversed
                    case 4 -> 7.5; // all equal
                    default -> i % 2 == 0 ? i : -i; // organ pipe-ish
                };
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int[] ks = new int[1 + r.nextInt(5)];
            for (int j = 0; j < ks.length; j++) {
                ks[j] = r.nextInt(n);
            }
            double[] b = a.clone();
            OrderStatistics.select(b, ks);
            for (int k : ks) {
                assertThat(b[k]).as("trial %d, n %d, k %d", trial, n, k).isEqualTo(sorted[k]);
            }
            // a reordering: the same values
            Arrays.sort(b);
            assertThat(b).containsExactly(sorted);
        }
    }

    @Test
    void adversarialInputsStillEndWithTheSortedValue() {
        // median-of-three killers make plain quickselect quadratic; the round budget sorts such ranges
        int n = 20000;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (i % 2 == 0) ? i : n - i;
        }
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        OrderStatistics.select(a, 0, n / 2, n - 1, 199);
        assertThat(new double[] {a[0], a[n / 2], a[n - 1], a[199]})
                .containsExactly(sorted[0], sorted[n / 2], sorted[n - 1], sorted[199]);
    }
}
