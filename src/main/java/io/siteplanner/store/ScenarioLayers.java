package io.siteplanner.store;

import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a project's scenarios use the project's layers (scenario layer paths {@code "@<layer>"}, see
 * {@link ProjectLayerSource}): which criteria and constraints read a layer, repairing a scenario whose
 * layers are missing (their criteria and exclusions are disabled, not dropped), and adding a project layer
 * to a scenario. Pure functions over immutable scenarios; thread-safe.
 */
public final class ScenarioLayers {
    private ScenarioLayers() {
    }

    /**
     * What of a scenario reads some layer.
     *
     * @param candidates the candidate layer is one of them
     * @param criteria   ids of the criteria reading one (enabled or not)
     * @param exclusions exclusion constraints on one
     */
    public record Usage(boolean candidates, List<String> criteria, List<ConstraintSpec> exclusions) {
        public boolean isEmpty() {
            return !candidates && criteria.isEmpty() && exclusions.isEmpty();
        }
    }

    /** Scenario layer ids whose entry reads project layer {@code layer} (as its data or as a joined table). */
    public static Set<String> idsReading(Scenario s, String layer) {
        return idsReading(s, ref -> ref.equals(ProjectLayerSource.ref(layer)));
    }

    private static Set<String> idsReading(Scenario s, Predicate<String> path) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            boolean hit = path.test(e.getValue().path());
            for (JoinSpec j : e.getValue().joins()) {
                hit |= path.test(j.path());
            }
            if (hit) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** What of {@code s} reads project layer {@code layer}. */
    public static Usage usage(Scenario s, String layer) {
        return usageOfIds(s, idsReading(s, layer));
    }

    private static Usage usageOfIds(Scenario s, Set<String> ids) {
        List<String> criteria = new ArrayList<>();
        for (Criterion c : s.criteria()) {
            if (c.layers().stream().anyMatch(ids::contains)) {
                criteria.add(c.id());
            }
        }
        List<ConstraintSpec> exclusions = new ArrayList<>();
        for (ConstraintSpec k : s.constraints()) {
            if (k.isExclusion() && ids.contains(k.exclude())) {
                exclusions.add(k);
            }
        }
        return new Usage(ids.contains(s.candidates()), criteria, exclusions);
    }

    /**
     * A scenario repaired for the layers at hand.
     *
     * @param scenario the scenario with every criterion and exclusion that reads a missing layer disabled
     * @param missing  scenario layer id to what is missing ("project layer 'lines'", "file lines.geojson")
     * @param disabled ids of the criteria disabled here (they were enabled)
     * @param candidatesMissing the candidate layer itself is missing: the scenario cannot be evaluated
     */
    public record Repair(Scenario scenario, Map<String, String> missing, List<String> disabled,
            boolean candidatesMissing) {
        /** Criterion or constraint layer ids that the repair found missing, as one line for the user. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> e : missing.entrySet()) {
                parts.add(e.getValue());
            }
            return String.join(", ", parts);
        }
    }

    /**
     * Disables the enabled criteria and exclusion constraints that read a layer that is missing: a project
     * layer {@code "@name"} not in {@code projectLayers}, or a file not found relative to {@code baseDir}.
     * Nothing else changes, so the scenario still reads back from JSON and the planner can point the
     * criteria at another layer.
     */
    public static Repair disableMissing(Scenario s, Predicate<String> projectLayers, Path baseDir) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            String why = missing(e.getValue().path(), projectLayers, baseDir);
            for (JoinSpec j : e.getValue().joins()) {
                if (why == null) {
                    why = missing(j.path(), projectLayers, baseDir);
                }
            }
            if (why != null) {
                missing.put(e.getKey(), why);
            }
        }
        if (missing.isEmpty()) {
            return new Repair(s, missing, List.of(), false);
        }
        List<Criterion> criteria = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (Criterion c : s.criteria()) {
            if (c.enabled() && c.layers().stream().anyMatch(missing::containsKey)) {
                criteria.add(c.withEnabled(false));
                disabled.add(c.id());
            } else {
                criteria.add(c);
            }
        }
        List<ConstraintSpec> constraints = new ArrayList<>();
        for (ConstraintSpec k : s.constraints()) {
            constraints.add(k.isExclusion() && k.enabled() && missing.containsKey(k.exclude()) ? k.withEnabled(false) : k);
        }
        return new Repair(s.withCriteria(criteria).withConstraints(constraints), missing, disabled,
                missing.containsKey(s.candidates()));
    }

    private static String missing(String path, Predicate<String> projectLayers, Path baseDir) {
        if (path.startsWith(ProjectLayerSource.PREFIX)) {
            String name = path.substring(ProjectLayerSource.PREFIX.length());
            return projectLayers.test(name) ? null : "layer '" + name + "' is not in the project";
        }
        Path f = (baseDir == null ? Path.of("") : baseDir).resolve(path);
        return Files.exists(f) ? null : "file " + path + " not found";
    }

    /**
     * The id under which {@code s} reads project layer {@code layer} plainly (no join, table or computed
     * field): an existing entry, or a new one (named like the layer, made unique) that
     * {@link #withLayer} adds.
     */
    public static String idFor(Scenario s, String layer) {
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            if (e.getValue().equals(LayerRef.of(ProjectLayerSource.ref(layer)))) {
                return e.getKey();
            }
        }
        String id = layer;
        for (int k = 2; s.layers().containsKey(id); k++) {
            id = layer + "_" + k;
        }
        return id;
    }

    /** The scenario with an entry for project layer {@code layer} under {@link #idFor} (unchanged when there is one). */
    public static Scenario withLayer(Scenario s, String layer) {
        String id = idFor(s, layer);
        if (s.layers().containsKey(id)) {
            return s;
        }
        Map<String, LayerRef> layers = new LinkedHashMap<>(s.layers());
        layers.put(id, LayerRef.of(ProjectLayerSource.ref(layer)));
        return s.withLayers(layers);
    }

    /**
     * The scenario without the layer entries nothing reads any more (criteria, constraints and candidates),
     * so a file keeps only the layers it uses.
     */
    public static Scenario withoutUnusedLayers(Scenario s) {
        Set<String> used = new LinkedHashSet<>();
        used.add(s.candidates());
        for (Criterion c : s.criteria()) {
            used.addAll(c.layers());
        }
        for (ConstraintSpec k : s.constraints()) {
            if (k.isExclusion()) {
                used.add(k.exclude());
            }
        }
        Map<String, LayerRef> layers = new LinkedHashMap<>(s.layers());
        layers.keySet().retainAll(used);
        return layers.size() == s.layers().size() ? s : s.withLayers(layers);
    }


    /**
     * The scenario with another candidate layer (a project layer) and id field (null = feature id); the
     * analysis CRS is kept.
     */
    public static Scenario withCandidates(Scenario s, String layer, String idField) {
        Scenario t = withLayer(s, layer);
        String id = idFor(t, layer);
        return withoutUnusedLayers(t.withCandidates(id, idField));
    }
}
