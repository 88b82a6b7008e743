package io.siteplanner.gis.topojson;

import static io.siteplanner.gis.geojson.JsonMessages.at;
import static io.siteplanner.gis.geojson.JsonMessages.describe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.geojson.JsonMessages;
import io.siteplanner.gis.geojson.PropertyTable;
import io.siteplanner.gis.topojson.Topology.Geom;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One streaming pass over a TopoJSON file with Jackson's {@link JsonParser}. Members may come in any order
 * (us-atlas writes {@code objects} before {@code arcs}; a {@code transform} may come last), so geometry
 * objects are kept with their arc indexes and the arcs are decoded at the end. Nothing is held as a JSON
 * tree except the {@code properties} of top-level single-geometry objects.
 *
 * <p>Bounds on hostile input: JSON nesting is limited to {@link #MAX_NESTING_DEPTH} levels by Jackson's
 * {@link StreamReadConstraints}; arc indexes nest at most 3 levels (MultiPolygon), coordinates 2; memory is
 * proportional to the file size. Structural errors (not a Topology, a bad {@code transform}, {@code arcs} or
 * {@code objects} member, a non-integer arc index, truncated or malformed JSON) throw a
 * {@link LayerReadException} naming the file, the line and the column; a geometry object that is merely
 * malformed is kept with a {@link Geom#problem} and skipped later. Not thread-safe; one instance per read.
 */
final class TopologyParser {
    /** Deepest JSON nesting accepted (a TopoJSON MultiPolygon needs 9 levels; properties may nest more). */
    static final int MAX_NESTING_DEPTH = 100;
    private static final JsonFactory FACTORY = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build()).build().getFactory();
    /** Arc indexes nest 3 levels deep at most: MultiPolygon -> polygon -> ring -> index. */
    private static final int MAX_ARC_DEPTH = 3;
    private static final int PROGRESS_EVERY = 4096;
    private static final int[] NO_INTS = new int[0];
    private static final double[][] NO_POSITIONS = new double[0][];
    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon");

    private final Path file;
    private final Progress progress;
    private final boolean namesOnly;
    private final long fileSize;
    private JsonParser p;

    private Transform transform;
    private Arcs arcs;
    private final Set<String> objectNames = new HashSet<>();
    private final List<Topology.Layer> layers = new ArrayList<>();
    private Topology.Layer loose;
    /** Where we are, for messages: "object 'counties', geometry 17: ". */
    private String where = "";
    private long ticks;

    private TopologyParser(Path file, Progress progress, boolean namesOnly) throws IOException {
        this.file = file;
        this.progress = progress;
        this.namesOnly = namesOnly;
        this.fileSize = Files.size(file);
    }

    /** Reads the whole topology (every layer), with arcs decoded. */
    static Topology read(Path file, Progress progress) throws IOException {
        TopologyParser parser = new TopologyParser(file, progress, false);
        parser.parse();
        int bad = parser.arcs.decode(parser.transform);
        if (bad >= 0) {
            throw new LayerReadException(file, "arc " + bad + " has coordinates that are not finite numbers"
                    + (parser.transform == null ? "" : " after applying the transform"));
        }
        return new Topology(parser.transform, parser.arcs, parser.layers);
    }

    /** The layer names only, in GDAL's order; arcs and geometries are skipped, not read. */
    static List<String> layerNames(Path file) throws IOException {
        TopologyParser parser = new TopologyParser(file, Progress.NONE, true);
        parser.parse();
        List<String> names = new ArrayList<>();
        parser.layers.forEach(l -> names.add(l.name()));
        return names;
    }

    private void parse() throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            p = parser;
            try {
                readRoot();
            } catch (StreamConstraintsException e) {
                if (p.getParsingContext().getNestingDepth() > MAX_NESTING_DEPTH) {
                    throw new LayerReadException(file, at(p.currentLocation()) + "JSON nested more than "
                            + MAX_NESTING_DEPTH + " levels deep (the limit of this reader)", e);
                }
                throw JsonMessages.readError(file, e, p); // another limit: a number or string too long
            } catch (JsonProcessingException e) {
                throw JsonMessages.readError(file, e, p);
            }
        }
        if (loose != null) {
            layers.add(loose);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // messages

    /** Where the current token starts, and in which object. */
    private String here() {
        return at(p.currentTokenLocation()) + where;
    }

    private LayerReadException notTopoJson(String why) {
        return new LayerReadException(file, "not TopoJSON (" + why + ")");
    }

    private LayerReadException bad(String why) {
        return new LayerReadException(file, here() + why);
    }

    /** The next token inside an array; end of input there is a truncated file. */
    private JsonToken nextInArray() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonEOFException(p, null, "end of input inside an array");
        }
        return t;
    }

    private void tick() {
        if (++ticks % PROGRESS_EVERY == 0) {
            progress.checkCancelled();
            long off = p.currentLocation().getByteOffset();
            progress.update(off >= 0 && fileSize > 0 ? Math.min(1.0, (double) off / fileSize) : Double.NaN,
                    "reading " + file.getFileName());
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // topology

    private void readRoot() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw notTopoJson("the file has no JSON content");
        }
        if (t != JsonToken.START_OBJECT) {
            throw notTopoJson("the top-level value is " + describe(t) + ", not an object");
        }
        String type = null;
        boolean hasObjects = false;
        boolean hasArcs = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type":
                    if (v != JsonToken.VALUE_STRING) {
                        throw notTopoJson(here() + "the type member is " + describe(v) + ", not a string");
                    }
                    type = p.getText();
                    if (!"Topology".equals(type)) {
                        throw notTopoJson("type '" + type + "', not 'Topology'");
                    }
                    break;
                case "transform":
                    readTransform(v);
                    break;
                case "arcs":
                    hasArcs = true;
                    readArcs(v);
                    break;
                case "objects":
                    hasObjects = true;
                    readObjects(v);
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (type == null) {
            throw notTopoJson("no type member; a topology has \"type\": \"Topology\"");
        }
        if (!hasObjects) {
            throw new LayerReadException(file, "the topology has no objects member");
        }
        if (!hasArcs) {
            throw new LayerReadException(file, "the topology has no arcs member (TopoJSON requires one, even if"
                    + " it is empty)");
        }
    }

    private void readTransform(JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            throw bad("the transform member is " + describe(v) + ", not an object");
        }
        double[] scale = null;
        double[] translate = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("scale".equals(name)) {
                scale = readPair(t, "transform scale");
            } else if ("translate".equals(name)) {
                translate = readPair(t, "transform translate");
            } else {
                p.skipChildren();
            }
        }
        if (scale == null || translate == null) {
            throw bad("the transform has no " + (scale == null ? "scale" : "translate") + " member");
        }
        transform = new Transform(scale[0], scale[1], translate[0], translate[1]);
    }

    /** Exactly two finite numbers. */
    private double[] readPair(JsonToken t, String what) throws IOException {
        double[] out = new double[2];
        int n = 0;
        boolean ok = t == JsonToken.START_ARRAY;
        if (ok) {
            JsonToken c;
            while ((c = nextInArray()) != JsonToken.END_ARRAY) {
                if (!c.isNumeric() || n == 2) {
                    ok = false;
                    p.skipChildren();
                    continue;
                }
                out[n++] = p.getDoubleValue();
            }
        } else {
            p.skipChildren();
        }
        if (!ok || n != 2 || !Double.isFinite(out[0]) || !Double.isFinite(out[1])) {
            throw bad("the " + what + " must be an array of two numbers");
        }
        return out;
    }

    /** The arcs: an array of arcs, each an array of positions of at least two numbers (more are ignored). */
    private void readArcs(JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            throw bad("the arcs member is " + describe(v) + ", not an array");
        }
        if (namesOnly) {
            p.skipChildren();
            return;
        }
        arcs = new Arcs();
        JsonToken t;
        while ((t = nextInArray()) != JsonToken.END_ARRAY) {
            int arc = arcs.size();
            if (t != JsonToken.START_ARRAY) {
                throw bad("arc " + arc + " is " + describe(t) + ", not an array of positions");
            }
            arcs.beginArc();
            int position = 0;
            while ((t = nextInArray()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) {
                    throw bad("arc " + arc + ", position " + position + " is " + describe(t)
                            + ", not an array of numbers");
                }
                double x = 0;
                double y = 0;
                int n = 0;
                while ((t = nextInArray()) != JsonToken.END_ARRAY) {
                    if (!t.isNumeric()) {
                        throw bad("arc " + arc + ", position " + position + ": " + describe(t)
                                + " where a number belongs");
                    }
                    if (n == 0) {
                        x = p.getDoubleValue();
                    } else if (n == 1) {
                        y = p.getDoubleValue();
                    }
                    n++;
                }
                if (n < 2) {
                    throw bad("arc " + arc + ", position " + position + " has " + n
                            + " number(s), at least 2 are needed");
                }
                arcs.add(x, y);
                position++;
            }
            tick();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // objects

    private void readObjects(JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            throw bad("the objects member is " + describe(v) + ", not an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!objectNames.add(key)) {
                throw bad("two members of objects are named '" + key + "'");
            }
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw bad("object '" + key + "' is " + describe(t) + ", not a geometry object");
            }
            where = "object '" + key + "': ";
            readObject(key);
            where = "";
        }
    }

    /**
     * A member of {@code objects}. As GDAL: a GeometryCollection is a layer named after the member, its
     * geometries the features; a single geometry goes to {@link Topology#LOOSE_LAYER} with the member name as
     * its id; anything else (null or unknown type) is no layer.
     */
    private void readObject(String key) throws IOException {
        Geom g = new Geom(0);
        PropertyTable table = null;
        List<Geom> members = null;
        boolean geometriesNotArray = false;
        JsonNode properties = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("geometries".equals(name)) {
                if (t != JsonToken.START_ARRAY) {
                    geometriesNotArray = true;
                    p.skipChildren();
                } else if (namesOnly) {
                    members = List.of();
                    p.skipChildren();
                } else {
                    table = newTable();
                    members = readMembers(table, key);
                    where = "object '" + key + "': ";
                }
            } else if ("properties".equals(name) && t == JsonToken.START_OBJECT && !namesOnly) {
                properties = p.readValueAsTree();
            } else if ("type".equals(name) || !namesOnly) {
                if (!readGeometryMember(name, t, g)) {
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        if ("GeometryCollection".equals(g.type)) {
            if (members == null) {
                throw bad("the GeometryCollection has " + (geometriesNotArray ? "a geometries member that is not"
                        + " an array" : "no geometries member"));
            }
            layers.add(new Topology.Layer(key, table, members));
        } else if (g.type != null && GEOMETRY_TYPES.contains(g.type)) {
            if (loose == null) {
                loose = new Topology.Layer(Topology.LOOSE_LAYER, newTable(), new ArrayList<>());
            }
            Geom single = new Geom(loose.geometries().size() + 1);
            single.type = g.type;
            single.typed = true;
            single.arcs = g.arcs;
            single.coordinates = g.coordinates;
            single.problem = g.problem;
            single.id = key;
            if (properties != null) {
                try (JsonParser tree = properties.traverse(p.getCodec())) {
                    tree.nextToken();
                    single.values = loose.properties().read(tree, null);
                }
            }
            loose.geometries().add(single);
        }
    }

    /** A property table whose first key is {@code id}, GDAL's first field of every TopoJSON layer. */
    private static PropertyTable newTable() {
        PropertyTable t = new PropertyTable();
        t.key("id");
        return t;
    }

    /** The geometries of a GeometryCollection member of {@code objects}: each one becomes a feature. */
    private List<Geom> readMembers(PropertyTable table, String key) throws IOException {
        List<Geom> out = new ArrayList<>();
        JsonToken t;
        while ((t = nextInArray()) != JsonToken.END_ARRAY) {
            Geom g = new Geom(out.size() + 1);
            where = "object '" + key + "', geometry " + g.position + ": ";
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                g.fail("is " + describe(t) + ", not a geometry object");
            } else {
                readMember(g, table);
            }
            out.add(g);
            tick();
        }
        return out;
    }

    private void readMember(Geom g, PropertyTable table) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("properties".equals(name) && t == JsonToken.START_OBJECT) {
                g.values = table.read(p, g.values);
            } else if (!readGeometryMember(name, t, g)) {
                p.skipChildren();
            }
        }
    }

    /** Reads {@code type}, {@code arcs}, {@code coordinates} or {@code id}; false for other members. */
    private boolean readGeometryMember(String name, JsonToken t, Geom g) throws IOException {
        switch (name) {
            case "type":
                g.typed = true;
                if (t == JsonToken.VALUE_STRING) {
                    g.type = p.getText();
                } else if (t != JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    g.fail("its type is " + describe(t) + ", not a string");
                }
                return true;
            case "arcs":
                g.arcs = readArcIndexes(t, 1, g);
                return true;
            case "coordinates":
                g.coordinates = readCoordinates(t, g);
                return true;
            case "id":
                if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                    g.id = p.getText();
                } else {
                    // GDAL keeps string and integer ids only
                    p.skipChildren();
                }
                return true;
            default:
                return false;
        }
    }

    /**
     * Arc indexes: {@code int[]} for an array of integers ({@code []} included), {@code Object[]} for an array
     * of arrays. A shape problem (too deep, mixed) marks the geometry; an index that is not an integer or does
     * not fit an int is an error of the file.
     */
    private Object readArcIndexes(JsonToken t, int depth, Geom g) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            g.fail("arcs is " + describe(t) + ", not an array");
            return null;
        }
        JsonToken c = nextInArray();
        if (c == JsonToken.END_ARRAY) {
            return NO_INTS;
        }
        if (c.isNumeric()) {
            int[] out = new int[8];
            int n = 0;
            do {
                if (c != JsonToken.VALUE_NUMBER_INT) {
                    throw bad(c.isNumeric() ? "arc index " + p.getText() + " is not an integer"
                            : "arc index is " + describe(c) + ", not an integer");
                }
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    throw bad("arc index " + p.getText() + " is out of range");
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = p.getIntValue();
            } while ((c = nextInArray()) != JsonToken.END_ARRAY);
            return Arrays.copyOf(out, n);
        }
        if (c != JsonToken.START_ARRAY || depth == MAX_ARC_DEPTH) {
            g.fail(c == JsonToken.START_ARRAY ? "arcs are nested more than " + MAX_ARC_DEPTH + " levels deep"
                    : "arcs contain " + describe(c) + " where an arc index or array belongs");
            p.skipChildren();
            skipRestOfArray();
            return null;
        }
        List<Object> children = new ArrayList<>();
        do {
            if (c != JsonToken.START_ARRAY) {
                g.fail("arcs mix arrays and " + describe(c));
                p.skipChildren();
                continue;
            }
            children.add(readArcIndexes(c, depth + 1, g));
        } while ((c = nextInArray()) != JsonToken.END_ARRAY);
        return children.toArray();
    }

    private void skipRestOfArray() throws IOException {
        JsonToken t;
        while ((t = nextInArray()) != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    /** Point coordinates: {@code double[]} for a position, {@code double[][]} for an array of positions. */
    private Object readCoordinates(JsonToken t, Geom g) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            g.fail("coordinates are " + describe(t) + ", not an array");
            return null;
        }
        JsonToken c = nextInArray();
        if (c == JsonToken.END_ARRAY) {
            return NO_POSITIONS;
        }
        if (c != JsonToken.START_ARRAY) {
            return readPosition(c, g);
        }
        List<double[]> positions = new ArrayList<>();
        do {
            if (c != JsonToken.START_ARRAY) {
                p.skipChildren();
                g.fail("coordinates contain " + describe(c) + " where a position belongs");
                continue;
            }
            JsonToken first = nextInArray();
            if (first == JsonToken.END_ARRAY || first == JsonToken.START_ARRAY) {
                p.skipChildren();
                if (first != JsonToken.END_ARRAY) {
                    skipRestOfArray();
                }
                g.fail(first == JsonToken.END_ARRAY ? "coordinates contain an empty position"
                        : "coordinates are nested too deeply for a Point or MultiPoint");
                continue;
            }
            positions.add(readPosition(first, g));
        } while ((c = nextInArray()) != JsonToken.END_ARRAY);
        return positions.toArray(new double[0][]);
    }

    /** A position whose first value is the current token (not an array end); reads to its end. */
    private double[] readPosition(JsonToken first, Geom g) throws IOException {
        double[] xy = {Double.NaN, Double.NaN};
        int n = 0;
        JsonToken c = first;
        do {
            if (!c.isNumeric()) {
                p.skipChildren();
                g.fail("a position contains " + describe(c) + " where a number belongs");
            } else if (n < 2) {
                xy[n++] = p.getDoubleValue();
            }
        } while ((c = nextInArray()) != JsonToken.END_ARRAY);
        if (n < 2) {
            g.fail("a position has " + n + " number(s), at least 2 are needed");
        } else if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
            g.fail("a position is not finite (" + xy[0] + ", " + xy[1] + ")");
        }
        return xy;
    }
}
