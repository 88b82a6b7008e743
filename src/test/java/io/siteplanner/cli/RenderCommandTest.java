package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @Test
    void rendersTheScoredDemoToAPng(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("map.png");
        CliTest.Run r = CliTest.run("render", "--demo", "--out", out.toString(), "--width", "400", "--height", "300",
                "--bbox=-90.45,32.33,-89.65,32.92");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("749 sites scored"); // ogrinfo -so maps/demo/demo.gpkg cells_in: 749
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getHeight()).isEqualTo(300);
        // the map is not blank: many distinct colours (basemap, price zone, parcels, lines)
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 300; y += 3) {
            for (int x = 0; x < 400; x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(20);
        try (var files = Files.list(tmp)) {
            // the image with its world file and .prj; no temp file left behind
            assertThat(files).containsExactlyInAnyOrder(out, tmp.resolve("map.pgw"), tmp.resolve("map.prj"));
        }
    }

    @Test
    void aProjectIsDrawnWithItsOwnStyles(@TempDir Path tmp) throws Exception {
        // a copy of the demo whose top polygon layer (utility territories) is filled pure magenta, one colour for
        // all: the render must show that fill
        java.awt.Color magenta = new java.awt.Color(255, 0, 255);
        io.siteplanner.project.Project demo = io.siteplanner.store.ProjectStore.open(Path.of("maps", "demo.siteplan.gpkg"));
        java.util.List<io.siteplanner.project.ProjectLayer> layers = new java.util.ArrayList<>();
        for (io.siteplanner.project.ProjectLayer l : demo.layers()) {
            layers.add(l.name().equals("territories") ? new io.siteplanner.project.ProjectLayer(l.name(), l.role(),
                    l.layer(), io.siteplanner.model.style.LayerStyle.single(magenta.getRGB(), magenta.getRGB(), 1, 0),
                    l.visible(), 1) : l);
        }
        Path project = tmp.resolve("magenta.siteplan.gpkg");
        io.siteplanner.store.ProjectStore.save(new io.siteplanner.project.Project(demo.title(), layers, demo.scenarios(),
                demo.activeScenario(), demo.shortlist(), demo.notes(), demo.view()), project);
        Path out = tmp.resolve("p.png");
        CliTest.Run r = CliTest.run("render", "--project", project.toString(), "--out", out.toString(), "--width", "300",
                "--height", "200", "--bbox=-87.2,39.0,-85.5,40.5", "--no-basemap");
        assertThat(r.code).as(r.err).isZero();
        Path demoOut = tmp.resolve("d.png");
        CliTest.Run d = CliTest.run("render", "--demo", "--out", demoOut.toString(), "--width", "300", "--height", "200",
                "--bbox=-87.2,39.0,-85.5,40.5", "--no-basemap");
        assertThat(d.code).as(d.err).isZero();
        // the bbox lies inside Indiana, mostly covered by the territories (HIFLD), away from the cells; the
        // legend, lines, points and county outlines cover the rest
        assertThat(magenta(ImageIO.read(out.toFile()))).isGreaterThan(300 * 200 / 10);
        assertThat(magenta(ImageIO.read(demoOut.toFile()))).as("the demo's own styles have no magenta").isZero();
    }

    static int magenta(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0xff00ff) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void badBboxIsAUsageErrorAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("map.png");
        CliTest.Run r = CliTest.run("render", "--demo", "--out", out.toString(), "--bbox", "1,2,3");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).startsWith("error: --bbox needs 4 numbers");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void needsExactlyOneSource(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("render", "--out", tmp.resolve("x.png").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--demo").contains("--scenario");
    }

    @Test
    void rendersAScenarioOfItsOwn(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("s.png");
        Path scenario = io.siteplanner.TestData.fixture("scoring/scenario.json");
        CliTest.Run r = CliTest.run("render", "--scenario", scenario.toString(), "--out", out.toString(), "--width",
                "320", "--height", "240", "--no-basemap");
        assertThat(r.code).as(r.err).isZero();
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(320);
    }
}
