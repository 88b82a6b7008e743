package io.siteplanner.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The draws against numpy 1.24.2 on this machine: every expected value was printed by
 * {@code np.random.default_rng(np.random.SeedSequence(20240601).spawn(5)[i])} (or {@code default_rng(7)}) calling
 * the same methods in the same order.
 */
class NumpyRandomTest {
    private static long[] raw(NumpyRandom r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void seedSequenceSpawnAndPcg64GiveNumpysRawStreams() {
        NumpyRandom[] kids = NumpyRandom.spawn(20240601L, 5);
        assertThat(raw(kids[0], 3)).containsExactly(Long.parseUnsignedLong("13207630677799948578"),
                1982941513573147253L, Long.parseUnsignedLong("17226491821991697489"));
        assertThat(raw(kids[4], 3)).containsExactly(Long.parseUnsignedLong("10578518408328644121"),
                81220823041210176L, Long.parseUnsignedLong("10421409306819754219"));
        assertThat(raw(NumpyRandom.of(7), 2)).containsExactly(Long.parseUnsignedLong("11530976094092348043"),
                Long.parseUnsignedLong("16550673365885938325"));
    }

    @Test
    void generatorMethodsInSequenceGiveNumpysValues() {
        NumpyRandom g = NumpyRandom.spawn(20240601L, 5)[2];
        assertThat(g.random(3)).containsExactly(0.488885585793171, 0.2777812873513418, 0.036431803422945164);
        assertThat(g.standardNormal(4)).containsExactly(1.2168998256747285, -1.3272854156728575,
                -1.5184417589367891, -0.6519137129041387);
        // 32-bit Lemire draws (the other half of a 64-bit draw is kept for the next 32-bit draw), then 64-bit
        assertThat(g.integers(0, 7, 5)).containsExactly(1, 4, 1, 6, 3);
        assertThat(g.integers(0, 1_000_000_000_000L, 3)).containsExactly(217502759289L, 678798065564L,
                135044433176L);
        assertThat(g.permutation(12)).containsExactly(8, 6, 2, 11, 0, 3, 9, 7, 4, 10, 5, 1);
        assertThat(g.choice(new double[] {0.1, 0.2, 0.3, 0.4}, 10)).containsExactly(3, 2, 1, 0, 1, 3, 2, 3, 2, 3);
        assertThat(g.beta(2.0, 5.0, 3)).containsExactly(0.31927643313376564, 0.28824727432300706,
                0.09478195239178505);
        assertThat(g.pareto(1.2, 3)).containsExactly(3.5899723719995027, 0.6755470649372786, 0.2236151714423705);
        assertThat(g.uniform(-0.35, 0.35, 2)).containsExactly(0.11160887118020202, -0.2697358386193225);
        assertThat(g.random()).isEqualTo(0.3152234101886493);
    }

    @Test
    void zigguratTailsAndRejectionsKeepTheStreamInStep() {
        // 200,000 normals and exponentials go through every ziggurat branch (tail beyond r = 3.654, wedges)
        NumpyRandom g = NumpyRandom.spawn(20240601L, 5)[3];
        double[] z = g.standardNormal(200_000);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double emax = 0;
        for (int i = 0; i < 200_000; i++) {
            emax = Math.max(emax, g.standardExponential());
        }
        assertThat(NumpyRandom.sum(z)).isEqualTo(-269.6037036054529);
        assertThat(max).isEqualTo(4.858646940635147);
        assertThat(min).isEqualTo(-4.801082956870863);
        assertThat(emax).isEqualTo(13.497158773075707);
        assertThat(g.random()).isEqualTo(0.08492565373085359);
    }

    @Test
    void sumIsNumpysPairwiseSummation() {
        // numpy: 7.0 (blocks of 8 summed as a tree); a left-to-right sum gives 8.0
        assertThat(NumpyRandom.sum(new double[] {1e16, 1.0, -1e16, 1.0, 1.0, 1.0, 1.0, 1.0, 3.0})).isEqualTo(7.0);
        double[] b = new double[300];
        double seq = 0;
        for (int i = 0; i < b.length; i++) {
            b[i] = (i + 1) / 7.0 + 1e5 / (i + 1);
            seq += b[i];
        }
        // np.sum over 300 values (split 144 + 156, then blocks of 8) and Python's sum() differ in the last bits
        assertThat(NumpyRandom.sum(b)).isEqualTo(634716.3880299504);
        assertThat(seq).isEqualTo(634716.3880299508);
    }
}
