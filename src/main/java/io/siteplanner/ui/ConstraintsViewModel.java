package io.siteplanner.ui;

import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioLayers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hard constraints of the active scenario: comparisons on any criterion's raw value (in its raw unit)
 * and exclusion layers from any loaded layer (filter and buffer); each row shows how many sites it removes
 * ({@link ConstraintRow#failingProperty}). Every change is one undoable edit. FX thread.
 */
public final class ConstraintsViewModel {
    /** Comparison operators. */
    public static final List<String> OPS = List.of("<", "<=", ">", ">=", "==", "!=");

    private final ScenarioEditorViewModel editor;

    public ConstraintsViewModel(ScenarioEditorViewModel editor) {
        this.editor = editor;
    }

    public List<ConstraintRow> rows() {
        return editor.constraints();
    }

    /** Criteria that a comparison can be on (ids). */
    public List<String> criterionChoices() {
        List<String> out = new ArrayList<>();
        if (editor.current() != null) {
            editor.current().criteria().forEach(c -> out.add(c.id()));
        }
        return out;
    }

    /** The raw unit of a criterion's values ("m", "acres", ...; "" when unknown or unitless). */
    public String unitOf(String criterion) {
        ScoringSession s = editor.sessionProperty().get();
        int c = s == null ? -1 : s.criterionIndex(criterion);
        return c < 0 ? "" : s.column(c).unit();
    }

    /** Layers that can exclude sites (every loaded layer but the candidates). */
    public List<String> layerChoices() {
        List<String> out = new ArrayList<>(editor.layers().names());
        out.remove(editor.candidatesLayer());
        return out;
    }

    /** A filter builder over a layer, for a new exclusion. */
    public FilterBuilderViewModel filterFor(String layer) {
        Scenario s = editor.current();
        FilterBuilderViewModel f = new FilterBuilderViewModel(s == null ? Map.of() : s.campus().variables());
        f.setLayer(editor.layers().data(layer));
        return f;
    }

    /** Adds {@code criterion op value} (value in the criterion's raw unit). */
    public void addComparison(String criterion, String op, double value) {
        Scenario s = editor.current();
        if (s == null || s.criterion(criterion) == null || !OPS.contains(op) || !Double.isFinite(value)) {
            return;
        }
        List<ConstraintSpec> k = new ArrayList<>(s.constraints());
        k.add(ConstraintSpec.compare(criterion, op, value));
        editor.commit("constraint on " + criterion, s.withConstraints(k));
    }

    /** Adds an exclusion: sites within {@code bufferM} metres of {@code layer}'s features (passing {@code filter}) fail. */
    public void addExclusion(String layer, String filter, double bufferM) {
        Scenario s = editor.current();
        if (s == null || !editor.layers().exists(layer) || !(bufferM >= 0)) {
            return;
        }
        Scenario t = ScenarioLayers.withLayer(s, layer);
        List<ConstraintSpec> k = new ArrayList<>(t.constraints());
        k.add(ConstraintSpec.exclusion(ScenarioLayers.idFor(t, layer), filter == null || filter.isBlank() ? null
                : filter.trim(), bufferM));
        editor.commit("exclude " + layer, t.withConstraints(k));
    }

    /** Changes a comparison's operator and value. */
    public void setComparison(int index, String op, double value) {
        replace(index, k -> k.withComparison(op, value), "constraint value");
    }

    /** Changes an exclusion's filter and buffer. */
    public void setExclusion(int index, String filter, double bufferM) {
        replace(index, k -> k.withExclusion(filter == null || filter.isBlank() ? null : filter.trim(), bufferM),
                "exclusion");
    }

    public void setEnabled(int index, boolean enabled) {
        replace(index, k -> k.withEnabled(enabled), enabled ? "enable constraint" : "disable constraint");
    }

    public void remove(int index) {
        Scenario s = editor.current();
        if (index < 0 || index >= s.constraints().size()) {
            return;
        }
        List<ConstraintSpec> k = new ArrayList<>(s.constraints());
        k.remove(index);
        editor.commit("remove constraint", ScenarioLayers.withoutUnusedLayers(s.withConstraints(k)));
    }

    private void replace(int index, java.util.function.UnaryOperator<ConstraintSpec> f, String what) {
        Scenario s = editor.current();
        if (index < 0 || index >= s.constraints().size()) {
            return;
        }
        List<ConstraintSpec> k = new ArrayList<>(s.constraints());
        ConstraintSpec next = f.apply(k.get(index));
        if (next.equals(k.get(index))) {
            return;
        }
        k.set(index, next);
        editor.commit(what, s.withConstraints(k));
    }
}
