package io.siteplanner.ui;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.FeatureFilter;
import io.siteplanner.scoring.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A CQL filter built from clauses (field, operator, value picked from the field's distinct values or
 * typed) combined with AND or OR, or typed directly. Shows the CQL it makes, checks it as it changes
 * ({@link FeatureFilter#compile}, the engine's own parser) and counts the features that match. FX thread.
 */
public final class FilterBuilderViewModel {
    /** Operators offered for a clause. */
    public static final List<String> OPERATORS = List.of("=", "<>", "<", "<=", ">", ">=", "LIKE", "IS NULL",
            "IS NOT NULL");

    /** One condition: field, operator and value. */
    public final class Clause {
        private final StringProperty field = new SimpleStringProperty(this, "field");
        private final StringProperty op = new SimpleStringProperty(this, "op", ">=");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        Clause() {
            field.addListener((o, a, b) -> rebuild());
            op.addListener((o, a, b) -> rebuild());
            value.addListener((o, a, b) -> rebuild());
        }

        public StringProperty fieldProperty() {
            return field;
        }

        public StringProperty opProperty() {
            return op;
        }

        public StringProperty valueProperty() {
            return value;
        }

        /** Distinct values of the chosen field (at most 200, sorted), to pick from. */
        public List<String> valueChoices() {
            return distinct(field.get());
        }

        /** This clause as CQL, or null when incomplete. */
        String cql() {
            Field f = layer == null || field.get() == null ? null : layer.schema().fields().stream()
                    .filter(x -> x.name().equals(field.get())).findFirst().orElse(null);
            if (f == null || op.get() == null) {
                return null;
            }
            String name = quoteName(f.name());
            if (op.get().startsWith("IS")) {
                return name + " " + op.get();
            }
            String v = value.get() == null ? "" : value.get().trim();
            if (v.isEmpty()) {
                return null;
            }
            boolean number = f.type().isNumeric() && !op.get().equals("LIKE") && isNumber(v);
            return name + " " + op.get() + " " + (number ? v : "'" + v.replace("'", "''") + "'");
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ObservableList<Clause> clauses = FXCollections.observableArrayList();
    private final ObjectProperty<String> combine = new SimpleObjectProperty<>(this, "combine", "AND");
    private final StringProperty cql = new SimpleStringProperty(this, "cql", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper matching = new ReadOnlyIntegerWrapper(this, "matching", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Map<String, Double> variables;
    private VectorLayer layer;
    private boolean building;

    /**
     * @param variables campus figures that filters may use as {@code ${name}} (demandMw, ...)
     */
    public FilterBuilderViewModel(Map<String, Double> variables) {
        this.variables = variables;
        combine.addListener((o, a, b) -> rebuild());
        cql.addListener((o, a, b) -> check());
        check();
    }

    /** The layer whose features are filtered (fields, values, counts); the filter is checked against it. */
    public void setLayer(VectorLayer l) {
        layer = l;
        check();
    }

    public VectorLayer layer() {
        return layer;
    }

    /** Field names of the layer. */
    public List<String> fields() {
        List<String> out = new ArrayList<>();
        if (layer != null) {
            layer.schema().fields().forEach(f -> out.add(f.name()));
        }
        return out;
    }

    public ObservableList<Clause> clauses() {
        return clauses;
    }

    /** Adds a clause (first field, {@code >=}) and returns it. */
    public Clause addClause() {
        Clause c = new Clause();
        building = true;
        try {
            List<String> f = fields();
            String first = f.isEmpty() ? null : f.get(0);
            for (Field x : layer == null ? List.<Field>of() : layer.schema().fields()) {
                if (x.type().isNumeric()) {
                    first = x.name(); // numbers are what filters mostly compare
                    break;
                }
            }
            c.field.set(first);
        } finally {
            building = false;
        }
        clauses.add(c);
        rebuild();
        return c;
    }

    public void removeClause(Clause c) {
        clauses.remove(c);
        rebuild();
    }

    /** "AND" or "OR": how the clauses combine. */
    public ObjectProperty<String> combineProperty() {
        return combine;
    }

    /** The filter as CQL (made from the clauses, or typed); "" = all features. */
    public StringProperty cqlProperty() {
        return cql;
    }

    /** What is wrong with the filter ("" when it is fine). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Features passing the filter, or -1 when it is not valid or there is no layer. */
    public ReadOnlyIntegerProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    /** "12 of 35 features match", or the error. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The filter to store: null for none. */
    public String filter() {
        String s = cql.get() == null ? "" : cql.get().trim();
        return s.isEmpty() ? null : s;
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    /** Starts from an existing filter (editing a criterion): it shows as typed CQL. */
    public void setFilter(String f) {
        clauses.clear();
        cql.set(f == null ? "" : f);
    }

    private void rebuild() {
        if (building) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Clause c : clauses) {
            String p = c.cql();
            if (p != null) {
                parts.add(p);
            }
        }
        cql.set(String.join(" " + combine.get() + " ", parts));
    }

    private void check() {
        String f = filter();
        if (layer == null) {
            error.set("");
            matching.set(-1);
            summary.set("");
            return;
        }
        try {
            FeatureFilter.Predicate p = FeatureFilter.compile(FeatureFilter.resolve(f, variables, "filter"), layer.schema(), "filter");
            int n = 0;
            for (Feature x : layer.features()) {
                if (p.test(x)) {
                    n++;
                }
            }
            error.set("");
            matching.set(n);
            summary.set(String.format(Locale.ROOT, "%,d of %s match", n, io.siteplanner.model.Plural.of(layer.size(), "feature")));
        } catch (ScenarioException e) {
            error.set(e.problem());
            matching.set(-1);
            summary.set(e.problem());
        }
    }

    private List<String> distinct(String field) {
        TreeSet<String> values = new TreeSet<>();
        int i = layer == null || field == null ? -1 : layer.schema().indexOf(field);
        if (i < 0) {
            return List.of();
        }
        boolean numeric = layer.schema().field(i).type().isNumeric();
        TreeSet<Double> numbers = new TreeSet<>();
        for (Feature f : layer.features()) {
            Object v = f.value(i);
            if (v == null) {
                continue;
            }
            if (numeric && v instanceof Number) {
                numbers.add(((Number) v).doubleValue());
            } else {
                values.add(v.toString());
            }
            if (values.size() + numbers.size() >= 200) {
                break;
            }
        }
        List<String> out = new ArrayList<>();
        numbers.forEach(d -> out.add(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) (double) d)
                : Double.toString(d)));
        out.addAll(values);
        return out;
    }

    private static String quoteName(String name) {
        return NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
