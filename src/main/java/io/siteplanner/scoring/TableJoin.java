package io.siteplanner.scoring;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.JoinSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins table rows onto a layer's features by key, like a QGIS join (one-to-one, first matching row wins).
 * Keys are compared after {@link #normalizeKey normalisation}, so {@code "01001"}, {@code 1001} and
 * {@code 1001.0} match; other text keys match exactly after trimming. Features without a match get nulls.
 */
public final class TableJoin {
    /**
     * The joined layer and the match statistics.
     *
     * @param layer              the layer with the table fields appended
     * @param matched            features that found a row
     * @param unmatchedFeatures  features without a row
     * @param unusedRows         table rows no feature used
     * @param duplicateKeys      table rows ignored because their key was already taken
     * @param firstUnmatched     up to 3 keys of unmatched features (for the message)
     */
    public record Outcome(VectorLayer layer, int matched, int unmatchedFeatures, int unusedRows, int duplicateKeys,
            List<String> firstUnmatched) {
        /** One line for the user. */
        public String summary(String layerId, String table) {
            StringBuilder sb = new StringBuilder("join ").append(table).append(" -> ").append(layerId).append(": ")
                    .append(matched).append(" of ").append(matched + unmatchedFeatures).append(" features matched");
            if (unmatchedFeatures > 0) {
                sb.append("; ").append(unmatchedFeatures).append(" unmatched (e.g. ")
                        .append(String.join(", ", firstUnmatched)).append(")");
            }
            if (unusedRows > 0) {
                sb.append("; ").append(unusedRows).append(" table rows unused");
            }
            if (duplicateKeys > 0) {
                sb.append("; ").append(duplicateKeys).append(" duplicate table keys ignored");
            }
            return sb.toString();
        }
    }

    private TableJoin() {
    }

    /**
     * Canonical form of a key: integral numbers (also numeric text with leading zeros or a ".0" tail)
     * become their plain integer text, other decimals their shortest plain decimal text; text is trimmed.
     * Null or blank gives null.
     */
    public static String normalizeKey(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Long.toString(((Number) v).longValue());
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (isNumeric(s)) {
            try {
                BigDecimal b = new BigDecimal(s).stripTrailingZeros();
                return b.signum() == 0 ? "0" : b.toPlainString();
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return s;
    }

    private static boolean isNumeric(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        boolean digits = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /**
     * Joins {@code table} onto {@code layer}.
     *
     * @param path JSON path of the join for errors (e.g. {@code layers.counties.join})
     */
    public static Outcome apply(VectorLayer layer, VectorLayer table, JoinSpec spec, String path) {
        int lk = layer.schema().indexOf(spec.layerKey());
        if (lk < 0) {
            throw new ScenarioException(path + ".layerKey", "no field '" + spec.layerKey() + "' in the layer (fields: "
                    + String.join(", ", layer.schema().names()) + ")");
        }
        int tk = table.schema().indexOf(spec.tableKey());
        if (tk < 0) {
            throw new ScenarioException(path + ".tableKey", "no field '" + spec.tableKey() + "' in " + spec.path()
                    + " (fields: " + String.join(", ", table.schema().names()) + ")");
        }
        List<Integer> cols = new ArrayList<>();
        if (spec.fields().isEmpty()) {
            for (int i = 0; i < table.schema().size(); i++) {
                if (i != tk) {
                    cols.add(i);
                }
            }
        } else {
            for (int i = 0; i < spec.fields().size(); i++) {
                int c = table.schema().indexOf(spec.fields().get(i));
                if (c < 0) {
                    throw new ScenarioException(path + ".fields[" + i + "]", "no field '" + spec.fields().get(i)
                            + "' in " + spec.path() + " (fields: " + String.join(", ", table.schema().names()) + ")");
                }
                cols.add(c);
            }
        }
        List<Field> fields = new ArrayList<>(layer.schema().fields());
        for (int c : cols) {
            Field f = table.schema().field(c);
            String name = spec.prefix() + f.name();
            if (layer.schema().indexOf(name) >= 0 && layer.schema().field(layer.schema().indexOf(name)).name()
                    .equalsIgnoreCase(name)) {
                throw new ScenarioException(path + ".fields", "field '" + name + "' already exists in the layer;"
                        + " set a 'prefix' for the joined fields");
            }
            fields.add(new Field(name, f.type(), f.width(), f.precision()));
        }
        Schema schema = new Schema(fields);
        Map<String, Integer> rows = new HashMap<>();
        int dup = 0;
        for (int r = 0; r < table.size(); r++) {
            String k = normalizeKey(table.get(r).value(tk));
            if (k == null) {
                continue;
            }
            if (rows.putIfAbsent(k, r) != null) {
                dup++;
            }
        }
        boolean[] used = new boolean[table.size()];
        List<Feature> out = new ArrayList<>(layer.size());
        int matched = 0;
        int unmatched = 0;
        List<String> firstUnmatched = new ArrayList<>();
        for (Feature f : layer.features()) {
            Object key = f.value(lk);
            Integer r = rows.get(normalizeKey(key));
            Object[] extra = new Object[cols.size()];
            if (r != null) {
                matched++;
                used[r] = true;
                Feature row = table.get(r);
                for (int i = 0; i < cols.size(); i++) {
                    extra[i] = row.value(cols.get(i));
                }
            } else {
                unmatched++;
                if (firstUnmatched.size() < 3) {
                    firstUnmatched.add(spec.layerKey() + " " + key);
                }
            }
            out.add(f.withExtraValues(extra));
        }
        int unused = 0;
        for (int r = 0; r < used.length; r++) {
            if (!used[r] && normalizeKey(table.get(r).value(tk)) != null && rows.get(
                    normalizeKey(table.get(r).value(tk))) == r) {
                unused++;
            }
        }
        VectorLayer joined = layer.toBuilder().schema(schema).features(out).build();
        return new Outcome(joined, matched, unmatched, unused, dup, firstUnmatched);
    }
}
