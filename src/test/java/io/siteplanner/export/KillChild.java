package io.siteplanner.export;

import io.siteplanner.model.Progress;
import io.siteplanner.project.Project;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ProjectStore;
import io.siteplanner.store.ScenarioReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link NothingLostTest} kills: prepares one write (a project save or a sites export of the
 * demo scenario), prints {@code ready}, then writes the target again and again (printing {@code wrote})
 * until it is killed. Also used in-process to write the reference files.
 *
 * <p>Arguments: kind (save, csv, geojson, gpkg, kml, pdf, png), variant (old, new), target, repeats
 * (&lt;= 0: forever), scenario file, project file.
 */
public final class KillChild {
    private final String kind;
    private final boolean newer;
    private ScoreResult result;
    private MapContent map;
    private Project project;

    KillChild(String kind, String variant, Path scenario, Path projectFile) throws IOException {
        this.kind = kind;
        this.newer = variant.equals("new");
        if (kind.equals("save")) {
            Project p = ProjectStore.open(projectFile);
            project = new Project(newer ? "new title" : "old title", p.layers(), p.scenarios(), p.activeScenario(),
                    p.shortlist(), newer ? "new notes" : "old notes", p.view());
            return;
        }
        Scenario s = ScenarioReader.read(scenario);
        Path base = scenario.toAbsolutePath().getParent();
        ScoringSession session = session(s, base);
        result = session.score();
        if (kind.equals("pdf") || kind.equals("png")) {
            List<StyledLayer> layers = layers(s, base, session);
            // the old PNG lacks the data layers (same view, so the same world file)
            map = MapContent.of(newer || kind.equals("pdf") ? layers : layers.subList(layers.size() - 1, layers.size()));
        }
    }

    private static ScoringSession cachedSession;
    private static List<StyledLayer> cachedLayers;

    /** The evaluated scenario, once per JVM (the test writes several references with it). */
    private static synchronized ScoringSession session(Scenario s, Path base) throws IOException {
        if (cachedSession == null) {
            cachedSession = ScenarioEvaluator.evaluate(s, new FileLayerSource(base), Progress.NONE);
        }
        return cachedSession;
    }

    private static synchronized List<StyledLayer> layers(Scenario s, Path base, ScoringSession session)
            throws IOException {
        if (cachedLayers == null) {
            cachedLayers = DemoMap.scenarioLayers(s, base, session, Progress.NONE);
        }
        return cachedLayers;
    }

    void write(Path target) throws IOException {
        if (kind.equals("save")) {
            ProjectStore.save(project, target);
            return;
        }
        SitesExport.Format f = SitesExport.Format.of(kind);
        SitesExport.Options o = SitesExport.Options.defaults().withTop(newer ? 0 : 5).withSize(800, 500)
                .withDistanceUnit(io.siteplanner.model.Units.DistanceUnit.KM)
                .withTitle(newer ? "new" : "old");
        SitesExport.export(result, map, o, f, target, Progress.NONE);
    }

    public static void main(String[] args) throws Exception {
        KillChild c = new KillChild(args[0], args[1], Path.of(args[4]), Path.of(args[5]));
        Path target = Path.of(args[2]);
        int repeats = Integer.parseInt(args[3]);
        System.out.println("ready");
        System.out.flush();
        for (int k = 0; repeats <= 0 || k < repeats; k++) {
            c.write(target);
            System.out.println("wrote");
            System.out.flush();
        }
    }
}
