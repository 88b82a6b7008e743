package io.siteplanner.export;

import io.siteplanner.render.Legend;
import io.siteplanner.render.MapDecorations;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A map's legend set as PDF text and vector swatches beside or under the map (the report's overview page),
 * not over it: the rows (each section's title, then its entries) flow top to bottom into columns of equal
 * row counts, a title never ending a column ({@link Legend#startsColumn}, as the map's own legend).
 */
final class PdfLegend {
    /** Row height, points. */
    static final float ROW = 8.2f;

    /** One row: a section title (entry null) or one of its entries. */
    private record Row(String title, Legend.Entry entry) {
    }

    private final List<List<Row>> columns;
    private final int slots;

    private PdfLegend(List<List<Row>> columns, int slots) {
        this.columns = columns;
        this.slots = slots;
    }

    /** The legend of {@code sections} in at most {@code n} columns. */
    static PdfLegend of(List<MapDecorations.Section> sections, int n) {
        List<Row> rows = new ArrayList<>();
        for (MapDecorations.Section s : sections) {
            rows.add(new Row(s.title(), null));
            for (Legend.Entry e : s.entries()) {
                rows.add(new Row(s.title(), e));
            }
        }
        int per = Math.max(1, (rows.size() + n - 1) / n);
        List<List<Row>> cols = new ArrayList<>();
        List<Row> cur = new ArrayList<>();
        for (Row r : rows) {
            if (cols.size() < n - 1 && Legend.startsColumn(cur.size(), per, r.entry() == null)) {
                cols.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(r);
        }
        if (!cur.isEmpty()) {
            cols.add(cur);
        }
        return new PdfLegend(cols, n);
    }

    /** Its height, points. */
    float height() {
        return columns.stream().mapToInt(List::size).max().orElse(0) * ROW + 6;
    }

    /** Draws it with its top left at ({@code x0}, {@code top}), {@code width} wide. */
    void draw(PDPageContentStream cs, PdfFonts fonts, PDFont regular, PDFont bold, float x0, float top, float width)
            throws IOException {
        float cw = width / Math.max(slots, columns.size());
        for (int c = 0; c < columns.size(); c++) {
            float x = x0 + c * cw;
            float y = top - ROW;
            for (Row row : columns.get(c)) {
                Legend.Entry e = row.entry();
                if (e == null) {
                    fonts.text(cs, bold, 6.8f, x, y, PdfText.fit(bold, 6.8f, row.title(), cw - 6));
                } else if (e.shape() == Legend.Shape.NOTE) {
                    fonts.text(cs, regular, 6.3f, x + 4, y, PdfText.fit(regular, 6.3f, e.label(), cw - 10));
                } else {
                    swatch(cs, e, x + 1, y - 1);
                    fonts.text(cs, regular, 6.5f, x + 15, y, PdfText.fit(regular, 6.5f, e.label(), cw - 20));
                }
                y -= ROW;
            }
        }
    }

    /** An entry's symbol, 11 x 6 pt at (x, y) (bottom left), in the colours the map draws on white paper. */
    private static void swatch(PDPageContentStream cs, Legend.Entry e, float x, float y) throws IOException {
        switch (e.shape()) {
            case LINE:
                cs.setStrokingColor(new Color(onWhite(e.fill())));
                cs.setLineWidth(1.6f);
                cs.moveTo(x, y + 3);
                cs.lineTo(x + 11, y + 3);
                cs.stroke();
                break;
            case POINT: {
                float cx = x + 5.5f;
                float cy = y + 3;
                float r = 2.8f;
                float k = 0.5523f * r; // Bezier quarter circles
                cs.setNonStrokingColor(new Color(onWhite(e.fill())));
                cs.setStrokingColor(new Color(onWhite(e.stroke())));
                cs.setLineWidth(0.5f);
                cs.moveTo(cx + r, cy);
                cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
                cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
                cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
                cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
                cs.fillAndStroke();
                break;
            }
            default:
                PdfReport.fill(cs, onWhite(e.fill()), x, y, 11, 6);
                PdfReport.stroke(cs, onWhite(e.stroke()), x, y, 11, 6);
        }
    }

    /** An ARGB colour as it shows over white paper (alpha blended). */
    static int onWhite(int argb) {
        double a = (argb >>> 24) / 255.0;
        int r = (int) Math.round(((argb >> 16) & 0xff) * a + 255 * (1 - a));
        int g = (int) Math.round(((argb >> 8) & 0xff) * a + 255 * (1 - a));
        int b = (int) Math.round((argb & 0xff) * a + 255 * (1 - a));
        return 0xff000000 | r << 16 | g << 8 | b;
    }
}
