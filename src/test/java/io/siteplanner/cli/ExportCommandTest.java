package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    static final String DEMO = "src/test/resources/fixtures/parcels-demo/scenario-1gw.json";

    @Test
    void writesEveryFormat(@TempDir Path dir) throws Exception {
        for (String f : List.of("csv", "geojson", "gpkg", "kml")) {
            Path out = dir.resolve("sites." + f);
            CliTest.Run r = CliTest.run("export", "--scenario-file", DEMO, "--format", f, "--out", out.toString(),
                    "--top", "12");
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.out).contains("wrote " + out, "12 sites");
            VectorLayer l = FormatRegistry.standard().readVector(out, ReadOptions.DEFAULT, Progress.NONE);
            assertThat(l.size()).as(f).isEqualTo(12);
            assertThat(l.schema().names()).as(f).contains("rank", "parcel_id", "score", "acres", "acres_contrib", "reasons");
        }
        Path pdf = dir.resolve("report.pdf");
        CliTest.Run r = CliTest.run("export", "--scenario-file", DEMO, "--out", pdf.toString(), "--no-basemap");
        assertThat(r.code).as(r.err).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(8);
        }
        Path png = dir.resolve("map.png");
        r = CliTest.run("export", "--scenario-file", DEMO, "--format", "png", "--out", png.toString(), "--width", "300",
                "--height", "200", "--no-basemap");
        assertThat(r.code).as(r.err).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(200);
    }

    @Test
    void badUsageExitsTwoWithOneErrorLine(@TempDir Path dir) {
        String out = dir.resolve("x.csv").toString();
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--format", "docx", "--out", dir.resolve("x.docx").toString()),
                "unsupported format 'docx'");
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--out", dir.resolve("x.txt").toString()),
                "cannot tell the format");
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--format", "kml", "--out", out),
                "extension does not match");
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--out", dir.resolve("no/such/x.csv").toString()),
                "folder does not exist");
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--out", out, "--top", "0"), "--top");
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--out", out, "--shortlist"), "--shortlist needs --project");
        assertUsage(CliTest.run("export", "--scenario-file", "nope.json", "--out", out), "nope.json");
        assertUsage(CliTest.run("export", "--out", out), "--project");
        assertUsage(CliTest.run("export", "--scenario-file", DEMO, "--out", dir.toString() + "/x.png", "--width", "5"),
                "--width");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void missingProjectIsAUsageError(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("export", "--project", dir.resolve("nope.siteplan.gpkg").toString(), "--out",
                dir.resolve("x.csv").toString());
        assertUsage(r, "nope.siteplan.gpkg");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void exportsTheShortlistOfAProjectWithNotes(@TempDir Path dir) throws Exception {
        // a copy of the demo project with two shortlisted sites
        Path project = dir.resolve("p.siteplan.gpkg");
        var p = io.siteplanner.store.ProjectStore.open(java.nio.file.Paths.get("maps", "demo.siteplan.gpkg"));
        p = p.withShortlist(io.siteplanner.project.Shortlist.empty()
                .add(new io.siteplanner.project.ShortlistEntry("h1000_r1125_c347", "visit in May", null, null))
                .add(new io.siteplanner.project.ShortlistEntry("h1000_r1126_c347", "ask I&M", null, null)));
        io.siteplanner.store.ProjectStore.save(p, project);
        Path out = dir.resolve("short.csv");
        CliTest.Run r = CliTest.run("export", "--project", project.toString(), "--shortlist", "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        java.util.List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("status").contains("note");
        // ranked by the active scenario (1 GW, Indiana): `score --scenario maps/demo/scenario-1gw-in.json` ranks
        // h1000_r1126_c347 first and h1000_r1125_c347 third
        assertThat(lines.get(1)).startsWith("1,h1000_r1126_c347,").contains("ask I&M");
        assertThat(lines.get(2)).startsWith("3,h1000_r1125_c347,").contains("visit in May");
        // the other scenario of the project, by name
        Path out2 = dir.resolve("s300.csv");
        CliTest.Run r2 = CliTest.run("export", "--project", project.toString(), "--scenario", "300 MW campus, Mississippi (fast power)",
                "--out", out2.toString(), "--top", "3");
        assertThat(r2.code).as(r2.err).isZero();
        assertThat(java.nio.file.Files.readAllLines(out2)).hasSize(4);
        CliTest.Run bad = CliTest.run("export", "--project", project.toString(), "--scenario", "nope", "--out",
                dir.resolve("y.csv").toString());
        assertUsage(bad, "no scenario named 'nope'");
    }

    static void assertUsage(CliTest.Run r, String message) {
        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err.lines().filter(l -> l.startsWith("error: ")).count()).as(r.err).isEqualTo(1);
        assertThat(r.err).contains(message).doesNotContain("Exception");
    }
}
