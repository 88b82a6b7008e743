package io.siteplanner.scoring.criteria;

import java.util.ArrayList;
import java.util.List;

/** The registry of criterion kinds: one line per kind. */
public final class Criteria {
    /** Every kind, in the order the scenario builder lists them. */
    public static final List<CriterionKind> KINDS = List.of(
            AreaCriterion.KIND,
            AttributeCriterion.KIND,
            DistanceCriterion.KIND,
            NearestAttributeCriterion.KIND,
            ZoneAttributeCriterion.KIND,
            WithinRadiusCriterion.KIND,
            GravityCriterion.KIND,
            OverlapCriterion.KIND,
            RasterCriterion.KIND,
            GridHeadroomCriterion.KIND,
            InterconnectionCostCriterion.KIND,
            EnergyCostCriterion.KIND,
            LandCostCriterion.KIND,
            TcoCriterion.KIND,
            TimeToPowerCriterion.KIND);

    private Criteria() {
    }

    /** The kind with this JSON name, or null. */
    public static CriterionKind kind(String json) {
        for (CriterionKind k : KINDS) {
            if (k.json().equals(json)) {
                return k;
            }
        }
        return null;
    }

    /** The JSON names of all kinds. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (CriterionKind k : KINDS) {
            out.add(k.json());
        }
        return out;
    }
}
