package io.siteplanner.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text made safe for a PDF font: PDFBox throws on characters the font cannot show (the embedded
 * Liberation Sans of {@link PdfFonts} has Latin, Greek, Cyrillic and common signs such as ≥ and °, but
 * no CJK; the standard 14 fonts only WinAnsi).
 * Known symbols get ASCII stand-ins ({@code ≥} becomes {@code >=}), other unsupported characters
 * become {@code ?}, line breaks and tabs become spaces. Also measures and wraps text.
 */
final class PdfText {
    private static final Map<String, String> STAND_INS = Map.ofEntries(Map.entry("\u2265", ">="),
            Map.entry("\u2264", "<="), Map.entry("\u2260", "!="), Map.entry("\u2212", "-"), Map.entry("\u2192", "->"),
            Map.entry("\u2190", "<-"), Map.entry("\u2248", "~"), Map.entry("\u00a0", " "), Map.entry("\u2009", " "),
            Map.entry("\u202f", " "), Map.entry("\u2011", "-"), Map.entry("\u2010", "-"), Map.entry("\u2032", "'"),
            Map.entry("\u2033", "\""), Map.entry("\u00b2", "2"), Map.entry("\u00b3", "3"));
    /** Per font name (fonts are loaded per document; one face covers the same characters). */
    private static final Map<String, Map<Integer, Boolean>> CAN_SHOW = new ConcurrentHashMap<>();

    private PdfText() {
    }

    /** The text with every character the font cannot encode replaced. */
    static String safe(PDFont font, String s) {
        if (s == null) {
            return "";
        }
        Map<Integer, Boolean> cache = CAN_SHOW.computeIfAbsent(font.getClass().getSimpleName() + "/" + font.getName(),
                f -> new ConcurrentHashMap<>());
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                return;
            }
            boolean ok = cache.computeIfAbsent(cp, c -> {
                try {
                    font.encode(ch);
                    return font.getStringWidth(ch) >= 0;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                sb.append(ch);
            } else {
                String alt = STAND_INS.get(ch);
                sb.append(alt != null ? alt : "?");
            }
        });
        return sb.toString();
    }

    /** Width in points of safe text at a size. */
    static float width(PDFont font, float size, String safeText) {
        try {
            return font.getStringWidth(safeText) / 1000f * size;
        } catch (IOException e) {
            return safeText.length() * size * 0.5f;
        }
    }

    /** Safe text cut with "..." to fit a width. */
    static String fit(PDFont font, float size, String text, float maxWidth) {
        String s = safe(font, text);
        if (width(font, size, s) <= maxWidth) {
            return s;
        }
        int n = s.length();
        while (n > 0 && width(font, size, s.substring(0, n) + "...") > maxWidth) {
            n--;
        }
        return s.substring(0, n) + "...";
    }

    /** Safe text broken into lines of at most maxWidth (words longer than a line are cut). */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : (text == null ? "" : text).split("\r?\n", -1)) {
            String[] words = safe(font, para).split(" ");
            StringBuilder line = new StringBuilder();
            for (String w : words) {
                String cand = line.length() == 0 ? w : line + " " + w;
                if (width(font, size, cand) <= maxWidth) {
                    line.setLength(0);
                    line.append(cand);
                } else {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                    }
                    line.setLength(0);
                    line.append(width(font, size, w) <= maxWidth ? w : fit(font, size, w, maxWidth));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
