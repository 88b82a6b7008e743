package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pruning and top-r selection against plain quadratic and sorting references. */
class PruningTest {
    @Test
    void skybandKeepsExactlyTheSitesWithFewerThanDepthSurelyAhead() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 30; trial++) {
            int n = 50 + rnd.nextInt(300);
            int k = 1 + rnd.nextInt(4);
            int depth = 1 + rnd.nextInt(12);
            double[][] lo = new double[k][n];
            double[][] hi = new double[k][n];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    // coarse values so that ties and equal bounds occur
                    double a = Math.floor(rnd.nextDouble() * 20) / 20;
                    double w = trial % 3 == 0 ? 0 : Math.floor(rnd.nextDouble() * 4) / 20;
                    lo[c][i] = a;
                    hi[c][i] = a + w;
                }
            }
            boolean[] always = new boolean[n];
            List<Integer> sites = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < 0.95) {
                    sites.add(i);
                    // eligible at every level only if eligible at some level
                    always[i] = rnd.nextDouble() < 0.9;
                }
            }
            int[] pos = new int[n];
            List<Integer> perm = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                perm.add(i);
            }
            java.util.Collections.shuffle(perm, rnd);
            for (int i = 0; i < n; i++) {
                pos[perm.get(i)] = i;
            }
            int[] s = sites.stream().mapToInt(Integer::intValue).toArray();
            int[] got = Skyband.of(s, always, lo, hi, pos, depth, Progress.NONE);
            List<Integer> want = new ArrayList<>();
            for (int i : s) {
                int ahead = 0;
                for (int j = 0; j < n; j++) {
                    if (!always[j] || pos[j] >= pos[i]) {
                        continue;
                    }
                    boolean dom = true;
                    for (int c = 0; c < k; c++) {
                        dom &= lo[c][j] >= hi[c][i];
                    }
                    ahead += dom ? 1 : 0;
                }
                if (ahead < depth) {
                    want.add(i);
                }
            }
            assertThat(got).containsExactly(want.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void topSelectsTheBestInRankingOrder() {
        Random rnd = new Random(8);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(200);
            int r = 1 + rnd.nextInt(30);
            double[] score = new double[n];
            int[] pos = new int[n];
            for (int i = 0; i < n; i++) {
                score[i] = Math.floor(rnd.nextDouble() * 10) / 10 - (rnd.nextInt(10) == 0 ? 0.5 : 0);
                pos[i] = rnd.nextInt(1000);
            }
            double[] s = score.clone();
            int[] out = new int[r];
            int kept = Top.select(s, pos, n, r, out);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                double sa = Math.max(0, score[a]);
                double sb = Math.max(0, score[b]);
                return sa != sb ? Double.compare(sb, sa) : Integer.compare(pos[a], pos[b]);
            });
            assertThat(kept).isEqualTo(Math.min(n, r));
            for (int q = 0; q < kept; q++) {
                int a = out[q];
                int b = order[q];
                assertThat(Math.max(0, score[a])).isEqualTo(Math.max(0, score[b]));
                assertThat(pos[a]).isEqualTo(pos[b]);
            }
        }
    }
}
