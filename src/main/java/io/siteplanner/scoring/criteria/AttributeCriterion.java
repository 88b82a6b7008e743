package io.siteplanner.scoring.criteria;

import io.siteplanner.model.Units;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.scoring.Column;
import io.siteplanner.scoring.EvaluationContext;
import io.siteplanner.scoring.FeatureValues;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code attribute}: an attribute of the candidate itself. Numbers (also numbers written as text) are
 * raw values; text is scored through a {@code categories} transform. Empty values are missing. Benefit
 * by default.
 */
public record AttributeCriterion(Common common, String attribute) implements Criterion {
    public static final CriterionKind KIND = new CriterionKind("attribute", "A value of the site's own attribute",
            Set.of("attribute"), Direction.BENEFIT, true, (c, p) -> new AttributeCriterion(c, p.reqStr("attribute")));

    public AttributeCriterion {
        common = common.orDefault(KIND);
    }

    @Override
    public CriterionKind kind() {
        return KIND;
    }

    @Override
    public Criterion withCommon(Common c) {
        return new AttributeCriterion(c, attribute);
    }

    @Override
    public List<String> layers() {
        return List.of();
    }

    @Override
    public void validate(EvaluationContext ctx, String path) {
        values(ctx, path);
    }

    private FeatureValues values(EvaluationContext ctx, String path) {
        return ctx.attribute(ctx.candidates(), ctx.scenario().candidates(), attribute, path + ".attribute",
                common.transform());
    }

    @Override
    public Column evaluate(EvaluationContext ctx, String path, Map<String, Column> done) {
        FeatureValues fv = values(ctx, path);
        return new Column(fv.values().clone(), null, fv.categories() == null ? Units.ofField(attribute) : "", null,
                fv.categories());
    }

    @Override
    public void write(ObjectNode n) {
        n.put("attribute", attribute);
    }

    @Override
    public String describe() {
        return "site attribute " + attribute;
    }
}
