package io.siteplanner.ui;

import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.decision.LoadLevels;
import io.siteplanner.scoring.decision.Robustness;
import io.siteplanner.scoring.decision.RobustnessResult;
import io.siteplanner.scoring.decision.RobustnessSpec;
import io.siteplanner.scoring.decision.Variation;
import io.siteplanner.scoring.decision.WeightModel;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Rank robustness of the active scenario for the site table and the comparison view: the options (draws,
 * seed, weight spread, k, input variations), a run of the engine's {@link Robustness} (the code behind
 * {@code siteplanner robustness}) through the {@link TaskExecutor} with progress and Cancel, and the figures
 * per site index: P(rank 1), P(top k) and the rank acceptabilities. When the scenario is re-scored the
 * figures are marked stale (same sites) or cleared (other candidates). FX thread only.
 */
public final class RobustnessViewModel {
    private final ScenarioEditorViewModel editor;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Supplier<io.siteplanner.scoring.LayerSource> source;
    private final IntegerProperty draws = new SimpleIntegerProperty(this, "draws", RobustnessSpec.DEFAULT_DRAWS);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", RobustnessSpec.DEFAULT_SEED);
    private final DoubleProperty spread = new SimpleDoubleProperty(this, "spread", RobustnessSpec.DEFAULT_SPREAD);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", RobustnessSpec.DEFAULT_K);
    private final StringProperty vary = new SimpleStringProperty(this, "vary", "");
    private final ReadOnlyObjectWrapper<RobustnessResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /** The scoring the figures were computed on. */
    private ScoreResult base;
    private RobustnessSpec spec;
    private double[] pRank1 = new double[0];
    private double[] pTopK = new double[0];
    private RobustnessResult.SiteStats[] bySite = new RobustnessResult.SiteStats[0];
    private long generation;

    /**
     * @param source the layers, for evaluating the scenario again at other IT loads ({@code itLoadMw=P%})
     */
    public RobustnessViewModel(ScenarioEditorViewModel editor, TaskExecutor tasks, DialogService dialogs,
            Supplier<io.siteplanner.scoring.LayerSource> source) {
        this.editor = editor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.source = source;
        editor.resultProperty().addListener((o, a, r) -> scenarioChanged(r));
    }

    /** Number of Monte Carlo draws (1 .. 10,000,000; default 10,000). */
    public IntegerProperty drawsProperty() {
        return draws;
    }

    /** Seed: the same seed and scenario give the same figures (default 1). */
    public LongProperty seedProperty() {
        return seed;
    }

    /** Dirichlet spread of the weights around the scenario's (default 0.25; see docs/decision.md). */
    public DoubleProperty spreadProperty() {
        return spread;
    }

    /** The k of P(top k) (default 10). */
    public IntegerProperty kProperty() {
        return k;
    }

    /** Input variations as {@code robustness --vary}: "price=10%,itLoadMw=20%" ("" = none). */
    public StringProperty varyProperty() {
        return vary;
    }

    /** The latest figures (null before a run, or after the candidates changed). */
    public ReadOnlyObjectProperty<RobustnessResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the scenario was re-scored since the figures were computed. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Whether a run is going on. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The settings of the figures shown (null before a run). */
    public RobustnessSpec spec() {
        return spec;
    }

    /** The scoring the figures were computed on (null before a run). */
    public ScoreResult base() {
        return base;
    }

    /** P(rank 1) of a site (index in the session); 0 for a site that never reached the top k; NaN without figures. */
    public double pRank1(int site) {
        return site >= 0 && site < pRank1.length ? pRank1[site] : Double.NaN;
    }

    /** P(top k) of a site; 0 for a site that never reached the top k; NaN without figures. */
    public double pTopK(int site) {
        return site >= 0 && site < pTopK.length ? pTopK[site] : Double.NaN;
    }

    /** A site's figures, or null (no figures, or it never reached the top k). */
    public RobustnessResult.SiteStats stats(int site) {
        return site >= 0 && site < bySite.length ? bySite[site] : null;
    }

    /** The column header: "P(top 10)". */
    public String topKHeader() {
        RobustnessResult r = result.get();
        return "P(top " + (r == null ? k.get() : r.k()) + ")";
    }

    /**
     * A probability for people: "87.3 %"; "0 %" and "100 %" only when exact (never, always), else
     * "&lt;0.1 %" and "&gt;99.9 %"; "" for NaN.
     */
    public static String percent(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        if (p == 0 || p == 1) {
            return String.format(Locale.ROOT, "%.0f %%", 100 * p);
        }
        if (p < 0.0005) {
            return "<0.1 %";
        }
        if (p >= 0.9995) {
            return ">99.9 %";
        }
        return String.format(Locale.ROOT, "%.1f %%", 100 * p);
    }

