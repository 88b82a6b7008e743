package io.siteplanner.scoring.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.scoring.random.SplitMix64;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simulator (durations drawn once per task, percentiles by selection) against the plain per-sample loop
 * of the model's formulas (docs/time-to-power.md): every task's triangular quantile computed in the loop, all
 * samples sorted, nearest-rank percentiles. Random models, paths, distances, tie-lines and processes; the
 * figures must be identical, not close.
 */
class SimulatorReferenceTest {
    @Test
    void estimatesEqualThePlainLoop() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            TimeToPowerModel m = new TimeToPowerModel(tri(r), tri(r), tri(r), tri(r), tri(r), tri(r), tri(r), tri(r),
                    tri(r), tri(r), tri(r), tri(r), tri(r), r.nextBoolean(), 1 + r.nextDouble(),
                    Map.of("PJM", new Tri(2, 3 + r.nextInt(5), 9 + r.nextInt(20))));
            int samples = 1 + r.nextInt(trial < 100 ? 50 : 3000);
            long seed = r.nextLong();
            int percentile = 1 + r.nextInt(99);
            TimeToPowerModel.Simulator sim = m.simulator(samples, seed, percentile);
            for (int k = 0; k < 5; k++) {
                TimeToPowerModel.Path path = TimeToPowerModel.Path.values()[r.nextInt(3)];
                double distance = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 60000;
                int ties = 1 + r.nextInt(3);
                String process = r.nextBoolean() ? "PJM" : "other";
                TimeToPowerModel.Estimate e = sim.estimate(path, distance, ties, process);
                TimeToPowerModel.Estimate ref = reference(m, samples, seed, percentile, path, distance, ties, process);
                assertThat(e).as("trial %d, %s, %.1f m, %d ties", trial, path, distance, ties).isEqualTo(ref);
            }
        }
    }

    private static Tri tri(SplittableRandom r) {
        if (r.nextInt(5) == 0) {
            return null; // the default
        }
        double a = r.nextDouble() * 20;
        double b = a + r.nextDouble() * 30;
        return new Tri(a, a + r.nextDouble() * (b - a), b);
    }

    private static Tri or(Tri t, Tri d) {
        return t == null ? d : t;
    }

    /** The model by its formulas, one sample at a time. */
    static TimeToPowerModel.Estimate reference(TimeToPowerModel m, int samples, long seed, int percentile,
            TimeToPowerModel.Path path, double distanceM, int ties, String process) {
        double[][] u = new double[13][samples];
        for (int t = 0; t < 13; t++) {
            long key = SplitMix64.key(seed, 0x54494D45L, t);
            for (int j = 0; j < samples; j++) {
                u[t][j] = SplitMix64.unit(key, j);
            }
        }
        boolean line = distanceM > 0;
        double miles = TimeToPowerModel.Simulator.lineMiles(distanceM, m.route());
        Tri study = m.study(process);
        double weeks = 7 / TimeToPowerModel.DAYS_PER_MONTH;
        double[] e = new double[samples];
        for (int j = 0; j < samples; j++) {
            double s = study.at(u[0][j]);
            double x = (m.orderAtStart() ? 0 : s) + or(m.transformerLeadWeeks(), TimeToPowerModel.TRANSFORMER_LEAD_WEEKS)
                    .at(u[1][j]) * weeks + or(m.transformerInstallMonths(), TimeToPowerModel.TRANSFORMER_INSTALL).at(u[2][j]);
            double pl = line ? or(m.linePermitMonths(), TimeToPowerModel.LINE_PERMIT).at(u[4][j])
                    + miles * or(m.linePermitMonthsPerMile(), TimeToPowerModel.LINE_PERMIT_PER_MILE).at(u[5][j]) : 0;
            double bl = line ? or(m.lineBuildMonths(), TimeToPowerModel.LINE_BUILD).at(u[10][j])
                    + miles * or(m.lineBuildMonthsPerMile(), TimeToPowerModel.LINE_BUILD_PER_MILE).at(u[11][j])
                    + (ties - 1) * or(m.extraTieLineMonths(), TimeToPowerModel.EXTRA_TIE_LINE).at(u[12][j]) : 0;
            double permit = Math.max(or(m.substationPermitMonths(), TimeToPowerModel.SUBSTATION_PERMIT).at(u[3][j]), pl);
            double own = switch (path) {
                case EXISTING -> or(m.upgradeExistingMonths(), TimeToPowerModel.UPGRADE_EXISTING).at(u[7][j]);
                case NEW_STATION -> or(m.newStationMonths(), TimeToPowerModel.NEW_STATION).at(u[8][j]);
                default -> or(m.networkUpgradeMonths(), TimeToPowerModel.NETWORK_UPGRADE).at(u[9][j]);
            };
            double build = Math.max(Math.max(or(m.campusSubstationMonths(), TimeToPowerModel.CAMPUS_SUBSTATION)
                    .at(u[6][j]), own), bl);
            e[j] = Math.max(s + permit + build, x);
        }
        Arrays.sort(e);
        return new TimeToPowerModel.Estimate(path, rank(e, 10), rank(e, 50), rank(e, 90), rank(e, percentile));
    }

    private static double rank(double[] sorted, int q) {
        int idx = (int) Math.ceil(q * sorted.length / 100.0) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }
}
