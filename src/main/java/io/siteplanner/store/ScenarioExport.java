package io.siteplanner.store;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.model.Progress;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a project's scenario as a stand-alone scenario file that {@code siteplanner score --scenario}
 * reads and scores exactly as the app does: the JSON ({@link ScenarioWriter}) and, beside it, a GeoPackage
 * {@code <name>.layers.gpkg} with the project layers the scenario reads (feature tables with the same
 * features in the same order; the file is also a SitePlanner project with just that scenario). Layer paths
 * {@code "@<layer>"} become that GeoPackage and table; paths to other files are rewritten relative to the
 * JSON's folder. Both files are written atomically.
 */
public final class ScenarioExport {
    private ScenarioExport() {
    }

    /** The GeoPackage written beside {@code json}: {@code campus.json} gives {@code campus.layers.gpkg}. */
    public static Path layersFile(Path json) {
        return json.toAbsolutePath().resolveSibling(FormatRegistry.baseName(json) + ".layers.gpkg");
    }

    /**
     * Writes {@code s} of project {@code p} (whose file is in {@code projectDir}, null when it has none) to
     * {@code json}, with its project layers in {@link #layersFile}. Project layers the scenario names but
     * the project lacks keep their {@code "@name"} path (only disabled criteria can read them).
     *
     * @return the layers GeoPackage, or null when the scenario reads no project layer
     */
    public static Path write(Scenario s, Project p, Path projectDir, Path json, Progress progress) throws IOException {
        Path jsonAbs = json.toAbsolutePath();
        Path dir = jsonAbs.getParent();
        Path gpkg = layersFile(jsonAbs);
        Set<String> names = new LinkedHashSet<>();
        for (LayerRef r : s.layers().values()) {
            project(r.path(), p, names);
            for (JoinSpec j : r.joins()) {
                project(j.path(), p, names);
            }
        }
        Map<String, LayerRef> layers = new LinkedHashMap<>();
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            LayerRef r = e.getValue();
            List<JoinSpec> joins = new ArrayList<>();
            for (JoinSpec j : r.joins()) {
                String[] t = target(j.path(), j.layer(), names, gpkg, projectDir, dir);
                joins.add(new JoinSpec(t[0], t[1], j.layerKey(), j.tableKey(), j.fields(), j.prefix()));
            }
            String[] t = target(r.path(), r.layer(), names, gpkg, projectDir, dir);
            layers.put(e.getKey(), new LayerRef(t[0], t[1], r.crs(), joins, r.nodata(), r.fields()));
        }
        if (!names.isEmpty()) {
            List<ProjectLayer> used = new ArrayList<>();
            for (String n : names) {
                used.add(p.layer(n));
            }
            Project data = new Project(s.name() == null ? "scenario layers" : s.name(), used, List.of(s), s.name(),
                    null, "Layers of the scenario file " + jsonAbs.getFileName(), null);
            ProjectStore.save(data, gpkg, progress.sub(0, 0.95));
        }
        ScenarioWriter.write(s.withLayers(layers), jsonAbs);
        progress.update(1, "exported");
        return names.isEmpty() ? null : gpkg;
    }

    private static void project(String path, Project p, Set<String> names) {
        if (path.startsWith(ProjectLayerSource.PREFIX)) {
            String n = path.substring(ProjectLayerSource.PREFIX.length());
            if (p.layer(n) != null) {
                names.add(n);
            }
        }
    }

    /** {path, layer} of a scenario path in the exported file. */
    private static String[] target(String path, String layer, Set<String> names, Path gpkg, Path projectDir,
            Path jsonDir) {
        if (path.startsWith(ProjectLayerSource.PREFIX)) {
            String n = path.substring(ProjectLayerSource.PREFIX.length());
            return names.contains(n) ? new String[] {gpkg.getFileName().toString(), n} : new String[] {path, layer};
        }
        Path f = (projectDir == null ? Path.of("") : projectDir).resolve(path).toAbsolutePath().normalize();
        String rel;
        try {
            rel = jsonDir.relativize(f).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            rel = f.toString(); // another drive: absolute
        }
        return new String[] {rel, layer};
    }
}
