package io.siteplanner.ui;

import io.siteplanner.gis.FieldStatistics;
import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Plural;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.FeatureFilter;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Envelope;

/**
 * The attribute table of one layer: its features as rows (values as read from the file), filtered by a CQL
 * expression (the filter builder's, {@link FeatureFilter}: the one expression engine), sorted by a field,
 * optionally only the selected ones; the selection is the layer's own ({@link LayerItem#selectionProperty},
 * for the candidate layer the sites selection shared with the site table and the map), so rows and map
 * follow each other. A side panel shows {@link FieldStatistics} of one field over all, shown or selected
 * features.
 *
 * <p>Filtering, sorting and statistics run off the FX thread (quiet jobs); a newer request cancels an
 * older one and stale results are dropped, so 100,000 rows stay responsive. FX thread only.
 */
public final class AttributeTableViewModel {
    /** Which features the statistics cover. */
    public enum StatsScope {
        ALL("All features"), SHOWN("Shown features"), SELECTED("Selected features");

        private final String label;

        StatsScope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Rows shown, in order, as feature indices (an int[] seen as a list: no copy per change). */
    private static final class Rows extends AbstractList<Integer> {
        final int[] a;

        Rows(int[] a) {
            this.a = a;
        }

        @Override
        public Integer get(int i) {
            return a[i];
        }

        @Override
        public int size() {
            return a.length;
        }
    }

    private final LayerItem item;
    private final MapViewModel map;
    private final TaskExecutor tasks;
    private final VectorLayer layer;
    private final FilterBuilderViewModel filter = new FilterBuilderViewModel(Map.of());
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    private int[] shown = new int[0];
    private final BooleanProperty selectedOnly = new SimpleBooleanProperty(this, "selectedOnly");
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper(this, "appliedFilter", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final StringProperty statsField = new SimpleStringProperty(this, "statsField");
    private final ObjectProperty<StatsScope> statsScope = new SimpleObjectProperty<>(this, "statsScope", StatsScope.ALL);
    private final ReadOnlyObjectWrapper<FieldStatistics> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final javafx.beans.property.ReadOnlyBooleanWrapper busy = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "busy");
    private final ChangeListener<BitSet> onSelection = (o, a, b) -> selectionChanged();
    private String sortField;
    private boolean ascending = true;
    private Job rowsJob;
    private Job statsJob;
    private long rowsGen;
    private long statsGen;

    public AttributeTableViewModel(LayerItem item, MapViewModel map, TaskExecutor tasks) {
        this.item = item;
        this.map = map;
        this.tasks = tasks;
        this.layer = item.mapLayer().source();
        filter.setLayer(layer);
        item.selectionProperty().addListener(onSelection);
        selectedOnly.addListener((o, a, b) -> refreshRows());
        statsField.addListener((o, a, b) -> refreshStats());
        statsScope.addListener((o, a, b) -> refreshStats());
        for (io.siteplanner.model.Field f : layer.schema().fields()) {
            if (f.type().isNumeric()) {
                statsField.set(f.name());
                break;
            }
        }
        if (statsField.get() == null && layer.schema().size() > 0) {
            statsField.set(layer.schema().field(0).name());
        }
        refreshRows();
    }

    /** Stops following the layer's selection (the window closed). */
    public void dispose() {
        item.selectionProperty().removeListener(onSelection);
        cancel(rowsJob);
        cancel(statsJob);
    }

    public LayerItem item() {
        return item;
    }

    /** The layer as read (its fields and values). */
    public VectorLayer layer() {
        return layer;
    }

    /** The filter builder (field, operator, value picker; the CQL it makes). */
    public FilterBuilderViewModel filter() {
        return filter;
    }

    /** Feature indices of the rows shown, in order. */
    public ObservableList<Integer> rows() {
        return rows;
    }

    /** Show only the selected features. */
    public BooleanProperty selectedOnlyProperty() {
        return selectedOnly;
    }

    /** The filter in force ("" = all features). */
    public ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    /** "3 of 1,234 features selected, 120 shown". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What went wrong with the last filter ("" when fine). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while rows are being filtered or sorted. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty statsFieldProperty() {
        return statsField;
    }

    public ObjectProperty<StatsScope> statsScopeProperty() {
        return statsScope;
    }

    /** Statistics of {@link #statsFieldProperty} over {@link #statsScopeProperty}, null while computing. */
    public ReadOnlyObjectProperty<FieldStatistics> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** A value for a cell: as read (null for empty). */
    public Object value(int feature, int field) {
        return layer.get(feature).value(field);
    }

