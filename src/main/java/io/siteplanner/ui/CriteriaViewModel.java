package io.siteplanner.ui;

import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Adding, editing, disabling, removing and reordering the active scenario's criteria, and their transform
 * editor. Each action is one undoable edit of the {@link ScenarioEditorViewModel}, which evaluates only the
 * criterion it touched. FX thread.
 */
public final class CriteriaViewModel {
    private final ScenarioEditorViewModel editor;

    public CriteriaViewModel(ScenarioEditorViewModel editor) {
        this.editor = editor;
    }

    /** A form for a new criterion, reading {@code layer} when given ("Use in scenario..."). */
    public CriterionFormViewModel newForm(String layer) {
        return new CriterionFormViewModel(editor, null, layer);
    }

    /** A form editing criterion {@code id}. */
    public CriterionFormViewModel editForm(String id) {
        return new CriterionFormViewModel(editor, editor.current().criterion(id), null);
    }

    /** Opens the form for a new criterion and adds it on OK; false when cancelled or there is no scenario. */
    public boolean add(String layer) {
        if (editor.current() == null) {
            editor.dialogs().showWarning("No scenario yet", "Choose the candidate layer first (Scenario panel).");
            return false;
        }
        CriterionFormViewModel form = newForm(layer);
        if (!editor.dialogs().editCriterion(form)) {
            return false;
        }
        apply("add criterion " + form.criterionId(), form);
        return true;
    }

    /** Opens the form for criterion {@code id} and applies it on OK. */
    public boolean edit(String id) {
        CriterionFormViewModel form = editForm(id);
        if (!editor.dialogs().editCriterion(form)) {
            return false;
        }
        apply("edit criterion " + id, form);
        return true;
    }

    /** Applies a filled form (OK pressed) as one edit. */
    public void apply(String what, CriterionFormViewModel form) {
        editor.commit(what, form.applyTo(editor.current()));
    }

    /**
     * Removes a criterion (with the constraints on it, after asking). The last criterion and one that a TCO
     * adds up stay.
     */
    public boolean remove(String id) {
        Scenario s = editor.current();
        if (s.criteria().size() < 2) {
            editor.dialogs().showError("Cannot remove " + id, "A scenario needs at least one criterion.");
            return false;
        }
        for (Criterion c : s.criteria()) {
            if (c.needs().contains(id)) {
                editor.dialogs().showError("Cannot remove " + id, "Criterion " + c.id() + " adds it up: remove or edit "
                        + c.id() + " first.");
                return false;
            }
        }
        List<String> on = new ArrayList<>();
        for (ConstraintSpec k : s.constraints()) {
            if (id.equals(k.criterion())) {
                on.add(k.criterion() + " " + k.op() + " " + io.siteplanner.model.Units.number(k.value()));
            }
        }
        if (!on.isEmpty() && !editor.dialogs().confirm("Remove criterion " + id + "?", "Its constraints go with it: "
                + String.join(", ", on) + ". Undo brings them back.", "Remove")) {
            return false;
        }
        List<Criterion> l = new ArrayList<>(s.criteria());
        l.remove(s.criterionIndex(id));
        editor.commit("remove criterion " + id, ScenarioEditorViewModel.withCriteria(s, l));
        return true;
    }

    /** Moves a criterion up (-1) or down (+1) in the list. */
    public void move(String id, int delta) {
        Scenario s = editor.current();
        int i = s.criterionIndex(id);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= s.criteria().size()) {
            return;
        }
        List<Criterion> l = new ArrayList<>(s.criteria());
        l.add(j, l.remove(i));
        editor.commit("move criterion " + id, s.withCriteria(l));
    }

    /** Enables or disables a criterion (a disabled one is kept but not evaluated and weighs nothing). */
    public void setEnabled(String id, boolean enabled) {
        Scenario s = editor.current();
        Criterion c = s.criterion(id);
        if (c == null || c.enabled() == enabled) {
            return;
        }
        if (enabled && !editor.missingLayer(s, c).isEmpty()) {
            editor.dialogs().showError("Cannot enable " + id, editor.missingLayer(s, c));
            return;
        }
        editor.commit((enabled ? "enable " : "disable ") + id, editor.with(id, c.withEnabled(enabled)));
    }

    /**
     * The transform editor of a criterion over its evaluated raw values; changes re-score live through the
     * criterion's row. Null when the criterion is not evaluated yet.
     */
    public TransformEditorViewModel transformEditor(String id) {
        ScoringSession s = editor.sessionProperty().get();
        CriterionRow row = editor.row(id);
        if (s == null || row == null || s.criterionIndex(id) < 0) {
            return null;
        }
        int c = s.criterionIndex(id);
        ScoreResult r = editor.resultProperty().get();
        boolean[] passed = null;
        if (r != null && r.session() == s) {
            passed = new boolean[r.size()];
            for (int i = 0; i < passed.length; i++) {
                passed[i] = r.passed(i);
            }
        }
        return new TransformEditorViewModel(id, s.column(c).unit(), s.raw(c), passed, row.transformProperty().get(),
                t -> row.transformProperty().set(t));
    }

    /** Opens the transform editor: live while dragging, one edit on OK, back as it was on Cancel. */
    public void editTransform(String id) {
        TransformEditorViewModel ed = transformEditor(id);
        if (ed == null) {
            editor.dialogs().showWarning("Not evaluated yet", "The criterion " + id + " is still being evaluated.");
            return;
        }
        TransformSpec chosen = editor.dialogs().editTransform(ed).orElse(null);
        CriterionRow row = editor.row(id);
        if (chosen == null) {
            row.transformProperty().set(ed.initial());
        } else {
            row.transformProperty().set(chosen);
        }
        editor.commitLive("transform of " + id);
    }

    /**
     * How many sites have no data for a criterion in a result, in words ("31 of 280 sites: no data, scored 0"),
     * or "" when all have a value or the criterion is not in the result. Never a silent 0.
     */
    public static String noDataText(ScoreResult r, String id) {
        if (r == null) {
            return "";
        }
        int c = r.session().criterionIndex(id);
        if (c < 0) {
            return "";
        }
        int n = r.missingCount(c);
        if (n == 0) {
            return "";
        }
        io.siteplanner.scoring.criteria.Common common = r.session().scenario().criteria().get(c).common();
        String rule = common.missing() == io.siteplanner.scoring.criteria.MissingPolicy.EXCLUDE ? "those sites fail"
                : "scored " + ScoreResult.fmt(common.missingValueScore());
        return n + " of " + r.size() + " sites: no data, " + rule;
    }
}
