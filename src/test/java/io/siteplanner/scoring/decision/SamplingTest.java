package io.siteplanner.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.scoring.random.Distributions;
import io.siteplanner.scoring.random.SplitMix64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weight and factor draws have the documented distributions. */
class SamplingTest {
    @Test
    void dirichletSpreadIsTheCoefficientOfVariationOfEqualWeights() {
        WeightModel wm = WeightModel.around(new double[] {1, 1, 1, 1}, 0.25);
        int n = 40000;
        double[] sum = new double[4];
        double[] sq = new double[4];
        double[] w = new double[4];
        for (int d = 0; d < n; d++) {
            wm.draw(5, d, w);
            double t = 0;
            for (int c = 0; c < 4; c++) {
                sum[c] += w[c];
                sq[c] += w[c] * w[c];
                t += w[c];
            }
            assertThat(t).isCloseTo(1, offset(1e-12));
        }
        for (int c = 0; c < 4; c++) {
            double mean = sum[c] / n;
            double sd = Math.sqrt(sq[c] / n - mean * mean);
            assertThat(mean).isCloseTo(0.25, offset(0.002));
            assertThat(sd / mean).isCloseTo(0.25, offset(0.005));
        }
        assertThat(WeightModel.concentration(4, 0.25)).isEqualTo(47.0);
    }

    @Test
    void dirichletMeansAreTheCentreAndZeroWeightsStayZero() {
        double[] centre = {0.5, 0.3, 0.2, 0};
        WeightModel wm = WeightModel.around(centre, 0.4);
        int n = 40000;
        double[] sum = new double[4];
        double[] w = new double[4];
        for (int d = 0; d < n; d++) {
            wm.draw(9, d, w);
            for (int c = 0; c < 4; c++) {
                sum[c] += w[c];
            }
            assertThat(w[3]).isZero();
        }
        for (int c = 0; c < 3; c++) {
            assertThat(sum[c] / n).isCloseTo(centre[c], offset(0.004));
        }
        assertThat(wm.weightable()).containsExactly(true, true, true, false);
    }

    @Test
    void stakeholderMixesStayInTheirConvexHull() {
        WeightModel wm = WeightModel.stakeholders(List.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}), 0);
        double[] w = new double[3];
        double mean = 0;
        for (int d = 0; d < 20000; d++) {
            wm.draw(1, d, w);
            assertThat(w[2]).isZero();
            assertThat(w[0] + w[1]).isCloseTo(1, offset(1e-12));
            mean += w[0];
        }
        assertThat(mean / 20000).isCloseTo(0.5, offset(0.01));
        assertThat(wm.weightable()).containsExactly(true, true, false);
    }

    @Test
    void tooLargeASpreadIsRefused() {
        assertThatThrownBy(() -> WeightModel.around(new double[] {1, 1}, 1.0)).hasMessageContaining("too large");
        assertThat(WeightModel.around(new double[] {1, 1}, 0.99).varies()).isTrue();
        assertThat(WeightModel.around(new double[] {1, 0}, 5).varies()).isFalse();
    }

    @Test
    void sameSeedAndDrawSameWeights() {
        WeightModel wm = WeightModel.around(new double[] {0.2, 0.3, 0.5}, 0.3);
        assertThat(wm.draw(3, 77, new double[3])).containsExactly(wm.draw(3, 77, new double[3]));
        assertThat(wm.draw(3, 77, new double[3])).isNotEqualTo(wm.draw(3, 78, new double[3]));
    }

    @Test
    void gammaAndNormalHaveTheirMoments() {
        SplitMix64 r = new SplitMix64(123);
        for (double alpha : new double[] {0.3, 1, 4.5}) {
            double s = 0;
            double q = 0;
            int n = 100000;
            for (int i = 0; i < n; i++) {
                double g = Distributions.gamma(r, alpha);
                s += g;
                q += g * g;
            }
            double mean = s / n;
            assertThat(mean).isCloseTo(alpha, offset(0.03 * Math.max(1, alpha)));
            assertThat(q / n - mean * mean).isCloseTo(alpha, offset(0.06 * Math.max(1, alpha)));
        }
    }

    @Test
    void uniformAndTruncatedNormalFactorsStayInTheirBounds() {
        long key = SplitMix64.key(1, 2, 3);
        double lo = 2;
        double hi = 0;
        double s = 0;
        for (int i = 0; i < 100000; i++) {
            double f = Variation.Shape.NORMAL.factor(0.1, SplitMix64.unit(key, i));
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
            s += f;
            double u = Variation.Shape.UNIFORM.factor(0.2, SplitMix64.unit(key, i));
            assertThat(u).isBetween(0.8, 1.2);
        }
        assertThat(lo).isGreaterThanOrEqualTo(0.7 - 1e-9);
        assertThat(hi).isLessThanOrEqualTo(1.3 + 1e-9);
        assertThat(s / 100000).isCloseTo(1, offset(0.002));
        assertThat(Distributions.inverseNormal(0.975)).isCloseTo(1.959964, offset(1e-6));
        assertThat(Distributions.inverseNormal(0.5)).isZero();
    }

    @Test
    void triangularQuantilesAreHandWorked() {
        // triangular(120, 128, 210): F(128) = 8/90; median = 210 - sqrt(0.5 * 90 * 82) = 149.25
        assertThat(Distributions.triangular(120, 128, 210, 0.5)).isCloseTo(210 - Math.sqrt(0.5 * 90 * 82),
                offset(1e-12));
        assertThat(Distributions.triangular(120, 128, 210, 8.0 / 90)).isCloseTo(128, offset(1e-9));
        assertThat(Distributions.triangular(120, 128, 210, 0)).isEqualTo(120);
        assertThat(Distributions.triangular(120, 128, 210, 1)).isEqualTo(210);
        assertThat(Distributions.triangular(5, 5, 5, 0.3)).isEqualTo(5);
    }
}
