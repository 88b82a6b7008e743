package io.siteplanner.scoring.scenario;

import io.siteplanner.scoring.criteria.Criterion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campus siting scenario (schema {@value #SCHEMA}): campus, layers, candidates, criteria, constraints,
 * weights and method. Immutable; the {@code with*} methods return modified copies.
 *
 * @param name        display name
 * @param description free text (may be null)
 * @param campus      the campus
 * @param analysisCrs CRS for distances and areas (e.g. EPSG:5070)
 * @param layers      layer id to layer, in file order
 * @param candidates  id of the candidate layer
 * @param idField     candidate attribute that identifies a site (null = feature id)
 * @param criteria    criteria in order
 * @param constraints hard constraints
 * @param weights     direct or AHP
 * @param method      aggregation method
 */
public record Scenario(String name, String description, Campus campus, String analysisCrs, Map<String, LayerRef> layers,
        String candidates, String idField, List<Criterion> criteria, List<ConstraintSpec> constraints,
        WeightsSpec weights, MethodSpec method) {

    public static final String SCHEMA = "siteplanner/scenario/v1";

    public Scenario {
        layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        criteria = List.copyOf(criteria);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        weights = weights == null ? WeightsSpec.direct() : weights;
        method = method == null ? MethodSpec.weightedSum() : method;
    }

    /** The criterion with this id, or null. */
    public Criterion criterion(String id) {
        for (Criterion c : criteria) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** Index of the criterion with this id, or -1. */
    public int criterionIndex(String id) {
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public Scenario withCriteria(List<Criterion> c) {
        return new Scenario(name, description, campus, analysisCrs, layers, candidates, idField, c, constraints,
                weights, method);
    }

    public Scenario withConstraints(List<ConstraintSpec> c) {
        return new Scenario(name, description, campus, analysisCrs, layers, candidates, idField, criteria, c,
                weights, method);
    }

    public Scenario withMethod(MethodSpec m) {
        return new Scenario(name, description, campus, analysisCrs, layers, candidates, idField, criteria,
                constraints, weights, m);
    }

    public Scenario withName(String n) {
        return new Scenario(n, description, campus, analysisCrs, layers, candidates, idField, criteria, constraints,
                weights, method);
    }

    public Scenario withCampus(Campus c) {
        return new Scenario(name, description, c, analysisCrs, layers, candidates, idField, criteria, constraints,
                weights, method);
    }

    public Scenario withLayers(Map<String, LayerRef> l) {
        return new Scenario(name, description, campus, analysisCrs, l, candidates, idField, criteria, constraints,
                weights, method);
    }

    /** Another candidate layer (a layer id of {@link #layers}) and id field (null = feature id). */
    public Scenario withCandidates(String layer, String field) {
        return new Scenario(name, description, campus, analysisCrs, layers, layer, field, criteria, constraints,
                weights, method);
    }

    public Scenario withWeights(WeightsSpec w) {
        return new Scenario(name, description, campus, analysisCrs, layers, candidates, idField, criteria,
                constraints, w, method);
    }
}
