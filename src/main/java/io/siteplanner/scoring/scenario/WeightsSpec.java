package io.siteplanner.scoring.scenario;

import java.util.List;

/**
 * Where the weights come from: {@code direct} (each criterion's {@code weight}, normalised to sum 1) or
 * {@code ahp} (a Saaty pairwise matrix over the listed criteria; criteria not listed get weight 0).
 *
 * @param type     "direct" or "ahp"
 * @param criteria AHP: criterion ids in matrix order
 * @param matrix   AHP: n x n positive reciprocal matrix
 */
public record WeightsSpec(String type, List<String> criteria, double[][] matrix) {
    public WeightsSpec {
        criteria = criteria == null ? null : List.copyOf(criteria);
    }

    public boolean isAhp() {
        return "ahp".equals(type);
    }

    public static WeightsSpec direct() {
        return new WeightsSpec("direct", null, null);
    }
}
