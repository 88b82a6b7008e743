package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo project (two states, one candidate-cell layer per scenario) exports its map and report:
 * the map uses the cells its active scenario scored, not another scenario's (a 749-site result drawn on the
 * 530 Mississippi cells used to fail). The expected top site comes from `score` on the same scenario file.
 */
class DemoProjectExportTest {
    static final String PROJECT = "maps/demo.siteplan.gpkg";

    @Test
    void theDemoProjectExportsItsReportAndMap(@TempDir Path dir) throws Exception {
        CliTest.Run score = CliTest.run("score", "--scenario", "maps/demo/scenario-1gw-in.json", "--top", "1");
        assertThat(score.code).as(score.err).isZero();
        String top = score.out.lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow().trim().split("\\s+")[1];

        Path pdf = dir.resolve("report.pdf");
        CliTest.Run r = CliTest.run("export", "--project", PROJECT, "--out", pdf.toString());
        assertThat(r.code).as(r.err).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(top);
            // the overview page's legend is text under the map: the score classes as the map colours them (the
            // passing sites' range, from score's own figures), the layers with their units; no 0-1 colour bar
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            String overview = page2.getText(doc);
            double best = Double.parseDouble(score.out.lines().filter(l -> l.trim().startsWith("1 ")).findFirst()
                    .orElseThrow().trim().split("\\s+")[2]);
            assertThat(overview).startsWith("Overview map").contains("cells_in (score)")
                    .contains(String.format(java.util.Locale.ROOT, "%.3f (best)", best)).contains("fails a constraint")
                    .contains("lowest passing").contains("kV").doesNotContain("(0-1):");
        }
        Path png = dir.resolve("map.png");
        r = CliTest.run("export", "--project", PROJECT, "--format", "png", "--out", png.toString(), "--width", "400",
                "--height", "300");
        assertThat(r.code).as(r.err).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(400);
    }
}
