package io.siteplanner.scoring.scenario;

/**
 * A hard constraint: either a comparison on a criterion's raw value ({@code criterion op value}) or an
 * exclusion layer ({@code exclude} layer id, optional CQL filter, buffer in metres: a site fails when its
 * polygon is within {@code bufferM} of a feature, i.e. distance &lt;= bufferM; 0 = touching or overlapping).
 *
 * @param criterion criterion id (comparison), else null
 * @param op        one of {@code < <= > >= == !=} (comparison)
 * @param value     comparison value
 * @param exclude   layer id (exclusion), else null
 * @param filter    CQL filter on the exclusion layer
 * @param bufferM   buffer distance in metres (exclusion, default 0)
 * @param label     text used in reasons (default: the criterion or layer id)
 * @param enabled   false: kept in the scenario but not applied (an exclusion layer is then not loaded)
 */
public record ConstraintSpec(String criterion, String op, Double value, String exclude, String filter,
        Double bufferM, String label, boolean enabled) {

    /** An enabled constraint. */
    public ConstraintSpec(String criterion, String op, Double value, String exclude, String filter, Double bufferM,
            String label) {
        this(criterion, op, value, exclude, filter, bufferM, label, true);
    }

    public static ConstraintSpec compare(String criterion, String op, double value) {
        return new ConstraintSpec(criterion, op, value, null, null, null, null);
    }

    public static ConstraintSpec exclusion(String layer, String filter, double bufferM) {
        return new ConstraintSpec(null, null, null, layer, filter, bufferM, null);
    }

    public ConstraintSpec withEnabled(boolean e) {
        return new ConstraintSpec(criterion, op, value, exclude, filter, bufferM, label, e);
    }

    /** The same comparison with another operator and value. */
    public ConstraintSpec withComparison(String newOp, double newValue) {
        return new ConstraintSpec(criterion, newOp, newValue, exclude, filter, bufferM, label, enabled);
    }

    /** The same exclusion with another filter and buffer. */
    public ConstraintSpec withExclusion(String newFilter, double newBufferM) {
        return new ConstraintSpec(criterion, op, value, exclude, newFilter, newBufferM, label, enabled);
    }

    /** The same constraint on another criterion (a renamed one). */
    public ConstraintSpec withCriterion(String id) {
        return new ConstraintSpec(id, op, value, exclude, filter, bufferM, label, enabled);
    }

    /** The same exclusion on another layer. */
    public ConstraintSpec withExcludedLayer(String layer) {
        return new ConstraintSpec(criterion, op, value, layer, filter, bufferM, label, enabled);
    }

    public boolean isExclusion() {
        return exclude != null;
    }

    public double buffer() {
        return bufferM == null ? 0 : bufferM;
    }
}
