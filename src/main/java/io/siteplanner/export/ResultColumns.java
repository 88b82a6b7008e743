package io.siteplanner.export;

import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns every results export carries, in order: {@code rank}, the id field, {@code score}, one raw
 * value per criterion (named by criterion id), {@code passed}, {@code reasons} (failed constraints and
 * missing-value flags, "; "-separated).
 */
public final class ResultColumns {
    private ResultColumns() {
    }

    /** Column names. */
    public static List<String> names(ScoringSession s) {
        List<String> out = new ArrayList<>();
        out.add("rank");
        out.add(s.idField());
        out.add("score");
        for (Criterion c : s.criteria()) {
            out.add(c.id());
        }
        out.add("passed");
        out.add("reasons");
        return out;
    }

    /** Reasons text of a site: failed constraints, then missing-value flags. */
    public static String reasons(ScoreResult r, int site) {
        List<String> all = new ArrayList<>(r.reasons(site));
        for (String f : r.flags(site)) {
            // "v: no data, scored 0" adds nothing to a reason "v: no data" already given
            String head = f.contains(",") ? f.substring(0, f.indexOf(',')) : f;
            if (!all.contains(f) && !all.contains(head)) {
                all.add(f);
            }
        }
        return String.join("; ", all);
    }

    /** How many rows to write: top (0 or less = all). */
    public static int rows(ScoreResult r, int top) {
        return top <= 0 ? r.size() : Math.min(top, r.size());
    }
}
