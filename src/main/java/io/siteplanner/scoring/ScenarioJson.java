package io.siteplanner.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.scenario.Campus;
import io.siteplanner.model.scenario.ConstraintSpec;
import io.siteplanner.model.scenario.CriterionKind;
import io.siteplanner.model.scenario.CriterionSpec;
import io.siteplanner.model.scenario.JoinSpec;
import io.siteplanner.model.scenario.LayerRef;
import io.siteplanner.model.scenario.MethodSpec;
import io.siteplanner.model.scenario.Scenario;
import io.siteplanner.model.scenario.TransformSpec;
import io.siteplanner.model.scenario.WeightsSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes scenario JSON (schema {@value Scenario#SCHEMA}, see docs/scenario.md).
 *
 * <p>Strict: unknown or misspelled keys, wrong types, unknown kinds/transforms/methods and keys that do not
 * apply to a criterion's kind are errors. Every error is a {@link ScenarioException} whose path names the
 * place, e.g. {@code criteria[2].transform.type}. Semantic checks that need the data (missing layer files,
 * bad CQL, unknown attributes) happen when the scenario is evaluated, with the same kind of paths.
 * {@link #write} writes what {@link #read} reads (round trip); defaults are written explicitly only when set.
 */
public final class ScenarioJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> TOP = Set.of("schema", "name", "description", "campus", "analysisCrs", "layers",
            "candidates", "idField", "criteria", "constraints", "weights", "method");
    private static final Set<String> CAMPUS = Set.of("itLoadMw", "pue", "utilization", "minAcres", "years",
            "discountRate", "landPriceUsdPerAcre");
    private static final Set<String> LAYER = Set.of("path", "layer", "crs", "join");
    private static final Set<String> JOIN = Set.of("path", "layer", "layerKey", "tableKey", "fields", "prefix");
    private static final Set<String> COMMON = Set.of("id", "kind", "label", "weight", "transform", "missingScore");
    private static final Map<CriterionKind, Set<String>> KIND_KEYS = new LinkedHashMap<>();
    private static final Set<String> TRANSFORM = Set.of("type", "direction", "min", "max", "value", "breaks", "values",
            "points", "midpoint", "spread", "ideal", "offset");
    private static final Set<String> CONSTRAINT = Set.of("criterion", "op", "value", "exclude", "filter", "bufferM",
            "label");
    private static final Set<String> METHOD = Set.of("type", "input", "orness", "orderWeights");
    private static final Set<String> WEIGHTS = Set.of("type", "criteria", "matrix");
    static final Set<String> OPS = Set.of("<", "<=", ">", ">=", "==", "!=");

    static {
        KIND_KEYS.put(CriterionKind.AREA, Set.of());
        KIND_KEYS.put(CriterionKind.ATTRIBUTE, Set.of("attribute"));
        KIND_KEYS.put(CriterionKind.DISTANCE, Set.of("layer", "filter"));
        KIND_KEYS.put(CriterionKind.NEAREST_ATTRIBUTE, Set.of("layer", "filter", "attribute"));
        KIND_KEYS.put(CriterionKind.ZONE_ATTRIBUTE, Set.of("layer", "filter", "attribute", "at"));
        KIND_KEYS.put(CriterionKind.RASTER, Set.of("layer", "stat", "band"));
        KIND_KEYS.put(CriterionKind.OVERLAP, Set.of("layer", "filter"));
        KIND_KEYS.put(CriterionKind.GRID_HEADROOM, Set.of("layer", "filter", "radiusKm", "mode", "availableAttribute",
                "kvAttribute", "linesLayer", "linesKvAttribute", "demandMw"));
        KIND_KEYS.put(CriterionKind.INTERCONNECTION_COST, Set.of("layer", "filter", "kvAttribute", "kv", "routeFactor",
                "contingency", "afudc", "demandMw"));
        KIND_KEYS.put(CriterionKind.ENERGY_COST, Set.of("layer", "filter", "attribute", "priceUsdMwh", "priceUnit"));
        KIND_KEYS.put(CriterionKind.TCO, Set.of("interconnection", "energy", "landPriceAttribute"));
    }

    private ScenarioJson() {
    }

    /** Reads a scenario file. Relative layer paths stay as written; resolve them against the file's folder. */
    public static Scenario read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("", "file not found");
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
            throw new ScenarioException("", "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + m);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("", "a scenario must be a JSON object");
        }
        return new Reader().scenario(root);
    }

    private static final class Reader {
        Scenario scenario(JsonNode root) {
            keys(root, "", TOP);
            String schema = reqString(root, "", "schema");
            if (!Scenario.SCHEMA.equals(schema)) {
                throw new ScenarioException("schema", "unsupported schema '" + schema + "' (expected '"
                        + Scenario.SCHEMA + "')");
            }
            String name = optString(root, "", "name");
            String description = optString(root, "", "description");
            Campus campus = campus(req(root, "", "campus"));
            String crs = optString(root, "", "analysisCrs");
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
            String candidates = reqString(root, "", "candidates");
            if (!layers.containsKey(candidates)) {
                throw new ScenarioException("candidates", "no layer '" + candidates + "' in layers (have: "
                        + String.join(", ", layers.keySet()) + ")");
            }
            String idField = optString(root, "", "idField");
            JsonNode cn = req(root, "", "criteria");
            if (!cn.isArray()) {
                throw new ScenarioException("criteria", "must be an array");
            }
            List<CriterionSpec> criteria = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < cn.size(); i++) {
                String p = "criteria[" + i + "]";
                CriterionSpec c = criterion(cn.get(i), p, layers);
                if (!ids.add(c.id())) {
                    throw new ScenarioException(p + ".id", "duplicate criterion id '" + c.id() + "'");
                }
                criteria.add(c);
            }
            if (criteria.isEmpty()) {
                throw new ScenarioException("criteria", "at least one criterion is needed");
            }
            for (int i = 0; i < criteria.size(); i++) {
                CriterionSpec c = criteria.get(i);
                if (c.kind() == CriterionKind.TCO) {
                    checkRef(c.interconnection(), "criteria[" + i + "].interconnection", criteria,
                            CriterionKind.INTERCONNECTION_COST);
                    checkRef(c.energy(), "criteria[" + i + "].energy", criteria, CriterionKind.ENERGY_COST);
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
            MethodSpec method = root.has("method") ? method(root.get("method")) : MethodSpec.weightedSum();
            return new Scenario(name, description, campus, crs, layers, candidates, idField, criteria, constraints,
                    weights, method);
        }

        private static void checkRef(String id, String path, List<CriterionSpec> criteria, CriterionKind kind) {
            if (id == null) {
                return;
            }
            for (CriterionSpec c : criteria) {
                if (c.id().equals(id)) {
                    if (c.kind() != kind) {
                        throw new ScenarioException(path, "criterion '" + id + "' is of kind " + c.kind().json()
                                + ", not " + kind.json());
                    }
                    return;
                }
            }
            throw new ScenarioException(path, "no criterion with id '" + id + "'");
        }

        Campus campus(JsonNode n) {
            obj(n, "campus");
            keys(n, "campus", CAMPUS);
            double it = reqNumber(n, "campus", "itLoadMw");
            if (!(it > 0)) {
                throw new ScenarioException("campus.itLoadMw", "must be > 0");
            }
            double pue = optNumber(n, "campus", "pue", Campus.DEFAULT_PUE);
            if (!(pue >= 1)) {
                throw new ScenarioException("campus.pue", "must be >= 1");
            }
            double util = optNumber(n, "campus", "utilization", Campus.DEFAULT_UTILIZATION);
            if (!(util > 0 && util <= 1)) {
                throw new ScenarioException("campus.utilization", "must be in (0, 1]");
            }
            double minAcres = optNumber(n, "campus", "minAcres", 0);
            double years = optNumber(n, "campus", "years", Campus.DEFAULT_YEARS);
            if (years < 1 || years != Math.rint(years)) {
                throw new ScenarioException("campus.years", "must be a whole number >= 1");
            }
            double rate = optNumber(n, "campus", "discountRate", Campus.DEFAULT_DISCOUNT_RATE);
            if (!(rate > -1 && rate < 1)) {
                throw new ScenarioException("campus.discountRate", "must be a fraction, e.g. 0.08 for 8%");
            }
            double land = optNumber(n, "campus", "landPriceUsdPerAcre", 0);
            return new Campus(it, pue, util, minAcres, (int) years, rate, land);
        }

        LayerRef layer(JsonNode n, String p) {
            if (n.isTextual()) {
                return LayerRef.of(n.asText());
            }
            obj(n, p);
            keys(n, p, LAYER);
            String path = reqString(n, p, "path");
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
            return new LayerRef(path, optString(n, p, "layer"), optString(n, p, "crs"), joins);
        }

        JoinSpec join(JsonNode n, String p) {
            obj(n, p);
            keys(n, p, JOIN);
            return new JoinSpec(reqString(n, p, "path"), optString(n, p, "layer"), reqString(n, p, "layerKey"),
                    reqString(n, p, "tableKey"), optStrings(n, p, "fields"), optString(n, p, "prefix"));
        }

        CriterionSpec criterion(JsonNode n, String p, Map<String, LayerRef> layers) {
            obj(n, p);
            String id = reqString(n, p, "id");
            if (id.isBlank()) {
                throw new ScenarioException(p + ".id", "must not be empty");
            }
            String kindName = reqString(n, p, "kind");
            CriterionKind kind = CriterionKind.of(kindName);
            if (kind == null) {
                throw new ScenarioException(p + ".kind", "unknown kind '" + kindName + "' (known: "
                        + String.join(", ", Arrays.stream(CriterionKind.values()).map(CriterionKind::json).toList())
                        + ")");
            }
            Set<String> allowed = new HashSet<>(COMMON);
            allowed.addAll(KIND_KEYS.get(kind));
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!allowed.contains(k)) {
                    boolean elsewhere = KIND_KEYS.values().stream().anyMatch(s -> s.contains(k));
                    throw new ScenarioException(p + "." + k, elsewhere
                            ? "'" + k + "' does not apply to kind " + kind.json() + " (allowed: " + sorted(allowed) + ")"
                            : "unknown key '" + k + "'" + suggest(k, allowed));
                }
            }
            CriterionSpec.Builder b = CriterionSpec.builder(id, kind);
            b.label = optString(n, p, "label");
            double w = optNumber(n, p, "weight", 0);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new ScenarioException(p + ".weight", "must be a number >= 0");
            }
            b.weight = w;
            b.transform = n.has("transform") ? transform(n.get("transform"), p + ".transform")
                    : TransformSpec.linear(TransformSpec.Direction.BENEFIT);
            b.missingScore = optNumberObj(n, p, "missingScore");
            if (b.missingScore != null && !(b.missingScore >= 0 && b.missingScore <= 1)) {
                throw new ScenarioException(p + ".missingScore", "must be in [0, 1]");
            }
            b.layer = optString(n, p, "layer");
            b.filter = optString(n, p, "filter");
            b.attribute = optString(n, p, "attribute");
            b.at = optString(n, p, "at");
            b.stat = optString(n, p, "stat");
            Double band = optNumberObj(n, p, "band");
            b.band = band == null ? null : (int) Math.rint(band);
            b.radiusKm = optNumberObj(n, p, "radiusKm");
            b.mode = optString(n, p, "mode");
            b.availableAttribute = optString(n, p, "availableAttribute");
            b.kvAttribute = optString(n, p, "kvAttribute");
            b.linesLayer = optString(n, p, "linesLayer");
            b.linesKvAttribute = optString(n, p, "linesKvAttribute");
            b.demandMw = optNumberObj(n, p, "demandMw");
            b.kv = optNumberObj(n, p, "kv");
            b.routeFactor = optNumberObj(n, p, "routeFactor");
            b.contingency = optNumberObj(n, p, "contingency");
            b.afudc = optNumberObj(n, p, "afudc");
            b.priceUsdMwh = optNumberObj(n, p, "priceUsdMwh");
            b.priceUnit = optString(n, p, "priceUnit");
            b.interconnection = optString(n, p, "interconnection");
            b.energy = optString(n, p, "energy");
            b.landPriceAttribute = optString(n, p, "landPriceAttribute");
            // kind-specific requirements
            boolean needsLayer = kind != CriterionKind.AREA && kind != CriterionKind.ATTRIBUTE && kind != CriterionKind.TCO
                    && kind != CriterionKind.ENERGY_COST;
            if (needsLayer && b.layer == null) {
                throw new ScenarioException(p + ".layer", "missing: kind " + kind.json() + " needs a layer");
            }
            checkLayer(b.layer, p + ".layer", layers);
            checkLayer(b.linesLayer, p + ".linesLayer", layers);
            if ((kind == CriterionKind.ATTRIBUTE || kind == CriterionKind.NEAREST_ATTRIBUTE
                    || kind == CriterionKind.ZONE_ATTRIBUTE) && b.attribute == null) {
                throw new ScenarioException(p + ".attribute", "missing: kind " + kind.json() + " needs an attribute");
            }
            if (b.at != null && !b.at.equals("centroid") && !b.at.equals("largestOverlap")) {
                throw new ScenarioException(p + ".at", "must be 'centroid' or 'largestOverlap'");
            }
            if (b.stat != null && !Set.of("mean", "max", "min", "centroid").contains(b.stat)) {
                throw new ScenarioException(p + ".stat", "must be one of mean, max, min, centroid");
            }
            if (b.band != null && b.band < 1) {
                throw new ScenarioException(p + ".band", "must be >= 1 (bands are numbered from 1)");
            }
            if (b.mode != null && !b.mode.equals("any") && !b.mode.equals("nearest")) {
                throw new ScenarioException(p + ".mode", "must be 'any' or 'nearest'");
            }
            if (b.radiusKm != null && !(b.radiusKm > 0)) {
                throw new ScenarioException(p + ".radiusKm", "must be > 0");
            }
            if (b.priceUnit != null && !b.priceUnit.equals("usd_mwh") && !b.priceUnit.equals("cents_kwh")) {
                throw new ScenarioException(p + ".priceUnit", "must be 'usd_mwh' or 'cents_kwh'");
            }
            if (kind == CriterionKind.ENERGY_COST && b.priceUsdMwh == null && b.attribute == null) {
                throw new ScenarioException(p, "energyCost needs a price: 'priceUsdMwh', or 'attribute' (of the"
                        + " candidate, or of the zone 'layer' containing its centroid)");
            }
            if (kind == CriterionKind.ENERGY_COST && b.layer != null && b.attribute == null) {
                throw new ScenarioException(p + ".attribute", "missing: the price attribute of layer '" + b.layer + "'");
            }
            if (kind == CriterionKind.TCO && b.interconnection == null && b.energy == null) {
                throw new ScenarioException(p, "tco needs 'interconnection' and/or 'energy' (criterion ids)");
            }
            return b.build();
        }

        private static void checkLayer(String layer, String path, Map<String, LayerRef> layers) {
            if (layer != null && !layers.containsKey(layer)) {
                throw new ScenarioException(path, "no layer '" + layer + "' in layers (have: "
                        + String.join(", ", layers.keySet()) + ")");
            }
        }

        TransformSpec transform(JsonNode n, String p) {
            obj(n, p);
            keys(n, p, TRANSFORM);
            String typeName = reqString(n, p, "type");
            TransformSpec.Type type = TransformSpec.Type.of(typeName);
            if (type == null) {
                throw new ScenarioException(p + ".type", "unknown transform '" + typeName + "' (known: "
                        + String.join(", ", Arrays.stream(TransformSpec.Type.values()).map(TransformSpec.Type::json)
                                .toList()) + ")");
            }
            String dir = optString(n, p, "direction");
            TransformSpec.Direction d = null;
            if (dir != null) {
                if (dir.equals("benefit")) {
                    d = TransformSpec.Direction.BENEFIT;
                } else if (dir.equals("cost")) {
                    d = TransformSpec.Direction.COST;
                } else {
                    throw new ScenarioException(p + ".direction", "must be 'benefit' or 'cost'");
                }
            }
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
                    points.add(new double[] {pt.get(0).asDouble(), pt.get(1).asDouble()});
                }
            }
            TransformSpec t = new TransformSpec(type, d, optNumberObj(n, p, "min"), optNumberObj(n, p, "max"),
                    optNumberObj(n, p, "value"), optNumbers(n, p, "breaks"), optNumbers(n, p, "values"), points,
                    optNumberObj(n, p, "midpoint"), optNumberObj(n, p, "spread"), optNumberObj(n, p, "ideal"),
                    optNumberObj(n, p, "offset"));
            Transforms.validate(t, p);
            return t;
        }

        ConstraintSpec constraint(JsonNode n, String p, Set<String> ids, Map<String, LayerRef> layers) {
            obj(n, p);
            keys(n, p, CONSTRAINT);
            String crit = optString(n, p, "criterion");
            String excl = optString(n, p, "exclude");
            String label = optString(n, p, "label");
            if ((crit == null) == (excl == null)) {
                throw new ScenarioException(p, "give either 'criterion' with 'op' and 'value', or 'exclude' (a layer id)");
            }
            if (crit != null) {
                if (!ids.contains(crit)) {
                    throw new ScenarioException(p + ".criterion", "no criterion with id '" + crit + "'");
                }
                if (n.has("filter") || n.has("bufferM")) {
                    throw new ScenarioException(p, "'filter' and 'bufferM' apply to exclusion constraints only");
                }
                String op = reqString(n, p, "op");
                if (!OPS.contains(op)) {
                    throw new ScenarioException(p + ".op", "unknown operator '" + op + "' (use < <= > >= == !=)");
                }
                return new ConstraintSpec(crit, op, reqNumber(n, p, "value"), null, null, null, label);
            }
            checkLayer(excl, p + ".exclude", layers);
            if (n.has("op") || n.has("value")) {
                throw new ScenarioException(p, "'op' and 'value' apply to criterion constraints only");
            }
            double buf = optNumber(n, p, "bufferM", 0);
            if (!(buf >= 0)) {
                throw new ScenarioException(p + ".bufferM", "must be >= 0");
            }
            return new ConstraintSpec(null, null, null, excl, optString(n, p, "filter"), buf, label);
        }

        WeightsSpec weights(JsonNode n, Set<String> ids) {
            String p = "weights";
            obj(n, p);
            keys(n, p, WEIGHTS);
            String type = reqString(n, p, "type");
            if (type.equals("direct")) {
                if (n.has("matrix") || n.has("criteria")) {
                    throw new ScenarioException(p, "'matrix' and 'criteria' apply to type 'ahp' only");
                }
                return WeightsSpec.direct();
            }
            if (!type.equals("ahp")) {
                throw new ScenarioException(p + ".type", "must be 'direct' or 'ahp'");
            }
            List<String> crit = optStrings(n, p, "criteria");
            if (crit.isEmpty()) {
                throw new ScenarioException(p + ".criteria", "missing: the criterion ids in matrix order");
            }
            for (int i = 0; i < crit.size(); i++) {
                if (!ids.contains(crit.get(i))) {
                    throw new ScenarioException(p + ".criteria[" + i + "]", "no criterion with id '" + crit.get(i) + "'");
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

        MethodSpec method(JsonNode n) {
            String p = "method";
            obj(n, p);
            keys(n, p, METHOD);
            String typeName = reqString(n, p, "type");
            MethodSpec.Type type = MethodSpec.Type.of(typeName);
            if (type == null) {
                throw new ScenarioException(p + ".type", "unknown method '" + typeName
                        + "' (known: weightedSum, topsis, owa)");
            }
            String input = optString(n, p, "input");
            if (input != null && (type != MethodSpec.Type.TOPSIS || !(input.equals("raw") || input.equals("transformed")))) {
                throw new ScenarioException(p + ".input", "applies to topsis only: 'raw' or 'transformed'");
            }
            Double orness = optNumberObj(n, p, "orness");
            List<Double> ow = optNumbers(n, p, "orderWeights");
            if ((orness != null || ow != null) && type != MethodSpec.Type.OWA) {
                throw new ScenarioException(p + (orness != null ? ".orness" : ".orderWeights"), "applies to owa only");
            }
            if (orness != null && !(orness >= 0 && orness <= 1)) {
                throw new ScenarioException(p + ".orness", "must be in [0, 1]");
            }
            if (ow != null) {
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
        static void obj(JsonNode n, String p) {
            if (n == null || !n.isObject()) {
                throw new ScenarioException(p, "must be a JSON object");
            }
        }

        static void keys(JsonNode n, String p, Set<String> allowed) {
            Iterator<String> it = n.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new ScenarioException(join(p, k), "unknown key '" + k + "'" + suggest(k, allowed));
                }
            }
        }

        static JsonNode req(JsonNode n, String p, String k) {
            JsonNode v = n.get(k);
            if (v == null || v.isNull()) {
                throw new ScenarioException(join(p, k), "missing");
            }
            return v;
        }

        static String reqString(JsonNode n, String p, String k) {
            JsonNode v = req(n, p, k);
            if (!v.isTextual()) {
                throw new ScenarioException(join(p, k), "must be a string");
            }
            return v.asText();
        }

        static String optString(JsonNode n, String p, String k) {
            JsonNode v = n.get(k);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new ScenarioException(join(p, k), "must be a string");
            }
            return v.asText();
        }

        static double reqNumber(JsonNode n, String p, String k) {
            JsonNode v = req(n, p, k);
            if (!v.isNumber()) {
                throw new ScenarioException(join(p, k), "must be a number");
            }
            return v.asDouble();
        }

        static double optNumber(JsonNode n, String p, String k, double dflt) {
            Double d = optNumberObj(n, p, k);
            return d == null ? dflt : d;
        }

        static Double optNumberObj(JsonNode n, String p, String k) {
            JsonNode v = n.get(k);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw new ScenarioException(join(p, k), "must be a number");
            }
            return v.asDouble();
        }

        static List<Double> optNumbers(JsonNode n, String p, String k) {
            JsonNode v = n.get(k);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isArray()) {
                throw new ScenarioException(join(p, k), "must be an array of numbers");
            }
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isNumber()) {
                    throw new ScenarioException(join(p, k) + "[" + i + "]", "must be a number");
                }
                out.add(v.get(i).asDouble());
            }
            return out;
        }

        static List<String> optStrings(JsonNode n, String p, String k) {
            JsonNode v = n.get(k);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new ScenarioException(join(p, k), "must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw new ScenarioException(join(p, k) + "[" + i + "]", "must be a string");
                }
                out.add(v.get(i).asText());
            }
            return out;
        }

        static String join(String p, String k) {
            return p.isEmpty() ? k : p + "." + k;
        }

        static String sorted(Set<String> s) {
            List<String> l = new ArrayList<>(s);
            l.sort(null);
            return String.join(", ", l);
        }

        static String suggest(String k, Set<String> allowed) {
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

        static int levenshtein(String a, String b) {
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

    // ------------------------------------------------------------------ writing

    /** The scenario as JSON text (pretty-printed). */
    public static String toJson(Scenario s) {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the scenario to a file (temp file + atomic move). */
    public static void write(Scenario s, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".scenario", ".tmp");
        try {
            Files.writeString(tmp, toJson(s) + "\n", StandardCharsets.UTF_8);
            AtomicFiles.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The scenario as a Jackson tree. */
    public static ObjectNode toTree(Scenario s) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("schema", Scenario.SCHEMA);
        putOpt(r, "name", s.name());
        putOpt(r, "description", s.description());
        ObjectNode c = r.putObject("campus");
        Campus k = s.campus();
        c.put("itLoadMw", k.itLoadMw());
        c.put("pue", k.pue());
        c.put("utilization", k.utilization());
        c.put("minAcres", k.minAcres());
        c.put("years", k.years());
        c.put("discountRate", k.discountRate());
        c.put("landPriceUsdPerAcre", k.landPriceUsdPerAcre());
        putOpt(r, "analysisCrs", s.analysisCrs());
        ObjectNode layers = r.putObject("layers");
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            LayerRef l = e.getValue();
            ObjectNode ln = layers.putObject(e.getKey());
            ln.put("path", l.path());
            putOpt(ln, "layer", l.layer());
            putOpt(ln, "crs", l.crs());
            if (!l.joins().isEmpty()) {
                ArrayNode ja = ln.putArray("join");
                for (JoinSpec j : l.joins()) {
                    ObjectNode jn = ja.addObject();
                    jn.put("path", j.path());
                    putOpt(jn, "layer", j.layer());
                    jn.put("layerKey", j.layerKey());
                    jn.put("tableKey", j.tableKey());
                    if (!j.fields().isEmpty()) {
                        ArrayNode f = jn.putArray("fields");
                        j.fields().forEach(f::add);
                    }
                    if (!j.prefix().isEmpty()) {
                        jn.put("prefix", j.prefix());
                    }
                }
            }
        }
        r.put("candidates", s.candidates());
        putOpt(r, "idField", s.idField());
        ArrayNode cr = r.putArray("criteria");
        for (CriterionSpec cs : s.criteria()) {
            ObjectNode n = cr.addObject();
            n.put("id", cs.id());
            n.put("kind", cs.kind().json());
            putOpt(n, "label", cs.label());
            putOpt(n, "layer", cs.layer());
            putOpt(n, "filter", cs.filter());
            putOpt(n, "attribute", cs.attribute());
            putOpt(n, "at", cs.at());
            putOpt(n, "stat", cs.stat());
            if (cs.band() != null) {
                n.put("band", cs.band());
            }
            putOpt(n, "radiusKm", cs.radiusKm());
            putOpt(n, "mode", cs.mode());
            putOpt(n, "availableAttribute", cs.availableAttribute());
            putOpt(n, "kvAttribute", cs.kvAttribute());
            putOpt(n, "linesLayer", cs.linesLayer());
            putOpt(n, "linesKvAttribute", cs.linesKvAttribute());
            putOpt(n, "demandMw", cs.demandMw());
            putOpt(n, "kv", cs.kv());
            putOpt(n, "routeFactor", cs.routeFactor());
            putOpt(n, "contingency", cs.contingency());
            putOpt(n, "afudc", cs.afudc());
            putOpt(n, "priceUsdMwh", cs.priceUsdMwh());
            putOpt(n, "priceUnit", cs.priceUnit());
            putOpt(n, "interconnection", cs.interconnection());
            putOpt(n, "energy", cs.energy());
            putOpt(n, "landPriceAttribute", cs.landPriceAttribute());
            if (cs.transform() != null) {
                n.set("transform", transformTree(cs.transform()));
            }
            putOpt(n, "missingScore", cs.missingScore());
            n.put("weight", cs.weight());
        }
        if (!s.constraints().isEmpty()) {
            ArrayNode ca = r.putArray("constraints");
            for (ConstraintSpec cs : s.constraints()) {
                ObjectNode n = ca.addObject();
                if (cs.isExclusion()) {
                    n.put("exclude", cs.exclude());
                    putOpt(n, "filter", cs.filter());
                    n.put("bufferM", cs.buffer());
                } else {
                    n.put("criterion", cs.criterion());
                    n.put("op", cs.op());
                    n.put("value", cs.value());
                }
                putOpt(n, "label", cs.label());
            }
        }
        if (s.weights().isAhp()) {
            ObjectNode w = r.putObject("weights");
            w.put("type", "ahp");
            ArrayNode ids = w.putArray("criteria");
            s.weights().criteria().forEach(ids::add);
            ArrayNode m = w.putArray("matrix");
            for (double[] row : s.weights().matrix()) {
                ArrayNode rn = m.addArray();
                for (double v : row) {
                    rn.add(v);
                }
            }
        }
        ObjectNode m = r.putObject("method");
        m.put("type", s.method().type().json());
        putOpt(m, "input", s.method().input());
        putOpt(m, "orness", s.method().orness());
        if (s.method().orderWeights() != null) {
            ArrayNode ow = m.putArray("orderWeights");
            s.method().orderWeights().forEach(ow::add);
        }
        return r;
    }

    private static ObjectNode transformTree(TransformSpec t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", t.type().json());
        if (t.direction() != null) {
            n.put("direction", t.direction().json());
        }
        putOpt(n, "min", t.min());
        putOpt(n, "max", t.max());
        putOpt(n, "value", t.value());
        if (t.breaks() != null) {
            ArrayNode a = n.putArray("breaks");
            t.breaks().forEach(a::add);
        }
        if (t.values() != null) {
            ArrayNode a = n.putArray("values");
            t.values().forEach(a::add);
        }
        if (t.points() != null) {
            ArrayNode a = n.putArray("points");
            for (double[] p : t.points()) {
                a.addArray().add(p[0]).add(p[1]);
            }
        }
        putOpt(n, "midpoint", t.midpoint());
        putOpt(n, "spread", t.spread());
        putOpt(n, "ideal", t.ideal());
        putOpt(n, "offset", t.offset());
        return n;
    }

    private static void putOpt(ObjectNode n, String k, String v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    private static void putOpt(ObjectNode n, String k, Double v) {
        if (v != null) {
            n.put(k, v);
        }
    }
}
