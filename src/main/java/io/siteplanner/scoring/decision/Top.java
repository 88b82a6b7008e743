package io.siteplanner.scoring.decision;

/**
 * The best r of n scored sites in ranking order (higher score first; equal scores by id position), with a
 * bounded heap: O(n log r). Scores that are not &gt; 0 count as 0, as in the session's ranking.
 */
final class Top {
    private Top() {
    }

    /** True when a ranks ahead of b. */
    static boolean ahead(double sa, int pa, double sb, int pb) {
        return sa > sb || (sa == sb && pa < pb);
    }

    /**
     * Writes the indices of the best min(r, n) entries into {@code out}, best first; returns how many.
     *
     * @param score scores of entries [0, n) (modified: non-positive scores become 0)
     * @param pos   id positions (tie-break) of the entries
     */
    static int select(double[] score, int[] pos, int n, int r, int[] out) {
        int size = 0;
        // out[0..size) is a heap with the worst entry at the root
        for (int i = 0; i < n; i++) {
            double s = score[i];
            if (!(s > 0)) {
                s = 0.0;
                score[i] = s;
            }
            if (size < r) {
                int j = size++;
                out[j] = i;
                // sift up: parent must be worse than (behind) the child
                while (j > 0) {
                    int p = (j - 1) >>> 1;
                    if (ahead(score[out[p]], pos[out[p]], score[out[j]], pos[out[j]])) {
                        int t = out[p];
                        out[p] = out[j];
                        out[j] = t;
                        j = p;
                    } else {
                        break;
                    }
                }
            } else if (ahead(s, pos[i], score[out[0]], pos[out[0]])) {
                out[0] = i;
                siftDown(score, pos, out, size, 0);
            }
        }
        // heap sort: repeatedly move the worst to the end
        for (int end = size - 1; end > 0; end--) {
            int t = out[0];
            out[0] = out[end];
            out[end] = t;
            siftDown(score, pos, out, end, 0);
        }
        return size;
    }

    private static void siftDown(double[] score, int[] pos, int[] h, int size, int j) {
        while (true) {
            int l = 2 * j + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            int rr = l + 1;
            if (rr < size && ahead(score[h[l]], pos[h[l]], score[h[rr]], pos[h[rr]])) {
                worst = rr;
            }
            if (ahead(score[h[j]], pos[h[j]], score[h[worst]], pos[h[worst]])) {
                int t = h[j];
                h[j] = h[worst];
                h[worst] = t;
                j = worst;
            } else {
                return;
            }
        }
    }
}
