package io.siteplanner.gis.kml;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.kml.KmlGeometry.BadGeometry;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds the features of one KML layer (the placemarks directly in one container). Attributes:
 * {@code Name} and {@code description} (the names GDAL's LIBKML driver uses), then the fields of
 * {@code <ExtendedData>} in order of first appearance: {@code <SchemaData>/<SimpleData>} typed from the
 * referenced {@code <Schema>/<SimpleField type>} (int, uint, short, ushort: INTEGER; float, double: REAL;
 * bool: BOOLEAN; else STRING) and {@code <Data name><value>} typed by inference over the layer (all
 * integers: INTEGER, all numbers: REAL, else STRING). A field name clashing with Name/description gets a
 * {@code _2} suffix.
 */
final class KmlFeatureReader implements KmlWalker.Visitor {
    private static final int MAX_LINES_LISTED = 5;

    /** A SimpleField of a Schema. */
    private record SchemaField(String name, FieldType type) {
    }

    private final KmlSource source;
    private final int target;
    private final Map<String, List<SchemaField>> schemas = new HashMap<>();
    private final Set<String> appliedSchemas = new HashSet<>();
    private final List<String> fieldNames = new ArrayList<>(List.of("Name", "description"));
    private final List<FieldType> declared = new ArrayList<>(Arrays.asList(FieldType.STRING, FieldType.STRING));
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<Geometry> geometries = new ArrayList<>();
    private final List<Long> fids = new ArrayList<>();
    private String[] current;
    private long placemarkNo;
    private long skipped;
    private final List<Integer> skippedLines = new ArrayList<>();
    private String firstSkipReason;

    KmlFeatureReader(KmlSource source, int target) {
        this.source = source;
        this.target = target;
        fieldIndex.put("Name", 0);
        fieldIndex.put("description", 1);
    }

    @Override
    public void name(int container, String name) {
        // layer names are resolved by KmlLayers
    }

    @Override
    public void schema(XMLStreamReader r) throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        String name = r.getAttributeValue(null, "name");
        List<SchemaField> fields = new ArrayList<>();
        int level = 1;
        while (level > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("SimpleField".equals(r.getLocalName())) {
                    String fn = r.getAttributeValue(null, "name");
                    String type = r.getAttributeValue(null, "type");
                    if (fn != null && !fn.isEmpty()) {
                        fields.add(new SchemaField(fn, typeOf(type)));
                    }
                }
                level++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
        if (id != null && !id.isEmpty()) {
            schemas.putIfAbsent(id, fields);
        }
        if (name != null && !name.isEmpty()) {
            schemas.putIfAbsent(name, fields);
        }
    }

    private static FieldType typeOf(String kmlType) {
        if (kmlType == null) {
            return FieldType.STRING;
        }
        switch (kmlType.trim().toLowerCase(Locale.ROOT)) {
            case "int":
            case "uint":
            case "short":
            case "ushort":
                return FieldType.INTEGER;
            case "float":
            case "double":
                return FieldType.REAL;
            case "bool":
                return FieldType.BOOLEAN;
            default:
                return FieldType.STRING;
        }
    }

    @Override
    public void placemark(XMLStreamReader r, int container, String entry) throws XMLStreamException, IOException {
        if (container != target) {
            KmlWalker.skip(r);
            return;
        }
        placemarkNo++;
        int line = r.getLocation().getLineNumber();
        current = new String[fieldNames.size()];
        Geometry geometry = null;
        boolean sawGeometry = false;
        BadGeometry bad = null;
        while (KmlWalker.nextChild(r)) {
            String n = r.getLocalName();
            if ("name".equals(n)) {
                put(0, KmlWalker.text(r));
            } else if ("description".equals(n)) {
                put(1, KmlWalker.text(r));
            } else if ("ExtendedData".equals(n)) {
                extendedData(r);
            } else if (KmlGeometry.isGeometry(n) && !sawGeometry) {
                sawGeometry = true;
                try {
                    geometry = KmlGeometry.parse(r);
                } catch (BadGeometry e) {
                    bad = e;
                }
            } else {
                KmlWalker.skip(r);
            }
        }
        if (bad != null) {
            if (skipped++ < MAX_LINES_LISTED) {
                skippedLines.add(line);
            }
            if (firstSkipReason == null) {
                firstSkipReason = source.where(entry) + bad.getMessage();
            }
            return;
        }
        rows.add(current);
        geometries.add(geometry);
        fids.add(placemarkNo);
    }

    private void put(int index, String value) {
        if (index >= current.length) {
            current = Arrays.copyOf(current, fieldNames.size());
        }
        current[index] = value;
    }

    private void extendedData(XMLStreamReader r) throws XMLStreamException {
        while (KmlWalker.nextChild(r)) {
            String n = r.getLocalName();
            if ("Data".equals(n)) {
                String name = r.getAttributeValue(null, "name");
                String value = null;
                int level = 1;
                while (level > 0) {
                    int e2 = r.next();
                    if (e2 == XMLStreamConstants.START_ELEMENT) {
                        if (level == 1 && "value".equals(r.getLocalName())) {
                            value = KmlWalker.text(r);
                        } else {
                            level++;
                        }
                    } else if (e2 == XMLStreamConstants.END_ELEMENT) {
                        level--;
                    }
                }
                if (name != null && !name.isEmpty()) {
                    put(field(name, null), value);
                }
            } else if ("SchemaData".equals(n)) {
                applySchema(r.getAttributeValue(null, "schemaUrl"));
                int level = 1;
                while (level > 0) {
                    int e2 = r.next();
                    if (e2 == XMLStreamConstants.START_ELEMENT) {
                        if (level == 1 && "SimpleData".equals(r.getLocalName())) {
                            String name = r.getAttributeValue(null, "name");
                            String value = KmlWalker.text(r);
                            if (name != null && !name.isEmpty()) {
                                put(field(name, null), value);
                            }
                        } else {
                            level++;
                        }
                    } else if (e2 == XMLStreamConstants.END_ELEMENT) {
                        level--;
                    }
                }
            } else {
                KmlWalker.skip(r);
            }
        }
    }

    private void applySchema(String url) {
        if (url == null) {
            return;
        }
        String key = url.trim();
        int hash = key.lastIndexOf('#');
        if (hash >= 0) {
            key = key.substring(hash + 1);
        }
        if (!appliedSchemas.add(key)) {
            return;
        }
        List<SchemaField> fields = schemas.get(key);
        if (fields == null) {
            return;
        }
        for (SchemaField f : fields) {
            field(f.name(), f.type());
        }
    }

    /** Index of the extended-data field {@code name}, created (with a declared type or null) when new. */
    private int field(String name, FieldType type) {
        String n = name;
        if (n.equals("Name") || n.equals("description")) {
            n = n + "_2";
        }
        Integer i = fieldIndex.get(n);
        if (i != null) {
            if (type != null && declared.get(i) == null) {
                declared.set(i, type);
            }
            return i;
        }
        int idx = fieldNames.size();
        fieldNames.add(n);
        declared.add(type);
        fieldIndex.put(n, idx);
        return idx;
    }

    /** The layer built from the placemarks seen. */
    VectorLayer build(String layerName, Progress progress) {
        int nf = fieldNames.size();
        FieldType[] types = new FieldType[nf];
        for (int i = 0; i < nf; i++) {
            types[i] = declared.get(i) != null ? declared.get(i) : infer(i);
        }
        List<Field> fields = new ArrayList<>(nf);
        for (int i = 0; i < nf; i++) {
            fields.add(new Field(fieldNames.get(i), types[i]));
        }
        long badValues = 0;
        String firstBadValue = null;
        List<Feature> features = new ArrayList<>(rows.size());
        boolean hasZ = false;
        Envelope bounds = new Envelope();
        for (int k = 0; k < rows.size(); k++) {
            if ((k & 4095) == 0) {
                progress.checkCancelled();
            }
            String[] raw = rows.get(k);
            Object[] values = new Object[nf];
            for (int i = 0; i < raw.length; i++) {
                String s = raw[i];
                if (s == null) {
                    continue;
                }
                Object v = convert(types[i], s);
                if (v == BAD) {
                    badValues++;
                    if (firstBadValue == null) {
                        firstBadValue = "field '" + Snippets.token(fieldNames.get(i), 40) + "' of placemark "
                                + fids.get(k) + ": '" + Snippets.token(s.trim()) + "' is not a " + types[i].label();
                    }
                    v = null;
                }
                values[i] = v;
            }
            Geometry g = geometries.get(k);
            if (g != null && !g.isEmpty()) {
                bounds.expandToInclude(g.getEnvelopeInternal());
                if (!hasZ) {
                    Coordinate c = g.getCoordinate();
                    hasZ = c != null && !Double.isNaN(c.getZ());
                }
            }
            features.add(new Feature(fids.get(k), g, values));
        }
        VectorLayer.Builder b = VectorLayer.builder(layerName).source(source.file()).crs(Crs.wgs84(), 4326)
                .schema(new Schema(fields)).features(features).hasZ(hasZ).bounds(bounds);
        if (skipped > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append(skipped).append(skipped == 1 ? " placemark" : " placemarks")
                    .append(" skipped: invalid geometry (line").append(skippedLines.size() == 1 ? " " : "s ");
            for (int i = 0; i < skippedLines.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(skippedLines.get(i));
            }
            if (skipped > skippedLines.size()) {
                sb.append(", ...");
            }
            sb.append("); first: ").append(firstSkipReason);
            b.warn(sb.toString());
        }
        if (badValues > 0) {
            b.warn(badValues + (badValues == 1 ? " value" : " values") + " did not match the type declared in the"
                    + " KML Schema and were left empty; first: " + firstBadValue);
        }
        String implausible = Crs.checkPlausible(bounds, Crs.wgs84());
        if (implausible != null) {
            b.warn(implausible);
        }
        return b.build();
    }

    private static final Object BAD = new Object();

    private static Object convert(FieldType type, String s) {
        if (type == FieldType.STRING) {
            return s;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            switch (type) {
                case INTEGER:
                    try {
                        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                    } catch (NumberFormatException e) {
                        double d = Double.parseDouble(t);
                        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                            return (long) d;
                        }
                        return BAD;
                    }
                case REAL:
                    return isNumber(t) ? Double.parseDouble(t) : BAD;
                case BOOLEAN:
                    if (t.equals("1") || t.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (t.equals("0") || t.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    return BAD;
                default:
                    return s;
            }
        } catch (NumberFormatException e) {
            return BAD;
        }
    }

    private FieldType infer(int field) {
        boolean allInt = true;
        boolean allNum = true;
        boolean any = false;
        for (String[] row : rows) {
            if (field >= row.length || row[field] == null) {
                continue;
            }
            String t = row[field].trim();
            if (t.isEmpty()) {
                continue;
            }
            any = true;
            if (allInt && !isInteger(t)) {
                allInt = false;
            }
            if (!allInt && !isNumber(t)) {
                allNum = false;
                break;
            }
        }
        if (!any || !allNum) {
            return FieldType.STRING;
        }
        return allInt ? FieldType.INTEGER : FieldType.REAL;
    }

    /** Optional sign and 1-18 digits without a leading zero ("06511" stays text). */
    static boolean isInteger(String t) {
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        int digits = t.length() - i;
        if (digits < 1 || digits > 18 || (digits > 1 && t.charAt(i) == '0')) {
            return false;
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A plain decimal number, exponent allowed; no NaN/Infinity/hex; no leading zeros before digits. */
    static boolean isNumber(String t) {
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        int n = t.length();
        int intStart = i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits > 1 && t.charAt(intStart) == '0') {
            return false;
        }
        int frac = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                frac++;
            }
        }
        if (intDigits + frac == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int x = i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            if (i == x) {
                return false;
            }
        }
        return i == n;
    }
}
