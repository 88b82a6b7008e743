package io.siteplanner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes scenario JSON that {@link ScenarioReader} reads back to an equal scenario (round trip). Defaults
 * that the reader fills in (a kind's default transform) are written explicitly, so a file says what it does.
 */
public final class ScenarioWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScenarioWriter() {
    }

    /** The scenario as JSON text (pretty-printed). */
    public static String toJson(Scenario s) {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toTree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the scenario to a file (temp file, then move). */
    public static void write(Scenario s, Path file) throws IOException {
        String json = toJson(s) + "\n";
        AtomicWrite.write(file, tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
    }

    /** The scenario as a Jackson tree. */
    public static ObjectNode toTree(Scenario s) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("schema", Scenario.SCHEMA);
        put(r, "name", s.name());
        put(r, "description", s.description());
        ObjectNode c = r.putObject("campus");
        Campus k = s.campus();
        c.put("itLoadMw", k.itLoadMw());
        c.put("pue", k.pue());
        c.put("utilization", k.utilization());
        c.put("minAcres", k.minAcres());
        c.put("years", k.years());
        c.put("discountRate", k.discountRate());
        c.put("landPriceUsdPerAcre", k.landPriceUsdPerAcre());
        put(r, "analysisCrs", s.analysisCrs());
        ObjectNode layers = r.putObject("layers");
        for (Map.Entry<String, LayerRef> e : s.layers().entrySet()) {
            layer(layers.putObject(e.getKey()), e.getValue());
        }
        r.put("candidates", s.candidates());
        put(r, "idField", s.idField());
        ArrayNode cr = r.putArray("criteria");
        for (Criterion cs : s.criteria()) {
            criterion(cr.addObject(), cs);
        }
        if (!s.constraints().isEmpty()) {
            ArrayNode ca = r.putArray("constraints");
            for (ConstraintSpec cs : s.constraints()) {
                ObjectNode n = ca.addObject();
                if (cs.isExclusion()) {
                    n.put("exclude", cs.exclude());
                    put(n, "filter", cs.filter());
                    n.put("bufferM", cs.buffer());
                } else {
                    n.put("criterion", cs.criterion());
                    n.put("op", cs.op());
                    n.put("value", cs.value());
                }
                put(n, "label", cs.label());
                if (!cs.enabled()) {
                    n.put("enabled", false);
                }
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
        put(m, "input", s.method().input());
        if (s.method().orness() != null) {
            m.put("orness", s.method().orness());
        }
        if (s.method().orderWeights() != null) {
            ArrayNode ow = m.putArray("orderWeights");
            s.method().orderWeights().forEach(ow::add);
        }
        return r;
    }

    private static void layer(ObjectNode ln, LayerRef l) {
        ln.put("path", l.path());
        put(ln, "layer", l.layer());
        put(ln, "crs", l.crs());
        if (!l.joins().isEmpty()) {
            ArrayNode ja = ln.putArray("join");
            for (JoinSpec j : l.joins()) {
                ObjectNode jn = ja.addObject();
                jn.put("path", j.path());
                put(jn, "layer", j.layer());
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
        if (!l.nodata().isEmpty()) {
            ObjectNode nd = ln.putObject("nodata");
            for (Map.Entry<String, List<Double>> e : l.nodata().entrySet()) {
                ArrayNode a = nd.putArray(e.getKey());
                e.getValue().forEach(a::add);
            }
        }
        if (!l.fields().isEmpty()) {
            ObjectNode f = ln.putObject("fields");
            l.fields().forEach(f::put);
        }
    }

    /** One criterion: common keys, the kind's own keys, transform, missing-value policy, weight. */
    static void criterion(ObjectNode n, Criterion cs) {
        Common c = cs.common();
        n.put("id", c.id());
        n.put("kind", cs.kind().json());
        put(n, "label", c.label());
        cs.write(n);
        n.set("transform", transform(c.transform()));
        if (c.missing() != MissingPolicy.WORST) {
            n.put("missing", c.missing().json());
        }
        if (c.missingScore() != null) {
            n.put("missingScore", c.missingScore());
        }
        put(n, "unit", c.unit());
        n.put("weight", c.weight());
        if (!c.enabled()) {
            n.put("enabled", false);
        }
    }

    /** A transform as JSON. */
    public static ObjectNode transform(TransformSpec t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", t.type().json());
        if (t.direction() != null) {
            n.put("direction", t.direction().json());
        }
        put(n, "min", t.min());
        put(n, "max", t.max());
        put(n, "value", t.value());
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
        put(n, "midpoint", t.midpoint());
        put(n, "spread", t.spread());
        put(n, "ideal", t.ideal());
        put(n, "offset", t.offset());
        if (t.scores() != null) {
            ObjectNode s = n.putObject("scores");
            t.scores().forEach(s::put);
        }
        put(n, "default", t.otherwise());
        return n;
    }

    private static void put(ObjectNode n, String k, String v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    private static void put(ObjectNode n, String k, Double v) {
        if (v != null) {
            n.put(k, v);
        }
    }
}
