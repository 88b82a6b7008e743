package io.siteplanner.ui;

import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.TransformSpec;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One criterion of the scenario editor: what it measures, its weight and transform (a view binds a slider
 * and the transform editor to them; the editor re-scores live), and a flag when it is disabled because
 * a layer it reads is missing. FX thread only.
 */
public final class CriterionRow {
    private final ReadOnlyObjectWrapper<Criterion> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final DoubleProperty weight = new SimpleDoubleProperty(this, "weight");
    private final ObjectProperty<TransformSpec> transform = new SimpleObjectProperty<>(this, "transform");
    private final ReadOnlyStringWrapper flag = new ReadOnlyStringWrapper(this, "flag", "");

    CriterionRow(Criterion c) {
        set(c);
    }

    void set(Criterion c) {
        spec.set(c);
        weight.set(c.weight());
        transform.set(c.transform());
    }

    void setFlag(String f) {
        flag.set(f == null ? "" : f);
    }

    /** The criterion as it is in the scenario. */
    public ReadOnlyObjectProperty<Criterion> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public Criterion spec() {
        return spec.get();
    }

    public String id() {
        return spec.get().id();
    }

    /** The label, or the id when there is none. */
    public String label() {
        return spec.get().displayName();
    }

    /** What is measured, in words ("distance to lines [kv >= 345]"). */
    public String describe() {
        return spec.get().describe();
    }

    public boolean enabled() {
        return spec.get().enabled();
    }

    /** Raw weight as the user set it (the engine normalises weights to sum 1). */
    public DoubleProperty weightProperty() {
        return weight;
    }

    /** The transform to [0,1]. */
    public ObjectProperty<TransformSpec> transformProperty() {
        return transform;
    }

    /** Why the criterion is disabled when a layer it reads is missing ("" otherwise). */
    public ReadOnlyStringProperty flagProperty() {
        return flag.getReadOnlyProperty();
    }
}
