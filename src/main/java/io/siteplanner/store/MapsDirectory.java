package io.siteplanner.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the bundled {@code maps/} directory (basemap and demo data): the system property
 * {@code siteplanner.maps}, else {@code ./maps}, else {@code maps} beside or above the jar
 * ({@code target/siteplanner.jar} -> {@code ../maps}).
 */
public final class MapsDirectory {
    private MapsDirectory() {
    }

    /** The maps directory, when found. */
    public static Optional<Path> find() {
        String prop = System.getProperty("siteplanner.maps");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Optional.of(Paths.get(prop).toAbsolutePath());
        }
        Path cwd = Paths.get("maps");
        if (Files.isDirectory(cwd.resolve("basemap"))) {
            return Optional.of(cwd.toAbsolutePath());
        }
        try {
            Path jar = Paths.get(MapsDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("maps").resolve("basemap"))) {
                    return Optional.of(p.resolve("maps"));
                }
            }
        } catch (Exception e) {
            // not from a jar or no permission: fall through
        }
        return Optional.empty();
    }

    /** US states of the basemap. */
    public static Path states(Path maps) {
        return maps.resolve("basemap").resolve("us_states.geojson");
    }

    /** US counties of the basemap. */
    public static Path counties(Path maps) {
        return maps.resolve("basemap").resolve("us_counties.geojson");
    }

    /** US places (population 10,000 and more, GeoNames) of the basemap, for place labels. */
    public static Path places(Path maps) {
        return maps.resolve("basemap").resolve("us_places.geojson");
    }

    /** The demo GeoPackage. */
    public static Path demoData(Path maps) {
        return maps.resolve("demo").resolve("demo.gpkg");
    }

    /** The bundled demo project. */
    public static Path demoProject(Path maps) {
        return maps.resolve("demo.siteplan.gpkg");
    }

    /** The demo's default scenario (1 GW, Indiana; see maps/README.md). */
    public static Path demoScenario(Path maps) {
        return maps.resolve("demo").resolve("scenario-1gw-in.json");
    }
}
