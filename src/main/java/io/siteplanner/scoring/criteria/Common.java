package io.siteplanner.scoring.criteria;

import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.TransformSpec;

/**
 * What every criterion has, whatever its kind.
 *
 * @param id           unique id (the CSV column name)
 * @param label        display name (null = id)
 * @param weight       direct weight (&gt;= 0; normalised over all criteria)
 * @param transform    raw value to [0,1]; null = the kind's default ({@link CriterionKind#defaultTransform()})
 * @param missing      what a missing raw value does ({@link MissingPolicy}; null = worst)
 * @param missingScore explicit [0,1] score of a missing value (overrides worst/neutral), or null
 * @param unit         unit of the raw values for display ("USD/MWh", "MW"), or null for the kind's own unit
 *                     (acres, metres, USD; none for attributes)
 * @param enabled      false: kept in the scenario but not evaluated (its layers are not loaded, its column is
 *                     missing everywhere, it weighs 0 and its rules and constraints do not apply)
 */
public record Common(String id, String label, double weight, TransformSpec transform, MissingPolicy missing,
        Double missingScore, String unit, boolean enabled) {
    /** Largest weight accepted: weights are relative, and huge values only hide mistakes (or overflow). */
    public static final double MAX_WEIGHT = 1e6;

    public Common {
        if (id == null || id.isBlank()) {
            throw new ScenarioException("id", "must not be empty");
        }
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
            throw new ScenarioException("weight", "must be a number from 0 to " + (long) MAX_WEIGHT);
        }
        missing = missing == null ? MissingPolicy.WORST : missing;
        if (missingScore != null && !(missingScore >= 0 && missingScore <= 1)) {
            throw new ScenarioException("missingScore", "must be in [0, 1]");
        }
        if (missingScore != null && missing == MissingPolicy.EXCLUDE) {
            throw new ScenarioException("missingScore", "does not apply with missing: exclude (the site fails)");
        }
        unit = unit == null || unit.isBlank() ? null : unit.strip();
    }

    /** An enabled criterion's common part without a unit of its own. */
    public Common(String id, String label, double weight, TransformSpec transform, MissingPolicy missing,
            Double missingScore) {
        this(id, label, weight, transform, missing, missingScore, null, true);
    }

    /** A criterion's common part with the kind's default transform and the worst-score missing policy. */
    public static Common of(String id, double weight) {
        return new Common(id, null, weight, null, MissingPolicy.WORST, null, null, true);
    }

    /** Display name. */
    public String displayName() {
        return label == null ? id : label;
    }

    /** The score of a missing raw value under this policy (0 for exclude: the site fails anyway). */
    public double missingValueScore() {
        if (missingScore != null) {
            return missingScore;
        }
        return missing == MissingPolicy.NEUTRAL ? 0.5 : 0;
    }

    /** The weight that counts when scoring: the weight, or 0 when disabled. */
    public double effectiveWeight() {
        return enabled ? weight : 0;
    }

    public Common withWeight(double w) {
        return new Common(id, label, w, transform, missing, missingScore, unit, enabled);
    }

    public Common withTransform(TransformSpec t) {
        return new Common(id, label, weight, t, missing, missingScore, unit, enabled);
    }

    public Common withMissing(MissingPolicy p, Double score) {
        return new Common(id, label, weight, transform, p, score, unit, enabled);
    }

    public Common withLabel(String l) {
        return new Common(id, l, weight, transform, missing, missingScore, unit, enabled);
    }

    public Common withId(String newId) {
        return new Common(newId, label, weight, transform, missing, missingScore, unit, enabled);
    }

    public Common withUnit(String u) {
        return new Common(id, label, weight, transform, missing, missingScore, u, enabled);
    }

    public Common withEnabled(boolean e) {
        return new Common(id, label, weight, transform, missing, missingScore, unit, e);
    }

    /** This with the kind's default transform when none is set. */
    Common orDefault(CriterionKind kind) {
        return transform != null ? this : new Common(id, label, weight, kind.defaultTransform(), missing, missingScore,
                unit, enabled);
    }
}
