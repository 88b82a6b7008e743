package io.siteplanner.scoring.criteria;

import io.siteplanner.model.scenario.CriterionKind;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes one criterion kind's raw values for all candidates. One class per kind; {@link #forKind} maps
 * kinds to evaluators. {@link #validate} runs for every criterion before any evaluation (cheap checks:
 * attributes exist, filters compile) so that a bad scenario fails before the spatial work.
 */
public interface CriterionEvaluator {
    /** Checks the spec against the loaded layers; throws a ScenarioException with the JSON path. */
    void validate(EvaluationContext ctx, CriterionSpec spec, String path);

    /**
     * Evaluates the criterion.
     *
     * @param done columns of criteria evaluated before, by id (TCO uses them)
     */
    Column evaluate(EvaluationContext ctx, CriterionSpec spec, String path, Map<String, Column> done);

    /** The evaluator of a kind. */
    static CriterionEvaluator forKind(CriterionKind kind) {
        return Registry.MAP.get(kind);
    }

    /** Kind to evaluator. */
    final class Registry {
        static final Map<CriterionKind, CriterionEvaluator> MAP = new EnumMap<>(CriterionKind.class);

        static {
            MAP.put(CriterionKind.AREA, new AreaCriterion());
            MAP.put(CriterionKind.ATTRIBUTE, new AttributeCriterion());
            MAP.put(CriterionKind.DISTANCE, new DistanceCriterion());
            MAP.put(CriterionKind.NEAREST_ATTRIBUTE, new NearestAttributeCriterion());
            MAP.put(CriterionKind.ZONE_ATTRIBUTE, new ZoneAttributeCriterion());
            MAP.put(CriterionKind.RASTER, new RasterCriterion());
            MAP.put(CriterionKind.OVERLAP, new OverlapCriterion());
            MAP.put(CriterionKind.GRID_HEADROOM, new GridHeadroomCriterion());
            MAP.put(CriterionKind.INTERCONNECTION_COST, new InterconnectionCostCriterion());
            MAP.put(CriterionKind.ENERGY_COST, new EnergyCostCriterion());
            MAP.put(CriterionKind.TCO, new TcoCriterion());
        }

        private Registry() {
        }
    }
}
