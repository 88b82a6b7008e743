package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.model.style.Colors;
import io.siteplanner.render.ScoreLegend;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.geotools.api.referencing.operation.MathTransform;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes sites as OGC KML 2.2 for Google Earth: a {@code Document} with a typed {@code Schema}
 * ({@code sites}), one {@code Style} per score class and one {@code Placemark} per {@link SiteTable} row
 * (name = site id; geometry in EPSG:4326 longitude,latitude, polygons with counter-clockwise outer rings;
 * {@code ExtendedData/SchemaData} with every column, missing values left out; a {@code description}
 * HTML table of the values with units from {@link Units#format}).
 *
 * <p>Score classes: the score stretched over the passing sites (as on the map, {@code ScoreLegend}) in
 * five equal classes {@code #score-1} (worst, red) .. {@code #score-5} (best, green) from the
 * red-yellow-green ramp; sites failing a constraint use {@code #failed} (grey). KML colours are
 * {@code aabbggrr}. Text is escaped by the XML writer; characters not allowed in XML 1.0 are dropped.
 */
public final class SitesKmlWriter {
    /** Number of score classes. */
    public static final int CLASSES = ScoreLegend.CLASSES;
    /** Id of the Schema element (the Document's id is "sites"). */
    public static final String SCHEMA_ID = "sites-schema";

    private SitesKmlWriter() {
    }

    public static void write(SiteTable t, Units.DistanceUnit du, Path out, Progress progress) throws IOException {
        AtomicWrite.write(out, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(os, "UTF-8");
                try {
                    writeDocument(w, t, du, progress);
                } finally {
                    w.close();
                }
            } catch (XMLStreamException e) {
                throw new IOException("cannot write KML " + out.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }

    /** The KML colour (aabbggrr) of an ARGB colour. */
    public static String kmlColor(int argb) {
        int a = argb >>> 24;
        int r = argb >> 16 & 0xff;
        int g = argb >> 8 & 0xff;
        int b = argb & 0xff;
        return String.format(Locale.ROOT, "%02x%02x%02x%02x", a, b, g, r);
    }

    /** Fill colour (ARGB) of score class k (1..CLASSES) of a spread legend. */
    public static int classColor(int k) {
        return new ScoreLegend(0, 1, CLASSES).color(k);
    }

    private static void writeDocument(XMLStreamWriter w, SiteTable t, Units.DistanceUnit du, Progress progress)
            throws XMLStreamException {
        ScoreResult r = t.result();
        ScoringSession s = r.session();
        List<SiteTable.Column> cols = t.columns();
        List<Criterion> cs = s.criteria();
        int m = cs.size();
        MathTransform mt = s.analysisCrs() == null ? null : Crs.transform(s.analysisCrs(), Crs.wgs84());
        boolean idFitsInt = true;
        for (int p = 0; p < t.size(); p++) {
            Object id = s.id(t.site(p));
            if (id instanceof Number && (((Number) id).longValue() > Integer.MAX_VALUE
                    || ((Number) id).longValue() < Integer.MIN_VALUE)) {
                idFitsInt = false;
            }
        }
        ScoreLegend legend = ScoreLegend.of(r);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("kml");
        w.writeDefaultNamespace("http://www.opengis.net/kml/2.2");
        w.writeStartElement("Document");
        w.writeAttribute("id", "sites");
        text(w, "name", clean(s.scenario().name() == null ? "Sites" : s.scenario().name()));
        StringBuilder key = new StringBuilder();
        for (int k = legend.classes(); k >= 1; k--) {
            key.append("; score-").append(k).append(": ").append(legend.label(k));
        }
        text(w, "description", clean(t.size() + " sites of " + r.size() + " ranked; " + r.passedCount()
                + " pass all constraints. Score classes over the passing sites" + key + "; failed: grey"));
        w.writeCharacters("\n");
        for (int k = 1; k <= CLASSES; k++) {
            style(w, "score-" + k, k <= legend.classes() ? legend.color(k) : classColor(k));
        }
        style(w, "failed", ScoreLegend.FAILED);
        // schema (its id must differ from the Document's: both are xsd:ID)
        w.writeStartElement("Schema");
        w.writeAttribute("name", "sites");
        w.writeAttribute("id", SCHEMA_ID);
        for (int c = 0; c < cols.size(); c++) {
            SiteTable.Column col = cols.get(c);
            w.writeEmptyElement("SimpleField");
            w.writeAttribute("name", clean(col.name()));
            String type;
            switch (col.type()) {
                case INTEGER: type = c == 1 && !idFitsInt ? "string" : "int"; break;
                case REAL: type = "double"; break;
                case BOOLEAN: type = "bool"; break;
                default: type = "string";
            }
            w.writeAttribute("type", type);
        }
        w.writeEndElement();
        w.writeCharacters("\n");
        // the placemarks in one Folder, so that readers (GDAL, QGIS) see a "sites" layer even when it is empty
        w.writeStartElement("Folder");
        text(w, "name", "sites");
        w.writeCharacters("\n");
        Object[] v = null;
        StringBuilder html = new StringBuilder(2048);
        StringBuilder coords = new StringBuilder(4096);
        for (int p = 0; p < t.size(); p++) {
            if ((p & 1023) == 0) {
                progress.checkCancelled();
                progress.update((double) p / Math.max(1, t.size()), "writing KML");
            }
            int site = t.site(p);
            v = t.values(p, v);
            w.writeStartElement("Placemark");
            text(w, "name", clean(String.valueOf(s.id(site))));
            // description table
            ScoreResult.Explanation ex = r.explain(site);
            ShortlistEntry e = t.entry(site);
            html.setLength(0);
            html.append("<table border=\"1\" cellpadding=\"2\" style=\"border-collapse:collapse\">");
            row(html, "Rank", ex.rank() + " of " + r.size());
            row(html, "Score", String.format(Locale.ROOT, "%.3f", ex.score()));
            row(html, "Passes constraints", ex.passed() ? "yes" : "no");
            for (int c = 0; c < m; c++) {
                ScoreResult.Part part = ex.parts().get(c);
                Criterion spec = cs.get(c);
                row(html, spec.label() == null ? spec.id() : spec.label(), part.format(du)
                        + (part.weight() > 0 ? String.format(Locale.ROOT, " (contributes %.3f)", part.contribution()) : ""));
            }
            String reasons = ResultColumns.reasons(r, site);
            if (!reasons.isEmpty()) {
                row(html, "Reasons", reasons);
            }
            if (e != null) {
                row(html, "Status", e.status().label());
                row(html, "Note", e.note());
            }
            html.append("</table>");
            text(w, "description", clean(html.toString()));
            text(w, "styleUrl", "#" + (r.passed(site) ? "score-" + legend.classOf(r.score(site)) : "failed"));
            // extended data
            w.writeStartElement("ExtendedData");
            w.writeStartElement("SchemaData");
            w.writeAttribute("schemaUrl", "#" + SCHEMA_ID);
            for (int c = 0; c < cols.size(); c++) {
                if (v[c] == null) {
                    continue;
                }
                w.writeStartElement("SimpleData");
                w.writeAttribute("name", clean(cols.get(c).name()));
                w.writeCharacters(clean(value(v[c])));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            Geometry g = ResultsGeoJsonWriter.toWgs84(s.geometry(site), mt);
            if (g != null && !g.isEmpty()) {
                geometry(w, g, coords);
            }
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        w.writeEndElement(); // Folder
        w.writeEndElement();
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }


    private static String value(Object x) {
        if (x instanceof Boolean) {
            return ((Boolean) x) ? "1" : "0"; // xsd:boolean; GDAL's LIBKML reads only 1/0
        }
        return x.toString();
    }

    private static void style(XMLStreamWriter w, String id, int argb) throws XMLStreamException {
        w.writeStartElement("Style");
        w.writeAttribute("id", id);
        w.writeStartElement("LineStyle");
        text(w, "color", kmlColor(Colors.lerp(argb, Colors.rgb(0x000000), 0.45)));
        text(w, "width", "1.5");
        w.writeEndElement();
        w.writeStartElement("PolyStyle");
        text(w, "color", kmlColor(Colors.withAlpha(argb, 0xb4)));
        w.writeEndElement();
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th align=\"left\">");
        html(html, key);
        html.append("</th><td>");
        html(html, value);
        html.append("</td></tr>");
    }

    /** HTML-escapes text (the description is HTML; the XML writer escapes it once more). */
    private static void html(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\n': sb.append("<br/>"); break;
                default: sb.append(c);
            }
        }
    }

    private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** Drops characters XML 1.0 does not allow (control characters other than tab, LF, CR; lone surrogates). */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c >= 0x20 ? c != 0xfffe && c != 0xffff : c == '\t' || c == '\n' || c == '\r';
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            } else if (ok && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static void geometry(XMLStreamWriter w, Geometry g, StringBuilder sb) throws XMLStreamException {
        if (g instanceof Point) {
            w.writeStartElement("Point");
            coordinates(w, sb, new Coordinate[] {g.getCoordinate()});
            w.writeEndElement();
        } else if (g instanceof LineString) {
            w.writeStartElement("LineString");
            text(w, "tessellate", "1");
            coordinates(w, sb, g.getCoordinates());
            w.writeEndElement();
        } else if (g instanceof Polygon) {
            Polygon p = (Polygon) g;
            w.writeStartElement("Polygon");
            text(w, "tessellate", "1");
            w.writeStartElement("outerBoundaryIs");
            ring(w, sb, p.getExteriorRing().getCoordinates(), true);
            w.writeEndElement();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                w.writeStartElement("innerBoundaryIs");
                ring(w, sb, p.getInteriorRingN(i).getCoordinates(), false);
                w.writeEndElement();
            }
            w.writeEndElement();
        } else if (g.getNumGeometries() == 1 && g.getGeometryN(0) != g) {
            geometry(w, g.getGeometryN(0), sb);
        } else {
            w.writeStartElement("MultiGeometry");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!g.getGeometryN(i).isEmpty()) {
                    geometry(w, g.getGeometryN(i), sb);
                }
            }
            w.writeEndElement();
        }
    }

    private static void ring(XMLStreamWriter w, StringBuilder sb, Coordinate[] cs, boolean ccw) throws XMLStreamException {
        if (cs.length >= 4 && Orientation.isCCW(cs) != ccw) {
            Coordinate[] rev = new Coordinate[cs.length];
            for (int i = 0; i < cs.length; i++) {
                rev[i] = cs[cs.length - 1 - i];
            }
            cs = rev;
        }
        w.writeStartElement("LinearRing");
        coordinates(w, sb, cs);
        w.writeEndElement();
    }

    private static void coordinates(XMLStreamWriter w, StringBuilder sb, Coordinate[] cs) throws XMLStreamException {
        sb.setLength(0);
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            degrees(sb, cs[i].x);
            sb.append(',');
            degrees(sb, cs[i].y);
        }
        text(w, "coordinates", sb.toString());
    }

    /** Appends degrees with up to 7 decimals (about 1 cm), plain notation, no trailing zeros. */
    static void degrees(StringBuilder sb, double d) {
        long u = Math.round(Math.abs(d) * 1e7);
        if (d < 0 && u != 0) {
            sb.append('-');
        }
        sb.append(u / 10_000_000L);
        long f = u % 10_000_000L;
        if (f != 0) {
            sb.append('.');
            String fs = Long.toString(f);
            for (int k = fs.length(); k < 7; k++) {
                sb.append('0');
            }
            int end = fs.length();
            while (fs.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(fs, 0, end);
        }
    }
}
