package io.siteplanner.gis.geojson;

import static io.siteplanner.gis.geojson.JsonMessages.at;
import static io.siteplanner.gis.geojson.JsonMessages.describe;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.Limits;
import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * One streaming read of a GeoJSON file with Jackson's {@link JsonParser}: geometries are built directly from
 * the token stream, members may come in any order (a legacy {@code crs} member after {@code features}, a
 * geometry's {@code type} after its {@code coordinates}). Not thread-safe; one instance per read.
 */
final class GeoJsonReader {
    /**
     * Nesting is limited to {@link Limits#MAX_NESTING} (Jackson's default is 1000, deep enough for the
     * recursive geometry building to exhaust the stack); error messages quote at most
     * {@link Snippets#MAX_TOKEN} characters of a bad token and no raw content.
     */
    static final JsonFactory FACTORY = JsonMapper.builder(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_NESTING).build())
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(Snippets.MAX_TOKEN).maxRawContentLength(0).build())
            .build()).build().getFactory();
    private static final GeometryFactory GF = Geometries.FACTORY;
    private static final Object[] EMPTY = new Object[0];
    private static final int MAX_LISTED = 5;
    private static final int PROGRESS_EVERY = 1024;

    private final Path file;
    private final ReadOptions options;
    private final Progress progress;
    private final long fileSize;
    private JsonParser p;

    // collected
    private final PropertyTable props = new PropertyTable();
    private final List<Raw> features = new ArrayList<>();
    private final Envelope bounds = new Envelope();
    private boolean anyZ;
    private String crsName;
    private String crsProblem;
    private int featureIndex;
    private int skipped;
    private final StringBuilder skippedList = new StringBuilder();
    private int closedRings;
    /** Problem of the geometry being built (first one wins), or null. */
    private String problem;

    /** A feature as read, before the schema is known. */
    private static final class Raw {
        final long index;
        final Object id;
        final Geometry geometry;
        final Object[] values;

        Raw(long index, Object id, Geometry geometry, Object[] values) {
            this.index = index;
            this.id = id;
            this.geometry = geometry;
            this.values = values;
        }
    }

    /** Members of a geometry object, collected in any order. */
    private static final class GeomParts {
        String type;
        Object coords;
        boolean hasCoords;
        List<Geometry> geometries;
        boolean hasGeometries;
    }

    GeoJsonReader(Path file, ReadOptions options, Progress progress) throws IOException {
        this.file = file;
        this.options = options;
        this.progress = progress;
        this.fileSize = Files.size(file);
    }

    VectorLayer read() throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            this.p = parser;
            readDocument();
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage());
            throw new LayerReadException(file, at(e.getLocation()) + (m.contains("nesting depth")
                    ? "JSON arrays/objects nest more than " + Limits.MAX_NESTING + " levels deep (limit)"
                    : "a JSON value is beyond Jackson's limits: " + JsonMessages.lowerFirst(Snippets.library(m, "too long"))), e);
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw new LayerReadException(file, at(e.getLocation())
                    + "unexpected end of file (the file is truncated or incomplete)", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LayerReadException(file, at(e.getLocation())
                    + JsonMessages.lowerFirst(Snippets.library(e.getOriginalMessage(), "invalid JSON")), e);
        }
        return build();
    }


    private LayerReadException notGeoJson(String why) {
        return new LayerReadException(file, "not GeoJSON (" + why + ")");
    }

    // ---------------------------------------------------------------------------------------------------
    // document structure

    private void readDocument() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw notGeoJson("the file has no JSON content");
        }
        if (t != JsonToken.START_OBJECT) {
            throw notGeoJson("the top-level value is " + describe(t) + ", not an object");
        }
        String type = null;
        GeomParts root = new GeomParts();
        Geometry featureGeometry = null;
        boolean hasGeometry = false;
        String geometryProblem = null;
        Object[] featureValues = null;
        Object featureId = null;
        boolean hasFeatures = false;
        JsonLocation typeLocation = null;
        JsonNode rootProperties = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type":
                    typeLocation = p.currentLocation();
                    type = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    if (type == null) {
                        throw notGeoJson(at(typeLocation) + "the type member is " + describe(v) + ", not a string");
                    }
                    break;
                case "features":
                    hasFeatures = true;
                    readFeatures(v);
                    break;
                case "crs":
                    readCrs(v);
                    break;
                case "geometry":
                    problem = null;
                    featureGeometry = readGeometry(v);
                    hasGeometry = true;
                    geometryProblem = problem;
                    break;
                case "properties":
                    if ("Feature".equals(type)) {
                        featureValues = readProperties(v, featureValues);
                    } else if (v == JsonToken.START_OBJECT) {
                        // a foreign member of a FeatureCollection, or a Feature whose type comes later
                        rootProperties = p.readValueAsTree();
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "id":
                    featureId = readId(v);
                    break;
                case "coordinates":
                    problem = null;
                    root.coords = readCoordinates(v);
                    root.hasCoords = true;
                    geometryProblem = problem;
                    break;
                case "geometries":
                    problem = null;
                    root.geometries = readGeometryList(v);
                    root.hasGeometries = true;
                    geometryProblem = problem;
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (type == null) {
            if (!hasFeatures) {
                throw notGeoJson("no type member");
            }
            type = "FeatureCollection";
        }
        switch (type) {
            case "FeatureCollection":
                break;
            case "Feature":
                featureIndex++;
                if (rootProperties != null) {
                    featureValues = readPropertiesTree(rootProperties, featureValues);
                }
                addFeature(featureId, featureGeometry, featureValues, hasGeometry ? geometryProblem : null);
                readFeatureSequence();
                break;
            case "Point": case "MultiPoint": case "LineString": case "MultiLineString": case "Polygon":
            case "MultiPolygon": case "GeometryCollection":
                featureIndex++;
                root.type = type;
                problem = geometryProblem;
                Geometry g = problem == null ? buildGeometry(root) : null;
                addFeature(null, g, null, problem);
                break;
            case "Topology":
                throw notGeoJson("type 'Topology': this is TopoJSON; open it as TopoJSON");
            default:
                throw notGeoJson(at(typeLocation) + "unknown type '" + Snippets.token(type) + "'");
        }
    }

    /** Newline-delimited GeoJSON (one Feature per line, GeoJSON text sequences without RS): more roots. */
    private void readFeatureSequence() throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t != JsonToken.START_OBJECT) {
                throw new LayerReadException(file, at(p.currentLocation()) + "expected another Feature object after"
                        + " the first one, found " + describe(t));
            }
            featureIndex++;
            readFeatureBody();
            tick();
        }
    }

    private void readFeatures(JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_ARRAY) {
            throw notGeoJson(at(p.currentLocation()) + "the features member is " + describe(v) + ", not an array");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input inside features");
            }
            featureIndex++;
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                skip("is " + describe(t) + ", not a Feature object");
                continue;
            }
            readFeatureBody();
            tick();
        }
    }

    private void tick() {
        if (featureIndex % PROGRESS_EVERY == 0) {
            progress.checkCancelled();
            long off = p.currentLocation().getByteOffset();
            progress.update(off >= 0 && fileSize > 0 ? Math.min(1.0, (double) off / fileSize) : Double.NaN,
                    "reading " + file.getFileName());
        }
    }

    /** Reads one Feature object; the parser is on its START_OBJECT. */
    private void readFeatureBody() throws IOException {
        Object id = null;
        Geometry g = null;
        Object[] values = null;
        String type = null;
        problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type":
                    type = v == JsonToken.VALUE_STRING ? p.getText() : describe(v);
                    p.skipChildren();
                    break;
                case "geometry":
                    g = readGeometry(v);
                    break;
                case "properties":
                    values = readProperties(v, values);
                    break;
                case "id":
                    id = readId(v);
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (type != null && !"Feature".equals(type)) {
            skip("is a '" + Snippets.token(type) + "' object, not a Feature");
            return;
        }
        addFeature(id, g, values, problem);
    }

    private void addFeature(Object id, Geometry g, Object[] values, String geometryProblem) {
        if (geometryProblem != null) {
            skip(geometryProblem);
            return;
        }
        if (g != null && !g.isEmpty()) {
            bounds.expandToInclude(g.getEnvelopeInternal());
        }
        features.add(new Raw(featureIndex, id, g, values));
    }

    private void skip(String why) {
        if (skipped < MAX_LISTED) {
            if (skipped > 0) {
                skippedList.append("; ");
            }
            skippedList.append("feature ").append(featureIndex).append(": ").append(why);
        }
        skipped++;
    }

    private Object readId(JsonToken v) throws IOException {
        switch (v) {
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getText();
                }
                return p.getLongValue();
            case VALUE_STRING:
            case VALUE_NUMBER_FLOAT:
                return p.getText();
            case VALUE_NULL:
                return null;
            default:
                p.skipChildren();
                return null;
        }
    }

    /** Reads properties held as a tree (the root of a single Feature whose type came after them). */
    private Object[] readPropertiesTree(JsonNode node, Object[] into) throws IOException {
        JsonParser saved = p;
        try (JsonParser tree = node.traverse(saved.getCodec())) {
            p = tree;
            return readProperties(p.nextToken(), into);
        } finally {
            p = saved;
        }
    }

    private Object[] readProperties(JsonToken v, Object[] into) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return into;
        }
        return props.read(p, into);
    }

    // ---------------------------------------------------------------------------------------------------
    // CRS

    private void readCrs(JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            crsProblem = "the crs member is " + describe(v) + ", not an object";
            return;
        }
        JsonNode node = p.readValueAsTree();
        String type = node.path("type").asText("");
        JsonNode pr = node.path("properties");
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "name":
                crsName = pr.path("name").asText(null);
                break;
            case "epsg":
                crsName = pr.has("code") ? "EPSG:" + pr.path("code").asText() : null;
                break;
            case "ogc":
                crsName = pr.path("urn").asText(null);
                break;
            default:
                crsProblem = "crs member of type '" + Snippets.token(type) + "' is not supported";
                return;
        }
        if (crsName == null || crsName.isBlank()) {
            crsName = null;
            crsProblem = "crs member has no CRS name";
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // geometry

    /** Reads a geometry value (object or null); on a problem sets {@link #problem} and returns null. */
    private Geometry readGeometry(JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            fail("geometry is " + describe(v) + ", not an object");
            return null;
        }
        GeomParts parts = new GeomParts();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type":
                    if (t == JsonToken.VALUE_STRING) {
                        parts.type = p.getText();
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "coordinates":
                    parts.coords = readCoordinates(t);
                    parts.hasCoords = true;
                    break;
                case "geometries":
                    parts.geometries = readGeometryList(t);
                    parts.hasGeometries = true;
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (problem != null) {
            return null;
        }
        return buildGeometry(parts);
    }

    private List<Geometry> readGeometryList(JsonToken v) throws IOException {
        List<Geometry> out = new ArrayList<>();
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            fail("geometries is " + describe(v) + ", not an array");
            return out;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input inside geometries");
            }
            Geometry g = readGeometry(t);
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    private void fail(String why) {
        if (problem == null) {
            problem = why;
        }
    }

    /**
     * Reads a coordinates value into a nested structure: a {@link Coordinate} for a position, a
     * {@code Coordinate[]} for an array of positions, an {@code Object[]} for deeper arrays, {@link #EMPTY}
     * for {@code []}. Invalid content sets {@link #problem}; the stream is always consumed to the end of
     * the value.
     */
    private Object readCoordinates(JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            fail(v == JsonToken.VALUE_NULL ? "coordinates are null" : "coordinates are " + describe(v) + ", not an array");
            return null;
        }
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return EMPTY;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return readPosition(t);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> children = new ArrayList<>();
            boolean allPositions = true;
            do {
                if (t != JsonToken.START_ARRAY) {
                    if (t == null) {
                        throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in coordinates");
                    }
                    p.skipChildren();
                    fail("coordinates mix arrays and " + describe(t));
                    continue;
                }
                Object child = readCoordinates(t);
                if (!(child instanceof Coordinate)) {
                    allPositions = false;
                }
                children.add(child);
            } while ((t = p.nextToken()) != JsonToken.END_ARRAY);
            if (allPositions) {
                return positions(children);
            }
            return children.toArray();
        }
        // a string, boolean, null or object where a number or array belongs
        fail(badNumber(t));
        if (t.isStructStart()) {
            p.skipChildren();
        }
        skipRestOfArray();
        return null;
    }

    /** An array of positions of one dimension: 2D positions are lifted to 3D when others have Z. */
    private static Coordinate[] positions(List<Object> children) {
        Coordinate[] cs = children.toArray(new Coordinate[0]);
        boolean xy = false;
        boolean xyz = false;
        for (Coordinate c : cs) {
            if (c instanceof CoordinateXY) {
                xy = true;
            } else {
                xyz = true;
            }
        }
        if (xy && xyz) {
            for (int i = 0; i < cs.length; i++) {
                if (cs[i] instanceof CoordinateXY) {
                    cs[i] = new Coordinate(cs[i].x, cs[i].y);
                }
            }
        }
        return cs;
    }

    private String badNumber(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return "coordinate \"" + Snippets.token(p.getText()) + "\" is not a number";
        }
        return "coordinate is " + describe(t) + ", not a number";
    }

    private void skipRestOfArray() throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in coordinates");
            }
            if (t.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    /** Reads the numbers of a position; the parser is on the first number. */
    private Coordinate readPosition(JsonToken first) throws IOException {
        double x = p.getDoubleValue();
        double y = Double.NaN;
        double z = Double.NaN;
        int n = 1;
        boolean bad = false;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                if (n == 1) {
                    y = p.getDoubleValue();
                } else if (n == 2) {
                    z = p.getDoubleValue();
                }
                n++;
            } else {
                if (t == null) {
                    throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in coordinates");
                }
                if (!bad) {
                    fail(badNumber(t));
                    bad = true;
                }
                if (t.isStructStart()) {
                    p.skipChildren();
                }
            }
        }
        if (bad) {
            return null;
        }
        if (n < 2) {
            fail("position has " + n + " number, at least 2 are needed");
            return null;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || (n > 2 && !Double.isFinite(z) && !Double.isNaN(z))) {
            fail("coordinate is not a finite number (" + x + ", " + y + ")");
            return null;
        }
        if (Double.isNaN(z) && n > 2) {
            fail("coordinate z is NaN");
            return null;
        }
        if (n > 2) {
            anyZ = true;
            return new Coordinate(x, y, z);
        }
        return new CoordinateXY(x, y);
    }

    private Geometry buildGeometry(GeomParts g) {
        if (g.type == null) {
            fail("geometry has no type");
            return null;
        }
        if ("GeometryCollection".equals(g.type)) {
            if (!g.hasGeometries) {
                fail("GeometryCollection has no geometries member");
                return null;
            }
            return GF.createGeometryCollection(g.geometries.toArray(new Geometry[0]));
        }
        if (!g.hasCoords) {
            fail(g.type + " has no coordinates member");
            return null;
        }
        Object c = g.coords;
        switch (g.type) {
            case "Point":
                if (c == EMPTY) {
                    return GF.createPoint();
                }
                if (c instanceof Coordinate) {
                    return GF.createPoint((Coordinate) c);
                }
                return shape("Point", "a position");
            case "MultiPoint": {
                Coordinate[] pts = positions(c);
                if (pts == null) {
                    return shape("MultiPoint", "an array of positions");
                }
                return GF.createMultiPointFromCoords(pts);
            }
            case "LineString": {
                LineString l = line(c, "LineString");
                return l;
            }
            case "MultiLineString": {
                Object[] parts = array(c);
                if (parts == null) {
                    return shape("MultiLineString", "an array of position arrays");
                }
                LineString[] lines = new LineString[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    lines[i] = line(parts[i], "MultiLineString part " + (i + 1));
                    if (lines[i] == null) {
                        return null;
                    }
                }
                return GF.createMultiLineString(lines);
            }
            case "Polygon":
                return polygon(c, "Polygon");
            case "MultiPolygon": {
                Object[] parts = array(c);
                if (parts == null) {
                    return shape("MultiPolygon", "an array of polygons");
                }
                Polygon[] polys = new Polygon[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    polys[i] = polygon(parts[i], "MultiPolygon part " + (i + 1));
                    if (polys[i] == null) {
                        return null;
                    }
                }
                return GF.createMultiPolygon(polys);
            }
            default:
                fail("unknown geometry type '" + Snippets.token(g.type) + "'");
                return null;
        }
    }

    private Geometry shape(String type, String expected) {
        fail(type + " coordinates must be " + expected);
        return null;
    }

    private static Coordinate[] positions(Object c) {
        if (c == EMPTY) {
            return new Coordinate[0];
        }
        return c instanceof Coordinate[] ? (Coordinate[]) c : null;
    }

    /** An array of deeper arrays: Object[] as is, an array of position arrays wrapped. */
    private static Object[] array(Object c) {
        if (c == EMPTY) {
            return EMPTY;
        }
        if (c instanceof Object[] && !(c instanceof Coordinate[])) {
            return (Object[]) c;
        }
        return null;
    }

    private LineString line(Object c, String what) {
        Coordinate[] pts = positions(c);
        if (pts == null) {
            fail(what + " coordinates must be an array of positions");
            return null;
        }
        if (pts.length == 1) {
            fail(what + " has 1 position, at least 2 are needed");
            return null;
        }
        return GF.createLineString(pts);
    }

    private Polygon polygon(Object c, String what) {
        Object[] rings = array(c);
        if (rings == null) {
            fail(what + " coordinates must be an array of rings");
            return null;
        }
        if (rings.length == 0) {
            return GF.createPolygon();
        }
        LinearRing[] lr = new LinearRing[rings.length];
        for (int i = 0; i < rings.length; i++) {
            Coordinate[] pts = positions(rings[i]);
            if (pts == null) {
                fail(what + " ring " + (i + 1) + " must be an array of positions");
                return null;
            }
            if (pts.length > 0 && !pts[0].equals2D(pts[pts.length - 1])) {
                pts = Arrays.copyOf(pts, pts.length + 1);
                pts[pts.length - 1] = pts[0].copy();
                closedRings++;
            }
            if (pts.length < 4) {
                fail(what + " ring " + (i + 1) + " has " + pts.length + " positions, at least 4 are needed");
                return null;
            }
            lr[i] = GF.createLinearRing(pts);
        }
        return GF.createPolygon(lr[0], Arrays.copyOfRange(lr, 1, lr.length));
    }

    // ---------------------------------------------------------------------------------------------------
    // layer

    private VectorLayer build() throws LayerReadException {
        String name = FormatRegistry.baseName(file);
        VectorLayer.Builder b = VectorLayer.builder(name).source(file);

        // CRS
        CoordinateReferenceSystem crs;
        Integer epsg;
        if (options.crs() != null && !options.crs().isBlank()) {
            try {
                crs = Crs.decode(options.crs());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid CRS '" + Snippets.token(options.crs(), 40) + "': "
                        + e.getMessage(), e);
            }
            int code = Crs.parseEpsg(options.crs());
            epsg = code > 0 ? code : null;
        } else if (crsName != null) {
            CoordinateReferenceSystem decoded = null;
            try {
                decoded = Crs.decode(crsName);
            } catch (IllegalArgumentException e) {
                b.warn("the crs member names an unknown CRS '" + Snippets.token(crsName, 40) + "' ("
                        + e.getMessage() + "); coordinates have no known CRS (set one with --crs)");
            }
            crs = decoded;
            int code = decoded == null ? -1 : Crs.parseEpsg(crsName);
            epsg = code > 0 ? code : null;
        } else {
            crs = Crs.wgs84();
            epsg = 4326;
            if (crsProblem != null) {
                b.warn(crsProblem + "; assuming EPSG:4326 (longitude/latitude)");
            }
        }
        b.crs(crs, epsg);

        // ids: integral and unique -> fid; otherwise the position in the file, and an "id" field like GDAL
        boolean anyId = false;
        boolean anyText = false;
        boolean allLong = true;
        Set<Long> seen = new HashSet<>();
        for (Raw r : features) {
            if (r.id == null) {
                allLong = false;
                continue;
            }
            anyId = true;
            if (r.id instanceof Long) {
                if (allLong && !seen.add((Long) r.id)) {
                    allLong = false;
                }
            } else {
                anyText = true;
                allLong = false;
            }
        }
        boolean idAsFid = anyId && allLong;
        boolean idField = anyId && !idAsFid && !props.has("id");
        FieldType idType = anyText ? FieldType.STRING : FieldType.INTEGER;

        List<Field> fields = new ArrayList<>();
        if (idField) {
            fields.add(new Field("id", idType));
        }
        fields.addAll(props.fields());
        b.schema(new Schema(fields));
        FieldType[] types = props.types();
        int offset = idField ? 1 : 0;
        List<Feature> out = new ArrayList<>(features.size());
        for (Raw r : features) {
            Object[] values = PropertyTable.convert(r.values, types, offset);
            if (idField && r.id != null) {
                values[0] = idType == FieldType.STRING ? String.valueOf(r.id) : r.id;
            }
            out.add(new Feature(idAsFid ? (Long) r.id : r.index, r.geometry, values));
        }
        features.clear();
        b.features(out);
        b.hasZ(anyZ);
        b.bounds(bounds);
        if (skipped > 0) {
            b.warn(skipped + " feature(s) skipped (" + skippedList
                    + (skipped > MAX_LISTED ? "; ..." : "") + ")");
        }
        if (closedRings > 0) {
            b.warn(closedRings + " polygon ring(s) were not closed; closed them by repeating the first position");
        }
        if (crs != null) {
            String implausible = Crs.checkPlausible(bounds, crs);
            if (implausible != null) {
                b.warn(implausible);
            }
        }
        return b.build();
    }

    /** Used by probes: a cheap check of the first bytes. */
    static boolean looksLikeGeoJson(byte[] head, int len, boolean claimedExtension) {
        int i = 0;
        if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= len || head[i] != '{') {
            return false;
        }
        String s = new String(head, i, len - i, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!s.contains("\"type\"")) {
            return false;
        }
        if (claimedExtension) {
            return true;
        }
        if (s.contains("\"Topology\"")) {
            return false;
        }
        return s.contains("\"Feature") || s.contains("\"coordinates\"") || s.contains("\"geometries\"");
    }
}
