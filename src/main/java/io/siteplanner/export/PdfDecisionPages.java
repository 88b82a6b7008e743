package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.scoring.Ahp;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.TimeToPowerCriterion;
import io.siteplanner.scoring.decision.RobustnessResult;
import io.siteplanner.scoring.decision.WhatWouldChange;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The decision and audit pages appended to the PDF report ({@link PdfReport.Appendix}), in the report's
 * layout (US Letter landscape, embedded Liberation Sans, footer with the scenario name and page number):
 * <ol>
 * <li><b>Decision</b>: per shortlisted site (or top site) its rank and score, P(rank 1), P(top k), median
 * and 5-95 % rank, time to power P50/P90, and the smallest single weight change and value change that would
 * put it ahead of the leader; the sites that can rank first with their central weights; what would put the
 * runner-up ahead.</li>
 * <li><b>Audit</b>: the data sources (file, date, SHA-256), each criterion's measure, layers, transform,
 * weight and label, the weighting (AHP consistency), the method, and the uncertainty assumed (Monte Carlo
 * settings, time-to-power figures).</li>
 * </ol>
 */
public final class PdfDecisionPages implements PdfReport.Appendix {
    private static final float W = PdfReport.W;
    private static final float H = PdfReport.H;
    private static final float M = PdfReport.M;

    private final DecisionReport report;
    private PdfFonts fonts;
    private PDFont regular;
    private PDFont bold;
    private PDFont mono;
    private PDDocument doc;
    private Units.DistanceUnit du = Units.DistanceUnit.KM;
    private PDPageContentStream cs;
    private float y;
    private String heading;

    public PdfDecisionPages(DecisionReport report) {
        this.report = report;
    }

    /** Writes the whole PDF report with these pages appended (atomically). */
    public static void export(ScoreResult result, MapContent map, SitesExport.Options o, DecisionReport report, Path out,
            Progress progress) throws IOException {
        PdfDecisionPages pages = new PdfDecisionPages(report);
        pages.du = o.distanceUnit();
        AtomicWrite.write(out, tmp -> PdfReport.write(result, map, o.shortlist(), o.shortlistOnly(), o.top(),
                o.distanceUnit(), o.title(), tmp, progress == null ? Progress.NONE : progress, pages));
    }

