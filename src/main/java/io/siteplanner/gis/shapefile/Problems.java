package io.siteplanner.gis.shapefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts record problems per kind, remembering the first few record numbers, and turns them into one
 * warning per kind.
 */
final class Problems {
    private static final int EXAMPLES = 5;

    private static final class Kind {
        final String verb;
        int count;
        final long[] first = new long[EXAMPLES];

        Kind(String verb) {
            this.verb = verb;
        }
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** Records one problem: {@code verb} is "skipped", "kept", ...; {@code what} says why. */
    void add(String verb, String what, long record) {
        Kind k = kinds.computeIfAbsent(verb + '\u0000' + what, x -> new Kind(verb));
        if (k.count < EXAMPLES) {
            k.first[k.count] = record;
        }
        k.count++;
    }

    int count(String verb, String what) {
        Kind k = kinds.get(verb + '\u0000' + what);
        return k == null ? 0 : k.count;
    }

    /** One sentence per kind, e.g. "2 records skipped: NaN or infinite coordinates (records 4, 9)". */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Kind> e : kinds.entrySet()) {
            Kind k = e.getValue();
            String what = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            StringBuilder sb = new StringBuilder();
            sb.append(k.count).append(k.count == 1 ? " record " : " records ").append(k.verb).append(": ")
                    .append(what).append(k.count == 1 ? " (record " : " (records ");
            int shown = Math.min(k.count, EXAMPLES);
            for (int i = 0; i < shown; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(k.first[i]);
            }
            if (k.count > shown) {
                sb.append(", ...");
            }
            sb.append(')');
            out.add(sb.toString());
        }
        return out;
    }
}