    /** Applies the filter builder's expression (when it is valid) to the rows. */
    public void applyFilter() {
        if (!filter.isValid()) {
            problem.set(filter.errorProperty().get());
            return;
        }
        String f = filter.filter();
        appliedFilter.set(f == null ? "" : f);
        refreshRows();
    }

    /** Shows all features again. */
    public void clearFilter() {
        filter.setFilter(null);
        appliedFilter.set("");
        refreshRows();
    }

    /**
     * Sorts the rows by a field (null: feature order), numbers numerically, text by code point, empty values
     * last in both directions.
     */
    public void sortBy(String field, boolean ascending) {
        this.sortField = field;
        this.ascending = ascending;
        refreshRows();
    }

    /** The layer's selection now (a copy). */
    public BitSet selection() {
        return (BitSet) item.selectionProperty().get().clone();
    }

    /** Combines {@code features} with the selection (rows picked in the table: {@link SelectMode#NEW}). */
    public void select(BitSet features, SelectMode mode) {
        BitSet next = mode.apply(item.selectionProperty().get(), features);
        if (!next.equals(item.selectionProperty().get())) {
            map.setSelection(item, next);
        }
    }

    /** Selects every feature of the layer. */
    public void selectAll() {
        BitSet b = new BitSet();
        b.set(0, layer.size());
        select(b, SelectMode.NEW);
    }

    /** Selects the rows shown now (after filtering). */
    public void selectShown() {
        BitSet b = new BitSet();
        for (int i : shown) {
            b.set(i);
        }
        select(b, SelectMode.NEW);
    }

    public void invertSelection() {
        BitSet b = new BitSet();
        b.set(0, layer.size());
        b.andNot(item.selectionProperty().get());
        select(b, SelectMode.NEW);
    }

    public void clearSelection() {
        select(new BitSet(), SelectMode.NEW);
    }

    /** Zooms the map to the selected features (display CRS), or does nothing when none are selected. */
    public void zoomToSelection() {
        map.zoomTo(selectionExtent());
    }

    /** Extent (display CRS) of the selected features; empty when none. */
    public Envelope selectionExtent() {
        return MapViewModel.selectionExtent(item);
    }

    /** Row positions (ascending) of the given features among the rows shown. */
    public int[] positionsOf(BitSet features) {
        int[] out = new int[Math.min(features.cardinality(), shown.length)];
        int n = 0;
        for (int p = 0; p < shown.length && n < out.length; p++) {
            if (features.get(shown[p])) {
                out[n++] = p;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private void selectionChanged() {
        if (selectedOnly.get()) {
            refreshRows();
        } else {
            updateSummary();
        }
        if (statsScope.get() == StatsScope.SELECTED) {
            refreshStats();
        }
    }

    private void updateSummary() {
        int sel = item.selectionProperty().get().cardinality();
        String s = String.format(Locale.ROOT, "%,d of %s selected", sel, Plural.of(layer.size(), "feature"));
        if (shown.length != layer.size()) {
            s += String.format(Locale.ROOT, ", %,d shown", shown.length);
        }
        summary.set(s);
    }

    /** Filters and sorts in the background; the latest request wins. */
    private void refreshRows() {
        String cql = appliedFilter.get();
        BitSet only = selectedOnly.get() ? selection() : null;
        String field = sortField;
        boolean asc = ascending;
        long gen = ++rowsGen;
        cancel(rowsJob);
        busy.set(true);
        rowsJob = tasks.runQuietly("Filtering " + item.getName(), p -> computeRows(layer, cql, only, field, asc, p),
                r -> {
                    if (gen != rowsGen) {
                        return;
                    }
                    busy.set(false);
                    problem.set("");
                    shown = r;
                    rows.setAll(new Rows(r));
                    updateSummary();
                    if (statsScope.get() == StatsScope.SHOWN) {
                        refreshStats();
                    }
                }, err -> {
                    if (gen == rowsGen) {
                        busy.set(false);
                        problem.set(DialogService.messageOf(err));
                    }
                });
    }

    /**
     * The rows for a filter, a selection and a sort: feature indices. Any thread.
     *
     * @param only features to keep (selected only), or null
     * @param sortField null: feature order
     */
    static int[] computeRows(VectorLayer layer, String cql, BitSet only, String sortField, boolean ascending,
            io.siteplanner.model.Progress p) {
        FeatureFilter.Predicate pred = FeatureFilter.compile(cql == null || cql.isBlank() ? null : cql, layer.schema(),
                "filter");
        int n = layer.size();
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 16383) == 0) {
                p.checkCancelled();
            }
            if ((only == null || only.get(i)) && pred.test(layer.get(i))) {
                out[k++] = i;
            }
        }
        int[] r = Arrays.copyOf(out, k);
        int fi = sortField == null ? -1 : layer.schema().indexOf(sortField);
        if (fi < 0) {
            return r;
        }
        p.checkCancelled();
        Integer[] boxed = new Integer[k];
        for (int j = 0; j < k; j++) {
            boxed[j] = r[j];
        }
        Arrays.sort(boxed, comparator(layer, fi, ascending));
        for (int j = 0; j < k; j++) {
            r[j] = boxed[j];
        }
        return r;
    }

