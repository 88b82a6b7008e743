package io.siteplanner.scoring.criteria;

import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.TransformSpec.Direction;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the scenario reader, writer and the scenario builder need to know about a criterion kind: its JSON
 * name, a one-line explanation, its own JSON keys (besides the common ones), its default direction and
 * how to read it. Each criterion record declares one as {@code KIND}; {@link Criteria#KINDS} lists them.
 */
public final class CriterionKind {
    private final String name;
    private final String summary;
    private final Set<String> keys;
    private final Direction direction;
    private final boolean text;
    private final BiFunction<Common, Params, ? extends Criterion> reader;

    /**
     * @param name      JSON name, e.g. {@code withinRadius}
     * @param summary   one line for the user, e.g. "Sum, count, mean, max or min of the features within a radius"
     * @param keys      the kind's own keys
     * @param direction default transform direction: COST for kinds where less is better
     * @param text      whether the raw value may be text (scored with a {@code categories} transform)
     * @param reader    reads the kind's keys (the common part is read already)
     */
    public CriterionKind(String name, String summary, Set<String> keys, Direction direction, boolean text,
            BiFunction<Common, Params, ? extends Criterion> reader) {
        this.name = name;
        this.summary = summary;
        this.keys = Set.copyOf(keys);
        this.direction = direction;
        this.text = text;
        this.reader = reader;
    }

    public String json() {
        return name;
    }

    public String summary() {
        return summary;
    }

    /** The kind's own JSON keys (not the common ones). */
    public Set<String> keys() {
        return keys;
    }

    /** Benefit (more is better) or cost (less is better) by default. */
    public Direction defaultDirection() {
        return direction;
    }

    /** Whether values may be text (categories). */
    public boolean allowsText() {
        return text;
    }

    /** The transform used when the scenario gives none: linear over the data range in the default direction. */
    public TransformSpec defaultTransform() {
        return TransformSpec.linear(direction);
    }

    /** Reads a criterion of this kind. */
    public Criterion read(Common common, Params p) {
        return reader.apply(common, p);
    }

    @Override
    public String toString() {
        return name;
    }
}
