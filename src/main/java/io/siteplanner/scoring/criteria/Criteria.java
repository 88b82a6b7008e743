package io.siteplanner.scoring.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * A criterion of {@code kind} from its own keys, checked by the kind exactly as when reading JSON (so a
     * form can build any kind): values are {@code String}, {@code Number} or {@code Boolean}; null or blank
     * values are left out.
     *
     * @throws ScenarioException naming the key, for unknown keys and values the kind does not accept
     */
    public static Criterion create(CriterionKind kind, Common common, Map<String, ?> keys) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, ?> e : keys.entrySet()) {
            Object v = e.getValue();
            if (!kind.keys().contains(e.getKey())) {
                throw new ScenarioException(e.getKey(), "'" + e.getKey() + "' does not apply to kind " + kind.json());
            }
            if (v == null || v instanceof String && ((String) v).isBlank()) {
                continue;
            }
            if (v instanceof Boolean) {
                n.put(e.getKey(), (Boolean) v);
            } else if (v instanceof Integer || v instanceof Long) {
                n.put(e.getKey(), ((Number) v).longValue());
            } else if (v instanceof Number) {
                n.put(e.getKey(), ((Number) v).doubleValue());
            } else {
                n.put(e.getKey(), v.toString().strip());
            }
        }
        Criterion c = kind.read(common, new Params(n, ""));
        if (c.transform().type() == TransformSpec.Type.CATEGORIES && !kind.allowsText()) {
            throw new ScenarioException("transform.type", "kind " + kind.json() + " gives numbers; categories"
                    + " applies to attribute, nearestAttribute and zoneAttribute");
        }
        return c;
    }

    /** A criterion's own keys (not the common ones) as its JSON has them: strings, numbers, booleans. */
    public static Map<String, Object> keys(Criterion c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        c.write(n);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isBoolean() ? (Object) v.asBoolean() : v.isIntegralNumber() ? (Object) v.asLong()
                    : v.isNumber() ? (Object) v.asDouble() : v.asText());
        }
        return out;
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
