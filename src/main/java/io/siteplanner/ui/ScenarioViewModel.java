package io.siteplanner.ui;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The active scenario as the UI edits it: campus inputs, criterion weights and the method, with live
 * re-scoring. Evaluation (spatial work) runs once per scenario in a background task; weight and method
 * changes re-score the evaluated columns on a single worker (latest request wins) and publish the
 * result on the FX thread. FX-thread properties only.
 */
public final class ScenarioViewModel {
    /** One criterion row of the scenario panel. */
    public static final class CriterionRow {
        private final Criterion spec;
        private final DoubleProperty weight = new SimpleDoubleProperty();
        private final ObjectProperty<TransformSpec> transform = new SimpleObjectProperty<>();

        CriterionRow(Criterion spec) {
            this.spec = spec;
            this.weight.set(spec.weight());
            this.transform.set(spec.transform());
        }

        /** The transform to [0,1]. */
        public ObjectProperty<TransformSpec> transformProperty() {
            return transform;
        }

        public Criterion spec() {
            return spec;
        }

        public String id() {
            return spec.id();
        }

        /** The label, or the id when there is none. */
        public String label() {
            return spec.label() == null ? spec.id() : spec.label();
        }

        /** Raw weight as the user set it (the engine normalises weights to sum 1). */
        public DoubleProperty weightProperty() {
            return weight;
        }
    }

    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ReadOnlyObjectWrapper<ScoringSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<ScoreResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<CriterionRow> criteria = FXCollections.observableArrayList();
    private final ObservableList<ConstraintSpec> constraints = FXCollections.observableArrayList();
    /** All scenarios of the project (the active one as last installed; see {@link #currentScenario}). */
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<String> activeName = new SimpleObjectProperty<>(this, "activeName");
    private final ObjectProperty<MethodSpec.Type> method = new SimpleObjectProperty<>(this, "method",
            MethodSpec.Type.WEIGHTED_SUM);
    private final DoubleProperty itLoadMw = new SimpleDoubleProperty(this, "itLoadMw");
    private final DoubleProperty pue = new SimpleDoubleProperty(this, "pue");
    private final DoubleProperty minAcres = new SimpleDoubleProperty(this, "minAcres");
    private final ExecutorService rescorer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rescore");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final javafx.beans.property.ReadOnlyStringWrapper problem =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "problem", "");
    private Path baseDir;
    private io.siteplanner.scoring.LayerSource source;
    private boolean loading;

    /**
     * Sets the campus minimum area and the "area &gt;= minimum" constraint that follows it (added when the
     * scenario has an area criterion and no such constraint).
     */
    public void setMinAcres(double acres) {
        Scenario s = scenario.get();
        double old = minAcres.get();
        minAcres.set(acres);
        if (s == null) {
            return;
        }
        boolean found = false;
        for (int i = 0; i < constraints.size(); i++) {
            ConstraintSpec k = constraints.get(i);
            if (isAreaMinimum(s, k) && (k.value() == old || !found)) {
                constraints.set(i, new ConstraintSpec(k.criterion(), k.op(), acres, null, null, null, k.label()));
                found = true;
            }
        }
        if (!found) {
            for (Criterion c : s.criteria()) {
                if (c instanceof io.siteplanner.scoring.criteria.AreaCriterion) {
                    constraints.add(ConstraintSpec.compare(c.id(), ">=", acres));
                    break;
                }
            }
        }
    }

    private static boolean isAreaMinimum(Scenario s, ConstraintSpec k) {
        return !k.isExclusion() && ">=".equals(k.op()) && s.criterion(k.criterion()) != null
                && s.criterion(k.criterion()) instanceof io.siteplanner.scoring.criteria.AreaCriterion;
    }

    public ScenarioViewModel() {
        constraints.addListener((javafx.collections.ListChangeListener<ConstraintSpec>) c -> {
            if (!loading) {
                rescore();
            }
        });
        method.addListener((o, a, b) -> {
            if (!loading && b != null) {
                rescore();
            }
        });
    }

    /** Why the last re-score did not happen ("" when it did): shown in the status bar. */
    public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScoringSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The latest score result (FX thread), or null before the first evaluation. */
    public ReadOnlyObjectProperty<ScoreResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ObservableList<CriterionRow> criteria() {
        return criteria;
    }

    /** The project's scenarios. */
    public ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    /** Name of the active scenario. */
    public ObjectProperty<String> activeNameProperty() {
        return activeName;
    }

    /** The scenarios with the active one as currently edited (for saving). */
    public java.util.List<Scenario> scenariosForSave() {
        java.util.List<Scenario> out = new ArrayList<>();
        Scenario cur = currentScenario();
        for (Scenario s : scenarios) {
            out.add(cur != null && s.name().equals(activeName.get()) ? cur : s);
        }
        return out;
    }

