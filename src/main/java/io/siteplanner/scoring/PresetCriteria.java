package io.siteplanner.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.gis.preset.CriterionTemplate;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criteria;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.CriterionKind;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.criteria.Params;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The criteria a recognised layer offers a scenario builder: each {@link CriterionTemplate} of its
 * {@link Preset} read by its kind's own reader ({@link CriterionKind#read}), exactly as the same keys in a
 * scenario file would be, with the layer id the scenario gives the layer. Stateless.
 */
public final class PresetCriteria {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PresetCriteria() {
    }

    /** Every suggested criterion of a preset for the scenario layer {@code layerId}, weight 0. */
    public static List<Criterion> of(Preset preset, String layerId) {
        List<Criterion> out = new ArrayList<>();
        for (CriterionTemplate t : preset.criteria()) {
            out.add(build(t, layerId, t.id(), 0));
        }
        return out;
    }

    /**
     * One criterion from a template.
     *
     * @throws ScenarioException when the template does not fit its kind (a bug in a preset)
     */
    public static Criterion build(CriterionTemplate t, String layerId, String id, double weight) {
        CriterionKind kind = Criteria.kind(t.kind());
        if (kind == null) {
            throw new ScenarioException(t.id() + ".kind", "unknown criterion kind '" + t.kind() + "'");
        }
        ObjectNode n = JSON.createObjectNode();
        if (kind.keys().contains("layer")) {
            n.put("layer", layerId);
        }
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
            n.set(e.getKey(), JSON.valueToTree(e.getValue()));
        }
        TransformSpec transform = null;
        if (t.categories() != null) {
            transform = TransformSpec.categories(t.categories(), 0.5);
        } else if (t.direction() != null) {
            transform = TransformSpec.linear(TransformSpec.Direction.valueOf(
                    t.direction().toUpperCase(java.util.Locale.ROOT)));
        }
        Common common = new Common(id, t.label(), weight, transform, MissingPolicy.WORST, null);
        return kind.read(common, new Params((JsonNode) n, id));
    }
}
