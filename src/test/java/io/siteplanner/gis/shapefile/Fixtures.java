package io.siteplanner.gis.shapefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test fixtures of src/test/resources/fixtures/shapefile (see make-fixtures.sh there). */
final class Fixtures {
    static final String[] PARTS = {"shp", "shx", "dbf", "prj", "cpg"};
    private static JsonNode expected;

    private Fixtures() {
    }

    static Path dir() {
        URL u = Fixtures.class.getResource("/fixtures/shapefile/expected.json");
        if (u == null) {
            throw new IllegalStateException("fixtures/shapefile not on the test class path");
        }
        try {
            return Path.of(u.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The .shp of a fixture. */
    static Path shp(String name) {
        return dir().resolve(name + ".shp");
    }

    /** What GDAL read from every fixture (written by make-fixtures.sh). */
    static synchronized JsonNode expected() {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(dir().resolve("expected.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    /** Copies the files of a fixture into {@code dir} under {@code newBase}; returns the new .shp. */
    static Path copy(String name, Path dir, String newBase) throws IOException {
        for (String ext : PARTS) {
            Path src = dir().resolve(name + "." + ext);
            if (Files.exists(src)) {
                Files.copy(src, dir.resolve(newBase + "." + ext), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve(newBase + ".shp");
    }

    static Path copy(String name, Path dir) throws IOException {
        return copy(name, dir, name);
    }

    /** All fixture names with a GDAL expectation. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        expected().fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Stream<String> shapefiles() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".shp"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    /** Reads through the format registry, as the app does. */
    static VectorLayer read(Path file) throws IOException {
        return FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT, Progress.NONE);
    }

    static VectorLayer read(Path file, ReadOptions options) throws IOException {
        return FormatRegistry.standard().readVector(file, options, Progress.NONE);
    }

    static VectorLayer read(String fixture) throws IOException {
        return read(shp(fixture));
    }
}
