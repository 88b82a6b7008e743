package io.siteplanner.gis.preset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A criterion a scenario builder can offer for a recognised layer, as data: the criterion kind's JSON name
 * and its keys as they appear in a scenario file, without the layer id (the scenario names the layer).
 * {@code io.siteplanner.scoring.PresetCriteria} turns one into a criterion of the scoring engine.
 *
 * @param id         suggested criterion id ({@code d_line345})
 * @param label      what it measures, in words ("distance to lines >= 345 kV")
 * @param kind       JSON kind ({@code distance}, {@code withinRadius}, ...)
 * @param params     the kind's keys except {@code layer} (e.g. {@code filter}, {@code radiusM}), in order
 * @param direction  "benefit", "cost", or null for the kind's default
 * @param categories scores of text values (a {@code categories} transform), or null
 * @param note       a caveat for the user, or null
 */
public record CriterionTemplate(String id, String label, String kind, Map<String, Object> params, String direction,
        Map<String, Double> categories, String note) {
    public CriterionTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        categories = categories == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    static CriterionTemplate of(String id, String label, String kind, Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                p.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new CriterionTemplate(id, label, kind, p, null, null, null);
    }

    CriterionTemplate direction(String d) {
        return new CriterionTemplate(id, label, kind, params, d, categories, note);
    }

    CriterionTemplate categories(Map<String, Double> c) {
        return new CriterionTemplate(id, label, kind, params, direction, c, note);
    }

    CriterionTemplate note(String n) {
        return new CriterionTemplate(id, label, kind, params, direction, categories, n);
    }
}