    /** The settings in words, for tooltips and notes. */
    public String describe() {
        RobustnessResult r = result.get();
        if (r == null) {
            return "Not run yet: Scenario > Rank Robustness… draws weights (and inputs) many times and counts how"
                    + " often each site ranks first and in the top " + k.get() + " (SMAA-2).";
        }
        return String.format(Locale.ROOT, "%,d draws, seed %d; weights: %s; inputs: %s%s", r.draws(), spec.seed(),
                r.weightModel(), r.variations().isEmpty() ? "as evaluated" : String.join(", ", r.variations()),
                stale.get() ? ". STALE: the scenario changed since; run again" : "");
    }

    /** Asks for the options, then runs. */
    public Job chooseAndRun() {
        if (editor.resultProperty().get() == null) {
            dialogs.showError("Nothing to test", "Score a scenario first.");
            return null;
        }
        if (!dialogs.editRobustnessOptions(this)) {
            return null;
        }
        return run();
    }

    /** The settings as the engine's spec for a scoring (the same construction as {@code siteplanner robustness}). */
    RobustnessSpec specFor(ScoreResult r) {
        List<Variation> vs = new ArrayList<>();
        String v = vary.get() == null ? "" : vary.get().strip();
        if (!v.isEmpty()) {
            vs.addAll(Variation.parse(v));
        }
        return new RobustnessSpec(draws.get(), seed.get(), k.get(), RobustnessSpec.defaultRankDepth(k.get()),
                WeightModel.around(r.weights(), spread.get()), vs, Variation.Shape.UNIFORM,
                RobustnessSpec.DEFAULT_LOAD_LEVELS);
    }

    /** Runs the draws on the current scoring in the background; the figures replace the previous ones. */
    public Job run() {
        ScoreResult r = editor.resultProperty().get();
        if (r == null) {
            dialogs.showError("Nothing to test", "Score a scenario first.");
            return null;
        }
        RobustnessSpec s;
        try {
            s = specFor(r);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Rank robustness: check the options", e.getMessage());
            return null;
        }
        var src = source.get();
        LoadLevels.Evaluator evaluator = (scenario, p) -> ScenarioEvaluator.evaluate(scenario, src, p);
        long gen = ++generation;
        running.set(true);
        Job job = tasks.run(String.format(Locale.ROOT, "Rank robustness (%,d draws)", s.draws()),
                p -> Robustness.run(r, s, evaluator, p), res -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    install(r, s, res);
                }, err -> {
                    if (gen == generation) {
                        running.set(false);
                    }
                    dialogs.showError("Rank robustness failed", DialogService.messageOf(err));
                });
        job.whenCancelled(() -> {
            if (gen == generation) {
                running.set(false);
            }
        });
        return job;
    }

    private void install(ScoreResult r, RobustnessSpec s, RobustnessResult res) {
        ScoreResult now = editor.resultProperty().get();
        if (now == null || now.session() != r.session()) {
            return; // other candidates by now: the figures do not apply
        }
        int n = r.size();
        double[] p1 = new double[n];
        double[] pk = new double[n];
        RobustnessResult.SiteStats[] by = new RobustnessResult.SiteStats[n];
        for (RobustnessResult.SiteStats st : res.sites()) {
            p1[st.site()] = res.pRank1(st);
            pk[st.site()] = res.pTopK(st);
            by[st.site()] = st;
        }
        base = r;
        spec = s;
        pRank1 = p1;
        pTopK = pk;
        bySite = by;
        stale.set(now != r);
        result.set(null); // listeners see a change even for equal records
        result.set(res);
    }

    private void scenarioChanged(ScoreResult r) {
        if (base == null || r == base) {
            return;
        }
        if (r == null || r.session() != base.session()) {
            clear();
        } else {
            stale.set(true);
            RobustnessResult res = result.get();
            result.set(null);
            result.set(res);
        }
    }

    /** Forgets the figures (other candidates, or a new project). */
    public void clear() {
        generation++;
        running.set(false);
        base = null;
        spec = null;
        pRank1 = new double[0];
        pTopK = new double[0];
        bySite = new RobustnessResult.SiteStats[0];
        stale.set(false);
        result.set(null);
    }

    /** The draws per rank 1..k of a site as shares (zeros when it never reached the top k; null without figures). */
    public double[] acceptability(int site) {
        RobustnessResult r = result.get();
        if (r == null) {
            return null;
        }
        double[] out = new double[r.k()];
        RobustnessResult.SiteStats st = stats(site);
        if (st != null) {
            for (int q = 0; q < out.length && q < st.acceptability().length; q++) {
                out[q] = (double) st.acceptability()[q] / r.draws();
            }
        } else {
            Arrays.fill(out, 0);
        }
        return out;
    }
}
