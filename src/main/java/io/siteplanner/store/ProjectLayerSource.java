package io.siteplanner.store;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.LayerSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a scenario inside a project: a path {@code "@name"} is the project layer of that name (in
 * memory, nothing is read), any other path is a file relative to the project's folder (read by
 * {@link FileLayerSource}). So {@code ScenarioEvaluator.evaluate(project.active(), new
 * ProjectLayerSource(project, projectDir), progress)} scores a project with no external files.
 * Immutable and thread-safe.
 */
public final class ProjectLayerSource implements LayerSource {
    /** Prefix of scenario paths that name a project layer. */
    public static final String PREFIX = "@";

    private final Project project;
    private final FileLayerSource files;

    /**
     * @param project    the project whose layers {@code "@name"} refers to
     * @param projectDir folder of the project file, for other paths (null = the working folder)
     */
    public ProjectLayerSource(Project project, Path projectDir) {
        this.project = project;
        this.files = new FileLayerSource(projectDir);
    }

    /** The scenario path of a project layer: {@code "@" + name}. */
    public static String ref(String layerName) {
        return PREFIX + layerName;
    }

    @Override
    public Layer load(String id, LayerRef ref, Progress progress) throws IOException {
        if (ref.path().startsWith(PREFIX)) {
            return layer(ref.path());
        }
        return files.load(id, ref, progress);
    }

    @Override
    public VectorLayer loadTable(JoinSpec join, Progress progress) throws IOException {
        if (join.path().startsWith(PREFIX)) {
            return layer(join.path());
        }
        return files.loadTable(join, progress);
    }

    private VectorLayer layer(String path) throws LayerReadException {
        String name = path.substring(PREFIX.length());
        ProjectLayer l = project.layer(name);
        if (l == null) {
            List<String> names = new ArrayList<>();
            for (ProjectLayer p : project.layers()) {
                names.add(p.name());
            }
            throw new LayerReadException(Path.of(path), "no layer '" + name + "' in the project (layers: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        return l.layer();
    }
}
