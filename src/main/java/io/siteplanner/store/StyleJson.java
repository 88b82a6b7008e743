package io.siteplanner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LabelStyle;
import io.siteplanner.model.style.LayerStyle;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link LayerStyle} as compact JSON, as stored in {@code siteplanner_layers.style}:
 * <pre>{"kind":"graduated","fill":"#cccccc","stroke":"#555555","strokeWidth":1.8,"pointSize":0,
 *  "field":"kv","breaks":[100,200],"colors":["#7f8c8d","#2e86de","#10ac84"],
 *  "categories":{"A":"#ff0000"},"sizeField":"kv","sizeMin":5,"sizeMax":14,"noData":[-999999],
 *  "classMethod":"NATURAL_BREAKS","ramp":"YlOrRd","labels":{"field":"name","minScale":500000,"maxScale":0}}</pre>
 * Colours are {@code #rrggbb} or {@code #aarrggbb}; keys that do not apply are left out. {@link #parse}
 * reads what {@link #toJson} writes and rejects anything else with an {@link IllegalArgumentException}
 * that says what is wrong. Stateless, thread-safe.
 */
public final class StyleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StyleJson() {
    }

    /** The style as one line of JSON. */
    public static String toJson(LayerStyle s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        n.put("fill", Colors.hex(s.fill()));
        n.put("stroke", Colors.hex(s.stroke()));
        n.put("strokeWidth", s.strokeWidth());
        n.put("pointSize", s.pointSize());
        if (s.field() != null) {
            n.put("field", s.field());
        }
        if (s.kind() == LayerStyle.Kind.GRADUATED) {
            ArrayNode b = n.putArray("breaks");
            for (double v : s.breaks()) {
                b.add(v);
            }
            ArrayNode c = n.putArray("colors");
            for (int v : s.colors()) {
                c.add(Colors.hex(v));
            }
        }
        if (s.kind() == LayerStyle.Kind.CATEGORIZED) {
            ObjectNode c = n.putObject("categories");
            for (Map.Entry<String, Integer> e : s.categories().entrySet()) {
                c.put(e.getKey(), Colors.hex(e.getValue()));
            }
        }
        if (s.sizeField() != null) {
            n.put("sizeField", s.sizeField());
            n.put("sizeMin", s.sizeMin());
            n.put("sizeMax", s.sizeMax());
        }
        if (s.noData().length > 0) {
            ArrayNode nd = n.putArray("noData");
            for (double v : s.noData()) {
                nd.add(v);
            }
        }
        if (s.classMethod() != null) {
            n.put("classMethod", s.classMethod());
        }
        if (s.ramp() != null) {
            n.put("ramp", s.ramp());
        }
        if (s.labels() != null) {
            ObjectNode l = n.putObject("labels");
            l.put("field", s.labels().field());
            l.put("minScale", s.labels().minScale());
            l.put("maxScale", s.labels().maxScale());
        }
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses style JSON.
     *
     * @throws IllegalArgumentException naming the problem (bad JSON, unknown kind, bad colour ...)
     */
    public static LayerStyle parse(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("style is not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("style must be a JSON object");
        }
        String kind = text(n, "kind", "single");
        LayerStyle base = parseKind(n, kind);
        JsonNode nd = n.get("noData");
        if (nd != null && !nd.isNull()) {
            if (!nd.isArray()) {
                throw new IllegalArgumentException("style 'noData' must be an array of numbers");
            }
            double[] v = new double[nd.size()];
            for (int i = 0; i < v.length; i++) {
                if (!nd.get(i).isNumber()) {
                    throw new IllegalArgumentException("style noData[" + i + "] is not a number");
                }
                v[i] = nd.get(i).asDouble();
            }
            base = base.withNoData(v);
        }
        JsonNode l = n.get("labels");
        if (l != null && !l.isNull()) {
            if (!l.isObject()) {
                throw new IllegalArgumentException("style 'labels' must be an object with a 'field'");
            }
            try {
                base = base.withLabels(new LabelStyle(requiredText(l, "field"), number(l, "minScale", 0),
                        number(l, "maxScale", 0)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("style labels: " + e.getMessage());
            }
        }
        return base.withClassification(text(n, "classMethod", null), text(n, "ramp", null));
    }

    private static LayerStyle parseKind(JsonNode n, String kind) {
        LayerStyle s = LayerStyle.single(color(n, "fill"), color(n, "stroke"), number(n, "strokeWidth", 1),
                number(n, "pointSize", 0));
        String sizeField = text(n, "sizeField", null);
        if (sizeField != null) {
            s = s.withSizeBy(sizeField, number(n, "sizeMin", 0), number(n, "sizeMax", 0));
        }
        switch (kind) {
            case "single":
                return s;
            case "graduated": {
                JsonNode b = n.get("breaks");
                JsonNode c = n.get("colors");
                if (b == null || !b.isArray() || c == null || !c.isArray()) {
                    throw new IllegalArgumentException("graduated style needs arrays 'breaks' and 'colors'");
                }
                double[] breaks = new double[b.size()];
                for (int i = 0; i < breaks.length; i++) {
                    if (!b.get(i).isNumber()) {
                        throw new IllegalArgumentException("style breaks[" + i + "] is not a number");
                    }
                    breaks[i] = b.get(i).asDouble();
                }
                int[] colors = new int[c.size()];
                for (int i = 0; i < colors.length; i++) {
                    colors[i] = parseColor(c.get(i).asText(), "colors[" + i + "]");
                }
                return s.graduated(requiredText(n, "field"), breaks, colors);
            }
            case "categorized": {
                JsonNode c = n.get("categories");
                if (c == null || !c.isObject()) {
                    throw new IllegalArgumentException("categorized style needs an object 'categories'");
                }
                Map<String, Integer> cats = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = c.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    cats.put(e.getKey(), parseColor(e.getValue().asText(), "categories." + e.getKey()));
                }
                return s.categorized(requiredText(n, "field"), cats);
            }
            default:
                throw new IllegalArgumentException("unknown style kind '" + kind
                        + "' (expected single, graduated or categorized)");
        }
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static String requiredText(JsonNode n, String key) {
        String v = text(n, key, null);
        if (v == null) {
            throw new IllegalArgumentException("style needs '" + key + "'");
        }
        return v;
    }

    private static double number(JsonNode n, String key, double dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("style '" + key + "' is not a number");
        }
        return v.asDouble();
    }

    private static int color(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? 0 : parseColor(v.asText(), key);
    }

    private static int parseColor(String s, String where) {
        String h = s.startsWith("#") ? s.substring(1) : s;
        if (!(h.length() == 6 || h.length() == 8) || !h.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("style " + where + ": '" + s + "' is not a colour (#rrggbb or #aarrggbb)");
        }
        return Colors.parseHex(s);
    }
}
