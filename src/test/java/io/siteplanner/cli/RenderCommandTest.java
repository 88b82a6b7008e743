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
