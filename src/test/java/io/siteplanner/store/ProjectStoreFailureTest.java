package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves that fail or are cancelled leave the previous file byte-identical; bad files give clear errors. */
class ProjectStoreFailureTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** A progress that reports "cancelled" from the n-th check on. */
    static Progress cancelAfter(int n, AtomicInteger checks) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > n;
            }
        };
    }

    @Test
    void cancelledSaveLeavesThePreviousFileIntact() throws Exception {
        Path file = dir.resolve("p.siteplan.gpkg");
        Project p = StoreFixtures.project();
        ProjectStore.save(p, file);
        byte[] before = Files.readAllBytes(file);
        // a bigger project: the cancel comes in the middle of the 10,000-feature layer
        Project bigger = p.withLayers(List.of(p.layers().get(0), new ProjectLayer("big", ProjectLayer.Role.CANDIDATES,
                StoreFixtures.parcels(10_000), p.layers().get(2).style(), true, 1)));
        AtomicInteger checks = new AtomicInteger();
        assertThatThrownBy(() -> ProjectStore.save(bigger, file, cancelAfter(5, checks)))
                .isInstanceOf(CancelledException.class);
        assertThat(checks.get()).isGreaterThan(5);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(files()).containsExactly("p.siteplan.gpkg");
        assertThat(ProjectStore.open(file).layers()).hasSize(3);
    }

    @Test
    void everyCancelPointLeavesNoTrace() throws Exception {
        Path file = dir.resolve("p.siteplan.gpkg");
        Project p = StoreFixtures.project();
        ProjectStore.save(p, file);
        byte[] before = Files.readAllBytes(file);
        AtomicInteger total = new AtomicInteger();
        ProjectStore.save(p, dir.resolve("count.siteplan.gpkg"), cancelAfter(Integer.MAX_VALUE, total));
        Files.delete(dir.resolve("count.siteplan.gpkg"));
        assertThat(total.get()).isGreaterThan(4);
        for (int n = 0; n < total.get(); n++) {
            final int k = n;
            assertThatThrownBy(() -> ProjectStore.save(p.withNotes("changed"), file, cancelAfter(k, new AtomicInteger())))
                    .as("cancel at check " + k).isInstanceOf(CancelledException.class);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(files()).containsExactly("p.siteplan.gpkg");
        }
    }

    @Test
    void aValueOfTheWrongTypeFailsTheSaveAndKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("p.siteplan.gpkg");
        Project p = StoreFixtures.project();
        ProjectStore.save(p, file);
        byte[] before = Files.readAllBytes(file);
        VectorLayer parcels = p.layer("parcels").layer();
        List<Feature> fs = new ArrayList<>(parcels.features());
        Feature f = fs.get(5);
        Object[] v = new Object[f.valueCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.value(i);
        }
        v[1] = "not a number"; // acres is REAL
        fs.set(5, new Feature(f.fid(), f.geometry(), v));
        VectorLayer bad = parcels.toBuilder().features(fs).build();
        Project broken = p.withLayers(List.of(p.layers().get(0), p.layers().get(1), new ProjectLayer("parcels",
                ProjectLayer.Role.CANDIDATES, bad, p.layers().get(2).style(), true, 1)));
        assertThatThrownBy(() -> ProjectStore.save(broken, file)).isInstanceOf(IOException.class)
                .hasMessageContaining("layer 'parcels', feature 20, field 'acres'").hasMessageContaining("not Double");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(files()).containsExactly("p.siteplan.gpkg");
    }

    @Test
    void invalidOrDuplicateNamesAreRefusedBeforeWriting() throws Exception {
        Path file = dir.resolve("p.siteplan.gpkg");
        Project p = StoreFixtures.project();
        ProjectLayer l = p.layers().get(0);
        Project badName = p.withLayers(List.of(new ProjectLayer("my layer", l.role(), l.layer(), l.style(), true, 1)));
        assertThatThrownBy(() -> ProjectStore.save(badName, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'my layer'");
        Project dup = p.withLayers(List.of(l, new ProjectLayer("LINES", l.role(), l.layer(), l.style(), true, 1)));
        assertThatThrownBy(() -> ProjectStore.save(dup, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two layers are named 'LINES'");
        assertThat(files()).isEmpty();
    }

    @Test
    void missingFolderIsAnIoError() {
        assertThatThrownBy(() -> ProjectStore.save(StoreFixtures.project(), dir.resolve("nope").resolve("p.gpkg")))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }

    @Test
    void newerSchemaIsRefusedClearly() throws Exception {
        Path file = dir.resolve("new.siteplan.gpkg");
        ProjectStore.save(StoreFixtures.project(), file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE siteplanner_meta SET value = '7' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> ProjectStore.open(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessage(file + ": written by a newer SitePlanner (schema 7; this version reads up to 1)");
    }

    @Test
    void plainGeoPackageIsNotAProject() {
        Path demo = StoreFixtures.maps().resolve("demo").resolve("demo.gpkg");
        assertThatThrownBy(() -> ProjectStore.open(demo)).isInstanceOf(ProjectFormatException.class)
                .hasMessage(demo + ": not a SitePlanner project (a plain GeoPackage: add its layers with Add Layer"
                        + " instead)");
    }

    @Test
    void otherFilesGiveTheReadersProblem() throws Exception {
        Path text = dir.resolve("notes.siteplan.gpkg");
        Files.writeString(text, "hello, this is not SQLite\n");
        assertThatThrownBy(() -> ProjectStore.open(text)).isInstanceOf(ProjectFormatException.class)
                .hasMessageStartingWith(text + ": not a GeoPackage");
        assertThatThrownBy(() -> ProjectStore.open(dir.resolve("missing.siteplan.gpkg")))
                .isInstanceOf(ProjectFormatException.class).hasMessage(dir.resolve("missing.siteplan.gpkg") + ": file not found");
    }

    @Test
    void damagedProjectTablesAreNamed() throws Exception {
        Path file = dir.resolve("d.siteplan.gpkg");
        ProjectStore.save(StoreFixtures.project(), file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE siteplanner_layers SET style = '{\"kind\":\"wavy\"}' WHERE name = 'lines'");
        }
        assertThatThrownBy(() -> ProjectStore.open(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("d.siteplan.gpkg: layer 'lines': unknown style kind 'wavy'");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE siteplanner_scenarios");
        }
        assertThatThrownBy(() -> ProjectStore.open(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("table siteplanner_scenarios is missing");
    }
}
