package io.siteplanner.ui;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.SelectByLocation;
import io.siteplanner.gis.SelectMode;
import io.siteplanner.model.Plural;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;

/**
 * Select by location: features of a target layer that intersect, or are within a distance (metres) of,
 * the features of a reference layer (only its selected ones when asked), combined with the target's
 * selection (new, add, remove, intersect). Distances are planar metres in the analysis CRS: the active
 * scenario's, else {@link Crs#suggestProjected} for the target's extent ({@link SelectByLocation}). Runs
 * as a shown job with progress and Cancel.
 */
public final class SelectByLocationViewModel {
    private final MapViewModel map;
    private final TaskExecutor tasks;
    private final BiConsumer<String, LayerItem> status;
    private final Supplier<CoordinateReferenceSystem> scenarioCrs;
    private final ObservableList<LayerItem> layers = FXCollections.observableArrayList();
    private final ObjectProperty<LayerItem> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<LayerItem> reference = new SimpleObjectProperty<>(this, "reference");
    private final BooleanProperty selectedOnly = new SimpleBooleanProperty(this, "selectedOnly");
    private final ObjectProperty<SelectByLocation.Relation> relation = new SimpleObjectProperty<>(this, "relation",
            SelectByLocation.Relation.INTERSECTS);
    private final DoubleProperty distance = new SimpleDoubleProperty(this, "distance", 1000);
    private final ObjectProperty<SelectMode> mode = new SimpleObjectProperty<>(this, "mode", SelectMode.NEW);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper crsText = new ReadOnlyStringWrapper(this, "crsText", "");

    /**
     * @param scenarioCrs the active scenario's analysis CRS, or null when there is none
     */
    public SelectByLocationViewModel(List<LayerItem> choices, LayerItem initial, MapViewModel map, TaskExecutor tasks,
            BiConsumer<String, LayerItem> status, Supplier<CoordinateReferenceSystem> scenarioCrs) {
        this.map = map;
        this.tasks = tasks;
        this.status = status;
        this.scenarioCrs = scenarioCrs;
        layers.setAll(choices);
        target.addListener((o, a, b) -> crsText.set(describeCrs()));
        reference.addListener((o, a, b) -> selectedOnly.set(b != null && !b.selectionProperty().get().isEmpty()));
        LayerItem first = initial != null && choices.contains(initial) ? initial : choices.isEmpty() ? null : choices.get(0);
        target.set(first);
        for (LayerItem i : choices) {
            if (i != first) {
                reference.set(i);
                break;
            }
        }
        crsText.set(describeCrs());
    }

    public ObservableList<LayerItem> layers() {
        return layers;
    }

    /** The layer to select in. */
    public ObjectProperty<LayerItem> targetProperty() {
        return target;
    }

    /** The layer to compare with. */
    public ObjectProperty<LayerItem> referenceProperty() {
        return reference;
    }

    /** Use only the reference layer's selected features. */
    public BooleanProperty selectedOnlyProperty() {
        return selectedOnly;
    }

    public ObjectProperty<SelectByLocation.Relation> relationProperty() {
        return relation;
    }

    /** Metres, for {@link SelectByLocation.Relation#WITHIN_DISTANCE}. */
    public DoubleProperty distanceProperty() {
        return distance;
    }

    public ObjectProperty<SelectMode> modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Distances: metres in EPSG:5070 (NAD83 / Conus Albers)". */
    public ReadOnlyStringProperty crsTextProperty() {
        return crsText.getReadOnlyProperty();
    }

    /** The CRS distances are measured in for the current target. */
    public CoordinateReferenceSystem analysisCrs() {
        CoordinateReferenceSystem c = scenarioCrs.get();
        if (c != null) {
            return c;
        }
        VectorLayer t = target.get() == null ? null : target.get().mapLayer().source();
        return Crs.decode(t == null ? "EPSG:5070" : Crs.suggestProjected(t.bounds(), t.crs()));
    }

    private String describeCrs() {
        try {
            CoordinateReferenceSystem c = analysisCrs();
            String code = c.getIdentifiers().stream().filter(i -> "EPSG".equalsIgnoreCase(i.getCodeSpace()))
                    .map(i -> "EPSG:" + i.getCode() + " ").findFirst().orElse("");
            return "Distances: planar metres in " + code + "(" + Crs.name(c) + ")"
                    + (scenarioCrs.get() != null ? ", the scenario's analysis CRS" : "");
        } catch (RuntimeException e) {
            return "Distances: planar metres in a projected CRS";
        }
    }

    /**
     * Runs the query (a shown job: progress and Cancel) and changes the target's selection.
     *
     * @return the job, or null when the form is not valid
     */
    public Job apply() {
        LayerItem t = target.get();
        LayerItem r = reference.get();
        double d = distance.get();
        SelectByLocation.Relation rel = relation.get();
        if (t == null || r == null) {
            problem.set("choose the layer to select in and the layer to compare with");
            return null;
        }
        if (rel == SelectByLocation.Relation.WITHIN_DISTANCE && !(d >= 0 && d < 1e8)) {
            problem.set("the distance must be between 0 and 100,000 km, in metres");
            return null;
        }
        BitSet refRows = selectedOnly.get() ? (BitSet) r.selectionProperty().get().clone() : null;
        if (refRows != null && refRows.isEmpty()) {
            problem.set(r.getName() + " has no selected features (untick \"selected features only\")");
            return null;
        }
        problem.set("");
        SelectMode m = mode.get();
        CoordinateReferenceSystem crs = analysisCrs(); // FX state: read before the job
        VectorLayer tl = t.mapLayer().source();
        VectorLayer rl = r.mapLayer().source();
        return tasks.run("Selecting by location in " + t.getName(), p -> SelectByLocation.select(tl, rl, refRows, rel, d,
                crs, p), found -> {
                    map.setSelection(t, m.apply(t.selectionProperty().get(), found));
                    String what = rel == SelectByLocation.Relation.INTERSECTS ? "intersecting"
                            : String.format(Locale.ROOT, "within %,.0f m of", d);
                    status.accept(Plural.of(found.cardinality(), "feature") + " " + what + " "
                            + (refRows == null ? "" : Plural.of(refRows.cardinality(), "selected feature") + " of ")
                            + r.getName() + "; " + SelectionStatus.describe(t.selectionProperty().get(), tl.size(),
                            t.getName()), t);
                }, err -> problem.set(DialogService.messageOf(err)));
    }
}
