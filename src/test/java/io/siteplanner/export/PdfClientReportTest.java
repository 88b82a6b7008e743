package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.decision.RobustnessSpec;
import io.siteplanner.scoring.decision.Variation;
import io.siteplanner.scoring.decision.WeightModel;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The PDF a client receives, on a small fixture written here (four ~2 km square parcels: two near Jackson,
 * Mississippi and two near Indianapolis, Indiana; a price zone; substations) drawn over the bundled
 * basemap: embedded fonts, units beside every value, the overview zoomed to the report's sites (one panel
 * per area), locator insets, site coordinates and county. Expected counties come from GDAL
 * ({@code ogrinfo maps/basemap/us_counties.geojson -dialect SQLite -sql "... ST_Contains(geometry,
 * MakePoint(lon, lat))"}: Hinds and Madison, Mississippi; Marion, Indiana).
 */
class PdfClientReportTest {
    /** Parcel centres (lon, lat) and land prices ($/acre). */
    static final double[][] SITES = {{-90.25, 32.30, 7700}, {-90.00, 32.50, 12345}, {-86.15, 39.77, 9100},
        {-86.20, 39.80, 15000}};
    static final double PRICE = 65.5;
    static final double HALF = 0.01; // degrees: parcels ~1.9 x 2.2 km

    @TempDir
    static Path dir;
    static ScoringSession session;
    static ScoreResult result;
    static MapContent map;

    @BeforeAll
    static void fixture() throws Exception {
        StringBuilder sites = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        StringBuilder subs = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < SITES.length; i++) {
            double x = SITES[i][0];
            double y = SITES[i][1];
            sites.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":"
                    + "{\"id\":\"%s\",\"land_usd_acre\":%.0f,\"county\":%s,\"state\":%s},\"geometry\":{\"type\":"
                    + "\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}",
                    "S" + (char) ('A' + i), SITES[i][2], i == 1 ? "\"Madison\"" : "null", i == 1 ? "\"MS\"" : "null",
                    x - HALF, y - HALF, x + HALF, y - HALF, x + HALF, y + HALF, x - HALF, y + HALF, x - HALF, y - HALF));
            subs.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":"
                    + "{\"kv\":345},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%f,%f]}}", x + 0.05 * (i + 1), y));
        }
        Files.writeString(dir.resolve("sites.geojson"), sites + "]}");
        Files.writeString(dir.resolve("subs.geojson"), subs + "]}");
        Files.writeString(dir.resolve("zones.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                + "\"Feature\",\"properties\":{\"price_usd_mwh\":" + PRICE + "},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-95,30],[-80,30],[-80,45],[-95,45],[-95,30]]]}}]}");
        Files.writeString(dir.resolve("scenario.json"), """
                {"schema": "siteplanner/scenario/v1", "name": "Fixture campus",
                 "campus": {"itLoadMw": 100, "pue": 1.2, "utilization": 0.8, "minAcres": 500, "years": 10,
                            "discountRate": 0.07},
                 "analysisCrs": "EPSG:5070",
                 "layers": {"sites": {"path": "sites.geojson"}, "subs": {"path": "subs.geojson"},
                            "zones": {"path": "zones.geojson"}},
                 "candidates": "sites", "idField": "id",
                 "criteria": [
                   {"id": "acres", "kind": "area", "label": "Parcel area", "weight": 0.2},
                   {"id": "d_sub", "kind": "distance", "layer": "subs", "label": "Distance to a substation",
                    "transform": {"type": "linear", "direction": "cost"}, "weight": 0.4},
                   {"id": "price", "kind": "zoneAttribute", "layer": "zones", "attribute": "price_usd_mwh",
                    "label": "Power price", "transform": {"type": "linear", "direction": "cost"}, "weight": 0.2},
                   {"id": "land", "kind": "attribute", "attribute": "land_usd_acre", "label": "Land price",
                    "transform": {"type": "linear", "direction": "cost"}, "weight": 0.2}],
                 "constraints": [{"criterion": "acres", "op": ">=", "value": 500, "label": "acres"}],
                 "method": {"type": "weightedSum"}}
                """);
        Scenario s = ScenarioReader.read(dir.resolve("scenario.json"));
        session = ScenarioEvaluator.evaluate(s, new FileLayerSource(dir), Progress.NONE);
        result = session.score();
        List<StyledLayer> layers = new ArrayList<>(DemoMap.basemap(Path.of("maps/basemap/us_states.geojson"),
                Path.of("maps/basemap/us_counties.geojson"), Progress.NONE));
        layers.addAll(DemoMap.scenarioLayers(s, dir, session, Progress.NONE));
        map = MapContent.of(layers);
    }

    static SitesExport.Options opts() {
        return SitesExport.Options.defaults().withDistanceUnit(Units.DistanceUnit.KM);
    }

    static Path report(String name, SitesExport.Options o) throws Exception {
        Path out = dir.resolve(name);
        SitesExport.export(result, map, o, SitesExport.Format.PDF, out, Progress.NONE);
        return out;
    }

    static String text(PDDocument d, int from, int to) throws Exception {
        PDFTextStripper t = new PDFTextStripper();
        t.setStartPage(from);
        t.setEndPage(to);
        return t.getText(d);
    }

    static int site(String id) {
        for (int i = 0; i < session.size(); i++) {
            if (String.valueOf(session.id(i)).equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void everyFontOfTheReportAndItsDecisionPagesIsEmbedded() throws Exception {
        Path out = dir.resolve("decision.pdf");
        RobustnessSpec spec = new RobustnessSpec(200, 3, 3, 4, WeightModel.around(result.weights(), 0.25),
                List.of(new Variation("price", 0.05)), Variation.Shape.UNIFORM, 4);
        List<Integer> sites = DecisionReport.detailSites(result, null);
        DecisionReport rep = DecisionReport.build(result, sites, spec, null,
                SourceAudit.of(session.scenario(), dir, null), Progress.NONE);
        PdfDecisionPages.export(result, map, opts(), rep, out, Progress.NONE);
        try (PDDocument d = Loader.loadPDF(new File(out.toString()))) {
            int fonts = 0;
            for (PDPage p : d.getPages()) {
                for (COSName n : p.getResources().getFontNames()) {
                    PDFont f = p.getResources().getFont(n);
                    assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                    assertThat(f.getName()).contains("LiberationSans");
                    fonts++;
                }
            }
            assertThat(fonts).isGreaterThanOrEqualTo(d.getNumberOfPages());
            assertThat(text(d, 1, d.getNumberOfPages())).contains("Audit: data sources").contains("price ±5%");
        }
    }

    @Test
    void valuesCarryTheirUnitsInTheTableAndOnTheSitePages() throws Exception {
        try (PDDocument d = Loader.loadPDF(new File(report("units.pdf", opts()).toString()))) {
            String all = text(d, 1, d.getNumberOfPages());
            String table = text(d, 3, 3);
            int land = session.criterionIndex("land");
            int acres = session.criterionIndex("acres");
            for (int p = 0; p < result.size(); p++) {
                int i = result.siteAt(p);
                // expected strings formatted here from the raw inputs of the fixture
                String landText = String.format(Locale.ROOT, "$%,.0f/acre", session.raw(land)[i]);
                assertThat(SITES[(session.id(i).toString().charAt(1) - 'A')][2]).isEqualTo(session.raw(land)[i]);
                String line = table.lines().filter(l -> l.contains(session.id(i) + " ")).findFirst().orElseThrow();
                assertThat(line).contains(String.format(Locale.ROOT, "$%.2f/MWh", PRICE)).contains(landText)
                        .contains(String.format(Locale.ROOT, "%,.1f ac", session.raw(acres)[i])).contains(" km");
            }
            assertThat(table).contains("Score (0-1)");
            assertThat(all).contains("acres >= 500.0 ac").contains("100 MW").contains("10 years").contains("7.0 %")
                    .contains("Power price").contains("$65.50/MWh");
            // no price or land value without its unit anywhere
            assertThat(Pattern.compile("(?<![$\\d,.])65\\.50(?!/MWh)").matcher(all).find()).isFalse();
        }
    }

    @Test
    void overviewIsZoomedToTheReportsSitesOnePanelPerAreaWithLocatorInsets() throws Exception {
        List<Viewport> panels = PdfReport.overviewViewports(result, map, null, false, 0);
        assertThat(panels).hasSize(2); // Mississippi and Indiana lie ~850 km apart
        Envelope states = map.layers().get(0).layer().bounds();
        for (int i = 0; i < session.size(); i++) {
            Envelope e = map.candidates().display().get(i).geometry().getEnvelopeInternal();
            assertThat(panels.stream().anyMatch(v -> v.envelope().contains(e))).as("site %d on a panel", i).isTrue();
        }
        for (Viewport v : panels) {
            Envelope e = v.envelope();
            double groundKm = e.getWidth() * Math.cos(Math.toRadians(WebMercator.lat(e.centre().y))) / 1000;
            assertThat(groundKm).isBetween(15.0, 120.0); // the area's sites with a margin, at least 20 km tall
            assertThat(e.getArea()).isLessThan(states.getArea() / 500);
        }
        // a shortlist of the two Mississippi sites: one panel around them
        Shortlist sl = Shortlist.empty().add(new ShortlistEntry("SA", "", SiteStatus.CANDIDATE, Instant.EPOCH))
                .add(new ShortlistEntry("SB", "", SiteStatus.CANDIDATE, Instant.EPOCH));
        List<Viewport> one = PdfReport.overviewViewports(result, map, sl, true, 0);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).envelope().contains(map.candidates().display().get(site("SA")).geometry()
                .getEnvelopeInternal())).isTrue();
        assertThat(one.get(0).envelope().intersects(map.candidates().display().get(site("SC")).geometry()
                .getEnvelopeInternal())).isFalse();

        try (PDDocument d = Loader.loadPDF(new File(report("overview.pdf", opts()).toString()))) {
            String page = text(d, 2, 2);
            assertThat(page).contains("in 2 areas").contains("Map extents area 1 (2 sites)");
            // the rendered page: both panels carry the red frame of their locator inset in their top right
            BufferedImage img = new PDFRenderer(d).renderImageWithDPI(1, 72);
            int[] reds = new int[2];
            for (int y = 36; y < 200; y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    int r = rgb >> 16 & 0xff;
                    int g = rgb >> 8 & 0xff;
                    int b = rgb & 0xff;
                    if (r > 180 && g < 90 && b < 90) {
                        reds[x < img.getWidth() / 2 ? 0 : 1]++;
                    }
                }
            }
            assertThat(reds[0]).as("red locator marks, left panel").isGreaterThan(3);
            assertThat(reds[1]).as("red locator marks, right panel").isGreaterThan(3);
        }
    }

    @Test
    void sitePagesGiveCentroidCoordinatesCountyScaleAndDegreeTicks() throws Exception {
        try (PDDocument d = Loader.loadPDF(new File(report("sites.pdf", opts()).toString()))) {
            int first = PdfReport.pageCount(result, map, null, false, 0) - result.size() + 1;
            String[] counties = {"Hinds County, Mississippi", "Madison County, MS", "Marion County, Indiana",
                "Marion County, Indiana"};
            for (int p = 0; p < result.size(); p++) {
                String page = text(d, first + p, first + p);
                Matcher m = Pattern.compile("Site (S[A-D])").matcher(page);
                assertThat(m.find()).isTrue();
                int k = m.group(1).charAt(1) - 'A';
                assertThat(page).contains(String.format(Locale.ROOT, "Centroid %.4f°N, %.4f°W (WGS 84)",
                        SITES[k][1], -SITES[k][0])).contains(counties[k]).containsPattern("Scale about 1:[0-9,]+ as printed");
                Matcher ticks = Pattern.compile("\\d+\\.\\d+°W").matcher(page);
                int n = 0;
                while (ticks.find()) {
                    n++;
                }
                assertThat(n).as("longitude ticks").isBetween(2, 8);
                assertThat(page).containsPattern("\\d+\\.\\d+°N");
            }
        }
    }

    @Test
    void anAttributeCriterionGetsTheUnitItsAttributeNames() {
        int land = session.criterionIndex("land");
        // the engine reads the unit from the field name (land_usd_acre), so every output shows it
        assertThat(session.column(land).unit()).isEqualTo("USD/acre");
        assertThat(ValueUnits.unit(session, land)).isEqualTo("USD/acre");
        assertThat(ValueUnits.label(session, land, Units.DistanceUnit.KM)).isEqualTo("$/acre");
        assertThat(ValueUnits.value(session, land, 6500, Units.DistanceUnit.KM)).isEqualTo("$6,500/acre");
        // texts of criteria that carry their own unit are left as the engine wrote them
        String text = "Land price: $1,200/acre lower ($6,500/acre instead of $7,700/acre)";
        assertThat(ValueUnits.withUnits(session, text, Units.DistanceUnit.KM)).isEqualTo(text);
    }
}
