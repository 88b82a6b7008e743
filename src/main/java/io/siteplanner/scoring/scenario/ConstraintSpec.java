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
 */
public record ConstraintSpec(String criterion, String op, Double value, String exclude, String filter,
        Double bufferM, String label) {

    public static ConstraintSpec compare(String criterion, String op, double value) {
        return new ConstraintSpec(criterion, op, value, null, null, null, null);
    }

    public static ConstraintSpec exclusion(String layer, String filter, double bufferM) {
        return new ConstraintSpec(null, null, null, layer, filter, bufferM, null);
    }

    public boolean isExclusion() {
        return exclude != null;
    }

    public double buffer() {
        return bufferM == null ? 0 : bufferM;
    }
}