    /** Orders features by a field: numbers numerically, text by code point, empty values last. */
    static Comparator<Integer> comparator(VectorLayer layer, int field, boolean ascending) {
        boolean numeric = layer.schema().field(field).type().isNumeric();
        int n = layer.size();
        if (numeric) {
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = layer.get(i).number(field);
            }
            return (a, b) -> {
                double x = key[a];
                double y = key[b];
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Double.isNaN(x) ? (Double.isNaN(y) ? Integer.compare(a, b) : 1) : -1;
                }
                int c = ascending ? Double.compare(x, y) : Double.compare(y, x);
                return c != 0 ? c : Integer.compare(a, b);
            };
        }
        String[] key = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = layer.get(i).value(field);
            key[i] = v == null ? null : v.toString();
        }
        return (a, b) -> {
            String x = key[a];
            String y = key[b];
            if (x == null || y == null) {
                return x == null ? (y == null ? Integer.compare(a, b) : 1) : -1;
            }
            int c = ascending ? x.compareTo(y) : y.compareTo(x);
            return c != 0 ? c : Integer.compare(a, b);
        };
    }

    private void refreshStats() {
        String f = statsField.get();
        int fi = f == null ? -1 : layer.schema().indexOf(f);
        long gen = ++statsGen;
        cancel(statsJob);
        stats.set(null);
        if (fi < 0) {
            return;
        }
        int[] subset;
        switch (statsScope.get()) {
            case SHOWN:
                subset = shown.clone();
                break;
            case SELECTED:
                subset = item.selectionProperty().get().stream().filter(i -> i < layer.size()).toArray();
                break;
            default:
                subset = null;
                break;
        }
        List<Double> noData = noData(f);
        statsJob = tasks.runQuietly("Statistics of " + f, p -> FieldStatistics.of(layer, fi, subset, noData, p), s -> {
            if (gen == statsGen) {
                stats.set(s);
            }
        }, err -> {
            if (gen == statsGen) {
                problem.set(DialogService.messageOf(err));
            }
        });
    }

    /** The no-data values of a field of a recognised public layer (HIFLD's -999999), else none. */
    public List<Double> noData(String field) {
        io.siteplanner.gis.preset.Preset p = item.mapLayer().preset();
        if (p == null) {
            return List.of();
        }
        for (Map.Entry<String, List<Double>> e : p.noData().entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** The unit of a field of a recognised public layer ("kV", "MW"), or "" when not known. */
    public String unit(String field) {
        io.siteplanner.gis.preset.Preset p = item.mapLayer().preset();
        if (p != null) {
            for (io.siteplanner.gis.preset.KeyField k : p.fields()) {
                if (!k.derived() && k.name().equalsIgnoreCase(field) && k.unit() != null) {
                    return k.unit();
                }
            }
        }
        return io.siteplanner.model.Units.ofField(field); // price_usd_mwh, avail_mw, ...
    }

    private static void cancel(Job j) {
        if (j != null && j.isRunning()) {
            j.cancel();
        }
    }

    /** A feature's value as text for a cell ("" for empty). */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return v.toString();
    }
}
