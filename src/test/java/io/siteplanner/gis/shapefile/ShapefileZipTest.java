package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapefiles inside zips, including hostile entry names. */
class ShapefileZipTest {
    private final ShapefileFormat format = new ShapefileFormat();

    /** Entry name -> content. */
    private static Map<String, byte[]> entries(String fixture, String prefix) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String ext : Fixtures.PARTS) {
            Path p = Fixtures.dir().resolve(fixture + "." + ext);
            if (Files.exists(p)) {
                m.put(prefix + "." + ext, Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zos.putNextEntry(new ZipEntry(e.getKey()));
                zos.write(e.getValue());
                zos.closeEntry();
            }
        }
        return file;
    }

    private static Set<String> ourTempDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("siteplanner-shp-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void readsAZippedShapefileAndCleansUp(@TempDir Path tmp) throws Exception {
        Path zip = zip(tmp.resolve("counties.zip"), entries("counties_ms_4269", "counties_ms_4269"));
        Set<String> before = ourTempDirs();
        assertThat(format.probe(zip)).isTrue();
        assertThat(FormatRegistry.standard().formatFor(zip).id()).isEqualTo("shapefile");
        assertThat(format.layerNames(zip)).containsExactly("counties_ms_4269");
        VectorLayer l = Fixtures.read(zip);
        VectorLayer direct = Fixtures.read("counties_ms_4269");
        assertThat(l.name()).isEqualTo("counties_ms_4269");
        assertThat(l.source()).isEqualTo(zip);
        assertThat(l.size()).isEqualTo(82);
        assertThat(l.bounds()).isEqualTo(direct.bounds());
        assertThat(l.crs()).isNotNull();
        assertThat(l.get(81).geometry().equalsExact(direct.get(81).geometry())).isTrue();
        assertThat(ourTempDirs()).isEqualTo(before);
    }

    @Test
    void severalLayersInAZip(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.putAll(entries("names_utf8", "data/names"));
        all.putAll(entries("holes_5070", "data/sub/holes"));
        all.put("data/readme.txt", "not a layer".getBytes());
        all.put("__MACOSX/data/._names.shp", new byte[] {0, 5, 22, 7});
        all.put("data/._holes.shp", new byte[] {0, 5, 22, 7});
        Path zip = zip(tmp.resolve("two.zip"), all);
        assertThat(format.layerNames(zip)).containsExactly("names", "holes");
        assertThat(Fixtures.read(zip).name()).isEqualTo("names");
        VectorLayer holes = Fixtures.read(zip, ReadOptions.DEFAULT.withLayer("holes"));
        assertThat(holes.name()).isEqualTo("holes");
        assertThat(holes.size()).isEqualTo(5);
        // the .cpg travels with its layer
        assertThat(Fixtures.read(zip).get(0).value(1)).isEqualTo("Doña Ana");
        assertThatThrownBy(() -> Fixtures.read(zip, ReadOptions.DEFAULT.withLayer("parcels")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(zip + ": no layer named 'parcels' in the zip (layers: names, holes)");
    }

    @Test
    void sameBaseNameInTwoFoldersIsNamedByPath(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.putAll(entries("names_utf8", "a/names"));
        all.putAll(entries("names_latin1", "b/names"));
        Path zip = zip(tmp.resolve("dup.zip"), all);
        assertThat(format.layerNames(zip)).containsExactly("a/names", "b/names");
        assertThat(Fixtures.read(zip, ReadOptions.DEFAULT.withLayer("b/names")).get(1).value(1)).isEqualTo("Saint-Étienne");
    }

    @Test
    void zipSlipEntriesAreIgnoredAndNothingIsWrittenOutside(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("a/b/c"));
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.putAll(entries("names_utf8", "../../evil"));
        all.putAll(entries("names_utf8", "/tmp/siteplanner-evil-absolute"));
        all.putAll(entries("names_utf8", "..\\..\\evil-backslash"));
        all.putAll(entries("holes_5070", "good"));
        Path zip = zip(work.resolve("slip.zip"), all);
        Set<String> before = ourTempDirs();

        assertThat(format.layerNames(zip)).containsExactly("good");
        VectorLayer l = Fixtures.read(zip);
        assertThat(l.name()).isEqualTo("good");
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.warnings()).anyMatch(w -> w.startsWith("ignored 15 zip entries with unsafe paths (such as '../../evil."));

        try (Stream<Path> s = Files.walk(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains("evil")).toList()).isEmpty();
        }
        assertThat(Files.exists(Path.of("/tmp/siteplanner-evil-absolute.shp"))).isFalse();
        Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir"));
        assertThat(Files.exists(tmpRoot.resolveSibling("evil.shp"))).isFalse();
        assertThat(Files.exists(tmpRoot.resolve("evil.shp"))).isFalse();
        assertThat(ourTempDirs()).isEqualTo(before);
    }

    @Test
    void zipWithOnlyUnsafeEntriesIsAnError(@TempDir Path tmp) throws Exception {
        Path zip = zip(tmp.resolve("evil.zip"), entries("names_utf8", "../evil"));
        assertThat(format.probe(zip)).isFalse();
        assertThatThrownBy(() -> format.read(zip, ReadOptions.DEFAULT, null))
                .isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(zip + ": no shapefile in the zip (ignored 5 entries with unsafe paths such as '../evil.");
    }

    @Test
    void zipWithoutShapefileIsNotClaimed(@TempDir Path tmp) throws Exception {
        Path zip = zip(tmp.resolve("docs.zip"), Map.of("readme.txt", "hello".getBytes()));
        assertThat(format.probe(zip)).isFalse();
        assertThatThrownBy(() -> format.read(zip, ReadOptions.DEFAULT, null)).isInstanceOf(LayerReadException.class)
                .hasMessage(zip + ": no shapefile (.shp) in the zip");
        Path notZip = Files.writeString(tmp.resolve("fake.zip"), "not a zip at all");
        assertThat(format.probe(notZip)).isFalse();
    }

    @Test
    void missingCompanionInZipIsNamed(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> e = entries("counties_ms_4269", "parcels");
        e.remove("parcels.dbf");
        Path zip = zip(tmp.resolve("nodbf.zip"), e);
        assertThatThrownBy(() -> Fixtures.read(zip)).isInstanceOf(LayerReadException.class)
                .hasMessage(zip + ": missing companion file parcels.dbf in the zip");
    }

    @Test
    void upperCaseEntriesAreFound(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        entries("pointz", "x").forEach((k, v) -> e.put(k.replace("x.", "POINTS.").toUpperCase(), v));
        Path zip = zip(tmp.resolve("upper.zip"), e);
        assertThat(format.layerNames(zip)).isEqualTo(List.of("POINTS"));
        assertThat(Fixtures.read(zip).get(0).geometry().getCoordinate().getZ()).isEqualTo(85.25);
    }
}
