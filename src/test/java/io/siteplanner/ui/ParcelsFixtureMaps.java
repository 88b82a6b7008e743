package io.siteplanner.ui;

import io.siteplanner.model.Progress;
import io.siteplanner.project.Project;
import io.siteplanner.render.DefaultStyles;
import io.siteplanner.store.ProjectBuilder;
import io.siteplanner.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * A maps folder for view-model tests of editing mechanics (criteria d_sub, land, parcels...): the bundled
 * basemap and, as its "demo project", a project built (once per JVM, with the same builder as
 * {@code project create}) from the INVENTED parcels fixture {@code src/test/resources/fixtures/parcels-demo}
 * (its README.md says what is invented). The real bundled demo (maps/demo.siteplan.gpkg, real public data)
 * is opened by MainWindowTest, ScenarioBuilderUiTest and DemoProjectTest.
 */
final class ParcelsFixtureMaps {
    static final Path FIXTURE = Paths.get("src/test/resources/fixtures/parcels-demo").toAbsolutePath();
    private static Path maps;

    private ParcelsFixtureMaps() {
    }

    /** The folder, to set as the {@code siteplanner.maps} system property. */
    static synchronized Path maps() {
        if (maps == null) {
            try {
                Path dir = Files.createTempDirectory("siteplanner-fixture-maps");
                // the states and counties of the bundled basemap (as the former demo project had them)
                Path real = Paths.get("maps", "basemap").toAbsolutePath();
                Path basemap = Files.createDirectory(dir.resolve("basemap"));
                for (String f : List.of("us_states.geojson", "us_counties.geojson")) {
                    Files.createSymbolicLink(basemap.resolve(f), real.resolve(f));
                }
                Project p = ProjectBuilder.fromScenarios(List.of(FIXTURE.resolve("scenario-1gw.json"),
                        FIXTURE.resolve("scenario-300mw.json"))).styles(DefaultStyles::guess)
                        .candidatesStyle(DefaultStyles.candidates()).projectDir(dir)
                        .basemap(basemap, DefaultStyles.basemapStates(), DefaultStyles.basemapCounties(),
                                DefaultStyles.basemapPlaces())
                        .build(Progress.NONE);
                ProjectStore.save(p, dir.resolve("demo.siteplan.gpkg"), Progress.NONE);
                // removed with what is in it when the test JVM ends (deleteOnExit removes empty folders only)
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "fixture-maps-cleanup"));
                maps = dir;
            } catch (Exception e) {
                throw new IllegalStateException("could not build the parcels fixture project", e);
            }
        }
        return maps;
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p); // symbolic links go, not what they point to
            }
        } catch (java.io.IOException | RuntimeException e) {
            // left in the temp folder
        }
    }
}
