package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written as one: all new, or (when any content fails) all old, and no temp file left either way. */
class AtomicWriteAllTest {
    @TempDir
    Path dir;

    List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    LinkedHashMap<Path, AtomicWrite.Writer> three(String content, boolean lastFails) {
        LinkedHashMap<Path, AtomicWrite.Writer> m = new LinkedHashMap<>();
        m.put(dir.resolve("a.pgw"), t -> Files.writeString(t, content + " pgw", StandardCharsets.UTF_8));
        m.put(dir.resolve("a.prj"), t -> Files.writeString(t, content + " prj", StandardCharsets.UTF_8));
        m.put(dir.resolve("a.png"), t -> {
            Files.writeString(t, content + " png", StandardCharsets.UTF_8);
            if (lastFails) {
                throw new IOException("disk full");
            }
        });
        return m;
    }

    @Test
    void allNewWhenEveryContentIsWritten() throws Exception {
        AtomicWrite.writeAll(three("old", false));
        AtomicWrite.writeAll(three("new", false));

        assertThat(names()).containsExactly("a.pgw", "a.png", "a.prj");
        assertThat(Files.readString(dir.resolve("a.pgw"))).isEqualTo("new pgw");
        assertThat(Files.readString(dir.resolve("a.prj"))).isEqualTo("new prj");
        assertThat(Files.readString(dir.resolve("a.png"))).isEqualTo("new png");
    }

    @Test
    void allOldWhenTheLastContentFails() throws Exception {
        AtomicWrite.writeAll(three("old", false));

        assertThatThrownBy(() -> AtomicWrite.writeAll(three("new", true))).hasMessageContaining("disk full");

        assertThat(names()).as("no temp file left").containsExactly("a.pgw", "a.png", "a.prj");
        assertThat(Files.readString(dir.resolve("a.pgw"))).as("the side files are not replaced either").isEqualTo("old pgw");
        assertThat(Files.readString(dir.resolve("a.prj"))).isEqualTo("old prj");
        assertThat(Files.readString(dir.resolve("a.png"))).isEqualTo("old png");
    }

    @Test
    void aMissingFolderIsNamed() {
        LinkedHashMap<Path, AtomicWrite.Writer> m = new LinkedHashMap<>();
        m.put(dir.resolve("nope").resolve("x.png"), t -> Files.writeString(t, "x"));
        assertThatThrownBy(() -> AtomicWrite.writeAll(m)).hasMessageContaining("x.png").hasMessageContaining("does not exist");
    }
}