    /** Stores the edits of the active scenario into the list (before switching away). */
    public void keepEdits() {
        Scenario cur = currentScenario();
        if (cur == null) {
            return;
        }
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).name().equals(activeName.get())) {
                scenarios.set(i, cur);
            }
        }
    }

    /** The hard constraints; edits re-score (comparisons need no spatial work). */
    public ObservableList<ConstraintSpec> constraints() {
        return constraints;
    }

    public ObjectProperty<MethodSpec.Type> methodProperty() {
        return method;
    }

    public DoubleProperty itLoadMwProperty() {
        return itLoadMw;
    }

    public DoubleProperty pueProperty() {
        return pue;
    }

    public DoubleProperty minAcresProperty() {
        return minAcres;
    }

    /** Folder that relative layer paths of the scenario are resolved against. */
    public Path baseDir() {
        return baseDir;
    }

    /** Evaluates a scenario (spatial work): call from a background task. */
    public static ScoringSession evaluate(Scenario s, Path baseDir, Progress progress) {
        return ScenarioEvaluator.evaluate(s, new FileLayerSource(baseDir), progress);
    }

    /** Evaluates a scenario over a layer source (a project's layers): call from a background task. */
    public static ScoringSession evaluate(Scenario s, io.siteplanner.scoring.LayerSource src, Progress progress) {
        return ScenarioEvaluator.evaluate(s, src, progress);
    }

    /** Where the scenario's layers come from (for evaluating again). */
    public io.siteplanner.scoring.LayerSource source() {
        return source != null ? source : baseDir == null ? null : new FileLayerSource(baseDir);
    }

    /** Installs an evaluated session whose layers come from {@code src} (FX thread). */
    public void install(io.siteplanner.scoring.LayerSource src, ScoringSession evaluated) {
        this.source = src;
        install((Path) null, evaluated);
    }

    /** Forgets all scenarios (a new project). */
    public void clear() {
        generation.incrementAndGet(); // a re-score of the old session still running must not publish
        loading = true;
        try {
            scenarios.clear();
            criteria.clear();
            constraints.clear();
            scenario.set(null);
            session.set(null);
            activeName.set(null);
        } finally {
            loading = false;
        }
        result.set(null);
    }

    /** Installs an evaluated session and its first result (FX thread). */
    public void install(Path dir, ScoringSession evaluated) {
        generation.incrementAndGet(); // a re-score of the previous session still running must not publish
        loading = true;
        try {
            if (dir != null) {
                this.baseDir = dir;
                this.source = null;
            }
            Scenario s = evaluated.scenario();
            scenario.set(s);
            activeName.set(s.name());
            boolean known = false;
            for (int i = 0; i < scenarios.size(); i++) {
                if (scenarios.get(i).name().equals(s.name())) {
                    known = true;
                }
            }
            if (!known) {
                scenarios.add(s);
            }
            Campus c = s.campus();
            itLoadMw.set(c.itLoadMw());
            pue.set(c.pue());
            minAcres.set(c.minAcres());
            method.set(s.method().type());
            List<CriterionRow> rows = new ArrayList<>();
            for (Criterion spec : s.criteria()) {
                CriterionRow row = new CriterionRow(spec);
                row.weightProperty().addListener((o, a, b) -> {
                    if (!loading) {
                        rescore();
                    }
                });
                row.transformProperty().addListener((o, a, b) -> {
                    if (!loading) {
                        rescore();
                    }
                });
                rows.add(row);
            }
            criteria.setAll(rows);
            constraints.setAll(s.constraints());
            session.set(evaluated);
        } finally {
            loading = false;
        }
        result.set(evaluated.score());
    }

    /** The scenario with the panel's current weights, method and campus inputs. */
    public Scenario currentScenario() {
        Scenario s = scenario.get();
        if (s == null) {
            return null;
        }
        List<Criterion> specs = new ArrayList<>();
        for (CriterionRow r : criteria) {
            specs.add(r.spec().withWeight(r.weightProperty().get()).withTransform(r.transformProperty().get()));
        }
        Campus c = s.campus();
        Campus campus = new Campus(itLoadMw.get(), pue.get(), c.utilization(), minAcres.get(), c.years(),
                c.discountRate(), c.landPriceUsdPerAcre());
        List<ConstraintSpec> constraints = new ArrayList<>(this.constraints);
        MethodSpec m = method.get() == s.method().type() ? s.method()
                : method.get() == MethodSpec.Type.TOPSIS ? MethodSpec.topsis(false)
                : method.get() == MethodSpec.Type.OWA ? MethodSpec.owa(0.5) : MethodSpec.weightedSum();
        return new Scenario(s.name(), s.description(), campus, s.analysisCrs(), s.layers(), s.candidates(), s.idField(),
                specs, constraints, s.weights(), m);
    }

    /** True when the campus inputs changed what must be measured (demand, costs): evaluate again. */
    public boolean campusChanged() {
        Scenario s = scenario.get();
        return s != null && (s.campus().itLoadMw() != itLoadMw.get() || s.campus().pue() != pue.get());
    }

    /**
     * Re-scores with the current weights, method and constraints on the worker (no spatial work) and
     * publishes the result on the FX thread; requests arriving meanwhile supersede this one.
     */
    public void rescore() {
        ScoringSession s = session.get();
        if (s == null) {
            return;
        }
        Scenario next = currentScenario();
        long gen = generation.incrementAndGet();
        rescorer.execute(() -> {
            if (generation.get() != gen) {
                return; // a newer request is queued
            }
            ScoreResult r;
            try {
                double[] w = new double[next.criteria().size()];
                for (int c = 0; c < w.length; c++) {
                    w[c] = next.criteria().get(c).weight();
                }
                boolean allZero = true;
                for (double x : w) {
                    allZero &= x == 0;
                }
                if (allZero) {
                    Platform.runLater(() -> problem.set("All weights are 0: nothing to rank by (the last ranking is kept)"));
                    return;
                }
                s.update(next);
                r = s.score();
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> problem.set("Not re-scored: " + msg));
                return;
            }
            ScoreResult res = r;
            Platform.runLater(() -> {
                if (generation.get() == gen) {
                    problem.set("");
                    result.set(res);
                }
            });
        });
    }

    /** Sets all weights at once (AHP), without one re-score per weight. */
    public void setWeights(double[] w) {
        loading = true;
        try {
            for (int i = 0; i < w.length && i < criteria.size(); i++) {
                criteria.get(i).weightProperty().set(w[i]);
            }
        } finally {
            loading = false;
        }
        rescore();
    }

    public void dispose() {
        rescorer.shutdownNow();
    }
}
