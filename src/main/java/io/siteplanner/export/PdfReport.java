package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.gis.LatLon;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.render.Legend;
import io.siteplanner.render.MapDecorations;
import io.siteplanner.render.ScoreLegend;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.model.style.Colors;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.locationtech.jts.geom.Envelope;

/**
 * The PDF site report (Apache PDFBox 3, US Letter landscape, embedded Liberation Sans: {@link PdfFonts}):
 * <ol>
 * <li>title page: scenario name and description, campus inputs with units (IT load, PUE, grid demand,
 * utilization, minimum acres, horizon, discount rate), method, constraints and the normalised weights;</li>
 * <li>overview map of the report's sites (the table's rows and the site pages) with a margin, at least 20 km
 * across; when those sites lie in 2 or 3 areas more than 150 km apart, one panel per area side by side;
 * each with the score legend (first panel), scale bar, north arrow, attribution and a locator inset (the
 * region's states with the map's extent in red), and the extents in degrees under the maps;</li>
 * <li>the ranked table of the top N sites (or of the shortlisted ones), {@value #ROWS_PER_PAGE} rows a page,
 * every value with its unit ({@link ValueUnits});</li>
 * <li>one page per shortlisted site in rank order, or per top-5 site when there is no shortlist: a
 * close-up map with longitude/latitude ticks, a locator inset, the centroid's coordinates (WGS 84), the
 * county ({@link SiteLocation}) and the printed scale; raw values with units, a score breakdown bar chart
 * (one bar per criterion = its contribution), the dollar figures of interconnectionCost / energyCost / tco
 * criteria, pass/fail reasons, status and note.</li>
 * </ol>
 * Without a map ({@code map == null}) the map page and the site maps are left out. All text goes through
 * {@link PdfText#safe}, so characters the embedded font lacks never make PDFBox throw.
 */
public final class PdfReport {
    /** Rows of the ranked table per page. */
    public static final int ROWS_PER_PAGE = 30;
    /** Sites detailed when there is no shortlist. */
    public static final int DEFAULT_DETAIL_SITES = 5;
    static final float W = 792;
    static final float H = 612;
    static final float M = 36;

    private final PDDocument doc;
    private final PdfFonts fonts;
    private final PDFont regular;
    private final PDFont bold;
    private final ScoreResult r;
    private final ScoringSession s;
    private final Units.DistanceUnit du;
    private int pageNo;

    private PdfReport(PDDocument doc, ScoreResult r, Units.DistanceUnit du) throws IOException {
        this.doc = doc;
        this.fonts = PdfFonts.load(doc);
        this.regular = fonts.regular;
        this.bold = fonts.bold;
        this.r = r;
        this.s = r.session();
        this.du = du;
    }

