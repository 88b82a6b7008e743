package io.siteplanner.ui;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.WeightsSpec;
import io.siteplanner.store.ProjectLayerSource;
import io.siteplanner.store.ScenarioLayers;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The active scenario as the planner edits it. Every edit makes a new immutable {@link Scenario}, is
 * undoable, and is scored with the least work it needs: weights, transforms, the method and comparison
 * constraints re-score the evaluated columns ({@link ScoringSession#update}, on the re-score lane, latest
 * wins); criteria added, edited, enabled, disabled, removed or reordered and new exclusion layers are
 * evaluated alone ({@link ScoringSession#withScenario}); another candidate layer or campus figures that
 * criteria measure with evaluate the scenario anew. Both run in the background with progress; edits
 * arriving meanwhile are applied when it ends. Weight and transform drags re-score live and become one
 * undoable edit when the drag ends. FX thread only.
 */
public final class ScenarioEditorViewModel {
    private final LayersViewModel layers;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UndoManager undo;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<ScoringSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<ScoreResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<CriterionRow> criteria = FXCollections.observableArrayList();
    private final ObservableList<ConstraintRow> constraints = FXCollections.observableArrayList();
    private final ObjectProperty<MethodSpec.Type> method = new SimpleObjectProperty<>(this, "method");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper(this, "evaluating");
    private final BooleanProperty adjusting = new SimpleBooleanProperty(this, "adjusting");
    /** The scenario of the last undoable edit (live previews move {@link #scenario} only). */
    private Scenario committed;
    /** Project layer data each "@name" had when the session read it: a layer replaced under the same name is read anew. */
    private Map<String, VectorLayer> read = Map.of();
    private boolean syncing;
    private boolean busy;
    private boolean pending;
    private long generation;
    private UndoManager.Edit lastEdit;
    private java.util.function.Consumer<String> status = s -> { };
    /** Why criteria were disabled because they could not be evaluated (on other candidates, say). */
    private final Map<String, String> reasons = new HashMap<>();

    public ScenarioEditorViewModel(LayersViewModel layers, TaskExecutor tasks, DialogService dialogs, UndoManager undo) {
        this.layers = layers;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.undo = undo;
        method.addListener((o, a, b) -> {
            Scenario s = scenario.get();
            if (!syncing && s != null && b != null && b != s.method().type()) {
                commit("method", s.withMethod(b == MethodSpec.Type.TOPSIS ? MethodSpec.topsis(false)
                        : b == MethodSpec.Type.OWA ? MethodSpec.owa(0.5) : MethodSpec.weightedSum()));
            }
        });
        adjusting.addListener((o, a, b) -> {
            if (!b) {
                commitLive("weights");
            }
        });
    }

    // ------------------------------------------------------------------------------------------ state

    /** Where "Evaluated ..." messages go (the status bar). */
    public void setStatus(java.util.function.Consumer<String> s) {
        status = s;
    }

    /** The scenario as edited now (null when the project has none). */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario current() {
        return scenario.get();
    }

    /** The evaluated scenario the results come from (null before the first evaluation). */
    public ReadOnlyObjectProperty<ScoringSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The latest score result (null before the first evaluation). */
    public ReadOnlyObjectProperty<ScoreResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<CriterionRow> criteria() {
        return criteria;
    }

    public ObservableList<ConstraintRow> constraints() {
        return constraints;
    }

    /** The aggregation method (a view binds a choice box; a change is an undoable edit). */
    public ObjectProperty<MethodSpec.Type> methodProperty() {
        return method;
    }

    /** Why the scenario is not (re-)scored ("" when it is): shown in the panel and status bar. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether an evaluation with spatial work is running. */
    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    /** True while a weight slider is dragged: the weights re-score live and become one edit when it ends. */
    public BooleanProperty adjustingProperty() {
        return adjusting;
    }

    /** The project layer name of the candidates, or null. */
    public String candidatesLayer() {
        Scenario s = scenario.get();
        return s == null ? null : projectLayer(s, s.candidates());
    }

    /** The project layer a scenario layer id reads plainly ({@code "@name"}), or null (a file). */
    static String projectLayer(Scenario s, String id) {
        var ref = s.layers().get(id);
        return ref != null && ref.path().startsWith(ProjectLayerSource.PREFIX)
                ? ref.path().substring(ProjectLayerSource.PREFIX.length()) : null;
    }

    /** The row of a criterion, or null. */
    public CriterionRow row(String id) {
        for (CriterionRow r : criteria) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ loading

    /**
     * Shows a scenario (opening a project, switching scenarios): with its evaluated session, or without one
     * and the problem that prevented it. Not an edit.
     */
    public void load(Scenario s, ScoringSession evaluated, String why) {
        load(s, evaluated, why, null);
    }

    /**
     * As {@link #load(Scenario, ScoringSession, String)}, with the session's ranking already computed where it
     * was evaluated ({@link #scoreNow}; null to compute it on the re-score lane): the result is in when this
     * returns, so the map and table show the ranked project at once.
     */
    void load(Scenario s, ScoringSession evaluated, String why, Outcome scored) {
        generation++;
        busy = false;
        pending = false;
        committed = s;
        read = evaluated == null ? Map.of() : readLayers(s);
        session.set(evaluated);
        scenario.set(s);
        sync(s);
        problem.set(why == null ? "" : why);
        result.set(null);
        if (evaluated != null && scored != null) {
            publish(scored);
        } else if (evaluated != null) {
            rescore(evaluated, s);
        }
    }

    /**
     * The session scored with {@code next}'s settings, as the re-score lane does it; null when every weight
     * is 0 (nothing to rank by). Any thread that owns the session.
     */
    static Outcome scoreNow(ScoringSession s, Scenario next) {
        s.update(next);
        if (allZero(next)) {
            return null;
        }
        return new Outcome(s.score(), counts(s, next));
    }

    /** Forgets the scenario (a new project). */
    public void clear() {
        load(null, null, null);
    }

    /**
     * Makes {@code s} the scenario without an undoable edit of its own (the layer removal that caused it is
     * the edit), scored with the least work.
     */
    public void reset(Scenario s) {
        committed = s;
        apply(s);
    }

    /** Evaluates the current scenario anew (a project layer changed under its name, or after an error). */
    public void evaluateAgain() {
        Scenario s = scenario.get();
        if (s != null) {
            session.set(null);
            apply(s);
        }
    }

    // ------------------------------------------------------------------------------------------ edits

    /** Notes why criteria were disabled when the scenario was opened (shown as their flags). */
    public void noteDisabled(Map<String, String> why) {
        reasons.putAll(why);
        Scenario s = scenario.get();
        if (s != null) {
            for (CriterionRow r : criteria) {
                r.setFlag(flag(s, r.spec()));
            }
        }
    }

    /** Makes {@code next} the scenario as one undoable edit named {@code what}, and scores it. */
    public void commit(String what, Scenario next) {
        Scenario before = committed;
        if (next == null || next.equals(before) && next.equals(scenario.get())) {
            return;
        }
        committed = next;
        lastEdit = UndoManager.of(what, () -> restore(before), () -> restore(next));
        undo.push(lastEdit);
        apply(next);
    }

    private void restore(Scenario s) {
        committed = s;
        apply(s);
    }

    /** Shows and scores {@code next} without an undoable edit yet (a drag in progress). */
    public void preview(Scenario next) {
        apply(next);
    }

    /** Turns the live changes since the last edit into one undoable edit. */
    public void commitLive(String what) {
        Scenario now = scenario.get();
        if (now != null && !now.equals(committed)) {
            commit(what, now);
        }
    }

    /** Weights from the AHP dialog (direct weights afterwards). */
    public void setWeights(double[] w) {
        Scenario s = scenario.get();
        List<Criterion> l = new ArrayList<>(s.criteria());
        for (int c = 0; c < w.length && c < l.size(); c++) {
            l.set(c, l.get(c).withWeight(w[c]));
        }
        commit("AHP weights", s.withCriteria(l).withWeights(WeightsSpec.direct()));
    }

    /** Opens the AHP dialog for the enabled criteria and applies its weights. */
    public void ahpWeights() {
        Scenario s = scenario.get();
        if (s == null || s.criteria().size() < 2) {
            return;
        }
        List<String> ids = new ArrayList<>();
        double[] cur = new double[s.criteria().size()];
        for (int c = 0; c < cur.length; c++) {
            ids.add(s.criteria().get(c).id());
            cur[c] = s.criteria().get(c).weight();
        }
        dialogs.ahpWeights(ids, cur).ifPresent(this::setWeights);
    }

    /** Campus IT load in MW (criteria measuring demand or costs are evaluated anew). */
    public void setItLoadMw(double mw) {
        Scenario s = scenario.get();
        if (s != null && mw > 0 && mw != s.campus().itLoadMw()) {
            Campus c = s.campus();
            commit("IT load", s.withCampus(new Campus(mw, c.pue(), c.utilization(), c.minAcres(), c.years(),
                    c.discountRate(), c.landPriceUsdPerAcre())));
        }
    }

    public void setPue(double pue) {
        Scenario s = scenario.get();
        if (s != null && pue > 0 && pue != s.campus().pue()) {
            Campus c = s.campus();
            commit("PUE", s.withCampus(new Campus(c.itLoadMw(), pue, c.utilization(), c.minAcres(), c.years(),
                    c.discountRate(), c.landPriceUsdPerAcre())));
        }
    }

    /**
     * The campus minimum area and the "area &gt;= minimum" constraint that follows it (updated, or added
     * when the scenario has an area criterion and no such constraint).
     */
    public void setMinAcres(double acres) {
        Scenario s = scenario.get();
        if (s == null || !(acres >= 0) || acres == s.campus().minAcres()) {
            return;
        }
        Campus c = s.campus();
        Scenario t = s.withCampus(new Campus(c.itLoadMw(), c.pue(), c.utilization(), acres, c.years(), c.discountRate(),
                c.landPriceUsdPerAcre()));
        List<ConstraintSpec> k = new ArrayList<>(t.constraints());
        boolean found = false;
        for (int i = 0; i < k.size(); i++) {
            ConstraintSpec x = k.get(i);
            if (!found && !x.isExclusion() && ">=".equals(x.op()) && t.criterion(x.criterion()) != null
                    && t.criterion(x.criterion()).kind() == io.siteplanner.scoring.criteria.AreaCriterion.KIND) {
                k.set(i, x.withComparison(">=", acres));
                found = true;
            }
        }
        if (!found) {
            for (Criterion x : t.criteria()) {
                if (x.kind() == io.siteplanner.scoring.criteria.AreaCriterion.KIND) {
                    k.add(ConstraintSpec.compare(x.id(), ">=", acres));
                    break;
                }
            }
        }
        commit("minimum area", t.withConstraints(k));
    }

    /** The scenario with its criteria replaced (constraints on removed criteria go too). */
    static Scenario withCriteria(Scenario s, List<Criterion> l) {
        List<ConstraintSpec> k = new ArrayList<>();
        for (ConstraintSpec x : s.constraints()) {
            if (x.isExclusion() || l.stream().anyMatch(c -> c.id().equals(x.criterion()))) {
                k.add(x);
            }
        }
        WeightsSpec w = s.weights();
        if (w.isAhp() && !l.stream().map(Criterion::id).toList().containsAll(w.criteria())) {
            w = WeightsSpec.direct();
        }
        return ScenarioLayers.withoutUnusedLayers(s.withCriteria(l).withConstraints(k).withWeights(w));
    }

    // ------------------------------------------------------------------------------------------ candidates

    /** Layers that can be the candidates: polygon and point layers (not basemaps), top first. */
    public List<String> candidateChoices() {
        List<String> out = new ArrayList<>();
        for (LayerItem i : layers.layers()) {
            int d = i.mapLayer().dimension();
            if (i.role() != io.siteplanner.project.ProjectLayer.Role.BASEMAP && (d == 0 || d == 2)) {
                out.add(i.getName());
            }
        }
        return out;
    }

    /** Fields of a layer that can identify a site (text and whole numbers), for the id field choice. */
    public List<String> idFieldChoices(String layer) {
        List<String> out = new ArrayList<>();
        VectorLayer v = layers.data(layer);
        if (v != null) {
            for (io.siteplanner.model.Field f : v.schema().fields()) {
                if (f.type() == io.siteplanner.model.FieldType.STRING || f.type() == io.siteplanner.model.FieldType.INTEGER) {
                    out.add(f.name());
                }
            }
        }
        return out;
    }

    /**
     * Makes {@code layer} the candidate sites with {@code idField} (null = feature id): the scenario is
     * evaluated anew in the background. Without a scenario (a new project) a first one is made with the
     * site area as its criterion.
     */
    public void setCandidates(String layer, String idField) {
        Scenario s = scenario.get();
        if (s == null) {
            commit("candidates " + layer, newScenario(layer, idField));
            return;
        }
        if (layer.equals(candidatesLayer()) && Objects.equals(idField, s.idField())) {
            return;
        }
        commit("candidates " + layer, ScenarioLayers.withCandidates(s, layer, idField));
    }

    /** A first scenario on a candidate layer: 100 MW, site area (benefit) as the only criterion. */
    Scenario newScenario(String layer, String idField) {
        VectorLayer v = layers.data(layer);
        String crs = v == null || v.crs() == null || !io.siteplanner.gis.Crs.isGeographic(v.crs()) ? null
                : io.siteplanner.gis.Crs.suggestProjected(v.bounds(), v.crs());
        Criterion area = new io.siteplanner.scoring.criteria.AreaCriterion(
                io.siteplanner.scoring.criteria.Common.of("acres", 1).withLabel("Site area"));
        Scenario s = new Scenario("Scenario 1", null, Campus.of(100), crs, Map.of(), layer, idField, List.of(area),
                List.of(), null, null);
        return ScenarioLayers.withCandidates(s, layer, idField);
    }

    // ------------------------------------------------------------------------------------------ scoring

    /** Shows {@code next} and scores it with the least work (see the class comment). */
    private void apply(Scenario next) {
        generation++;
        scenario.set(next);
        sync(next);
        if (next == null) {
            session.set(null);
            result.set(null);
            return;
        }
        if (busy) {
            pending = true; // applied when the running evaluation ends
            return;
        }
        ScoringSession s = session.get();
        String missing = missingCandidates(next);
        if (missing != null) {
            session.set(null);
            result.set(null);
            problem.set(missing);
            return;
        }
        if (s == null || !incremental(s.scenario(), next) || stale(next)) {
            evaluate(next, null);
        } else if (sameEvaluation(s, next)) {
            rescore(s, next);
        } else {
            evaluate(next, s);
        }
    }

    private String missingCandidates(Scenario s) {
        String name = projectLayer(s, s.candidates());
        if (name != null && !layers.exists(name)) {
            return "The candidate layer '" + name + "' is not in the project: choose a candidate layer";
        }
        return null;
    }

    /** Whether a session of {@code a} can be extended to {@code b} (same candidates, id field, CRS, campus). */
    private static boolean incremental(Scenario a, Scenario b) {
        Campus x = a.campus();
        Campus y = b.campus();
        return Objects.equals(a.candidates(), b.candidates()) && Objects.equals(a.idField(), b.idField())
                && Objects.equals(a.analysisCrs(), b.analysisCrs())
                && Objects.equals(a.layers().get(a.candidates()), b.layers().get(b.candidates()))
                && x.itLoadMw() == y.itLoadMw() && x.pue() == y.pue() && x.utilization() == y.utilization()
                && x.years() == y.years() && x.discountRate() == y.discountRate()
                && x.landPriceUsdPerAcre() == y.landPriceUsdPerAcre();
    }

    /** Whether {@code next} only changes settings of what the session evaluated (no spatial work). */
    private static boolean sameEvaluation(ScoringSession s, Scenario next) {
        List<Criterion> a = s.criteria();
        List<Criterion> b = next.criteria();
        if (a.size() != b.size() || !s.scenario().layers().equals(next.layers())) {
            return false;
        }
        for (int c = 0; c < a.size(); c++) {
            if (!ScoringSession.sameMeasure(a.get(c), b.get(c))) {
                return false;
            }
        }
        for (ConstraintSpec k : next.constraints()) {
            if (k.isExclusion() && k.enabled() && !s.scenario().constraints().contains(k)) {
                return false; // a new exclusion search: done with the evaluation, not on the re-score lane
            }
        }
        return true;
    }

    /** Whether a project layer the session read was replaced by other data under the same name. */
    private boolean stale(Scenario next) {
        for (Map.Entry<String, VectorLayer> e : read.entrySet()) {
            VectorLayer now = layers.data(e.getKey());
            if (now != null && now != e.getValue()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, VectorLayer> readLayers(Scenario s) {
        Map<String, VectorLayer> out = new HashMap<>();
        for (String id : ScenarioEvaluator.usedLayers(s)) {
            String name = projectLayer(s, id);
            if (name != null && layers.data(name) != null) {
                out.put(name, layers.data(name));
            }
        }
        return out;
    }

    /** Evaluates {@code next} in the background: from scratch, or extending {@code base}. */
    private void evaluate(Scenario next, ScoringSession base) {
        busy = true;
        evaluating.set(true);
        long gen = generation;
        var src = layers.source();
        String title = base == null ? "Evaluating \"" + next.name() + "\"" : "Evaluating " + changed(base, next);
        io.siteplanner.ui.task.Job job = tasks.run(title, p -> {
            if (base != null) {
                ScoringSession s = base.withScenario(next, src, p);
                return new Outcome(s.score(), counts(s, next), next, Map.of());
            }
            Tolerant t = evaluateTolerant(next, src, p);
            return new Outcome(t.session().score(), counts(t.session(), t.scenario()), t.scenario(), t.disabled());
        }, out -> {
            finish();
            Scenario done = out.scenario();
            read = readLayers(done);
            session.set(out.result().session());
            problem.set("");
            if (!out.disabled().isEmpty()) {
                reasons.putAll(out.disabled());
                if (gen == generation) {
                    committed = done; // the edit stands with those criteria disabled
                    scenario.set(done);
                }
                List<String> lines = new ArrayList<>();
                out.disabled().forEach((id, why) -> lines.add(id + ": " + why));
                dialogs.showWarning("Some criteria cannot be evaluated and are disabled", String.join("\n", lines)
                        + "\nEdit them (or choose other candidates) to use them again.");
            }
            sync(scenario.get());
            publish(out);
            status.accept(title.replace("Evaluating", "Evaluated") + ": " + io.siteplanner.model.Plural.of(out.result().size(), "site") + ", "
                    + io.siteplanner.model.Plural.of(out.result().passedCount(), "passes", "pass") + " all constraints");
            if (pending || gen != generation) {
                pending = false;
                apply(scenario.get());
            }
        }, err -> {
            finish();
            pending = false;
            failed(next, err);
        });
        job.whenCancelled(() -> {
            finish();
            pending = false;
            cancelled(next);
        });
    }

    /** The user cancelled an evaluation: an edit goes back to the scenario that was scored. */
    private void cancelled(Scenario next) {
        ScoringSession s = session.get();
        if (s != null && next != s.scenario()) {
            undo.drop(lastEdit);
            committed = s.scenario();
            scenario.set(committed);
            sync(committed);
            problem.set("");
            status.accept("Cancelled: the scenario is as it was before");
        } else {
            problem.set("Not scored: the evaluation was cancelled");
        }
    }

    private void finish() {
        busy = false;
        evaluating.set(false);
    }

    /** An evaluation failed: the scenario goes back to the last one that was scored, and the edit is dropped. */
    private void failed(Scenario next, Throwable err) {
        String msg = DialogService.messageOf(err);
        ScoringSession s = session.get();
        if (s != null && next != s.scenario()) {
            undo.drop(lastEdit);
            committed = s.scenario();
            scenario.set(committed);
            sync(committed);
            problem.set("");
            dialogs.showError("Could not evaluate the change", msg + "\nThe scenario is as it was before.");
        } else {
            problem.set("Not scored: " + msg);
            dialogs.showError("Could not evaluate \"" + next.name() + "\"", msg);
        }
    }

    /** Which criteria an incremental evaluation computes, for the status bar. */
    private static String changed(ScoringSession base, Scenario next) {
        List<String> ids = new ArrayList<>();
        for (Criterion c : next.criteria()) {
            int i = base.criterionIndex(c.id());
            if (i < 0 || !ScoringSession.sameMeasure(base.criteria().get(i), c)) {
                ids.add(c.id());
            }
        }
        return ids.isEmpty() ? "constraints" : String.join(", ", ids);
    }

    /** Result and per-constraint counts of one scoring, of the scenario as evaluated. */
    record Outcome(ScoreResult result, int[] failing, Scenario scenario, Map<String, String> disabled) {
        Outcome(ScoreResult result, int[] failing) {
            this(result, failing, null, Map.of());
        }
    }

    /** An evaluation in which the criteria that could not be evaluated were disabled (with the reason). */
    record Tolerant(ScoringSession session, Scenario scenario, Map<String, String> disabled) {
    }

    private static final java.util.regex.Pattern CRITERION_PATH = java.util.regex.Pattern.compile("^criteria\\[(\\d+)]");

    /**
     * Evaluates a scenario; a criterion that cannot be evaluated (an attribute the candidates lack, a filter
     * on fields a layer lacks) is disabled with its reason instead of failing the whole scenario, so a
     * project always opens and other candidates can be chosen. Other problems fail as usual.
     */
    static Tolerant evaluateTolerant(Scenario s, io.siteplanner.scoring.LayerSource src,
            io.siteplanner.model.Progress p) {
        Map<String, String> off = new java.util.LinkedHashMap<>();
        Scenario cur = s;
        while (true) {
            try {
                return new Tolerant(ScenarioEvaluator.evaluate(cur, src, p), cur, off);
            } catch (io.siteplanner.scoring.ScenarioException e) {
                java.util.regex.Matcher m = CRITERION_PATH.matcher(e.path());
                if (!m.find()) {
                    throw e;
                }
                int k = Integer.parseInt(m.group(1));
                Criterion c = k < cur.criteria().size() ? cur.criteria().get(k) : null;
                if (c == null || !c.enabled()) {
                    throw e;
                }
                off.put(c.id(), e.problem());
                List<Criterion> l = new ArrayList<>(cur.criteria());
                l.set(k, c.withEnabled(false));
                cur = cur.withCriteria(l);
            }
        }
    }

    private static int[] counts(ScoringSession s, Scenario sc) {
        int[] out = new int[sc.constraints().size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = s.failingCount(sc.constraints().get(k));
        }
        return out;
    }

    /** Re-scores the session with {@code next}'s settings on the re-score lane (latest wins). */
    private void rescore(ScoringSession s, Scenario next) {
        long gen = generation;
        tasks.runLatest(p -> scoreNow(s, next), out -> {
            if (session.get() != s) {
                return;
            }
            if (out == null) {
                problem.set("All weights are 0: nothing to rank by (the last ranking is kept)");
                return;
            }
            problem.set("");
            if (gen == generation) {
                publish(out);
            } else {
                result.set(out.result());
            }
        }, err -> problem.set("Not re-scored: " + DialogService.messageOf(err)));
    }

    private static boolean allZero(Scenario s) {
        if (s.weights().isAhp()) {
            return false;
        }
        for (Criterion c : s.criteria()) {
            if (c.common().effectiveWeight() > 0) {
                return false;
            }
        }
        return true;
    }

    private void publish(Outcome out) {
        result.set(out.result());
        for (int k = 0; k < constraints.size() && k < out.failing().length; k++) {
            constraints.get(k).setFailing(out.failing()[k]);
        }
    }

    // ------------------------------------------------------------------------------------------ rows

    /** Brings the rows, constraints and method in line with {@code s} (rows are kept when only values changed). */
    private void sync(Scenario s) {
        syncing = true;
        try {
            if (s == null) {
                criteria.clear();
                constraints.clear();
                method.set(null);
                return;
            }
            method.set(s.method().type());
            boolean same = criteria.size() == s.criteria().size();
            for (int c = 0; same && c < criteria.size(); c++) {
                Criterion a = criteria.get(c).spec();
                Criterion b = s.criteria().get(c);
                same = a.id().equals(b.id()) && a.enabled() == b.enabled() && a.describe().equals(b.describe())
                        && Objects.equals(a.label(), b.label());
            }
            if (same) {
                for (int c = 0; c < criteria.size(); c++) {
                    criteria.get(c).set(s.criteria().get(c));
                }
            } else {
                List<CriterionRow> rows = new ArrayList<>();
                for (Criterion c : s.criteria()) {
                    rows.add(newRow(c));
                }
                criteria.setAll(rows);
            }
            for (CriterionRow r : criteria) {
                if (r.enabled()) {
                    reasons.remove(r.id());
                }
                r.setFlag(flag(s, r.spec()));
            }
            syncConstraints(s);
        } finally {
            syncing = false;
        }
    }

    private void syncConstraints(Scenario s) {
        List<ConstraintSpec> now = new ArrayList<>();
        for (ConstraintRow r : constraints) {
            now.add(r.spec());
        }
        boolean unitsKnown = true;
        for (ConstraintRow r : constraints) {
            unitsKnown &= r.spec().isExclusion() || session.get() == null || !r.unit().isEmpty()
                    || session.get().criterionIndex(r.spec().criterion()) < 0;
        }
        if (now.equals(s.constraints()) && unitsKnown) {
            return;
        }
        List<ConstraintRow> rows = new ArrayList<>();
        ScoringSession sess = session.get();
        for (ConstraintSpec k : s.constraints()) {
            String unit = null;
            if (!k.isExclusion() && sess != null && sess.criterionIndex(k.criterion()) >= 0) {
                unit = sess.column(sess.criterionIndex(k.criterion())).unit();
            }
            rows.add(new ConstraintRow(k, unit));
        }
        constraints.setAll(rows);
    }

    /** Why a criterion is disabled when it was not the planner's choice (a missing layer, an evaluation problem), or "". */
    String flag(Scenario s, Criterion c) {
        String missing = missingLayer(s, c);
        if (!missing.isEmpty() || c.enabled()) {
            return missing;
        }
        String why = reasons.get(c.id());
        return why == null ? "" : "disabled: " + why;
    }

    /** Why a disabled criterion cannot be enabled as it is (a layer it reads is missing), or "". */
    String missingLayer(Scenario s, Criterion c) {
        if (c.enabled()) {
            return "";
        }
        for (String id : c.layers()) {
            String name = projectLayer(s, id);
            if (name != null && !layers.exists(name)) {
                return "layer '" + name + "' is missing: edit the criterion to use another layer";
            }
        }
        return "";
    }

    private CriterionRow newRow(Criterion c) {
        CriterionRow row = new CriterionRow(c);
        row.weightProperty().addListener((o, a, b) -> {
            if (!syncing) {
                preview(with(row.id(), row.spec().withWeight(b.doubleValue())));
                if (!adjusting.get()) {
                    commitLive("weights");
                }
            }
        });
        row.transformProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                preview(with(row.id(), row.spec().withTransform(b)));
            }
        });
        return row;
    }

    /** The current scenario with criterion {@code id} replaced by {@code c}. */
    Scenario with(String id, Criterion c) {
        Scenario s = scenario.get();
        List<Criterion> l = new ArrayList<>(s.criteria());
        l.set(s.criterionIndex(id), c);
        return s.withCriteria(l);
    }

    /** Folder of project-relative paths (for the forms). */
    LayersViewModel layers() {
        return layers;
    }

    DialogService dialogs() {
        return dialogs;
    }

    TaskExecutor tasks() {
        return tasks;
    }

    /** Whether a scenario is being evaluated or edits wait for it (tests, status). */
    public boolean isBusy() {
        return busy;
    }
}
