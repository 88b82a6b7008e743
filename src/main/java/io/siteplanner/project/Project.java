package io.siteplanner.project;

import io.siteplanner.scoring.scenario.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * A whole project, as saved in a {@code .siteplan.gpkg} file. Immutable.
 *
 * <p>Layers are drawn in list order, bottom first. Scenarios refer to the project's layers with paths
 * {@code "@<layer name>"} (a path without {@code @} is a file, relative to the project file's folder).
 *
 * @param title          project title
 * @param layers         bottom first
 * @param scenarios      at least one when there are candidates; names are unique
 * @param activeScenario name of the scenario the map and table follow (null when none)
 * @param shortlist      shortlisted sites with notes
 * @param notes          free project notes (never null)
 * @param view           saved map view, or null for "zoom to the candidates"
 */
public record Project(String title, List<ProjectLayer> layers, List<Scenario> scenarios, String activeScenario,
        Shortlist shortlist, String notes, MapView view) {
    /** Version of the project file schema this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public Project {
        Objects.requireNonNull(title, "title");
        layers = List.copyOf(layers);
        scenarios = List.copyOf(scenarios);
        shortlist = shortlist == null ? Shortlist.empty() : shortlist;
        notes = notes == null ? "" : notes;
    }

    /** The active scenario, or null. */
    public Scenario active() {
        for (Scenario s : scenarios) {
            if (s.name().equals(activeScenario)) {
                return s;
            }
        }
        return scenarios.isEmpty() ? null : scenarios.get(0);
    }

    public ProjectLayer layer(String name) {
        for (ProjectLayer l : layers) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    public Project withScenarios(List<Scenario> s, String active) {
        return new Project(title, layers, s, active, shortlist, notes, view);
    }

    public Project withShortlist(Shortlist s) {
        return new Project(title, layers, scenarios, activeScenario, s, notes, view);
    }

    public Project withLayers(List<ProjectLayer> l) {
        return new Project(title, l, scenarios, activeScenario, shortlist, notes, view);
    }

    public Project withView(MapView v) {
        return new Project(title, layers, scenarios, activeScenario, shortlist, notes, v);
    }

    public Project withNotes(String n) {
        return new Project(title, layers, scenarios, activeScenario, shortlist, n, view);
    }
}