    @Override
    public void addPages(PDDocument d, Progress progress) throws IOException {
        this.doc = d;
        this.fonts = PdfFonts.load(d);
        this.regular = fonts.regular;
        this.bold = fonts.bold;
        this.mono = fonts.regular; // hashes: the one embedded face
        try {
            decision();
            audit();
        } finally {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }

    // ------------------------------------------------------------------ decision page

    private void decision() throws IOException {
        ScoreResult r = report.result();
        ScoringSession s = r.session();
        RobustnessResult rob = report.robustness();
        page("Decision: how sure is the ranking, what would change it, when can each site get power");
        if (rob != null) {
            paragraph(String.format(Locale.ROOT, "Monte Carlo over %,d draws (seed %d): weights %s; inputs %s. "
                    + "P(rank 1) and P(top %d) are the shares of draws in which the site ranks first or in the top %d"
                    + " among the sites passing the constraints; ranks beyond %d are shown as >%d. %s.", rob.draws(),
                    report.spec().seed(), rob.weightModel(), rob.variations().isEmpty() ? "as evaluated"
                            : String.join(", ", rob.variations()), rob.k(), rob.k(), rob.rankDepth(), rob.rankDepth(),
                    cap(rob.pruneRule())), 8.5f);
        } else {
            paragraph("No robustness run.", 8.5f);
        }
        y -= 4;
        int k = rob == null ? 0 : rob.k();
        String[] head = {"Site", "Rank", "Score (0-1)", "P(rank 1)", "P(top " + k + ")", "Median rank", "5-95% ranks",
            "Power P50", "P90", "What alone would put it ahead of the leader"};
        float[] widths = {62, 30, 38, 46, 46, 40, 56, 48, 40, W - 2 * M - 406};
        List<String[]> rows = new ArrayList<>();
        for (DecisionReport.SiteRow row : report.sites()) {
            RobustnessResult.SiteStats st = row.stats();
            String change = row.site() == r.siteAt(0) ? "leads the ranking"
                    : join(row.weightChange() == null ? "no single weight change" : row.weightChange(),
                            row.valueChange() == null ? "no single value change"
                                    : ValueUnits.withUnits(s, row.valueChange(), du));
            rows.add(new String[] {String.valueOf(s.id(row.site())), Integer.toString(r.rank(row.site())),
                String.format(Locale.ROOT, "%.3f", r.score(row.site())),
                rob == null ? "-" : st == null ? "0" : pct(rob.pRank1(st)),
                rob == null ? "-" : st == null ? "0" : pct(rob.pTopK(st)),
                st == null ? (rob == null ? "-" : ">" + rob.rankDepth()) : rank(rob, st.medianRank()),
                st == null ? (rob == null ? "-" : ">" + rob.rankDepth()) : interval(rob, st),
                row.ttp() == null ? "-" : months(row.ttp().p50()), row.ttp() == null ? "-" : months(row.ttp().p90()),
                change});
        }
        table(head, widths, rows, 7.5f);
        DecisionReport.SiteRow any = report.sites().isEmpty() ? null : report.sites().get(0);
        if (any != null && any.ttp() != null) {
            note("Power: " + any.ttp().label() + ", months to energization (docs/time-to-power.md).");
        }
        if (rob != null) {
            y -= 6;
            subheading("Sites that can rank first, with their central weights");
            List<String[]> winners = new ArrayList<>();
            for (RobustnessResult.SiteStats st : rob.sites()) {
                if (st.rank1() == 0) {
                    continue;
                }
                StringBuilder cw = new StringBuilder();
                for (int c = 0; c < rob.criteria().size(); c++) {
                    if (st.centralWeights()[c] > 0.0005) {
                        cw.append(cw.length() == 0 ? "" : ", ").append(rob.criteria().get(c)).append(' ')
                                .append(String.format(Locale.ROOT, "%.2f", st.centralWeights()[c]));
                    }
                }
                winners.add(new String[] {String.valueOf(st.id()), pct(rob.pRank1(st)),
                    Integer.toString(st.scenarioRank()), cw.toString()});
                if (winners.size() >= 8) {
                    break;
                }
            }
            table(new String[] {"Site", "P(rank 1)", "Scenario rank", "Central weights (mean weights of the draws it"
                    + " wins)"}, new float[] {62, 50, 60, W - 2 * M - 172}, winners, 7.5f);
        }
        WhatWouldChange.Result ru = report.runnerUp();
        if (ru != null && !ru.alreadyAhead()) {
            y -= 6;
            subheading("What alone would put " + ru.versus() + " (rank 2) ahead of " + ru.site() + " (rank 1)");
            List<String> lines = new ArrayList<>();
            for (WhatWouldChange.WeightChange c : ru.weights()) {
                if (c.weight() != null) {
                    lines.add("weight: " + c.text());
                }
            }
            for (WhatWouldChange.ValueChange c : ru.values()) {
                if (c.value() != null) {
                    lines.add("value: " + ValueUnits.withUnits(r.session(), c.text(), du));
                }
            }
            if (lines.isEmpty()) {
                lines.add("no single change of one weight or one value can.");
            }
            for (String l : lines) {
                paragraph(l, 8);
            }
        }
    }

    // ------------------------------------------------------------------ audit page

    private void audit() throws IOException {
        ScoreResult r = report.result();
        ScoringSession s = r.session();
        page("Audit: data sources, criteria, weights and the uncertainty assumed");
        subheading("Data sources");
        List<String[]> src = new ArrayList<>();
        for (SourceAudit.Source x : report.sources()) {
            src.add(new String[] {x.layer(), x.file(), x.modified(), x.sha256()});
        }
        if (src.isEmpty()) {
            src.add(new String[] {"-", "(layers given in memory)", "", ""});
        }
        tableMono(new String[] {"Layer", "File", "Modified (UTC)", "SHA-256"}, new float[] {70, 230, 78,
            W - 2 * M - 378}, src, 7f, 3);
        y -= 6;
        subheading("Criteria");
        double[] w = r.weights();
        ColumnSnapshot snap = ColumnSnapshot.of(r);
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < s.criteria().size(); c++) {
            Criterion cr = s.criteria().get(c);
            rows.add(new String[] {cr.displayName(), cr.id(), cr.describe(),
                cr.layers().isEmpty() ? s.scenario().candidates() : String.join(", ", cr.layers()),
                transform(snap.transform(c), snap.stats(c), ValueUnits.unit(s, c)),
                String.format(Locale.ROOT, "%.3f", w[c]), cr.common().missing().json()});
        }
        table(new String[] {"Criterion (why)", "Id", "Measures", "Layers", "Transform", "Weight", "Missing"},
                new float[] {120, 60, 190, 70, 190, 40, W - 2 * M - 670}, rows, 7f);
        y -= 6;
        subheading("Weights, method, uncertainty");
        Ahp.Result ahp = s.ahp();
        if (ahp != null) {
            paragraph(String.format(Locale.ROOT, "AHP pairwise weights: lambda max %.4f, CI %.4f, CR %.4f (%s).",
                    ahp.lambdaMax(), ahp.ci(), ahp.cr(), ahp.consistent() ? "consistent: below 0.10"
                            : "inconsistent: 0.10 or more"), 8.5f);
        } else {
            paragraph("Direct weights, normalised to sum 1 (shown above).", 8.5f);
        }
        paragraph("Method: " + method(r.method()) + ". Ranking: passing sites first, then score descending, then id"
                + " ascending.", 8.5f);
        RobustnessResult rob = report.robustness();
        if (rob != null) {
            paragraph(String.format(Locale.ROOT, "Uncertainty assumed (robustness): %,d draws, seed %d, top %d; weights"
                    + " %s; inputs %s%s.", rob.draws(), report.spec().seed(), rob.k(), rob.weightModel(),
                    rob.variations().isEmpty() ? "as evaluated (no input variation)" : String.join(", ",
                            rob.variations()), rob.levels().size() > 1 ? "; IT load in " + rob.levels().size()
                                    + " equally likely levels" : ""), 8.5f);
        }
        for (Criterion c : s.criteria()) {
            if (c instanceof TimeToPowerCriterion) {
                TimeToPowerCriterion t = (TimeToPowerCriterion) c;
                paragraph("Time to power (" + t.id() + ", P" + t.percentileOrDefault() + "): triangular three-point"
                        + " estimates min/most likely/max; " + String.join("; ", t.modelOrDefault().describe(
                                t.process() == null ? "default" : t.process())) + ". Sources: docs/time-to-power.md.",
                        8f);
            }
        }
    }

