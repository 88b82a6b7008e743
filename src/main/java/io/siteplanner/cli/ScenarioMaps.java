package io.siteplanner.cli;

/** Map layers for the commands that draw a scenario (render, export). */
final class ScenarioMaps {
    private ScenarioMaps() {
    }

    /** The basemap (unless left out) and a scenario's layers with its candidates, bottom first. */
    static java.util.List<io.siteplanner.render.StyledLayer> scenarioMap(io.siteplanner.scoring.scenario.Scenario scenario,
            java.nio.file.Path base, io.siteplanner.scoring.ScoringSession session, boolean basemap)
            throws java.io.IOException {
        java.util.List<io.siteplanner.render.StyledLayer> layers = new java.util.ArrayList<>();
        java.util.Optional<java.nio.file.Path> maps = io.siteplanner.store.MapsDirectory.find();
        if (basemap && maps.isPresent()) {
            java.nio.file.Path places = io.siteplanner.store.MapsDirectory.places(maps.get());
            layers.addAll(io.siteplanner.render.DemoMap.basemap(io.siteplanner.store.MapsDirectory.states(maps.get()),
                    io.siteplanner.store.MapsDirectory.counties(maps.get()),
                    java.nio.file.Files.exists(places) ? places : null, io.siteplanner.model.Progress.NONE));
        }
        layers.addAll(io.siteplanner.render.DemoMap.scenarioLayers(scenario, base, session,
                io.siteplanner.model.Progress.NONE));
        return layers;
    }

    /** A project's layers as the app draws them (its basemap layers unless left out), scored by {@code session}. */
    static java.util.List<io.siteplanner.render.StyledLayer> projectMap(io.siteplanner.project.Project project,
            io.siteplanner.scoring.ScoringSession session, boolean basemap) throws java.io.IOException {
        java.util.List<io.siteplanner.render.StyledLayer> layers = new java.util.ArrayList<>();
        for (io.siteplanner.render.StyledLayer l : io.siteplanner.render.ProjectMap.layers(project, session, true,
                io.siteplanner.model.Progress.NONE)) {
            if (basemap || l.role() != io.siteplanner.project.ProjectLayer.Role.BASEMAP) {
                layers.add(l);
            }
        }
        return layers;
    }
}
