package io.siteplanner.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.scoring.Ahp;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criteria;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.CriterionKind;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.criteria.Params;
import io.siteplanner.scoring.criteria.TcoCriterion;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.WeightsSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario JSON (schema {@value Scenario#SCHEMA}, docs/scenario.md); {@link ScenarioWriter} writes it.
 *
 * <p>Strict: unknown or misspelled keys (with a "did you mean"), wrong types, unknown kinds, transforms
 * and methods, keys that do not apply to a criterion's kind, and numbers that are not finite or absurdly
 * large are errors. Every error is a {@link ScenarioException} whose path names the place, e.g.
 * {@code criteria[2].transform.type}. Each criterion kind reads its own keys ({@link CriterionKind}).
 * Semantic checks that need the data (missing files, bad CQL, unknown attributes) happen when the scenario
 * is evaluated, with the same kind of paths.
 *
 * <p>Limits (hostile files): at most {@value #MAX_BYTES} bytes, nesting at most {@value #MAX_DEPTH} levels,
 * UTF-8 only, regular files only (not a folder, FIFO or device).
 */
public final class ScenarioReader {
    /** Largest scenario file read. */
    public static final int MAX_BYTES = 16 << 20;
    /** Deepest JSON nesting accepted (a scenario needs about 6). */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(100).maxStringLength(MAX_BYTES).build()).build());

    private static final Set<String> TOP = Set.of("schema", "name", "description", "campus", "analysisCrs", "layers",
            "candidates", "idField", "criteria", "constraints", "weights", "method");
    private static final Set<String> CAMPUS = Set.of("itLoadMw", "pue", "utilization", "minAcres", "years",
            "discountRate", "landPriceUsdPerAcre");
    private static final Set<String> LAYER = Set.of("path", "layer", "crs", "join", "nodata", "fields");
    private static final Set<String> JOIN = Set.of("path", "layer", "layerKey", "tableKey", "fields", "prefix");
    /** Keys every criterion may have. */
    public static final Set<String> COMMON = Set.of("id", "kind", "label", "weight", "transform", "missing",
            "missingScore", "unit", "enabled");
    private static final Set<String> TRANSFORM = Set.of("type", "direction", "min", "max", "value", "breaks", "values",
            "points", "midpoint", "spread", "ideal", "offset", "scores", "default");
    private static final Set<String> CONSTRAINT = Set.of("criterion", "op", "value", "exclude", "filter", "bufferM",
            "label", "enabled");
    private static final Set<String> METHOD = Set.of("type", "input", "orness", "orderWeights");
    private static final Set<String> WEIGHTS = Set.of("type", "criteria", "matrix");
    /** Comparison operators of constraints. */
    public static final Set<String> OPS = Set.of("<", "<=", ">", ">=", "==", "!=");

    private ScenarioReader() {
    }

    /** Reads a scenario file. Relative layer paths stay as written; resolve them against the file's folder. */
    public static Scenario read(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            throw new ScenarioException("", "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ScenarioException("", "is a folder, not a scenario file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException("", "is not a regular file (a device or pipe?)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("", "file not found");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ScenarioException("", "too big for a scenario (over " + (MAX_BYTES >> 20) + " MB)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException("", "not UTF-8 text (save the scenario as UTF-8)");
        }
        return parse(text);
    }

    /** Parses scenario JSON text. */
    public static Scenario parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.contains("nesting depth")) {
                m = "nested deeper than " + MAX_DEPTH + " levels";
            } else if (m != null && m.length() > 200) {
                m = m.substring(0, 200) + "...";
            }
            throw new ScenarioException("", "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + m);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("", "a scenario must be a JSON object");
        }
        return scenario(root);
    }

    private static Scenario scenario(JsonNode root) {
        keys(root, "", TOP);
        Params top = new Params(root, "");
        String schema = top.reqStr("schema");
        if (!Scenario.SCHEMA.equals(schema)) {
            throw new ScenarioException("schema", "unsupported schema '" + clip(schema) + "' (expected '"
                    + Scenario.SCHEMA + "')");
        }
        String name = top.str("name");
        String description = top.str("description");
        Campus campus = campus(req(root, "", "campus"));
        String crs = top.str("analysisCrs");
        Map<String, LayerRef> layers = new LinkedHashMap<>();
        JsonNode ln = req(root, "", "layers");
        if (!ln.isObject()) {
            throw new ScenarioException("layers", "must be an object of layer id to {\"path\": ...}");
        }
        Iterator<Map.Entry<String, JsonNode>> it = ln.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            layers.put(e.getKey(), layer(e.getValue(), "layers." + e.getKey()));
        }
        String candidates = top.reqStr("candidates");
        if (!layers.containsKey(candidates)) {
            throw new ScenarioException("candidates", "no layer '" + clip(candidates) + "' in layers (have: "
                    + String.join(", ", layers.keySet()) + ")");
        }
        String idField = top.str("idField");
        JsonNode cn = req(root, "", "criteria");
        if (!cn.isArray()) {
            throw new ScenarioException("criteria", "must be an array");
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cn.size(); i++) {
            String p = "criteria[" + i + "]";
            Criterion c = criterion(cn.get(i), p, layers);
            if (!ids.add(c.id())) {
                throw new ScenarioException(p + ".id", "duplicate criterion id '" + clip(c.id()) + "'");
            }
            criteria.add(c);
        }
        if (criteria.isEmpty()) {
            throw new ScenarioException("criteria", "at least one criterion is needed");
        }
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i) instanceof TcoCriterion) {
                for (Map.Entry<String, CriterionKind> ref : TcoCriterion.references().entrySet()) {
                    JsonNode v = cn.get(i).get(ref.getKey());
                    if (v != null && v.isTextual()) {
                        checkRef(v.asText(), "criteria[" + i + "]." + ref.getKey(), criteria, ref.getValue());
                    }
                }
                if (criteria.get(i).needs().isEmpty()) {
                    throw new ScenarioException("criteria[" + i + "]",
                            "tco needs 'interconnection' and/or 'energy' (criterion ids)");
                }
            }
        }
        List<ConstraintSpec> constraints = new ArrayList<>();
        JsonNode kn = root.get("constraints");
        if (kn != null && !kn.isNull()) {
            if (!kn.isArray()) {
                throw new ScenarioException("constraints", "must be an array");
            }
            for (int i = 0; i < kn.size(); i++) {
                constraints.add(constraint(kn.get(i), "constraints[" + i + "]", ids, layers));
            }
        }
        WeightsSpec weights = root.has("weights") ? weights(root.get("weights"), ids) : WeightsSpec.direct();
        MethodSpec method = root.has("method") ? method(root.get("method"), criteria.size()) : MethodSpec.weightedSum();
        return new Scenario(name, description, campus, crs, layers, candidates, idField, criteria, constraints,
                weights, method);
    }

    private static void checkRef(String id, String path, List<Criterion> criteria, CriterionKind kind) {
        for (Criterion c : criteria) {
            if (c.id().equals(id)) {
                if (c.kind() != kind) {
                    throw new ScenarioException(path, "criterion '" + clip(id) + "' is of kind " + c.kind().json()
                            + ", not " + kind.json());
                }
                return;
            }
        }
        throw new ScenarioException(path, "no criterion with id '" + clip(id) + "'");
    }

    private static Campus campus(JsonNode n) {
        obj(n, "campus");
        keys(n, "campus", CAMPUS);
        Params p = new Params(n, "campus");
        double it = p.reqNum("itLoadMw");
        if (!(it > 0 && it <= 100_000)) {
            throw p.error("itLoadMw", "must be more than 0 and at most 100,000 MW");
        }
        double pue = or(p.within("pue", 1, 5), Campus.DEFAULT_PUE);
        double util = or(p.num("utilization"), Campus.DEFAULT_UTILIZATION);
        if (!(util > 0 && util <= 1)) {
            throw p.error("utilization", "must be in (0, 1]");
        }
        double minAcres = or(p.within("minAcres", 0, 1e7), 0);
        Integer years = p.integer("years", 1, 100);
        Double rate = p.num("discountRate");
        if (rate != null && !(rate > -1 && rate < 1)) {
            throw p.error("discountRate", "must be a fraction, e.g. 0.08 for 8%");
        }
        double land = or(p.within("landPriceUsdPerAcre", 0, 1e9), 0);
        return new Campus(it, pue, util, minAcres, years == null ? Campus.DEFAULT_YEARS : years,
                rate == null ? Campus.DEFAULT_DISCOUNT_RATE : rate, land);
    }

    private static double or(Double d, double dflt) {
        return d == null ? dflt : d;
    }

    private static LayerRef layer(JsonNode n, String p) {
        if (n.isTextual()) {
            return LayerRef.of(n.asText());
        }
        obj(n, p);
        keys(n, p, LAYER);
        Params ps = new Params(n, p);
        String path = ps.reqStr("path");
        List<JoinSpec> joins = new ArrayList<>();
        JsonNode j = n.get("join");
        if (j != null && !j.isNull()) {
            if (j.isArray()) {
                for (int i = 0; i < j.size(); i++) {
                    joins.add(join(j.get(i), p + ".join[" + i + "]"));
                }
            } else {
                joins.add(join(j, p + ".join"));
            }
        }
        Map<String, List<Double>> nodata = new LinkedHashMap<>();
        JsonNode nd = n.get("nodata");
        if (nd != null && !nd.isNull()) {
            obj(nd, p + ".nodata");
            Iterator<Map.Entry<String, JsonNode>> it = nd.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String fp = p + ".nodata." + e.getKey();
                List<Double> vals = new ArrayList<>();
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                    vals.add(finite(v, fp));
                } else if (v.isArray() && v.size() > 0) {
                    for (int i = 0; i < v.size(); i++) {
                        if (!v.get(i).isNumber()) {
                            throw new ScenarioException(fp + "[" + i + "]", "must be a number");
                        }
                        vals.add(finite(v.get(i), fp + "[" + i + "]"));
                    }
                } else {
                    throw new ScenarioException(fp, "must be a number or an array of numbers (the no-data values)");
                }
                nodata.put(e.getKey(), vals);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode fn = n.get("fields");
        if (fn != null && !fn.isNull()) {
            obj(fn, p + ".fields");
            Iterator<Map.Entry<String, JsonNode>> it = fn.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String fp = p + ".fields." + e.getKey();
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                    throw new ScenarioException(fp, "a field name is a letter or _, then letters, digits or _");
                }
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new ScenarioException(fp, "must be an expression, e.g. \"POPULATION / ALAND\"");
                }
                fields.put(e.getKey(), e.getValue().asText());
            }
        }
        return new LayerRef(path, ps.str("layer"), ps.str("crs"), joins, nodata, fields);
    }

    private static double finite(JsonNode v, String path) {
        double d = v.asDouble();
        if (!(Math.abs(d) <= Params.MAX_ABS)) {
            throw new ScenarioException(path, "must be a finite number of magnitude at most 1e15");
        }
        return d;
    }

    private static JoinSpec join(JsonNode n, String p) {
        obj(n, p);
        keys(n, p, JOIN);
        Params ps = new Params(n, p);
        return new JoinSpec(ps.reqStr("path"), ps.str("layer"), ps.reqStr("layerKey"), ps.reqStr("tableKey"),
                strings(n, p, "fields"), ps.str("prefix"));
    }

    private static Criterion criterion(JsonNode n, String p, Map<String, LayerRef> layers) {
        obj(n, p);
        Params ps = new Params(n, p);
        String id = ps.reqStr("id");
        String kindName = ps.reqStr("kind");
        CriterionKind kind = Criteria.kind(kindName);
        if (kind == null) {
            Set<String> names = new HashSet<>(Criteria.names());
            throw new ScenarioException(p + ".kind", "unknown kind '" + clip(kindName) + "'" + suggest(kindName, names)
                    + " (known: " + String.join(", ", Criteria.names()) + ")");
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(kind.keys());
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                boolean elsewhere = Criteria.KINDS.stream().anyMatch(x -> x.keys().contains(k));
                throw new ScenarioException(p + "." + k, elsewhere
                        ? "'" + k + "' does not apply to kind " + kind.json() + " (allowed: " + sorted(allowed) + ")"
                        : "unknown key '" + clip(k) + "'" + suggest(k, allowed));
            }
        }
        Double w = ps.num("weight");
        if (w != null && !(w >= 0 && w <= Common.MAX_WEIGHT)) {
            throw ps.error("weight", "must be a number from 0 to " + (long) Common.MAX_WEIGHT);
        }
        TransformSpec t = n.has("transform") ? transform(n.get("transform"), p + ".transform") : null;
        String missingName = ps.oneOf("missing", "worst", "neutral", "exclude");
        Criterion c;
        try {
            Boolean enabled = ps.bool("enabled");
            Common common = new Common(id, ps.str("label"), w == null ? 0 : w, t, MissingPolicy.of(missingName),
                    ps.within("missingScore", 0, 1), ps.str("unit"), enabled == null || enabled);
            c = kind.read(common, ps);
        } catch (ScenarioException e) {
            if (e.path().startsWith(p)) {
                throw e;
            }
            throw new ScenarioException(p + (e.path().isEmpty() ? "" : "." + e.path()), e.problem());
        }
        if (c.transform().type() == TransformSpec.Type.CATEGORIES && !kind.allowsText()) {
            throw new ScenarioException(p + ".transform.type", "kind " + kind.json() + " gives numbers; categories"
                    + " applies to attribute, nearestAttribute and zoneAttribute");
        }
        for (String l : c.layers()) {
            if (!layers.containsKey(l)) {
                String key = "layer";
                Iterator<Map.Entry<String, JsonNode>> f = n.fields();
                while (f.hasNext()) {
                    Map.Entry<String, JsonNode> e = f.next();
                    if (e.getValue().isTextual() && e.getValue().asText().equals(l) && e.getKey().endsWith("ayer")) {
                        key = e.getKey();
                    }
                }
                throw new ScenarioException(p + "." + key, "no layer '" + clip(l) + "' in layers (have: "
                        + String.join(", ", layers.keySet()) + ")");
            }
        }
        return c;
    }

    /** Reads a transform object (also used by the app's transform editor through JSON). */
    static TransformSpec transform(JsonNode n, String p) {
        obj(n, p);
        keys(n, p, TRANSFORM);
        Params ps = new Params(n, p);
        String typeName = ps.reqStr("type");
        TransformSpec.Type type = TransformSpec.Type.of(typeName);
        if (type == null) {
            List<String> known = new ArrayList<>();
            for (TransformSpec.Type x : TransformSpec.Type.values()) {
                known.add(x.json());
            }
            throw new ScenarioException(p + ".type", "unknown transform '" + clip(typeName) + "' (known: "
                    + String.join(", ", known) + ")");
        }
        String dir = ps.oneOf("direction", "benefit", "cost");
        TransformSpec.Direction d = dir == null ? null
                : dir.equals("benefit") ? TransformSpec.Direction.BENEFIT : TransformSpec.Direction.COST;
        List<double[]> points = null;
        JsonNode pn = n.get("points");
        if (pn != null) {
            if (!pn.isArray()) {
                throw new ScenarioException(p + ".points", "must be an array of [x, y] pairs");
            }
            points = new ArrayList<>();
            for (int i = 0; i < pn.size(); i++) {
                JsonNode pt = pn.get(i);
                if (!pt.isArray() || pt.size() != 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                    throw new ScenarioException(p + ".points[" + i + "]", "must be [x, y] with two numbers");
                }
                points.add(new double[] {finite(pt.get(0), p + ".points[" + i + "][0]"),
                    finite(pt.get(1), p + ".points[" + i + "][1]")});
            }
        }
        Map<String, Double> scores = null;
        JsonNode sn = n.get("scores");
        if (sn != null && !sn.isNull()) {
            obj(sn, p + ".scores");
            scores = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = sn.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNumber()) {
                    throw new ScenarioException(p + ".scores." + e.getKey(), "must be a score in [0, 1]");
                }
                scores.put(e.getKey(), e.getValue().asDouble());
            }
        }
        TransformSpec t = new TransformSpec(type, d, ps.num("min"), ps.num("max"), ps.num("value"),
                numbers(n, p, "breaks"), numbers(n, p, "values"), points, ps.num("midpoint"), ps.num("spread"),
                ps.num("ideal"), ps.num("offset"), scores, ps.num("default"));
        Transforms.validate(t, p);
        return t;
    }

    private static ConstraintSpec constraint(JsonNode n, String p, Set<String> ids, Map<String, LayerRef> layers) {
        obj(n, p);
        keys(n, p, CONSTRAINT);
        Params ps = new Params(n, p);
        String crit = ps.str("criterion");
        String excl = ps.str("exclude");
        String label = ps.str("label");
        if ((crit == null) == (excl == null)) {
            throw new ScenarioException(p, "give either 'criterion' with 'op' and 'value', or 'exclude' (a layer id)");
        }
        if (crit != null) {
            if (!ids.contains(crit)) {
                throw new ScenarioException(p + ".criterion", "no criterion with id '" + clip(crit) + "'");
            }
            if (n.has("filter") || n.has("bufferM")) {
                throw new ScenarioException(p, "'filter' and 'bufferM' apply to exclusion constraints only");
            }
            String op = ps.reqStr("op");
            if (!OPS.contains(op)) {
                throw new ScenarioException(p + ".op", "unknown operator '" + clip(op) + "' (use < <= > >= == !=)");
            }
            return new ConstraintSpec(crit, op, ps.reqNum("value"), null, null, null, label, enabled(ps));
        }
        if (!layers.containsKey(excl)) {
            throw new ScenarioException(p + ".exclude", "no layer '" + clip(excl) + "' in layers (have: "
                    + String.join(", ", layers.keySet()) + ")");
        }
        if (n.has("op") || n.has("value")) {
            throw new ScenarioException(p, "'op' and 'value' apply to criterion constraints only");
        }
        Double buf = ps.within("bufferM", 0, 1e6);
        return new ConstraintSpec(null, null, null, excl, ps.str("filter"), buf == null ? 0 : buf, label, enabled(ps));
    }

    private static boolean enabled(Params ps) {
        Boolean b = ps.bool("enabled");
        return b == null || b;
    }

    private static WeightsSpec weights(JsonNode n, Set<String> ids) {
        String p = "weights";
        obj(n, p);
        keys(n, p, WEIGHTS);
        String type = new Params(n, p).reqStr("type");
        if (type.equals("direct")) {
            if (n.has("matrix") || n.has("criteria")) {
                throw new ScenarioException(p, "'matrix' and 'criteria' apply to type 'ahp' only");
            }
            return WeightsSpec.direct();
        }
        if (!type.equals("ahp")) {
            throw new ScenarioException(p + ".type", "must be 'direct' or 'ahp'");
        }
        List<String> crit = strings(n, p, "criteria");
        if (crit.isEmpty()) {
            throw new ScenarioException(p + ".criteria", "missing: the criterion ids in matrix order");
        }
        for (int i = 0; i < crit.size(); i++) {
            if (!ids.contains(crit.get(i))) {
                throw new ScenarioException(p + ".criteria[" + i + "]", "no criterion with id '" + clip(crit.get(i))
                        + "'");
            }
        }
        JsonNode m = req(n, p, "matrix");
        if (!m.isArray() || m.size() != crit.size()) {
            throw new ScenarioException(p + ".matrix", "must be " + crit.size() + " rows (one per criterion)");
        }
        double[][] a = new double[crit.size()][];
        for (int i = 0; i < a.length; i++) {
            JsonNode row = m.get(i);
            if (!row.isArray() || row.size() != crit.size()) {
                throw new ScenarioException(p + ".matrix[" + i + "]", "must have " + crit.size() + " numbers");
            }
            a[i] = new double[crit.size()];
            for (int j = 0; j < a.length; j++) {
                JsonNode v = row.get(j);
                double x;
                if (v.isNumber()) {
                    x = v.asDouble();
                } else if (v.isTextual()) {
                    try {
                        x = Ahp.parseJudgement(v.asText());
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException(p + ".matrix[" + i + "][" + j + "]", e.getMessage());
                    }
                } else {
                    throw new ScenarioException(p + ".matrix[" + i + "][" + j + "]", "must be a number or \"1/3\"");
                }
                a[i][j] = x;
            }
        }
        try {
            Ahp.validate(a);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(p + ".matrix", e.getMessage());
        }
        return new WeightsSpec("ahp", crit, a);
    }

    private static MethodSpec method(JsonNode n, int criteria) {
        String p = "method";
        obj(n, p);
        keys(n, p, METHOD);
        Params ps = new Params(n, p);
        String typeName = ps.reqStr("type");
        MethodSpec.Type type = MethodSpec.Type.of(typeName);
        if (type == null) {
            throw new ScenarioException(p + ".type", "unknown method '" + clip(typeName)
                    + "' (known: weightedSum, topsis, owa)");
        }
        String input = ps.str("input");
        if (input != null && (type != MethodSpec.Type.TOPSIS || !(input.equals("raw") || input.equals("transformed")))) {
            throw new ScenarioException(p + ".input", "applies to topsis only: 'raw' or 'transformed'");
        }
        Double orness = ps.num("orness");
        List<Double> ow = numbers(n, p, "orderWeights");
        if ((orness != null || ow != null) && type != MethodSpec.Type.OWA) {
            throw new ScenarioException(p + (orness != null ? ".orness" : ".orderWeights"), "applies to owa only");
        }
        if (orness != null && !(orness >= 0 && orness <= 1)) {
            throw new ScenarioException(p + ".orness", "must be in [0, 1]");
        }
        if (ow != null) {
            if (ow.size() < criteria) {
                throw new ScenarioException(p + ".orderWeights", "needs one order weight per criterion (" + criteria
                        + "), largest value first; has " + ow.size());
            }
            double s = 0;
            for (int i = 0; i < ow.size(); i++) {
                if (!(ow.get(i) >= 0)) {
                    throw new ScenarioException(p + ".orderWeights[" + i + "]", "must be >= 0");
                }
                s += ow.get(i);
            }
            if (!(s > 0)) {
                throw new ScenarioException(p + ".orderWeights", "must not be all zero");
            }
        }
        return new MethodSpec(type, input, orness, ow);
    }

    // ---- helpers ----
    private static void obj(JsonNode n, String p) {
        if (n == null || !n.isObject()) {
            throw new ScenarioException(p, "must be a JSON object");
        }
    }

    private static void keys(JsonNode n, String p, Set<String> allowed) {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ScenarioException(p.isEmpty() ? clip(k) : p + "." + clip(k), "unknown key '" + clip(k) + "'"
                        + suggest(k, allowed));
            }
        }
    }

    private static JsonNode req(JsonNode n, String p, String k) {
        JsonNode v = n.get(k);
        if (v == null || v.isNull()) {
            throw new ScenarioException(p.isEmpty() ? k : p + "." + k, "missing");
        }
        return v;
    }

    private static List<Double> numbers(JsonNode n, String p, String k) {
        JsonNode v = n.get(k);
        if (v == null || v.isNull()) {
            return null;
        }
        String path = p + "." + k;
        if (!v.isArray()) {
            throw new ScenarioException(path, "must be an array of numbers");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw new ScenarioException(path + "[" + i + "]", "must be a number");
            }
            out.add(finite(v.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static List<String> strings(JsonNode n, String p, String k) {
        JsonNode v = n.get(k);
        if (v == null || v.isNull()) {
            return List.of();
        }
        String path = p + "." + k;
        if (!v.isArray()) {
            throw new ScenarioException(path, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new ScenarioException(path + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** A user's text in a message, cut to 60 characters. */
    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return String.join(", ", l);
    }

    /** " (did you mean 'x'?)" for a near miss, else "". */
    static String suggest(String k, Set<String> allowed) {
        if (k.length() > 100) {
            return "";
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = levenshtein(k.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best != null && bestD <= Math.max(2, k.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
