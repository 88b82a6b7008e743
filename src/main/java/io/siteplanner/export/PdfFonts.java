package io.siteplanner.export;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The fonts of a PDF report, embedded so that it prints and reads the same everywhere (PDF/A and print
 * shops reject unembedded fonts; the standard 14 fonts are never embedded). The face is Liberation Sans
 * Regular, the TrueType font that PDFBox itself ships ({@code org/apache/pdfbox/resources/ttf}, SIL Open
 * Font License 1.1, see PDFBox's LICENSE), embedded as a subset of the glyphs used. Bold is the same face
 * drawn filled and stroked (a second subset), so no other font file is needed. Liberation Sans covers
 * Latin, Greek and Cyrillic and signs such as ≥, ±, °, —; {@link PdfText#safe} replaces the rest.
 */
final class PdfFonts {
    static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    final PDFont regular;
    final PDFont bold;

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads the fonts into {@code doc} (fonts belong to one document). */
    static PdfFonts load(PDDocument doc) throws IOException {
        return new PdfFonts(font(doc), font(doc));
    }

    private static PDFont font(PDDocument doc) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the PDF font " + RESOURCE + " is missing from the class path");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Shows safe text at (x, y) in black. */
    void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        text(cs, font, size, x, y, s, Color.BLACK);
    }

    /** Shows text at (x, y); the bold font is filled and stroked with a hairline of its size. */
    void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s, Color color)
            throws IOException {
        boolean b = font == bold;
        cs.saveGraphicsState();
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        if (b) {
            cs.setStrokingColor(color);
            cs.setLineWidth(size * 0.04f);
            cs.setRenderingMode(RenderingMode.FILL_STROKE);
        } else {
            cs.setRenderingMode(RenderingMode.FILL);
        }
        cs.newLineAtOffset(x, y);
        cs.showText(PdfText.safe(font, s));
        cs.endText();
        cs.restoreGraphicsState();
    }
}
