package io.siteplanner.scoring.decision;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.MemoryLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.AttributeCriterion;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * An independent re-scoring for tests: given raw columns (perturbed values, another load level, one site's
 * changed value) and pass flags, builds a candidate layer carrying them as attributes and a scenario of
 * {@code attribute} criteria with the original criteria's common part (id, weight, transform, missing
 * policy), the same weights spec and method, and the constraint "pass == 1", and evaluates it through the
 * ordinary engine. Its ranking is what the session gives for those values; no decision code is involved.
 */
final class ColumnScenario {
    static final String PASS = "__pass";

    private ColumnScenario() {
    }

    /**
     * @param template the scenario whose criteria, weights and method are copied
     * @param ids      site ids (same order as the columns)
     * @param raw      one column per criterion of the template
     * @param pass     pass flags per site
     */
    static ScoringSession session(Scenario template, Object[] ids, double[][] raw, boolean[] pass) {
        return session(template, ids, raw, pass, false);
    }

    /**
     * As {@link #session(Scenario, Object[], double[][], boolean[])}, but the template's comparison
     * constraints and grid requirements are evaluated on the given values; {@code exclusionPass} carries
     * only the exclusion-layer results (which do not depend on values).
     */
    static ScoringSession withConstraints(Scenario template, Object[] ids, double[][] raw, boolean[] exclusionPass) {
        return session(template, ids, raw, exclusionPass, true);
    }

    private static ScoringSession session(Scenario template, Object[] ids, double[][] raw, boolean[] pass,
            boolean constraints) {
        int n = ids.length;
        int m = raw.length;
        List<Field> fields = new ArrayList<>();
        boolean numeric = ids.length > 0 && ids[0] instanceof Long;
        fields.add(new Field("site_id", numeric ? FieldType.INTEGER : FieldType.STRING));
        for (int c = 0; c < m; c++) {
            fields.add(new Field("v" + c, FieldType.REAL));
        }
        fields.add(new Field(PASS, FieldType.INTEGER));
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] values = new Object[m + 2];
            values[0] = ids[i];
            for (int c = 0; c < m; c++) {
                values[c + 1] = raw[c][i] == raw[c][i] ? raw[c][i] : null;
            }
            values[m + 1] = pass[i] ? 1L : 0L;
            double x = 500_000 + (i % 100) * 1000;
            double y = 1_000_000 + (i / 100) * 1000;
            features.add(new Feature(i + 1, Geometries.FACTORY.toGeometry(new Envelope(x, x + 100, y, y + 100)),
                    values));
        }
        VectorLayer layer = VectorLayer.builder("sites").crs(Crs.decode("EPSG:5070"), 5070)
                .schema(new Schema(fields)).features(features).build();
        List<Criterion> criteria = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            Common common = template.criteria().get(c).common();
            criteria.add(new AttributeCriterion(common, "v" + c));
        }
        criteria.add(new AttributeCriterion(Common.of(PASS, 0), PASS));
        List<ConstraintSpec> cons = new ArrayList<>(List.of(ConstraintSpec.compare(PASS, ">=", 1)));
        if (constraints) {
            for (ConstraintSpec k : template.constraints()) {
                if (!k.isExclusion()) {
                    cons.add(k);
                }
            }
            for (Criterion c : template.criteria()) {
                if (c instanceof io.siteplanner.scoring.criteria.GridHeadroomCriterion
                        && ((io.siteplanner.scoring.criteria.GridHeadroomCriterion) c).isRequired()) {
                    cons.add(ConstraintSpec.compare(c.id(), ">=", 0));
                }
            }
        }
        Scenario s = new Scenario("columns", null, template.campus(), "EPSG:5070",
                Map.of("sites", LayerRef.of("sites.mem")), "sites", "site_id", criteria, cons,
                template.weights(), template.method());
        return ScenarioEvaluator.evaluate(s, new MemoryLayerSource().put("sites.mem", layer), Progress.NONE);
    }

    /** Weights for the column scenario (the pass criterion gets 0). */
    static double[] withPassWeight(double[] w) {
        double[] out = java.util.Arrays.copyOf(w, w.length + 1);
        out[w.length] = 0;
        return out;
    }
}
