package io.siteplanner.ui;

import io.siteplanner.scoring.LayerSource;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.SiteComparison;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.TimeToPowerCriterion;
import io.siteplanner.scoring.decision.RobustnessResult;
import io.siteplanner.scoring.decision.WhatWouldChange;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the comparison view shows beyond the figures of {@link SiteComparison}: the note when more sites were
 * selected than are compared, the rank acceptabilities of the compared sites from the project's rank
 * robustness run ({@link RobustnessViewModel}), what would make another compared site beat the best-ranked
 * one (the engine's {@link WhatWouldChange}, as {@code siteplanner explain} prints it), time to power
 * P10/P50/P90 where the scenario has a {@code timeToPower} criterion, and a weight sweep of the compared
 * sites ({@link SweepViewModel}). Work runs through the {@link TaskExecutor}. FX thread only.
 */
public final class ComparisonViewModel {
    /** At most this many sites are compared. */
    public static final int MAX_SITES = 4;

    /**
     * One compared site's rank acceptabilities.
     *
     * @param site   site index
     * @param id     site id
     * @param shares share of draws at rank 1..k
     * @param stats  the site's robustness figures (null when it never reached the top k)
     */
    public record Acceptability(int site, Object id, double[] shares, RobustnessResult.SiteStats stats) {
    }

    /**
     * Time to power of a compared site, months from now to energization.
     *
     * @param site site index
     * @param p10  10th percentile (NaN: no connection path)
     * @param p50  median
     * @param p90  90th percentile
     */
    public record TimeToPower(int site, double p10, double p50, double p90) {
    }

    private final SiteComparison comparison;
    private final int selected;
    private final RobustnessViewModel robustness;
    private final TaskExecutor tasks;
    private final Supplier<LayerSource> source;
    private final IntConsumer zoomTo;
    private final SweepViewModel sweep;
    private final ObjectProperty<Integer> versus = new SimpleObjectProperty<>(this, "versus");
    private final ReadOnlyObjectWrapper<WhatWouldChange.Result> explanation = new ReadOnlyObjectWrapper<>(this,
            "explanation");
    private final ReadOnlyObjectWrapper<List<Acceptability>> acceptability = new ReadOnlyObjectWrapper<>(this,
            "acceptability", List.of());
    private final ReadOnlyStringWrapper robustnessNote = new ReadOnlyStringWrapper(this, "robustnessNote", "");
    private final ReadOnlyObjectWrapper<List<TimeToPower>> timeToPower = new ReadOnlyObjectWrapper<>(this,
            "timeToPower", List.of());
    private final ReadOnlyStringWrapper timeToPowerNote = new ReadOnlyStringWrapper(this, "timeToPowerNote", "");
    private long explainGeneration;
    private final javafx.beans.InvalidationListener onFigures = o -> fillAcceptability();

    /**
     * @param result     the scoring
     * @param selection  the selected site indices in table order: the first {@value #MAX_SITES} are compared
     * @param robustness the project's rank robustness (its figures are shown when they are of this scoring's
     *                   sites)
     * @param source     the layers (time to power P10/P90 are evaluated from them)
     * @param zoomTo     zooms the map to a site
     */
    public ComparisonViewModel(ScoreResult result, int[] selection, RobustnessViewModel robustness, TaskExecutor tasks,
            Supplier<LayerSource> source, IntConsumer zoomTo) {
        int[] sites = java.util.Arrays.copyOf(selection, Math.min(MAX_SITES, selection.length));
        this.comparison = new SiteComparison(result, sites);
        this.selected = selection.length;
        this.robustness = robustness;
        this.tasks = tasks;
        this.source = source;
        this.zoomTo = zoomTo;
        this.sweep = new SweepViewModel(result, sites, tasks);
        versus.addListener((o, a, b) -> explain());
        if (robustness != null) {
            // weakly: a closed comparison is not kept alive by the project's robustness figures
            robustness.resultProperty().addListener(new javafx.beans.WeakInvalidationListener(onFigures));
        }
        fillAcceptability();
    }

    public SiteComparison comparison() {
        return comparison;
    }

    public ScoreResult result() {
        return comparison.result();
    }

    /** The compared site indices. */
    public int[] sites() {
        return comparison.sites();
    }

    /** "Comparing the first 4 of 7 selected sites (in table order)", or null when all selected are compared. */
    public String selectionNote() {
        return selected > MAX_SITES ? String.format(Locale.ROOT,
                "Comparing the first %d of %d selected sites (in table order)", MAX_SITES, selected) : null;
    }

    public void zoomTo(int site) {
        zoomTo.accept(site);
    }

    public SweepViewModel sweep() {
        return sweep;
    }

    public RobustnessViewModel robustness() {
        return robustness;
    }

    /** The best-ranked compared site (A of "what would make B beat A"). */
    public int leader() {
        return comparison.decision().leader();
    }

    /** The other compared sites, best-ranked first (the choices for B). */
    public List<Integer> challengers() {
        List<Integer> out = new ArrayList<>();
        for (int s : comparison.sites()) {
            if (s != leader()) {
                out.add(s);
            }
        }
        out.sort((x, y) -> Integer.compare(result().rank(x), result().rank(y)));
        return out;
    }

    /** B: the compared site to bring ahead of the leader; setting it computes the explanation. */
    public ObjectProperty<Integer> versusProperty() {
        return versus;
    }

    /** What would put {@link #versusProperty B} ahead of the leader (null until computed). */
    public ReadOnlyObjectProperty<WhatWouldChange.Result> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The explanation as {@code siteplanner explain} prints it, one line per entry (empty until computed). */
    public List<String> explanationLines() {
        return lines(explanation.get());
    }

    /** The lines of an explanation, exactly as the CLI's table output. */
    static List<String> lines(WhatWouldChange.Result r) {
        return r == null ? new ArrayList<>() : r.lines();
    }

    private void explain() {
        Integer b = versus.get();
        long gen = ++explainGeneration;
        if (b == null) {
            explanation.set(null);
            return;
        }
        ScoreResult r = result();
        int a = leader();
        tasks.runQuietly("What would change", p -> WhatWouldChange.explain(r, a, b), res -> {
            if (gen == explainGeneration) {
                explanation.set(res);
            }
        }, err -> {
            if (gen == explainGeneration) {
                explanation.set(null);
            }
        });
    }

    // ------------------------------------------------------------------ rank acceptability

    /** Per compared site its shares of draws at ranks 1..k (empty without figures for these sites). */
    public ReadOnlyObjectProperty<List<Acceptability>> acceptabilityProperty() {
        return acceptability.getReadOnlyProperty();
    }

    /** The robustness settings in words, or what to do to get figures. */
    public ReadOnlyStringProperty robustnessNoteProperty() {
        return robustnessNote.getReadOnlyProperty();
    }

    /** Whether the robustness figures are of this comparison's sites (same candidates). */
    private boolean figuresApply() {
        return robustness != null && robustness.resultProperty().get() != null && robustness.base() != null
                && robustness.base().session() == result().session();
    }

    private void fillAcceptability() {
        if (!figuresApply()) {
            acceptability.set(List.of());
            robustnessNote.set("No rank robustness figures yet: Run (or Scenario > Rank Robustness…) draws the"
                    + " weights many times and counts the draws in which each site ranks 1st, 2nd, …");
            return;
        }
        List<Acceptability> out = new ArrayList<>();
        for (int s : comparison.sites()) {
            out.add(new Acceptability(s, result().session().id(s), robustness.acceptability(s), robustness.stats(s)));
        }
        boolean stale = robustness.staleProperty().get() || robustness.base() != result();
        robustnessNote.set(robustness.describe() + (stale && !robustness.staleProperty().get()
                ? ". From another scoring of these sites: run again for this one" : ""));
        acceptability.set(List.copyOf(out));
    }

    /** A site's robustness in words: "P(rank 1) 12.3 %, P(top 10) 87.0 %, median rank 4, 5-95 % ranks 2 to 9". */
    public String robustnessText(Acceptability a) {
        RobustnessResult r = robustness.resultProperty().get();
        if (a.stats() == null) {
            return String.format(Locale.ROOT, "%s: never in the top %d", a.id(), r.k());
        }
        RobustnessResult.SiteStats s = a.stats();
        return String.format(Locale.ROOT, "%s: P(rank 1) %s, P(top %d) %s, median rank %s, 5-95 %% ranks %s to %s",
                a.id(), RobustnessViewModel.percent(r.pRank1(s)), r.k(), RobustnessViewModel.percent(r.pTopK(s)),
                rank(r, s.medianRank()), rank(r, s.rankP5()), rank(r, s.rankP95()));
    }

    private static String rank(RobustnessResult r, int rank) {
        return r.beyondDepth(rank) ? ">" + r.rankDepth() : Integer.toString(rank);
    }

    // ------------------------------------------------------------------ time to power

    /** The first enabled timeToPower criterion of the scenario, or null. */
    public TimeToPowerCriterion timeToPowerCriterion() {
        for (Criterion c : result().session().criteria()) {
            if (c instanceof TimeToPowerCriterion && c.common().enabled()) {
                return (TimeToPowerCriterion) c;
            }
        }
        return null;
    }

    /** P10/P50/P90 per compared site (empty until computed, or without a timeToPower criterion). */
    public ReadOnlyObjectProperty<List<TimeToPower>> timeToPowerProperty() {
        return timeToPower.getReadOnlyProperty();
    }

    /** How the months were obtained, or why there are none. */
    public ReadOnlyStringProperty timeToPowerNoteProperty() {
        return timeToPowerNote.getReadOnlyProperty();
    }

    /**
     * Evaluates P10, P50 and P90 of the scenario's first timeToPower criterion (weight 0 companions with the
     * same model, samples and seed: the P50 equals the criterion's value when it is the P50) for the compared
     * sites, in the background. Null without such a criterion.
     */
    public Job loadTimeToPower() {
        TimeToPowerCriterion t = timeToPowerCriterion();
        if (t == null) {
            timeToPowerNote.set("");
            return null;
        }
        ScoringSession session = result().session();
        Scenario s = session.scenario();
        List<Criterion> l = new ArrayList<>(s.criteria());
        Set<String> ids = new HashSet<>();
        l.forEach(c -> ids.add(c.id()));
        String[] companion = new String[3];
        int[] qs = {10, 50, 90};
        for (int k = 0; k < 3; k++) {
            String id = t.id() + "_p" + qs[k];
            while (ids.contains(id)) {
                id = id + "_";
            }
            ids.add(id);
            companion[k] = id;
            l.add(t.withPercentile(qs[k]).withCommon(t.common().withId(id).withLabel(t.displayName() + " P" + qs[k])
                    .withWeight(0)));
        }
        Scenario next = s.withCriteria(l);
        LayerSource src = source.get();
        int[] sites = comparison.sites();
        timeToPowerNote.set("Estimating time to power P10/P50/P90…");
        return tasks.run("Time to power P10/P50/P90", p -> {
            ScoringSession ext = session.withScenario(next, src, p);
            List<TimeToPower> out = new ArrayList<>();
            for (int site : sites) {
                out.add(new TimeToPower(site, ext.raw(ext.criterionIndex(companion[0]))[site],
                        ext.raw(ext.criterionIndex(companion[1]))[site], ext.raw(ext.criterionIndex(companion[2]))[site]));
            }
            return out;
        }, out -> {
            timeToPower.set(List.copyOf(out));
            timeToPowerNote.set(String.format(Locale.ROOT, "%s: months from now to energization, fastest connection"
                    + " path (Monte Carlo of the criterion's model, %s samples, seed %s; docs/time-to-power.md)",
                    t.displayName(), t.samples() == null ? TimeToPowerCriterion.DEFAULT_SAMPLES : t.samples(),
                    t.seed() == null ? TimeToPowerCriterion.DEFAULT_SEED : t.seed()));
        }, err -> timeToPowerNote.set("Time to power could not be estimated: " + DialogService.messageOf(err)));
    }

    /** "46 / 54 / 62 months"; "no connection path" for a site without one. */
    public static String monthsText(TimeToPower t) {
        if (Double.isNaN(t.p50())) {
            return "no connection path";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f months", t.p10(), t.p50(), t.p90());
    }
}
