package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.render.DemoMap;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.w3c.dom.Document;

/** Every export format of the demo scenario (280 parcels), read back with our own readers. */
class SitesExportTest {
    static final Path SCENARIO = Path.of("src/test/resources/fixtures/parcels-demo/scenario-1gw.json");
    static ScoringSession session;
    static ScoreResult result;
    static MapContent map;
    static Shortlist shortlist;
    /** Site ids of ranks 1..280. */
    static List<String> ranked = new ArrayList<>();

    @BeforeAll
    static void scoreDemo() throws Exception {
        Scenario s = ScenarioReader.read(SCENARIO);
        Path base = SCENARIO.toAbsolutePath().getParent();
        session = ScenarioEvaluator.evaluate(s, new FileLayerSource(base), Progress.NONE);
        result = session.score();
        map = MapContent.of(DemoMap.scenarioLayers(s, base, session, Progress.NONE));
        for (int p = 0; p < result.size(); p++) {
            ranked.add(String.valueOf(session.id(result.siteAt(p))));
        }
        // ranks 2, 7 and 40, added out of rank order, plus an id that is not a site
        shortlist = Shortlist.empty()
                .add(new ShortlistEntry(ranked.get(39), "Doña Ana road access \u2014 check \u2265 345 kV, \"A & <B>\"",
                        SiteStatus.REJECTED, Instant.EPOCH))
                .add(new ShortlistEntry(ranked.get(1), "visit in May, line 1\nline 2", SiteStatus.VISIT, Instant.EPOCH))
                .add(new ShortlistEntry(ranked.get(6), "", SiteStatus.CANDIDATE, Instant.EPOCH))
                .add(new ShortlistEntry("NOT-A-SITE", "ghost", SiteStatus.CANDIDATE, Instant.EPOCH));
    }

    static SitesExport.Options opts() {
        return SitesExport.Options.defaults().withDistanceUnit(Units.DistanceUnit.MILES);
    }

    static VectorLayer read(Path p) throws Exception {
        return FormatRegistry.standard().readVector(p, ReadOptions.DEFAULT, Progress.NONE);
    }

