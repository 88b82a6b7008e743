package io.siteplanner.ui;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criteria;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.CriterionKind;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.store.ProjectStore;
import io.siteplanner.store.ScenarioLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form that adds or edits a criterion of any kind ({@link Criteria#KINDS}): kind (with its summary),
 * source layer (any loaded layer), attribute (fields with types and sample values), filter (a
 * {@link FilterBuilderViewModel}), the kind's other keys, transform, weight and display unit. The
 * criterion is built and checked by the kind itself ({@link Criteria#create}), as when reading JSON, so
 * the form never makes a scenario the engine or the file reader refuses. FX thread.
 */
public final class CriterionFormViewModel {
    /** A field of a layer with its type and a few sample values, for the attribute choice. */
    public record FieldInfo(String name, String type, List<String> samples) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One of the kind's other keys, as text (empty = not set), with the values it takes when they are few. */
    public static final class KeyField {
        private final String key;
        private final List<String> choices;
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        KeyField(String key, List<String> choices) {
            this.key = key;
            this.choices = choices;
        }

        public String key() {
            return key;
        }

        public List<String> choices() {
            return choices;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    /** The layer choice for kinds whose layer is optional (energy cost at a constant price). */
    public static final String NONE = "(none)";
    /** Keys that take a layer, an attribute or the filter (the others are {@link KeyField}s). */
    static final Set<String> LAYER_KEYS = Set.of("layer", "linesLayer");
    static final Set<String> ATTRIBUTE_KEYS = Set.of("attribute", "availableAttribute", "kvAttribute", "linesKvAttribute",
            "landPriceAttribute");
    static final Map<String, List<String>> CHOICES = Map.of("at", List.of("centroid", "largestOverlap"), "stat",
            List.of("mean", "max", "min", "centroid"), "mode", List.of("any", "nearest"), "aggregate",
            List.of("count", "sum", "mean", "max", "min"), "priceUnit", List.of("usd_mwh", "cents_kwh"), "decay",
            List.of("exponential", "power"), "required", List.of("true", "false"));
    /** Units of the kinds' raw values (a criterion's own unit replaces the empty ones). */
    static final Map<String, String> KIND_UNITS = Map.of("area", "acres", "distance", "m", "overlap", "fraction",
            "gridHeadroom", "MW", "interconnectionCost", "USD", "energyCost", "USD/yr", "landCost", "USD", "tco", "USD");

    private final ScenarioEditorViewModel editor;
    private final Criterion original;
    private final ObservableList<CriterionKind> kinds = FXCollections.observableArrayList(Criteria.KINDS);
    private final ObjectProperty<CriterionKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ObservableList<String> layerChoices = FXCollections.observableArrayList();
    private final StringProperty layer = new SimpleStringProperty(this, "layer");
    private final ObservableList<FieldInfo> attributeChoices = FXCollections.observableArrayList();
    private final StringProperty attribute = new SimpleStringProperty(this, "attribute");
    private final FilterBuilderViewModel filter;
    private final ObservableList<KeyField> otherKeys = FXCollections.observableArrayList();
    private final TransformFields transform = new TransformFields();
    private final DoubleProperty weight = new SimpleDoubleProperty(this, "weight", 0.2);
    private final StringProperty unit = new SimpleStringProperty(this, "unit", "");
    private final ReadOnlyStringWrapper unitHint = new ReadOnlyStringWrapper(this, "unitHint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private boolean idTyped;
    private boolean filling;

    /**
     * @param editor   the scenario it goes into
     * @param original the criterion edited, or null for a new one
     * @param layerName project layer to start from ("Use in scenario..."), or null
     */
    CriterionFormViewModel(ScenarioEditorViewModel editor, Criterion original, String layerName) {
        this.editor = editor;
        this.original = original;
        Scenario s = editor.current();
        this.filter = new FilterBuilderViewModel(s == null ? Map.of() : s.campus().variables());
        for (LayerItem i : editor.layers().layers()) {
            if (!i.getName().equals(editor.candidatesLayer())) {
                layerChoices.add(i.getName());
            }
        }
        layerChoices.add(NONE);
        kind.addListener((o, a, b) -> kindChanged());
        layer.addListener((o, a, b) -> layerChanged());
        id.addListener((o, a, b) -> {
            if (!filling) {
                idTyped = true;
            }
            check();
        });
        for (javafx.beans.Observable p : List.of(label, attribute, filter.cqlProperty(), filter.errorProperty(), weight,
                unit, transform.errorProperty())) {
            p.addListener(x -> check());
        }
        if (original == null) {
            fillNew(layerName);
        } else {
            fillFrom(original);
        }
        check();
    }

    private void fillNew(String layerName) {
        filling = true;
        try {
            CriterionKind k = io.siteplanner.scoring.criteria.DistanceCriterion.KIND;
            if (layerName != null && editor.layers().byName(layerName) != null
                    && editor.layers().byName(layerName).mapLayer().dimension() == 2) {
                k = io.siteplanner.scoring.criteria.ZoneAttributeCriterion.KIND;
            }
            kind.set(k);
            transform.set(k.defaultTransform());
            if (layerName != null && layerChoices.contains(layerName)) {
                layer.set(layerName);
            } else if (layerChoices.size() > 1) {
                layer.set(layerChoices.get(0));
            }
            id.set(suggestId());
        } finally {
            filling = false;
        }
    }

    private void fillFrom(Criterion c) {
        filling = true;
        try {
            idTyped = true;
            kind.set(c.kind());
            id.set(c.id());
            label.set(c.label() == null ? "" : c.label());
            weight.set(c.weight());
            unit.set(c.common().unit() == null ? "" : c.common().unit());
            transform.set(c.transform());
            Map<String, Object> keys = Criteria.keys(c);
            Scenario s = editor.current();
            Object l = keys.get("layer");
            if (l != null) {
                String name = ScenarioEditorViewModel.projectLayer(s, l.toString());
                String shown = name != null ? name : l.toString();
                if (!layerChoices.contains(shown)) {
                    layerChoices.add(shown); // a missing layer stays shown until another is chosen
                }
                layer.set(shown);
            }
            if (keys.get("attribute") != null) {
                attribute.set(keys.get("attribute").toString());
            }
            filter.setFilter(keys.get("filter") == null ? null : keys.get("filter").toString());
            for (KeyField f : otherKeys) {
                Object v = keys.get(f.key());
                if (v != null) {
                    Object val = v;
                    if (LAYER_KEYS.contains(f.key())) {
                        String name = ScenarioEditorViewModel.projectLayer(s, v.toString());
                        val = name != null ? name : v;
                    }
                    f.valueProperty().set(val instanceof Double ? TransformFields.text((Double) val) : val.toString());
                }
            }
        } finally {
            filling = false;
        }
    }

    // ------------------------------------------------------------------------------------------ properties

    public ObservableList<CriterionKind> kinds() {
        return kinds;
    }

    public ObjectProperty<CriterionKind> kindProperty() {
        return kind;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** Whether the kind reads a layer of its own (distance, zones...; not area or the candidate's attribute). */
    public boolean usesLayer() {
        return kind.get() != null && kind.get().keys().contains("layer");
    }

    public boolean usesAttribute() {
        return kind.get() != null && kind.get().keys().contains("attribute");
    }

    public boolean usesFilter() {
        return kind.get() != null && kind.get().keys().contains("filter");
    }

    /** Project layers to read from (all loaded layers but the candidates). */
    public ObservableList<String> layerChoices() {
        return layerChoices;
    }

    public StringProperty layerProperty() {
        return layer;
    }

    /** Fields of the layer the attribute is read from, with types and sample values. */
    public ObservableList<FieldInfo> attributeChoices() {
        return attributeChoices;
    }

    public StringProperty attributeProperty() {
        return attribute;
    }

    public FilterBuilderViewModel filter() {
        return filter;
    }

    /** The kind's keys besides layer, attribute and filter (radius, statistic, costs...). */
    public ObservableList<KeyField> otherKeys() {
        return otherKeys;
    }

    public TransformFields transform() {
        return transform;
    }

    public DoubleProperty weightProperty() {
        return weight;
    }

    /** The unit to show raw values in ("" = the kind's own, {@link #unitHintProperty}). */
    public StringProperty unitProperty() {
        return unit;
    }

    /** The kind's own unit ("m", "acres", "USD"), or "" when the values have none (attributes). */
    public ReadOnlyStringProperty unitHintProperty() {
        return unitHint.getReadOnlyProperty();
    }

    /** What is wrong with the form ("" when OK may be pressed). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The criterion in words ("distance to lines [VOLTAGE >= 345]"), when valid. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    /** Whether this form edits an existing criterion. */
    public boolean isEdit() {
        return original != null;
    }

    // ------------------------------------------------------------------------------------------ behaviour

    private void kindChanged() {
        CriterionKind k = kind.get();
        if (k == null) {
            return;
        }
        List<KeyField> others = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(k.keys())) {
            if (!key.equals("layer") && !key.equals("attribute") && !key.equals("filter")) {
                List<String> choices = CHOICES.getOrDefault(key, List.of());
                if (LAYER_KEYS.contains(key)) {
                    choices = new ArrayList<>(layerChoices);
                    choices.remove(NONE);
                } else if (key.equals("interconnection") || key.equals("energy")) {
                    choices = criterionIds(key.equals("energy") ? "energyCost" : "interconnectionCost");
                }
                KeyField f = new KeyField(key, choices);
                f.valueProperty().addListener(x -> check());
                others.add(f);
            }
        }
        otherKeys.setAll(others);
        unitHint.set(KIND_UNITS.getOrDefault(k.json(), ""));
        if (!filling && original == null) {
            transform.set(k.defaultTransform());
        }
        layerChanged();
        if (!idTyped) {
            filling = true;
            try {
                id.set(suggestId());
            } finally {
                filling = false;
            }
        }
    }

    private List<String> criterionIds(String kindName) {
        List<String> out = new ArrayList<>();
        Scenario s = editor.current();
        if (s != null) {
            for (Criterion c : s.criteria()) {
                if (c.kind().json().equals(kindName)) {
                    out.add(c.id());
                }
            }
        }
        return out;
    }

    private void layerChanged() {
        VectorLayer source = usesLayer() && layer.get() != null ? editor.layers().data(layer.get()) : null;
        filter.setLayer(source);
        // the attribute is of the source layer, or of the candidates for kinds without one
        VectorLayer of = source != null ? source : editor.layers().data(editor.candidatesLayer());
        List<FieldInfo> fields = new ArrayList<>();
        if (of != null) {
            for (int f = 0; f < of.schema().size(); f++) {
                Field fd = of.schema().field(f);
                fields.add(new FieldInfo(fd.name(), fd.type().label(), samples(of, f)));
            }
        }
        attributeChoices.setAll(fields);
        if (!idTyped && !filling) {
            filling = true;
            try {
                id.set(suggestId());
            } finally {
                filling = false;
            }
        }
        check();
    }

    private static List<String> samples(VectorLayer l, int field) {
        Set<String> out = new LinkedHashSet<>();
        for (Feature f : l.features()) {
            Object v = f.value(field);
            if (v != null && !v.toString().isBlank()) {
                out.add(v.toString());
            }
            if (out.size() == 3) {
                break;
            }
        }
        return List.copyOf(out);
    }

    private String suggestId() {
        CriterionKind k = kind.get();
        String base = k == null ? "criterion" : k.json();
        if (usesLayer() && layer.get() != null && !layer.get().equals(NONE)) {
            base = (k.json().equals("distance") ? "d" : k.json()) + "_" + layer.get();
        }
        String raw = ProjectStore.layerName(base, List.of()).toLowerCase(java.util.Locale.ROOT);
        Set<String> taken = new java.util.HashSet<>();
        Scenario s = editor.current();
        if (s != null) {
            s.criteria().forEach(c -> taken.add(c.id()));
        }
        String out = raw;
        for (int n = 2; taken.contains(out); n++) {
            out = raw + "_" + n;
        }
        return out;
    }

    /** Builds the criterion (layer keys name scenario layer ids of {@code s}); throws ScenarioException. */
    private Criterion build(Scenario s) {
        String cid = id.get() == null ? "" : id.get().trim();
        if (cid.isEmpty()) {
            throw new ScenarioException("id", "give the criterion an id (its column name)");
        }
        if (s != null && s.criterion(cid) != null && (original == null || !original.id().equals(cid))) {
            throw new ScenarioException("id", "another criterion is called '" + cid + "'");
        }
        if (usesFilter() && !filter.isValid()) {
            throw new ScenarioException("filter", filter.errorProperty().get());
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        if (usesLayer() && layer.get() != null && !layer.get().equals(NONE)) {
            keys.put("layer", layerId(s, layer.get()));
        }
        if (usesAttribute()) {
            keys.put("attribute", attribute.get());
        }
        if (usesFilter()) {
            keys.put("filter", filter.filter());
        }
        for (KeyField f : otherKeys) {
            String v = f.valueProperty().get() == null ? "" : f.valueProperty().get().trim();
            if (!v.isEmpty()) {
                keys.put(f.key(), LAYER_KEYS.contains(f.key()) ? layerId(s, v) : parse(v));
            }
        }
        TransformSpec t = transform.spec();
        boolean enabled = original == null || original.enabled()
                || !editor.flag(s, original).isEmpty() && chosenLayers().stream().allMatch(editor.layers()::exists);
        // a criterion disabled for a reason (missing layer, not evaluable) is enabled again by editing it
        Common common = new Common(cid, label.get() == null || label.get().isBlank() ? null : label.get().trim(),
                weight.get(), t, original == null ? MissingPolicy.WORST : original.common().missing(),
                original == null ? null : original.common().missingScore(), unit.get(), enabled);
        return Criteria.create(kind.get(), common, keys);
    }

    /** The scenario id for a chosen layer: the one the criterion had, else the project layer's entry. */
    private String layerId(Scenario s, String chosen) {
        if (chosen == null || s == null) {
            return chosen;
        }
        if (editor.layers().exists(chosen)) {
            if (original != null) {
                for (String id0 : original.layers()) {
                    if (chosen.equals(ScenarioEditorViewModel.projectLayer(s, id0))) {
                        return id0;
                    }
                }
            }
            return ScenarioLayers.idFor(s, chosen);
        }
        return chosen; // a scenario layer id that is not a project layer (a file), or a missing one
    }

    private static Object parse(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        try {
            return Double.valueOf(v.replace(",", ""));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private void check() {
        if (filling) {
            return;
        }
        try {
            Criterion c = build(editor.current());
            error.set("");
            summary.set(c.describe());
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            summary.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            summary.set("");
        }
    }

    /**
     * The scenario with the form's criterion: the layers it reads added, the edited criterion replaced (and
     * constraints and cost references following a new id) or the new one appended. A disabled criterion
     * pointed at a layer that exists is enabled again.
     */
    public Scenario applyTo(Scenario s) {
        Scenario t = s;
        for (String name : chosenLayers()) {
            if (editor.layers().exists(name)) {
                t = ScenarioLayers.withLayer(t, name);
            }
        }
        Criterion c = build(t);
        List<Criterion> l = new ArrayList<>(t.criteria());
        if (original == null) {
            l.add(c);
            return ScenarioEditorViewModel.withCriteria(t, l);
        }
        int at = t.criterionIndex(original.id());
        l.set(at, c);
        if (!c.id().equals(original.id())) {
            for (int k = 0; k < l.size(); k++) {
                Map<String, Object> keys = Criteria.keys(l.get(k));
                boolean refers = false;
                for (String key : List.of("interconnection", "energy")) {
                    if (original.id().equals(keys.get(key))) {
                        keys.put(key, c.id());
                        refers = true;
                    }
                }
                if (refers) {
                    l.set(k, Criteria.create(l.get(k).kind(), l.get(k).common(), keys));
                }
            }
            List<ConstraintSpec> ks = new ArrayList<>();
            for (ConstraintSpec k : t.constraints()) {
                ks.add(original.id().equals(k.criterion()) ? k.withCriterion(c.id()) : k);
            }
            t = t.withConstraints(ks);
        }
        return ScenarioEditorViewModel.withCriteria(t, l);
    }

    private List<String> chosenLayers() {
        List<String> out = new ArrayList<>();
        if (usesLayer() && layer.get() != null && !layer.get().equals(NONE)) {
            out.add(layer.get());
        }
        for (KeyField f : otherKeys) {
            if (LAYER_KEYS.contains(f.key()) && f.valueProperty().get() != null && !f.valueProperty().get().isBlank()) {
                out.add(f.valueProperty().get().trim());
            }
        }
        return out;
    }

    /** The id the criterion will have. */
    public String criterionId() {
        return id.get() == null ? "" : id.get().trim();
    }
}
