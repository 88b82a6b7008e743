package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.Units;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.MapLayer;
import io.siteplanner.scoring.MemoryLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Site ids, scenario names and notes with XML specials and characters outside WinAnsi. */
class SpecialTextExportTest {
    static final String[] IDS = {"A & <B>", "Doña \"Ana\" ]]> \u2265 1", "tab\there", "\u5317\u4eac \uD83D\uDE80"};
    static ScoreResult result;
    static VectorLayer parcels;

    @BeforeAll
    static void score() {
        VectorLayer.Builder b = VectorLayer.builder("p").crs(Crs.decode("EPSG:5070"), 5070).schema(new Schema(List.of(
                new Field("site", FieldType.STRING), new Field("v", FieldType.REAL))));
        for (int i = 0; i < IDS.length; i++) {
            double x = 620000 + i * 1000;
            Geometry g = Geometries.FACTORY.toGeometry(new Envelope(x, x + 300, 1140000, 1140300));
            b.add(new Feature(i + 1, g, new Object[] {IDS[i], 10.0 * (i + 1)}));
        }
        parcels = b.build();
        result = ScenarioEvaluator.evaluate(ScenarioReader.parse("{\"schema\":\"siteplanner/scenario/v1\","
                + "\"name\":\"R&D <west> \u2014 \u2265 1 GW \u2192 \u6771\",\"campus\":{\"itLoadMw\":300},"
                + "\"analysisCrs\":\"EPSG:5070\",\"layers\":{\"p\":\"p\"},\"candidates\":\"p\",\"idField\":\"site\","
                + "\"criteria\":[{\"id\":\"acres\",\"kind\":\"area\",\"weight\":1,\"label\":\"Area \u2265 x\","
                + "\"transform\":{\"type\":\"linear\",\"direction\":\"benefit\"}},{\"id\":\"v\",\"kind\":\"attribute\","
                + "\"attribute\":\"v\",\"weight\":2,\"transform\":{\"type\":\"linear\",\"direction\":\"benefit\"}}],"
                + "\"constraints\":[{\"criterion\":\"v\",\"op\":\">\",\"value\":15,\"label\":\"v \u2265 15\"}]}"),
                new MemoryLayerSource().put("p", parcels), Progress.NONE).score();
    }

    static Shortlist shortlist() {
        Shortlist s = Shortlist.empty();
        for (String id : IDS) {
            s = s.add(new ShortlistEntry(id, "note for " + id + " \u2265 \u2264 \u00a0\u20ac\u0007", SiteStatus.VISIT, null));
        }
        return s;
    }

    @Test
    void kmlStaysWellFormedAndKeepsTheNames(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s.kml");
        SitesExport.export(result, null, SitesExport.Options.defaults().withShortlist(shortlist(), false),
                SitesExport.Format.KML, out, Progress.NONE);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile()); // throws when not well-formed
        VectorLayer l = FormatRegistry.standard().readVector(out, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(l.size()).isEqualTo(4);
        int name = l.schema().indexOf("Name");
        List<Object> names = l.features().stream().map(f -> f.value(name)).toList();
        assertThat(names).containsExactlyInAnyOrder((Object[]) IDS);
        assertThat(Files.readString(out)).contains("A &amp; &lt;B&gt;").doesNotContain("\u0007");
    }

    @Test
    void pdfReplacesCharactersTheFontCannotShow(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s.pdf");
        MapContent map = new MapContent(List.of(), MapLayer.prepare(parcels, DemoMap.displayCrs(), Progress.NONE));
        SitesExport.export(result, map, SitesExport.Options.defaults().withShortlist(shortlist(), false)
                .withDistanceUnit(Units.DistanceUnit.KM).withTitle("Project \u2116 5"), SitesExport.Format.PDF, out,
                Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3 + 4);
            String all = new PDFTextStripper().getText(doc);
            // the embedded Liberation Sans shows ≥, → and №; CJK and emoji become "?"
            assertThat(all).contains("R&D <west> \u2014 \u2265 1 GW \u2192 ?", "Site A & <B>",
                    "Doña \"Ana\" ]]> \u2265 1", "Site tab here", "v \u2265 15", "300 MW", "360 MW", "Project \u2116 5",
                    "\u20ac", "Site ?? ?");
        }
    }

    @Test
    void safeTextUsesStandInsAndQuestionMarks() {
        var font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
        assertThat(PdfText.safe(font, "a \u2265 b \u2014 Doña\n\u6771\uD83D\uDE80")).isEqualTo("a >= b \u2014 Doña ??");
        assertThat(PdfText.wrap(font, 10, "one two three four five six", 60)).hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(PdfText.width(font, 10, line)).isLessThanOrEqualTo(60));
    }
}
