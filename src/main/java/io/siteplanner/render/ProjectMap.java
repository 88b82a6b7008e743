package io.siteplanner.render;

import io.siteplanner.model.Progress;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.scoring.ScoringSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The map of a project: its layers prepared for display with their saved styles, bottom first. The
 * candidate layer is replaced by the evaluated candidates of a scoring session (so site i is feature i
 * and can be coloured by score).
 */
public final class ProjectMap {
    private ProjectMap() {
    }

    /**
     * @param session  the evaluated active scenario, or null to show the stored candidate layer
     * @param onlyVisible leave out layers saved as hidden
     */
    public static List<StyledLayer> layers(Project p, ScoringSession session, boolean onlyVisible, Progress progress) {
        List<StyledLayer> out = new ArrayList<>();
        int n = p.layers().size();
        for (int k = 0; k < n; k++) {
            progress.checkCancelled();
            ProjectLayer pl = p.layers().get(k);
            if (onlyVisible && !pl.visible()) {
                continue;
            }
            // only the layer the session scored is replaced: a project whose scenarios use different candidate
            // layers (the demo's cells of two states) stores them all as candidates
            boolean cand = pl.role() == ProjectLayer.Role.CANDIDATES && session != null
                    && scoredLayer(session).equals(pl.name());
            MapLayer ml = cand
                    ? MapLayer.prepare(session.candidates(), DemoMap.displayCrs(), Progress.NONE)
                    : MapLayer.prepare(pl.layer(), DemoMap.displayCrs(), Progress.NONE);
            // other scenarios' candidate layers are drawn as data: the map has one scored candidates layer
            ProjectLayer.Role role = pl.role() == ProjectLayer.Role.CANDIDATES && session != null && !cand
                    ? ProjectLayer.Role.DATA : pl.role();
            out.add(new StyledLayer(pl.name(), role, ml, pl.style(), pl.opacity()));
            progress.update((k + 1.0) / n, "preparing " + pl.name());
        }
        return out;
    }

    /** The project layer whose features the session scored ({@code "@name"} of its candidates), or "". */
    private static String scoredLayer(ScoringSession session) {
        var ref = session.scenario().layers().get(session.scenario().candidates());
        return ref != null && ref.path().startsWith("@") ? ref.path().substring(1) : "";
    }
}