    static List<String> column(VectorLayer l, String name) {
        int i = l.schema().indexOf(name);
        assertThat(i).as(name + " in " + l.schema().names()).isGreaterThanOrEqualTo(0);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < l.size(); k++) {
            Object v = l.get(k).value(i);
            out.add(v == null ? null : String.valueOf(v));
        }
        return out;
    }

    /** Same sites in rank order, same scores and ranks as the result. */
    static void assertRanked(VectorLayer l, int expected) {
        assertThat(l.size()).isEqualTo(expected);
        assertThat(column(l, "parcel_id")).containsExactlyElementsOf(ranked.subList(0, expected));
        int score = l.schema().indexOf("score");
        int rank = l.schema().indexOf("rank");
        for (int k = 0; k < expected; k++) {
            int site = result.siteAt(k);
            assertThat(l.get(k).number(score)).isCloseTo(result.score(site), org.assertj.core.data.Offset.offset(1e-12));
            assertThat((long) l.get(k).number(rank)).isEqualTo(k + 1);
        }
    }

    @Test
    void demoHas280SitesAnd21Passing() {
        assertThat(result.size()).isEqualTo(280);
        assertThat(result.passedCount()).isEqualTo(21);
    }

    @Test
    void passingSitesComeFirstInTheRankingEveryOutputFollowsEvenWhenAFailingSiteScoresHigher(@TempDir Path dir)
            throws Exception {
        int passed = result.passedCount();
        assertThat(passed).isBetween(1, result.size() - 1);
        double lowestPassing = Double.POSITIVE_INFINITY;
        for (int p = 0; p < passed; p++) {
            assertThat(result.passed(result.siteAt(p))).isTrue();
            lowestPassing = Math.min(lowestPassing, result.score(result.siteAt(p)));
        }
        double bestFailing = 0;
        for (int p = passed; p < result.size(); p++) {
            assertThat(result.passed(result.siteAt(p))).isFalse();
            bestFailing = Math.max(bestFailing, result.score(result.siteAt(p)));
        }
        // a score-sorted output would put a failing site above a passing one
        assertThat(bestFailing).isGreaterThan(lowestPassing);
        // the exports follow the ranking (the other tests check every format's order against `ranked`)
        Path out = dir.resolve("sites.csv");
        SitesExport.export(result, null, opts(), SitesExport.Format.CSV, out, Progress.NONE);
        List<String> ok = column(read(out), "passed");
        assertThat(ok.subList(0, passed)).containsOnly("true");
        assertThat(ok.subList(passed, ok.size())).containsOnly("false");
    }

    @Test
    void csvHasRawValuesContributionsNotesAndReadsBackAsPoints(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sites.csv");
        SitesExport.export(result, null, opts().withShortlist(shortlist, false), SitesExport.Format.CSV, out, Progress.NONE);
        String head = Files.readAllLines(out).get(0);
        assertThat(head).startsWith("rank,parcel_id,score,acres,d_sub,d_line,price,land,headroom,ic,energy,tco,passed,reasons,"
                + "acres_contrib,d_sub_contrib").endsWith("tco_contrib,status,note,lon,lat");
        VectorLayer l = read(out);
        assertRanked(l, 280);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.bounds().getMinX()).isBetween(-91.0, -85.0);
        // contributions of a weighted sum add up to the score
        int first = l.schema().indexOf("acres_contrib");
        for (int k = 0; k < 280; k += 37) {
            double sum = 0;
            for (int c = 0; c < 9; c++) {
                sum += l.get(k).number(first + c);
            }
            assertThat(sum).isCloseTo(result.score(result.siteAt(k)), org.assertj.core.data.Offset.offset(1e-9));
        }
        List<String> status = column(l, "status");
        List<String> note = column(l, "note");
        assertThat(status.get(1)).isEqualTo("visit");
        assertThat(note.get(1)).isEqualTo("visit in May, line 1\nline 2");
        assertThat(status.get(39)).isEqualTo("rejected");
        assertThat(note.get(39)).contains("Doña", "\u2265", "\"A & <B>\"");
        assertThat(status.get(0)).isNull();
        assertThat(column(l, "reasons").get(279)).contains("acres");
    }

    @Test
    void shortlistOnlyKeepsOverallRanksInRankOrder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("short.geojson");
        SitesExport.export(result, null, opts().withShortlist(shortlist, true), SitesExport.Format.GEOJSON, out,
                Progress.NONE);
        VectorLayer l = read(out);
        assertThat(l.size()).isEqualTo(3);
        assertThat(column(l, "parcel_id")).containsExactly(ranked.get(1), ranked.get(6), ranked.get(39));
        assertThat(column(l, "rank")).containsExactly("2", "7", "40");
        assertThat(column(l, "status")).containsExactly("visit", "candidate", "rejected");
        assertThat(SitesExport.table(result, opts().withShortlist(shortlist, true)).unmatched()).isEqualTo(1);
    }

    @Test
    void geoJsonReadsBackInWgs84(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sites.geojson");
        SitesExport.export(result, null, opts(), SitesExport.Format.GEOJSON, out, Progress.NONE);
        VectorLayer l = read(out);
        assertRanked(l, 280);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(l.schema().names()).contains("d_sub_contrib").doesNotContain("status", "note", "lon");
        // expected extent from ogrinfo of this export: (-90.377858, 32.330601) - (-86.120807, 41.984793)
        assertThat(l.bounds().getMinX()).isCloseTo(-90.377858, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(l.bounds().getMaxY()).isCloseTo(41.984793, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void geoPackagePassesSpecChecksAndReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sites.gpkg");
        SitesExport.export(result, null, opts().withShortlist(shortlist, false).withTop(50), SitesExport.Format.GPKG, out,
                Progress.NONE);
        byte[] head = Arrays.copyOf(Files.readAllBytes(out), 72);
        assertThat(new String(head, 0, 16, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
        assertThat(ByteBuffer.wrap(head, 68, 4).getInt()).isEqualTo(0x47504B47); // application_id 'GPKG'
        assertThat(ByteBuffer.wrap(head, 60, 4).getInt()).isEqualTo(10300); // user_version 1.3
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT table_name, data_type, identifier, min_x, max_y, srs_id FROM gpkg_contents");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("sites");
            assertThat(rs.getString(2)).isEqualTo("features");
            assertThat(rs.getDouble(4)).isLessThan(rs.getDouble(5));
            assertThat(rs.getInt(6)).isEqualTo(5070);
            assertThat(rs.next()).isFalse();
            rs = st.executeQuery("SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns"
                    + " WHERE table_name = 'sites'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("geom");
            assertThat(rs.getString(2)).isIn("POLYGON", "MULTIPOLYGON");
            assertThat(rs.getInt(3)).isEqualTo(5070);
            assertThat(rs.getInt(4)).isZero();
            rs = st.executeQuery("SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id");
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            assertThat(ids).containsExactly(-1, 0, 4326, 5070);
            // required columns of the spec's tables
            rs = st.executeQuery("SELECT group_concat(name) FROM pragma_table_info('gpkg_spatial_ref_sys')");
            assertThat(rs.getString(1)).isEqualTo("srs_name,srs_id,organization,organization_coordsys_id,definition,description");
            rs = st.executeQuery("SELECT count(*), count(DISTINCT rank), sum(note IS NOT NULL), sum(status IS NOT NULL) FROM sites");
            assertThat(rs.getInt(1)).isEqualTo(50);
            assertThat(rs.getInt(2)).isEqualTo(50);
            assertThat(rs.getInt(3)).isEqualTo(2); // ranks 2 and 40; the empty note of rank 7 is NULL
            assertThat(rs.getInt(4)).isEqualTo(3);
            rs = st.executeQuery("SELECT geom, status FROM sites WHERE rank = 2");
            assertThat(rs.getString(2)).isEqualTo("visit");
            byte[] blob = rs.getBytes(1);
            assertThat(new String(blob, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GP");
            assertThat(blob[2]).isZero(); // version 1
            assertThat(blob[3] & 0x0e).isEqualTo(0x02); // envelope [minx, maxx, miny, maxy]
            assertThat(blob[3] & 0x01).isEqualTo(1); // little endian
            assertThat(ByteBuffer.wrap(blob, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(5070);
            Geometry g = new WKBReader().read(Arrays.copyOfRange(blob, 40, blob.length));
            assertThat(ByteBuffer.wrap(blob, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble())
                    .isEqualTo(g.getEnvelopeInternal().getMinX());
            assertThat(g.getArea() / 4046.8564224).as("acres").isCloseTo(session.raw(0)[result.siteAt(1)],
                    org.assertj.core.data.Offset.offset(0.01));
        }
        VectorLayer l = read(out);
        assertRanked(l, 50);
        assertThat(l.epsg()).isEqualTo(5070);
        assertThat(column(l, "note").get(39)).contains("Doña");
    }

    @Test
    void kmlIsWellFormedAndReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sites.kml");
        SitesExport.export(result, null, opts().withShortlist(shortlist, false), SitesExport.Format.KML, out, Progress.NONE);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(out.toFile());
        String ns = "http://www.opengis.net/kml/2.2";
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
        assertThat(d.getElementsByTagNameNS(ns, "Placemark").getLength()).isEqualTo(280);
        assertThat(d.getElementsByTagNameNS(ns, "Style").getLength()).isEqualTo(6);
        String kml = Files.readString(out);
        // best class is green #1a9850-ish, in aabbggrr; failed sites grey
        assertThat(kml).contains("<styleUrl>#score-5</styleUrl>").contains("<styleUrl>#failed</styleUrl>")
                .contains("<color>b4" + kmlBgr(SitesKmlWriter.classColor(5)) + "</color>");
        VectorLayer l = read(out);
        assertThat(l.size()).isEqualTo(280);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(column(l, "Name")).containsExactlyElementsOf(ranked);
        assertRanked(l, 280);
        String desc = column(l, "description").get(0);
        assertThat(desc).contains("<table", "1 of 280", " ac (contributes", " mi (contributes", "<td>$", " MW");
        assertThat(column(l, "note").get(39)).contains("\"A & <B>\"");
        assertThat(column(l, "passed").get(0)).isEqualTo("true");
        assertThat(column(l, "passed").get(279)).isEqualTo("false");
        assertThat(kml).contains("<SimpleData name=\"passed\">1</SimpleData>"); // 1/0: GDAL reads no true/false
        assertThat(l.bounds().getMinX()).isCloseTo(-90.377858, org.assertj.core.data.Offset.offset(1e-4));
    }

    private static String kmlBgr(int argb) {
        return SitesKmlWriter.kmlColor(argb).substring(2);
    }

    @Test
    void kmlColoursAreAabbggrr() {
        assertThat(SitesKmlWriter.kmlColor(0x80112233)).isEqualTo("80332211");
        io.siteplanner.render.ScoreLegend l = new io.siteplanner.render.ScoreLegend(0.5, 1.0, 5);
        assertThat(l.classOf(1)).isEqualTo(5);
        assertThat(l.classOf(0.5)).isEqualTo(1);
        assertThat(l.classOf(0.75)).isEqualTo(3);
        assertThat(l.classOf(0.6)).isEqualTo(2); // [0.6, 0.7): the lower bound belongs to the class
        assertThat(l.label(5)).isEqualTo("0.900 \u2013 1.000 (best)");
        assertThat(l.label(2)).isEqualTo("0.600 \u2013 0.700");
    }

    @Test
    void pdfWithoutShortlistHasTitleMapTableAndTop5Pages(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.pdf");
        SitesExport.export(result, map, opts().withTitle("Demo project"), SitesExport.Format.PDF, out, Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(8).isEqualTo(PdfReport.pageCount(result, map, null, false, 0));
            String title = text(doc, 1);
            assertThat(title).contains("1 GW AI campus (demo)", "Demo project", "1,000 MW", "1,200 MW", "1.20", "85.0 %",
                    "1,000.0 ac", "15 years", "8.0 %", "Weighted sum", "acres >= 1,000", "30.0 %");
            assertThat(doc.getPage(1).getResources().getXObjectNames()).isNotEmpty(); // the overview map image
            String table = text(doc, 3);
            int prev = -1;
            for (String id : ranked.subList(0, 25)) {
                int at = table.indexOf(id + " ");
                assertThat(at).as(id + " after the previous site").isGreaterThan(prev);
                prev = at;
            }
            assertThat(table).doesNotContain(ranked.get(25) + " ");
            for (int p = 0; p < 5; p++) {
                String page = text(doc, 4 + p);
                assertThat(page).contains("Site " + ranked.get(p), "Rank " + (p + 1) + " of 280", "Score breakdown",
                        "Interconnection capex", "$", " mi");
            }
        }
    }

    @Test
    void pdfWithShortlistHasOnePagePerShortlistedSiteWithItsNote(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("short.pdf");
        SitesExport.export(result, map, opts().withShortlist(shortlist, false).withTop(40), SitesExport.Format.PDF, out,
                Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            // title, map, 40 rows on 2 table pages, 3 site pages
            assertThat(doc.getNumberOfPages()).isEqualTo(7).isEqualTo(PdfReport.pageCount(result, map, shortlist, false, 40));
            assertThat(text(doc, 4)).contains(ranked.get(39));
            String p5 = text(doc, 5);
            assertThat(p5).contains("Site " + ranked.get(1), "visit in May, line 1", "line 2", "status: visit");
            assertThat(text(doc, 6)).contains("Site " + ranked.get(6), "(no note)");
            String p7 = text(doc, 7);
            // the embedded font shows "≥", "Doña" and "—"
            assertThat(p7).contains("Site " + ranked.get(39), "Doña Ana road access \u2014 check \u2265 345 kV",
                    "\"A & <B>\"", "status: rejected", "fails: acres");
        }
    }

    static String text(PDDocument doc, int page) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    @Test
    void pngHasTheChosenSize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("map.png");
        SitesExport.export(result, map, opts().withSize(640, 400), SitesExport.Format.PNG, out, Progress.NONE);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(400);
        // something was drawn besides the background
        int bg = io.siteplanner.render.DefaultStyles.BACKGROUND & 0xffffff;
        long other = 0;
        for (int y = 0; y < 400; y += 4) {
            for (int x = 0; x < 640; x += 4) {
                if ((img.getRGB(x, y) & 0xffffff) != bg) {
                    other++;
                }
            }
        }
        assertThat(other).isGreaterThan(100);
    }

    @Test
    void failuresLeaveNoPartialFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("keep.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicWrite.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new java.io.IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        // a missing folder
        assertThatThrownBy(() -> SitesExport.export(result, null, opts(), SitesExport.Format.KML,
                dir.resolve("nope/sites.kml"), Progress.NONE)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("does not exist");
        // cancelled half-way through every streamed format: nothing left behind, old file intact
        for (SitesExport.Format f : List.of(SitesExport.Format.CSV, SitesExport.Format.GEOJSON, SitesExport.Format.GPKG,
                SitesExport.Format.KML, SitesExport.Format.PDF)) {
            Path t = dir.resolve("keep." + f.extension());
            Files.writeString(t, "old");
            assertThatThrownBy(() -> SitesExport.export(result, map, opts(), f, t, cancelAfter(0)))
                    .as(f.toString()).isInstanceOf(CancelledException.class);
            assertThat(Files.readString(t)).isEqualTo("old");
        }
        // PNG without a map is refused before anything is written
        assertThatThrownBy(() -> SitesExport.export(result, null, opts(), SitesExport.Format.PNG, dir.resolve("m.png"),
                Progress.NONE)).isInstanceOf(IllegalArgumentException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("keep.csv",
                    "keep.geojson", "keep.gpkg", "keep.kml", "keep.pdf");
        }
    }

    /** A progress that reports cancelled after n checks. */
    static Progress cancelAfter(int n) {
        return new Progress() {
            int calls;

            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return ++calls > n;
            }
        };
    }
}