    // ------------------------------------------------------------------ text helpers

    /**
     * A transform in words with the data range it uses; raw values (ranges, breaks, points, midpoints)
     * carry the criterion's unit, scores are from 0 to 1.
     */
    static String transform(TransformSpec t, double[] stats, String unit) {
        String dir = t.direction() == null ? "" : " " + t.direction().json();
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        switch (t.type()) {
            case LINEAR:
            case LOG:
                double lo = t.min() != null ? t.min() : stats[0];
                double hi = t.max() != null ? t.max() : stats[1];
                return t.type().json() + dir + " over " + num(lo) + " .. " + num(hi) + u
                        + (t.min() == null || t.max() == null ? " (data range)" : "");
            case THRESHOLD:
                return "threshold" + dir + " at " + num(t.value()) + u;
            case STEPS:
                StringBuilder st = new StringBuilder("steps at");
                for (Double b : t.breaks()) {
                    st.append(' ').append(num(b)).append(u).append(',');
                }
                if (st.charAt(st.length() - 1) == ',') {
                    st.setLength(st.length() - 1);
                }
                return st + " scoring " + t.values() + " (0-1)";
            case PIECEWISE:
                StringBuilder sb = new StringBuilder("piecewise through (value, score 0-1)");
                for (double[] p : t.points()) {
                    sb.append(" (").append(num(p[0])).append(u).append(", ").append(num(p[1])).append(')');
                }
                return sb.toString();
            case SIGMOID:
                return "sigmoid" + dir + ", midpoint " + num(t.midpoint()) + u + ", spread " + num(t.spread()) + u;
            case GAUSSIAN:
                return "gaussian around " + num(t.ideal()) + u + ", spread " + num(t.spread()) + u;
            case CATEGORIES:
                return "categories " + t.scores() + (t.otherwise() == null ? "" : ", other " + num(t.otherwise()));
            default:
                return "identity (clamped to 0..1)";
        }
    }

    private static String num(Double x) {
        return x == null ? "?" : Units.number(x);
    }

    private static String method(MethodSpec m) {
        switch (m.type()) {
            case TOPSIS: return "TOPSIS on " + (m.topsisOnRaw() ? "raw values" : "transformed scores");
            case OWA: return m.orderWeights() != null ? "OWA with order weights " + m.orderWeights()
                    : "OWA, orness " + Units.number(m.orness() == null ? 0.5 : m.orness());
            default: return "weighted sum of transformed scores";
        }
    }

