package io.siteplanner.ui;

import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.decision.WeightSweep;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A one-at-a-time weight sweep of selected sites for a chart: the rank of each site as the chosen
 * criterion's normalised weight goes from 0 to 1, the others keeping their proportions (the engine's
 * {@link WeightSweep}, the code behind {@code siteplanner sweep}), computed off the FX thread whenever the
 * criterion or the number of steps changes. FX thread only.
 */
public final class SweepViewModel {
    /**
     * One site's line.
     *
     * @param site    site index
     * @param id      site id
     * @param weights the swept criterion's weight per step (0..1)
     * @param ranks   the site's rank per step
     * @param scores  the site's score per step
     */
    public record Series(int site, Object id, double[] weights, int[] ranks, double[] scores) {
    }

    private final ScoreResult result;
    private final int[] sites;
    private final TaskExecutor tasks;
    private final ObjectProperty<String> criterion = new SimpleObjectProperty<>(this, "criterion");
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 21);
    private final ReadOnlyObjectWrapper<List<Series>> series = new ReadOnlyObjectWrapper<>(this, "series", List.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private long generation;

    /**
     * @param result the scoring to sweep
     * @param sites  site indices (at least one)
     */
    public SweepViewModel(ScoreResult result, int[] sites, TaskExecutor tasks) {
        this.result = result;
        this.sites = sites.clone();
        this.tasks = tasks;
        criterion.addListener((o, a, b) -> compute());
        steps.addListener((o, a, b) -> compute());
    }

    /** Criteria that can be swept (all, when there are at least two). */
    public List<String> criteria() {
        List<String> out = new ArrayList<>();
        if (result.session().criteria().size() >= 2) {
            result.session().criteria().forEach(c -> out.add(c.id()));
        }
        return out;
    }

    /** The criterion swept (id); setting it computes the sweep. */
    public ObjectProperty<String> criterionProperty() {
        return criterion;
    }

    /** Number of steps from weight 0 to 1 (default 21). */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** One line per site, in the order of the sites given (empty until computed). */
    public ReadOnlyObjectProperty<List<Series>> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** "d_sub has weight 25.0 % now; the others keep their proportions", or why there is nothing to show. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private void compute() {
        String id = criterion.get();
        long gen = ++generation;
        if (id == null) {
            series.set(List.of());
            return;
        }
        int c = result.session().criterionIndex(id);
        int n = steps.get();
        if (c < 0 || n < 2 || result.session().criteria().size() < 2) {
            series.set(List.of());
            note.set(result.session().criteria().size() < 2 ? "A sweep needs at least 2 criteria" : "");
            return;
        }
        tasks.runQuietly("Weight sweep", p -> WeightSweep.run(result, c, sites, n, p), r -> {
            if (gen == generation) {
                show(r);
            }
        }, err -> {
            if (gen == generation) {
                series.set(List.of());
                note.set("Could not sweep " + id + ": " + DialogService.messageOf(err));
            }
        });
    }

    private void show(WeightSweep.Result r) {
        int steps = r.steps().size();
        double[] w = new double[steps];
        for (int k = 0; k < steps; k++) {
            w[k] = r.steps().get(k).weight();
        }
        List<Series> out = new ArrayList<>();
        for (int j = 0; j < sites.length; j++) {
            int[] ranks = new int[steps];
            double[] scores = new double[steps];
            for (int k = 0; k < steps; k++) {
                ranks[k] = r.steps().get(k).ranks()[j];
                scores[k] = r.steps().get(k).scores()[j];
            }
            out.add(new Series(sites[j], r.ids().get(j), w.clone(), ranks, scores));
        }
        note.set(String.format(Locale.ROOT, "%s has weight %.1f %% now; as it goes from 0 to 100 %% the other"
                + " weights keep their proportions (rank 1 = best)", r.criterion(), 100 * r.baseWeight()));
        series.set(List.copyOf(out));
    }
}
