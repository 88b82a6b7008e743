package io.siteplanner.scoring.criteria;

import io.siteplanner.model.Units;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.FeatureValues;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code nearestAttribute}: an attribute of the nearest feature of {@code layer} passing {@code filter}
 * among those with a known value of that attribute (no-data values such as HIFLD's -999999 voltage are
 * skipped, so the next feature with a known value is used); lowest feature order among equally near
 * ones. Text values are scored through a {@code categories} transform. Benefit by default.
 */
public record NearestAttributeCriterion(Common common, String layer, String filter, String attribute)
        implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("nearestAttribute",
            "An attribute of the nearest feature of a layer that has a value", Set.of("layer", "filter", "attribute"),
            Direction.BENEFIT, true,
            (c, p) -> new NearestAttributeCriterion(c, p.reqStr("layer"), p.str("filter"), p.reqStr("attribute")));

    public NearestAttributeCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new NearestAttributeCriterion(c, layer, filter, attribute);
    }

    @Override
    public List<String> layers() {
        return List.of(layer);
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        ctx.keepMask(l, filter, path + ".filter");
        ctx.attribute(l, layer, attribute, path + ".attribute", common.transform());
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        VectorLayer l = ctx.vector(layer, path + ".layer");
        FeatureValues fv = ctx.attribute(l, layer, attribute, path + ".attribute", common.transform());
        EvaluationContext.Nearest r = ctx.nearestKnown(layer, filter, attribute, fv.values(), path + ".filter");
        return new Column(fv.at(r.feature()), r.feature(), fv.categories() == null ? Units.ofField(attribute) : "", null,
                fv.categories());
    }

    @Override
    public void write(ObjectNode n) {
        n.put("layer", layer);
        Json.put(n, "filter", filter);
        n.put("attribute", attribute);
    }

    @Override
    public String describe() {
        return attribute + " of the nearest " + Explain.layer(layer, filter);
    }
}
