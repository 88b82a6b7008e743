package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.List;
import java.util.Map;

/**
 * One criterion of a scenario. Each kind is one record (JTS gives each operation its own class) that owns
 * its JSON keys ({@link CriterionKind}, {@link #write}), its parameter checks (in the record's constructor
 * and {@link #validate}), its defaults, its evaluation into a {@link Column} of raw values and the
 * explanation of a value. A new kind is one record plus its line in {@link Criteria#KINDS} (and in
 * {@code permits}); a test checks that every permitted record is registered.
 *
 * <p>Records are immutable and compare by value, so a session can tell a weight change (no spatial work)
 * from a change of what is measured (re-evaluate).
 */
public sealed interface Criterion permits AreaCriterion, AttributeCriterion, DistanceCriterion,
        NearestAttributeCriterion, ZoneAttributeCriterion, RasterCriterion, OverlapCriterion, GridHeadroomCriterion,
        InterconnectionCostCriterion, EnergyCostCriterion, LandCostCriterion, TcoCriterion, WithinRadiusCriterion,
        GravityCriterion, TimeToPowerCriterion {

    /** Id, label, weight, transform and missing-value policy. */
    Common common();

    /** The kind. */
    CriterionKind kind();

    /** A copy with another common part (same kind and parameters). */
    Criterion withCommon(Common c);

    /** Layer ids this criterion reads (to load them). */
    List<String> layers();

    /** Ids of criteria that must be evaluated first (their columns are passed to {@link #evaluate}). */
    default List<String> needs() {
        return List.of();
    }

    /**
     * Checks the criterion against the loaded layers (attributes exist and have a usable type, filters
     * compile) before any spatial work; throws a ScenarioException naming {@code path}.
     */
    void validate(EvaluationContext ctx, String path);

    /**
     * Computes the raw values for all candidates (NaN = missing).
     *
     * @param done columns of the criteria named by {@link #needs()}, by id
     */
    Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done);

    /** Writes the kind's own keys (not the common ones) into a JSON object. */
    void write(ObjectNode n);

    /** What is measured, in words, e.g. "distance to lines [kv >= 345]". */
    String describe();

    /**
     * A hard requirement that comes with the kind (the grid feasibility of {@code gridHeadroom}): the reason
     * a site with this raw value fails, in words, or null when it passes or the kind has none.
     */
    default String requirement(double raw, Campus campus) {
        return null;
    }

    /** A raw value in words with its unit ("3.1 km", "no data"). */
    default String explain(double raw, Column col) {
        return Explain.value(raw, col);
    }

    default String id() {
        return common().id();
    }

    default double weight() {
        return common().weight();
    }

    default TransformSpec transform() {
        return common().transform();
    }

    default String label() {
        return common().label();
    }

    default String displayName() {
        return common().displayName();
    }

    default Criterion withWeight(double w) {
        return withCommon(common().withWeight(w));
    }

    default Criterion withTransform(TransformSpec t) {
        return withCommon(common().withTransform(t));
    }

    /** Whether the criterion is evaluated (see {@link Common#enabled()}). */
    default boolean enabled() {
        return common().enabled();
    }

    default Criterion withEnabled(boolean e) {
        return withCommon(common().withEnabled(e));
    }
}