    /** The number of pages {@link #write} produces. */
    public static int pageCount(ScoreResult r, MapContent map, Shortlist shortlist, boolean shortlistOnly, int top) {
        SiteTable t = SiteTable.export(r, shortlist, shortlistOnly, top <= 0 ? 25 : top);
        return 1 + (map != null ? 1 : 0) + Math.max(1, (t.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE)
                + detailSites(r, shortlist).size();
    }

    /**
     * Writes the report to {@code file} (a plain write; {@link SitesExport} wraps it in {@link AtomicWrite}).
     *
     * @param top rows of the ranked table (&lt;= 0: 25)
     * @param title project title shown above the scenario name, or null
     */
    public static void write(ScoreResult r, MapContent map, Shortlist shortlist, boolean shortlistOnly, int top,
            Units.DistanceUnit du, String title, java.nio.file.Path file, Progress progress) throws IOException {
        write(r, map, shortlist, shortlistOnly, top, du, title, file, progress, null);
    }

    /** Pages added after the site pages (the decision and audit pages: {@link PdfDecisionPages}). */
    public interface Appendix {
        void addPages(PDDocument doc, Progress progress) throws IOException;
    }

    /** As {@link #write(ScoreResult, MapContent, Shortlist, boolean, int, Units.DistanceUnit, String,
     * java.nio.file.Path, Progress)}, with an appendix (null = none). */
    public static void write(ScoreResult r, MapContent map, Shortlist shortlist, boolean shortlistOnly, int top,
            Units.DistanceUnit du, String title, java.nio.file.Path file, Progress progress, Appendix appendix)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfReport rep = new PdfReport(doc, r, du);
            Scenario sc = s(r);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(PdfText.safe(rep.regular, "Site report: " + sc.name()));
            info.setCreator("SitePlanner");
            rep.titlePage(title, shortlist);
            progress.update(0.05, "PDF: map");
            SiteTable t = SiteTable.export(r, shortlist, shortlistOnly, top <= 0 ? 25 : top);
            List<Integer> detail = detailSites(r, shortlist);
            if (map != null) {
                rep.overviewPage(map, mapSites(t, detail), shortlistOnly || shortlist != null && shortlist.size() > 0);
            }
            progress.checkCancelled();
            rep.tablePages(t, shortlistOnly);
            for (int k = 0; k < detail.size(); k++) {
                progress.checkCancelled();
                progress.update(0.3 + 0.6 * k / detail.size(), "PDF: site pages");
                int site = detail.get(k);
                rep.sitePage(site, map, shortlist == null ? null : shortlist.get(String.valueOf(r.session().id(site))).orElse(null));
            }
            if (appendix != null) {
                appendix.addPages(doc, progress);
            }
            progress.update(0.95, "PDF: saving");
            doc.save(file.toFile());
        }
    }

    /** The sites the overview map is zoomed to: the rows of the table and the sites with a page. */
    static List<Integer> mapSites(SiteTable t, List<Integer> detail) {
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.site(i));
        }
        out.addAll(detail);
        return new ArrayList<>(out);
    }

    static final int OVERVIEW_W = 1600;
    static final int OVERVIEW_H = 1000;

    private static Scenario s(ScoreResult r) {
        return r.session().scenario();
    }

    /** Sites with a detail page: the shortlisted ones in rank order, else the top 5. */
    static List<Integer> detailSites(ScoreResult r, Shortlist shortlist) {
        if (shortlist != null && shortlist.size() > 0) {
            SiteTable t = SiteTable.export(r, shortlist, true, 0);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                out.add(t.site(i));
            }
            return out;
        }
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < Math.min(DEFAULT_DETAIL_SITES, r.size()); p++) {
            out.add(r.siteAt(p));
        }
        return out;
    }

    // ---------------------------------------------------------------- pages

    private PDPageContentStream newPage(String heading) throws IOException {
        PDPage page = new PDPage(new PDRectangle(W, H));
        doc.addPage(page);
        pageNo++;
        PDPageContentStream cs = new PDPageContentStream(doc, page);
        if (heading != null) {
            text(cs, bold, 16, M, H - M - 10, heading);
            rule(cs, H - M - 18);
        }
        String foot = PdfText.safe(regular, s.scenario().name()) + "  |  page " + pageNo;
        text(cs, regular, 7.5f, W - M - PdfText.width(regular, 7.5f, foot), 20, foot);
        return cs;
    }

    private void titlePage(String title, Shortlist shortlist) throws IOException {
        Scenario sc = s.scenario();
        try (PDPageContentStream cs = newPage(null)) {
            float y = H - M - 20;
            text(cs, regular, 11, M, y, title == null || title.isBlank() ? "SitePlanner site report"
                    : title + "  |  SitePlanner site report");
            y -= 34;
            for (String line : PdfText.wrap(bold, 24, sc.name(), W - 2 * M)) {
                text(cs, bold, 24, M, y, line);
                y -= 28;
            }
            if (sc.description() != null && !sc.description().isBlank()) {
                for (String line : PdfText.wrap(regular, 10, sc.description(), W - 2 * M)) {
                    text(cs, regular, 10, M, y, line);
                    y -= 13;
                }
            }
            y -= 4;
            text(cs, regular, 9, M, y, "Generated " + LocalDate.now() + ". " + r.size() + " candidate sites, "
                    + r.passedCount() + " pass all constraints"
                    + (shortlist != null && shortlist.size() > 0 ? "; " + shortlist.size() + " shortlisted." : "."));
            y -= 14;
            rule(cs, y);
            y -= 20;
            float top = y;
            // campus inputs
            text(cs, bold, 12, M, y, "Campus");
            y -= 16;
            Campus c = sc.campus();
            String[][] campus = {
                {"IT load", Units.format(c.itLoadMw(), "MW", du)},
                {"PUE", Units.number(c.pue()) + " (facility / IT power)"},
                {"Grid demand (IT x PUE)", Units.format(c.demandMw(), "MW", du)},
                {"Utilization", Units.format(c.utilization(), "fraction", du)},
                {"Annual energy", String.format(Locale.ROOT, "%,.0f MWh", c.annualMwh())},
                {"Minimum parcel size", Units.format(c.minAcres(), "acres", du)},
                {"TCO horizon", c.years() + " years"},
                {"Discount rate", Units.format(c.discountRate(), "fraction", du)},
                {"Default land price", Units.money(c.landPriceUsdPerAcre()) + "/acre"},
                {"Analysis CRS", sc.analysisCrs() == null ? "-" : sc.analysisCrs()},
            };
            for (String[] kv : campus) {
                text(cs, regular, 9.5f, M, y, kv[0]);
                text(cs, bold, 9.5f, M + 130, y, kv[1]);
                y -= 13;
            }
            y -= 8;
            text(cs, bold, 12, M, y, "Method");
            y -= 16;
            text(cs, regular, 9.5f, M, y, method(r.method()));
            y -= 18;
            text(cs, bold, 12, M, y, "Constraints");
            y -= 16;
            if (sc.constraints().isEmpty()) {
                text(cs, regular, 9.5f, M, y, "none");
                y -= 13;
            }
            for (ConstraintSpec k : sc.constraints()) {
                text(cs, regular, 9.5f, M, y, PdfText.fit(regular, 9.5f, constraint(k), 320));
                y -= 13;
            }
            // weights
            float x = M + 340;
            y = top;
            text(cs, bold, 12, x, y, "Criteria and weights");
            y -= 16;
            text(cs, bold, 8.5f, x, y, "Criterion");
            text(cs, bold, 8.5f, x + 250, y, "Id");
            textRight(cs, bold, 8.5f, x + 380, y, "Weight");
            y -= 12;
            double[] wts = r.weights();
            List<Criterion> crit = s.criteria();
            for (int i = 0; i < crit.size(); i++) {
                Criterion cr = crit.get(i);
                text(cs, regular, 8.5f, x, y, PdfText.fit(regular, 8.5f, label(cr), 245));
                text(cs, regular, 8.5f, x + 250, y, PdfText.fit(regular, 8.5f, cr.id(), 80));
                textRight(cs, regular, 8.5f, x + 380, y, String.format(Locale.ROOT, "%.1f %%", wts[i] * 100));
                fill(cs, Colors.rgb(0x2e86de), x + 385, y - 1, (float) (wts[i] * 100) * 0.3f + 0.01f, 7);
                y -= 12;
                if (y < 60) {
                    break;
                }
            }
        }
    }

    /** Sites further apart than this (m, display units) go to separate panels of the overview page. */
    static final double CLUSTER_GAP = 150_000;
    /** At most this many panels; more groups are drawn as one map. */
    static final int MAX_PANELS = 3;

    /**
     * The panels of the overview page: one map of all the report's sites, or, when they lie in 2 or 3
     * groups more than {@value #CLUSTER_GAP} m apart, one map per group (side by side) so that no site is
     * a speck on a map of several states.
     */
    static List<List<Integer>> panels(MapContent map, List<Integer> sites) {
        List<List<Integer>> groups = MapImages.clusters(map, sites, CLUSTER_GAP);
        return groups.size() >= 2 && groups.size() <= MAX_PANELS ? groups : List.of(sites);
    }

    /** Pixel size of panel k of n (2.2 px per point of the page). */
    static int[] panelPixels(int n) {
        if (n == 1) {
            return new int[] {OVERVIEW_W, OVERVIEW_H};
        }
        float pw = (W - 2 * M - (n - 1) * 10) / n;
        return new int[] {Math.round(pw * 2.2f), Math.round(PANEL_H * 2.2f)};
    }

    static final float PANEL_H = 470;

    /** The overview panels' viewports for a report with these options (what {@link #write} draws). */
    public static List<io.siteplanner.render.Viewport> overviewViewports(ScoreResult r, MapContent map,
            Shortlist shortlist, boolean shortlistOnly, int top) {
        SiteTable t = SiteTable.export(r, shortlist, shortlistOnly, top <= 0 ? 25 : top);
        List<List<Integer>> ps = panels(map, mapSites(t, detailSites(r, shortlist)));
        List<io.siteplanner.render.Viewport> out = new ArrayList<>();
        int[] px = panelPixels(ps.size());
        for (List<Integer> p : ps) {
            out.add(MapImages.overviewViewport(map, p, px[0], px[1]));
        }
        return out;
    }

    private void overviewPage(MapContent map, List<Integer> sites, boolean shortlisted) throws IOException {
        List<List<Integer>> ps = panels(map, sites);
        int n = ps.size();
        int[] px = panelPixels(n);
        List<io.siteplanner.render.Viewport> vps = new ArrayList<>();
        // the legend goes under the maps (not over them): the layers in view of any panel, score classes included
        Envelope shown = new Envelope();
        for (List<Integer> p : ps) {
            vps.add(MapImages.overviewViewport(map, p, px[0], px[1]));
            shown.expandToInclude(vps.get(vps.size() - 1).envelope());
        }
        List<MapDecorations.Section> legend = Legend.sections(map.layers(), ScoreLegend.of(r), shown);
        PdfLegend pdfLegend = PdfLegend.of(legend, 5);
        float legendH = pdfLegend.height();
        try (PDPageContentStream cs = newPage("Overview map: the " + (shortlisted ? "shortlisted and " : "")
                + "top-ranked sites" + (n > 1 ? ", in " + n + " areas" : ""))) {
            float iw = n == 1 ? W - 2 * M : (W - 2 * M - (n - 1) * 10) / n;
            float ih = iw * px[1] / px[0];
            // room for two caption lines and the legend under the maps: the maps shrink (same shape) to leave it
            float room = H - M - 26 - M - 48 - legendH;
            if (ih > room) {
                iw *= room / ih;
                ih = room;
            }
            float y0 = H - M - 26 - ih;
            List<String> extents = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                io.siteplanner.render.Viewport vp = vps.get(k);
                BufferedImage img = MapImages.overview(r, map, ps.get(k), vp, false);
                float x = M + (W - 2 * M - n * iw - (n - 1) * 10) / 2 + k * (iw + 10); // centred when shrunk
                image(cs, img, x, y0, iw, ih);
                stroke(cs, Colors.rgb(0x888888), x, y0, iw, ih);
                extents.add((n > 1 ? "area " + (k + 1) + " (" + ps.get(k).size() + " sites): " : "") + extentText(vp));
            }
            float y = y0 - 13;
            text(cs, regular, 8.5f, M, y, r.size() + " candidate sites, " + r.passedCount() + " pass all constraints; "
                    + sites.size() + " in this report. Sites coloured by score class (the classes of the passing sites'"
                    + " range, as in the legend below).");
            y -= 12;
            for (String line : PdfText.wrap(regular, 8, "Map extent" + (n > 1 ? "s" : "") + " " + String.join("; ",
                    extents) + " (the sites of this report with a margin). The report's sites are outlined and numbered"
                    + " by rank (where numbers would overlap, the better-ranked site's is shown). Insets: where each map"
                    + " lies in the region (red frame). Web Mercator; scale bars in km and mi.", W - 2 * M)) {
                text(cs, regular, 8, M, y, line);
                y -= 10;
            }
            pdfLegend.draw(cs, fonts, regular, bold, M, y - 4, W - 2 * M);
        }
    }

    /** "90.95°W to 88.20°W, 32.10°N to 33.30°N" for a viewport in EPSG:3857. */
    static String extentText(io.siteplanner.render.Viewport vp) {
        org.locationtech.jts.geom.Envelope e = vp.envelope();
        return LatLon.lonText(io.siteplanner.render.WebMercator.lon(e.getMinX()), 2) + " to "
                + LatLon.lonText(io.siteplanner.render.WebMercator.lon(e.getMaxX()), 2) + ", "
                + LatLon.latText(io.siteplanner.render.WebMercator.lat(e.getMinY()), 2) + " to "
                + LatLon.latText(io.siteplanner.render.WebMercator.lat(e.getMaxY()), 2);
    }

    private void tablePages(SiteTable t, boolean shortlistOnly) throws IOException {
        List<Criterion> crit = s.criteria();
        int m = crit.size();
        List<String> head = new ArrayList<>(List.of("Rank", s.idField() == null ? "Site" : s.idField(), "Score (0-1)",
                "Pass"));
        for (Criterion c : crit) {
            head.add(c.id());
        }
        if (t.hasNotes()) {
            head.add("Status");
        }
        List<String[]> rows = new ArrayList<>();
        for (int p = 0; p < t.size(); p++) {
            int site = t.site(p);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r.rank(site)));
            row.add(String.valueOf(s.id(site)));
            row.add(String.format(Locale.ROOT, "%.3f", r.score(site)));
            row.add(r.passed(site) ? "yes" : "no");
            for (int c = 0; c < m; c++) {
                row.add(ValueUnits.format(r, c, site, du));
            }
            if (t.hasNotes()) {
                ShortlistEntry e = t.entry(site);
                row.add(e == null ? "" : e.status().label());
            }
            rows.add(row.toArray(new String[0]));
        }
        float size = 8;
        float[] widths = new float[head.size()];
        for (int i = 0; i < head.size(); i++) {
            widths[i] = PdfText.width(bold, size, PdfText.safe(bold, head.get(i)));
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], PdfText.width(regular, size, PdfText.safe(regular, row[i])));
            }
            widths[i] += 8;
        }
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float scale = Math.min(1, (W - 2 * M) / total);
        size *= scale;
        for (int i = 0; i < widths.length; i++) {
            widths[i] *= scale;
        }
        int pages = Math.max(1, (rows.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        String what = shortlistOnly ? "Shortlisted sites" : "Ranked sites (top " + rows.size() + " of " + r.size() + ")";
        for (int pg = 0; pg < pages; pg++) {
            try (PDPageContentStream cs = newPage(what + (pages > 1 ? " (" + (pg + 1) + "/" + pages + ")" : ""))) {
                float y = H - M - 40;
                float x = M;
                fill(cs, Colors.rgb(0xe8eef4), M, y - 4, W - 2 * M, 14);
                for (int i = 0; i < head.size(); i++) {
                    cell(cs, bold, size, x, y, widths[i], head.get(i), i != 1 && i < 4 || i >= 4 && i < 4 + m);
                    x += widths[i];
                }
                y -= 15;
                if (rows.isEmpty()) {
                    text(cs, regular, 9, M, y, "No sites.");
                }
                for (int k = pg * ROWS_PER_PAGE; k < Math.min(rows.size(), (pg + 1) * ROWS_PER_PAGE); k++) {
                    String[] row = rows.get(k);
                    if (k % 2 == 1) {
                        fill(cs, Colors.rgb(0xf5f5f5), M, y - 4, W - 2 * M, 14);
                    }
                    x = M;
                    for (int i = 0; i < row.length; i++) {
                        cell(cs, i == 1 ? bold : regular, size, x, y, widths[i], row[i], i != 1 && i < 4 || i >= 4 && i < 4 + m);
                        x += widths[i];
                    }
                    y -= 14;
                }
                if (pg == pages - 1) {
                    text(cs, regular, 7.5f, M, y - 6, "Raw values with their units (ac = acres; distances in "
                            + Units.label("m", du) + "; $ in US dollars, M = million, B = billion). Score from 0"
                            + " (worst) to 1 (best); failed sites rank after passing ones.");
                }
            }
        }
    }

    /** The county polygons of each map the site pages use, indexed once per report. */
    private final java.util.Map<MapContent, List<io.siteplanner.scoring.cells.CountyLocator>> countyLocators =
            new java.util.IdentityHashMap<>();

    private void sitePage(int site, MapContent map, ShortlistEntry entry) throws IOException {
        ScoreResult.Explanation ex = r.explain(site);
        List<Criterion> crit = s.criteria();
        String id = String.valueOf(ex.id());
        SiteLocation loc = SiteLocation.of(s, map == null ? List.of() : countyLocators.computeIfAbsent(map,
                SiteLocation::counties), site);
        try (PDPageContentStream cs = newPage(null)) {
            float y = H - M - 10;
            text(cs, bold, 18, M, y, "Site " + id);
            String sub = "Rank " + ex.rank() + " of " + r.size() + "  |  score "
                    + String.format(Locale.ROOT, "%.3f", ex.score()) + " (0-1)  |  " + (ex.passed()
                    ? "passes all constraints" : "fails a constraint") + (entry != null ? "  |  status: "
                    + entry.status().label() : "");
            textRight(cs, regular, 10, W - M, y, sub);
            rule(cs, y - 8);
            float top = y - 20;
            // map, with lon/lat ticks on its left and bottom edges
            float mx = M + 34;
            float mw = 370;
            float mh = mw * SITE_H / SITE_W;
            if (map != null) {
                io.siteplanner.render.Viewport vp = MapImages.siteViewport(map, site, SITE_W, SITE_H);
                BufferedImage img = MapImages.site(r, map, site, SITE_W, SITE_H);
                image(cs, img, mx, top - mh, mw, mh);
                stroke(cs, Colors.rgb(0x888888), mx, top - mh, mw, mh);
                ticks(cs, vp, mx, top - mh, mw, mh);
                float cy = top - mh - 20;
                text(cs, regular, 8, M, cy, "Centroid " + loc.lonLatText() + " (WGS 84)"
                        + (loc.county() == null ? "" : "  |  " + loc.county()));
                text(cs, regular, 8, M, cy - 10, "Scale about 1:" + scale(vp, mw) + " as printed; map "
                        + Units.format(vp.width() * io.siteplanner.render.WebMercator.groundResolution(vp.resolution(),
                                vp.centerY()), "m", du) + " across. Inset: location (red mark).");
            } else {
                stroke(cs, Colors.rgb(0xbbbbbb), mx, top - mh, mw, mh);
                text(cs, regular, 9, mx + 10, top - mh / 2, "(no map)");
                text(cs, regular, 8, M, top - mh - 20, "Centroid " + loc.lonLatText() + " (WGS 84)"
                        + (loc.county() == null ? "" : "  |  " + loc.county()));
            }
            float chartTop = top - mh - 44;
            // values table
            float x = mx + mw + 18;
            float tw = W - M - x;
            float yy = top - 4;
            text(cs, bold, 11, x, yy, "Values");
            yy -= 15;
            text(cs, bold, 8, x, yy, "Criterion");
            textRight(cs, bold, 8, x + tw - 110, yy, "Raw value");
            textRight(cs, bold, 8, x + tw - 55, yy, "Score (0-1)");
            textRight(cs, bold, 8, x + tw, yy, "Contrib.");
            yy -= 12;
            for (int c = 0; c < crit.size(); c++) {
                ScoreResult.Part part = ex.parts().get(c);
                text(cs, regular, 8, x, yy, PdfText.fit(regular, 8, label(crit.get(c)), tw - 190));
                textRight(cs, regular, 8, x + tw - 110, yy, ValueUnits.format(r, c, site, du));
                textRight(cs, regular, 8, x + tw - 55, yy, String.format(Locale.ROOT, "%.3f", part.transformed()));
                textRight(cs, regular, 8, x + tw, yy, part.weight() > 0
                        ? String.format(Locale.ROOT, "%.3f", part.contribution()) : "-");
                yy -= 11.5f;
            }
            // costs
            List<String[]> costs = new ArrayList<>();
            for (int c = 0; c < crit.size(); c++) {
                String unit = r.session().column(c).unit();
                // dollar totals (capex, energy per year, TCO, land); prices per MWh or acre are rates, not costs
                if ("USD".equals(unit) || "USD/yr".equals(unit)) {
                    ScoreResult.Part part = ex.parts().get(c);
                    costs.add(new String[] {label(crit.get(c)), part.format(du)});
                }
            }
            yy -= 8;
            if (!costs.isEmpty()) {
                text(cs, bold, 11, x, yy, "Costs");
                yy -= 14;
                for (String[] kv : costs) {
                    text(cs, regular, 9, x, yy, PdfText.fit(regular, 9, kv[0], tw - 100));
                    textRight(cs, bold, 9, x + tw, yy, kv[1]);
                    yy -= 12;
                }
                yy -= 6;
            }
            // reasons
            text(cs, bold, 11, x, yy, "Constraints");
            yy -= 14;
            List<String> reasons = new ArrayList<>(ex.reasons());
            if (reasons.isEmpty()) {
                reasons.add("passes all constraints");
            } else {
                reasons.replaceAll(q -> "fails: " + q);
            }
            for (String f : ex.flags()) {
                reasons.add(f);
            }
            for (String q : reasons) {
                for (String line : PdfText.wrap(regular, 9, q, tw)) {
                    text(cs, regular, 9, x, yy, line);
                    yy -= 11;
                }
            }
            // chart under the map
            chart(cs, ex, M, M + 10, mx + mw - M, chartTop - (M + 10));
            // note
            float ny = Math.min(yy - 10, chartTop);
            if (entry != null) {
                text(cs, bold, 11, x, ny, "Note (" + entry.status().label() + ")");
                ny -= 14;
                List<String> lines = PdfText.wrap(regular, 9, entry.note().isBlank() ? "(no note)" : entry.note(), tw);
                for (String line : lines) {
                    if (ny < M) {
                        break;
                    }
                    text(cs, regular, 9, x, ny, line);
                    ny -= 11;
                }
            }
        }
    }

    static final int SITE_W = 1120;
    static final int SITE_H = 700;

    /** The printed scale 1:N of a map drawn {@code widthPt} points wide, rounded to 2 significant digits. */
    static String scale(io.siteplanner.render.Viewport vp, float widthPt) {
        double ground = vp.width() * io.siteplanner.render.WebMercator.groundResolution(vp.resolution(), vp.centerY());
        double paper = widthPt / 72.0 * 0.0254;
        double n = ground / paper;
        double mag = Math.pow(10, Math.floor(Math.log10(n)) - 1);
        return String.format(Locale.ROOT, "%,.0f", Math.rint(n / mag) * mag);
    }

    /** Longitude ticks under the map and latitude ticks left of it, at a round step, labelled in degrees. */
    private void ticks(PDPageContentStream cs, io.siteplanner.render.Viewport vp, float x, float y, float w, float h)
            throws IOException {
        org.locationtech.jts.geom.Envelope e = vp.envelope();
        double lon0 = io.siteplanner.render.WebMercator.lon(e.getMinX());
        double lon1 = io.siteplanner.render.WebMercator.lon(e.getMaxX());
        double lat0 = io.siteplanner.render.WebMercator.lat(e.getMinY());
        double lat1 = io.siteplanner.render.WebMercator.lat(e.getMaxY());
        double step = tickStep(Math.max(lon1 - lon0, lat1 - lat0));
        int dec = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        cs.setStrokingColor(new Color(0x55, 0x55, 0x55));
        cs.setLineWidth(0.5f);
        for (double v = Math.ceil(lon0 / step) * step; v <= lon1; v += step) {
            float px = x + (float) ((io.siteplanner.render.WebMercator.x(v) - e.getMinX()) / e.getWidth()) * w;
            cs.moveTo(px, y);
            cs.lineTo(px, y - 3);
            cs.stroke();
            String t = LatLon.lonText(v, dec);
            text(cs, regular, 6, px - PdfText.width(regular, 6, PdfText.safe(regular, t)) / 2, y - 9, t);
        }
        for (double v = Math.ceil(lat0 / step) * step; v <= lat1; v += step) {
            float py = y + (float) ((io.siteplanner.render.WebMercator.y(v) - e.getMinY()) / e.getHeight()) * h;
            cs.moveTo(x, py);
            cs.lineTo(x - 3, py);
            cs.stroke();
            textRight(cs, regular, 6, x - 4, py - 2, LatLon.latText(v, dec));
        }
    }

    /** A round step in degrees giving 2 to 6 ticks over {@code span} degrees. */
    static double tickStep(double span) {
        double[] steps = {0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10};
        for (double st : steps) {
            if (span / st <= 6) {
                return st;
            }
        }
        return 10;
    }

    /** Horizontal bars, one per criterion: its contribution to the score. */
    private void chart(PDPageContentStream cs, ScoreResult.Explanation ex, float x, float y, float w, float h)
            throws IOException {
        List<ScoreResult.Part> parts = ex.parts();
        float ty = y + h - 4;
        text(cs, bold, 11, x, ty, "Score breakdown");
        String note = r.method().type() == MethodSpec.Type.TOPSIS ? "weighted normalised values (TOPSIS)"
                : "contribution to the score " + String.format(Locale.ROOT, "%.3f", ex.score());
        textRight(cs, regular, 8, x + w, ty, note);
        double max = 0;
        for (ScoreResult.Part p : parts) {
            max = Math.max(max, p.contribution());
        }
        float labelW = 150;
        float barX = x + labelW;
        float barW = w - labelW - 40;
        int n = Math.max(1, parts.size());
        float rowH = Math.min(16, (h - 22) / n);
        float yy = ty - 8 - rowH;
        for (int i = 0; i < parts.size(); i++) {
            ScoreResult.Part p = parts.get(i);
            Criterion spec = s.criteria().get(i);
            text(cs, regular, Math.min(8, rowH * 0.7f), x, yy + rowH * 0.25f, PdfText.fit(regular, 8, label(spec), labelW - 6));
            fill(cs, Colors.rgb(0xeeeeee), barX, yy + 1, barW, rowH - 3);
            double v = Double.isNaN(p.contribution()) ? 0 : p.contribution();
            float len = max > 0 ? (float) (v / max) * barW : 0;
            if (len > 0) {
                fill(cs, Colors.ramp(Colors.SCORE, p.transformed()), barX, yy + 1, len, rowH - 3);
            }
            text(cs, regular, Math.min(8, rowH * 0.7f), barX + barW + 4, yy + rowH * 0.25f,
                    p.weight() > 0 ? String.format(Locale.ROOT, "%.3f", v) : "w=0");
            yy -= rowH;
        }
    }

    // ---------------------------------------------------------------- helpers

    private String label(Criterion c) {
        return c.label() == null || c.label().isBlank() ? c.id() : c.label();
    }

    private static String method(MethodSpec m) {
        switch (m.type()) {
            case TOPSIS: return "TOPSIS on " + (m.topsisOnRaw() ? "raw values" : "transformed scores");
            case OWA: return m.orderWeights() != null ? "OWA with order weights " + m.orderWeights()
                    : "OWA, orness " + Units.number(m.orness() == null ? 0.5 : m.orness());
            default: return "Weighted sum of transformed scores";
        }
    }

    private String constraint(ConstraintSpec k) {
        if (k.isExclusion()) {
            return "not within " + Units.format(k.buffer(), "m", du) + " of " + k.exclude()
                    + (k.filter() == null ? "" : " [" + k.filter() + "]");
        }
        String name = k.label() == null ? k.criterion() : k.label();
        int c = s.criterionIndex(k.criterion());
        String v = k.value() == null ? "?" : c >= 0 ? ValueUnits.value(s, c, k.value(), du) : Units.number(k.value());
        return name + " " + k.op() + " " + v
                + (k.label() != null && !k.label().equals(k.criterion()) ? " (" + k.criterion() + ")" : "");
    }

    private void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        fonts.text(cs, font, size, x, y, s);
    }

    private void textRight(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        String t = PdfText.safe(font, s);
        text(cs, font, size, x - PdfText.width(font, size, t), y, t);
    }

    private void cell(PDPageContentStream cs, PDFont font, float size, float x, float y, float w, String s, boolean right)
            throws IOException {
        String t = PdfText.fit(font, size, s, w - 6);
        if (right) {
            textRight(cs, font, size, x + w - 4, y, t);
        } else {
            text(cs, font, size, x + 2, y, t);
        }
    }

    private void rule(PDPageContentStream cs, float y) throws IOException {
        cs.setStrokingColor(new Color(0x99, 0x99, 0x99));
        cs.setLineWidth(0.6f);
        cs.moveTo(M, y);
        cs.lineTo(W - M, y);
        cs.stroke();
    }

    static void fill(PDPageContentStream cs, int argb, float x, float y, float w, float h) throws IOException {
        cs.setNonStrokingColor(new Color(argb & 0xffffff));
        cs.addRect(x, y, w, h);
        cs.fill();
    }

    static void stroke(PDPageContentStream cs, int argb, float x, float y, float w, float h) throws IOException {
        cs.setStrokingColor(new Color(argb & 0xffffff));
        cs.setLineWidth(0.5f);
        cs.addRect(x, y, w, h);
        cs.stroke();
    }

    private void image(PDPageContentStream cs, BufferedImage img, float x, float y, float w, float h) throws IOException {
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        PDImageXObject x0 = LosslessFactory.createFromImage(doc, rgb);
        cs.drawImage(x0, x, y, w, h);
    }
}
