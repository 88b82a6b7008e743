package io.siteplanner.ui;

import io.siteplanner.export.CellsGeoPackage;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.ProjectLayer.Role;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.cells.CandidateCells;
import io.siteplanner.scoring.cells.CellGrid;
import io.siteplanner.scoring.cells.CellRegion;
import io.siteplanner.scoring.cells.CountyLocator;
import io.siteplanner.scoring.cells.Exclusions;
import io.siteplanner.store.MapsDirectory;
import io.siteplanner.ui.task.Job;
import io.siteplanner.ui.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Geometry;

/**
 * Scenario > Generate Candidates: equal-area cells over a polygon layer of the project (optionally filtered by
 * CQL), written to a GeoPackage by the engine of {@code siteplanner candidates} ({@link CandidateCells},
 * {@link CellsGeoPackage}) in the background with progress and Cancel, then added as a layer on top. The form is
 * shown through {@link DialogService#editCandidates}; cells are laid out in EPSG:5070 (CONUS Albers, equal-area)
 * and tagged with the county of the project's {@code us_counties} layer (else the bundled basemap counties).
 */
public final class CandidatesViewModel {
    /** The CRS cells are laid out and measured in. */
    public static final String CRS = "EPSG:5070";

    private final LayersViewModel layers;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final StringProperty region = new SimpleStringProperty(this, "region");
    private final StringProperty where = new SimpleStringProperty(this, "where", "");
    private final DoubleProperty cellAcres = new SimpleDoubleProperty(this, "cellAcres", 1000);
    private final ObjectProperty<CellGrid.Shape> shape = new SimpleObjectProperty<>(this, "shape", CellGrid.Shape.HEX);
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>(this, "out");
    private final ReadOnlyObjectWrapper<CandidateCells.Summary> summary = new ReadOnlyObjectWrapper<>(this, "summary");

    public CandidatesViewModel(LayersViewModel layers, TaskExecutor tasks, DialogService dialogs) {
        this.layers = layers;
        this.tasks = tasks;
        this.dialogs = dialogs;
        List<String> choices = regionChoices();
        region.set(choices.contains("counties") ? "counties" : choices.isEmpty() ? null : choices.get(0));
    }

    /** The polygon layers a region can be taken from, top first. */
    public List<String> regionChoices() {
        List<String> out = new ArrayList<>();
        for (LayerItem i : layers.layers()) {
            if (i.mapLayer().dimension() == 2 && i.role() != Role.CANDIDATES) {
                out.add(i.getName());
            }
        }
        return out;
    }

    public StringProperty regionProperty() {
        return region;
    }

    /** CQL filter on the region's features ("STATE = 'Indiana'"); blank: all of them. */
    public StringProperty whereProperty() {
        return where;
    }

    public DoubleProperty cellAcresProperty() {
        return cellAcres;
    }

    public ObjectProperty<CellGrid.Shape> shapeProperty() {
        return shape;
    }

    /** The GeoPackage to write. */
    public ObjectProperty<Path> outProperty() {
        return out;
    }

    /** What the last run wrote (FX thread), or null. */
    public ReadOnlyObjectProperty<CandidateCells.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What is wrong with the form, or null when it can run. */
    public String validate() {
        if (region.get() == null || layers.data(region.get()) == null) {
            return "Choose a polygon layer as the region.";
        }
        try {
            new CellGrid(shape.get(), cellAcres.get());
        } catch (IllegalArgumentException e) {
            return "Cell size: " + e.getMessage();
        }
        Path o = out.get();
        if (o == null || !o.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            return "Choose the GeoPackage (.gpkg) to write.";
        }
        if (o.toAbsolutePath().getParent() != null && !Files.isDirectory(o.toAbsolutePath().getParent())) {
            return o + ": folder does not exist";
        }
        return null;
    }

    /** Shows the form and, when the user presses Generate, generates; null when cancelled. */
    public Job ask() {
        if (regionChoices().isEmpty()) {
            dialogs.showError("No region", "Add a polygon layer (counties, states, a study area) to cover with cells.");
            return null;
        }
        if (out.get() == null) {
            Path dir = layers.baseDir() != null ? layers.baseDir() : Path.of(System.getProperty("user.home"));
            out.set(dir.resolve("candidate_cells.gpkg"));
        }
        return dialogs.editCandidates(this) ? generate() : null;
    }

    /**
     * Generates the cells in the background (progress and Cancel in the status bar) and adds the file as a
     * layer when done; errors go to one dialog. Null when the form is not valid (the error is shown).
     */
    public Job generate() {
        String problem = validate();
        if (problem != null) {
            dialogs.showError("Cannot generate candidates", problem);
            return null;
        }
        VectorLayer regionLayer = layers.data(region.get());
        VectorLayer countyLayer = layers.data("us_counties");
        String filter = where.get() == null || where.get().isBlank() ? null : where.get().trim();
        CellGrid grid = new CellGrid(shape.get(), cellAcres.get());
        Path file = out.get();
        String regionName = region.get();
        return tasks.run("Generating candidate cells", p -> {
            CoordinateReferenceSystem target = Crs.decode(CRS);
            Geometry area;
            try {
                area = CellRegion.of(regionLayer, filter, target, p.sub(0, 0.1));
            } catch (ScenarioException e) {
                throw new IllegalArgumentException(regionName + ": filter \"" + filter + "\": " + e.problem(), e);
            }
            VectorLayer counties = countyLayer;
            if (counties == null) {
                Path f = MapsDirectory.find().map(MapsDirectory::counties).filter(Files::exists).orElse(null);
                counties = f == null ? null : FormatRegistry.standard().readVector(f, ReadOptions.DEFAULT, p.sub(0.1, 0.15));
            }
            CountyLocator county = counties == null ? CountyLocator.none()
                    : CountyLocator.of(counties, target, p.sub(0.15, 0.2));
            CandidateCells op = new CandidateCells(grid, area, Exclusions.none(), county,
                    CandidateCells.DEFAULT_MIN_SHARE);
            return CellsGeoPackage.write(file, op, target, CRS, "candidate cells: " + grid + " in " + CRS
                    + ", region " + regionName + (filter != null ? " where " + filter : ""), p.sub(0.2, 1));
        }, s -> {
            summary.set(s);
            layers.addFiles(List.of(file));
        }, err -> dialogs.showError("Could not generate candidates", DialogService.messageOf(err)));
    }
}