    private static String pct(double p) {
        return p == 0 ? "0" : p >= 0.9995 ? "100%" : String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    private static String rank(RobustnessResult r, int rank) {
        return r.beyondDepth(rank) ? ">" + r.rankDepth() : Integer.toString(rank);
    }

    private static String interval(RobustnessResult r, RobustnessResult.SiteStats s) {
        return r.beyondDepth(s.rankP5()) ? rank(r, s.rankP5()) : s.rankP5() + "-" + rank(r, s.rankP95());
    }

    private static String months(double m) {
        return m != m ? "-" : String.format(Locale.ROOT, "%.0f mo", m);
    }

    private static String join(String a, String b) {
        return a + "; or " + b;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------ layout

    private void page(String title) throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage p = new PDPage(new PDRectangle(W, H));
        doc.addPage(p);
        cs = new PDPageContentStream(doc, p);
        heading = title;
        text(bold, 16, M, H - M - 10, title);
        cs.setStrokingColor(new Color(0x99, 0x99, 0x99));
        cs.setLineWidth(0.6f);
        cs.moveTo(M, H - M - 18);
        cs.lineTo(W - M, H - M - 18);
        cs.stroke();
        String foot = PdfText.safe(regular, report.result().session().scenario().name()) + "  |  page "
                + doc.getNumberOfPages();
        text(regular, 7.5f, W - M - PdfText.width(regular, 7.5f, foot), 20, foot);
        y = H - M - 36;
    }

    /** Starts a continuation page when less than {@code need} points are left. */
    private void room(float need) throws IOException {
        if (y - need < M) {
            page(heading.endsWith("(continued)") ? heading : heading + " (continued)");
        }
    }

    private void subheading(String s) throws IOException {
        room(30);
        text(bold, 11, M, y, s);
        y -= 15;
    }

    private void paragraph(String s, float size) throws IOException {
        for (String line : PdfText.wrap(regular, size, s, W - 2 * M)) {
            room(size + 3);
            text(regular, size, M, y, line);
            y -= size + 3;
        }
    }

    private void note(String s) throws IOException {
        paragraph(s, 7);
    }

    private void table(String[] head, float[] widths, List<String[]> rows, float size) throws IOException {
        tableMono(head, widths, rows, size, -1);
    }

    /** A table with wrapped cells; column {@code monoColumn} in Courier (hashes). */
    private void tableMono(String[] head, float[] widths, List<String[]> rows, float size, int monoColumn)
            throws IOException {
        room(size * 4);
        headRow(head, widths, size);
        int k = 0;
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < row.length; i++) {
                PDFont f = i == monoColumn ? mono : regular;
                float fs = i == monoColumn ? size - 0.5f : size;
                List<String> l = PdfText.wrap(f, fs, row[i], widths[i] - 4);
                cells.add(l);
                lines = Math.max(lines, l.size());
            }
            float h = lines * (size + 2) + 3;
            if (y - h < M) {
                page(heading.endsWith("(continued)") ? heading : heading + " (continued)");
                headRow(head, widths, size);
            }
            if (k++ % 2 == 1) {
                cs.setNonStrokingColor(new Color(0xf5, 0xf5, 0xf5));
                cs.addRect(M, y - h + size + 1, W - 2 * M, h);
                cs.fill();
            }
            float x = M;
            for (int i = 0; i < row.length; i++) {
                PDFont f = i == monoColumn ? mono : regular;
                float fs = i == monoColumn ? size - 0.5f : size;
                float yy = y;
                for (String line : cells.get(i)) {
                    text(f, fs, x + 2, yy, line);
                    yy -= size + 2;
                }
                x += widths[i];
            }
            y -= h;
        }
        y -= 4;
    }

    private void headRow(String[] head, float[] widths, float size) throws IOException {
        cs.setNonStrokingColor(new Color(0xe8, 0xee, 0xf4));
        cs.addRect(M, y - 4, W - 2 * M, size + 6);
        cs.fill();
        float x = M;
        for (int i = 0; i < head.length; i++) {
            text(bold, size, x + 2, y, PdfText.fit(bold, size, head[i], widths[i] - 4));
            x += widths[i];
        }
        y -= size + 7;
    }

    private void text(PDFont font, float size, float x, float yy, String s) throws IOException {
        fonts.text(cs, font, size, x, yy, s);
    }
}
