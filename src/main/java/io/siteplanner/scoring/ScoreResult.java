package io.siteplanner.scoring;

import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One scoring of all sites: score, rank and pass/fail per site, and the settings it was made with, so
 * that every number can be explained ({@link #explain}). Ranking: sites that pass every constraint come
 * first, by score descending then id ascending; sites that fail follow, ordered the same way (they stay
 * visible with their reasons). Ranks are 1..n over all sites; {@link #passedCount()} tells where the
 * failed ones start. Scores are never NaN (see the missing-value rule in {@link Transforms}).
 *
 * <p>A result owns its arrays; {@link ScoringSession#score(ScoreResult)} can reuse them to avoid
 * allocation (the passed-in result is overwritten). Not thread-safe while being reused.
 */
public final class ScoreResult {
    final ScoringSession session;
    int n;
    double[] score;
    int[] rank;
    int[] order;
    boolean[] passed;
    int passedCount;
    // snapshot of the settings
    double[] weights;
    TransformSpec[] transforms;
    double[] missing;
    double[][] stats; // per criterion {min, max, logMin, logMax}
    MethodSpec method;
    List<ConstraintSpec> constraints;
    // TOPSIS details
    double[] topsisNorm;
    double[] topsisIdeal;
    double[] topsisAnti;
    double[] topsisWorstRaw;
    // scratch for ranking
    long[] keys;
    long[] keysTmp;
    int[] valsTmp;
    int[] hist;

    ScoreResult(ScoringSession session) {
        this.session = session;
    }

    /** Number of sites. */
    public int size() {
        return n;
    }

    /** Score of site i (candidate order), in [0,1]. */
    public double score(int i) {
        return score[i];
    }

    /** 1-based rank of site i. */
    public int rank(int i) {
        return rank[i];
    }

    /** The site at 0-based rank position p. */
    public int siteAt(int p) {
        return order[p];
    }

    public boolean passed(int i) {
        return passed[i];
    }

    /** Sites passing all constraints (they hold ranks 1..passedCount). */
    public int passedCount() {
        return passedCount;
    }

    /** Normalised weights used, per criterion (scenario order). */
    public double[] weights() {
        return weights.clone();
    }

    public MethodSpec method() {
        return method;
    }

    /** The session this result belongs to. */
    public ScoringSession session() {
        return session;
    }

    /** Scores as an array copy (candidate order). */
    public double[] scores() {
        return java.util.Arrays.copyOf(score, n);
    }

    /** Transformed value of criterion c for site i, recomputed from the raw value with this result's settings. */
    public double transformed(int c, int i) {
        double[] s = stats[c];
        return Transforms.value(transforms[c], session.raw(c)[i], s[0], s[1], s[2], s[3], missing[c],
                session.column(c).categories());
    }

    /**
     * Why site i failed (empty when it passed), e.g. {@code acres 3.2 < 5}, {@code grid: needs 1,200 MW;
     * 650 MW estimated within 32.2 km}, {@code d_sub: no data}.
     */
    public List<String> reasons(int i) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < session.criteria().size(); c++) {
            String r = session.ruleReason(c, i);
            if (r != null) {
                out.add(r);
            }
        }
        for (ConstraintSpec k : constraints) {
            String r = session.failReason(k, i);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Flags of site i: criteria without a value, with the score that stood in ({@code d_sub: no data,
     * scored 0}); never a silent 0.
     */
    public List<String> flags(int i) {
        List<String> out = new ArrayList<>();
        List<Criterion> cs = session.criteria();
        List<Criterion> now = session.scenario().criteria();
        for (int c = 0; c < cs.size(); c++) {
            double x = session.raw(c)[i];
            if (x != x && now.get(c).enabled()) {
                out.add(cs.get(c).id() + ": no data" + (weights[c] > 0 ? ", scored " + fmt(missing[c]) : ""));
            }
        }
        return out;
    }

    /** Number of sites without a value for criterion c. */
    public int missingCount(int c) {
        int k = 0;
        for (double x : session.raw(c)) {
            if (x != x) {
                k++;
            }
        }
        return k;
    }

    /** Criterion c's raw value of site i in words with its unit ("3.1 km to lines [kv >= 345]", "no data"). */
    public String describe(int c, int i) {
        return session.criteria().get(c).explain(session.raw(c)[i], session.column(c));
    }

    /**
     * One criterion's share of a site's score.
     *
     * @param id           criterion id
     * @param raw          raw value (NaN = missing)
     * @param transformed  [0,1] score of the raw value
     * @param weight       normalised weight
     * @param contribution weighted-sum and OWA: the part of the score from this criterion (they add up to
     *                     the score); TOPSIS: the weighted normalised value v (TOPSIS is not additive)
     * @param unit         unit of the raw value
     * @param feature      index of the referenced feature (nearest, zone) or -1
     * @param category     for text values (categories): the text of the raw value, else null
     */
    public record Part(String id, double raw, double transformed, double weight, double contribution, String unit,
            int feature, String category) {
        /** The raw value for people: the category text, or the number with its unit ("no data" when missing). */
        public String format(io.siteplanner.model.Units.DistanceUnit du) {
            return category != null ? category : io.siteplanner.model.Units.format(raw, unit, du);
        }
    }

    /** Criterion c's raw value of site i for people: the category text, or the number with its unit. */
    public String format(int c, int i, io.siteplanner.model.Units.DistanceUnit du) {
        Column col = session.column(c);
        return col.isText() ? String.valueOf(col.valueAt(i) == null ? "no data" : col.valueAt(i))
                : io.siteplanner.model.Units.format(session.raw(c)[i], col.unit(), du);
    }

    /** Everything about one site, for the UI and exports. */
    public record Explanation(Object id, int rank, double score, boolean passed, List<String> reasons,
            List<String> flags, List<Part> parts) {
    }

    /** Explains site i. */
    public Explanation explain(int i) {
        List<Criterion> cs = session.criteria();
        int m = cs.size();
        double[] t = new double[m];
        for (int c = 0; c < m; c++) {
            t[c] = transformed(c, i);
        }
        double[] contrib = new double[m];
        switch (method.type()) {
            case TOPSIS:
                for (int c = 0; c < m; c++) {
                    if (weights[c] > 0) {
                        double x = method.topsisOnRaw() ? rawOrWorst(c, i) : t[c];
                        contrib[c] = topsisNorm[c] > 0 ? weights[c] * x / topsisNorm[c] : 0;
                    }
                }
                break;
            case OWA:
                Methods.owaContributions(t, weights, method, contrib);
                break;
            default:
                for (int c = 0; c < m; c++) {
                    contrib[c] = weights[c] * t[c];
                }
        }
        List<Part> parts = new ArrayList<>(m);
        for (int c = 0; c < m; c++) {
            Column col = session.column(c);
            Object text = col.isText() ? col.valueAt(i) : null;
            parts.add(new Part(cs.get(c).id(), session.raw(c)[i], t[c], weights[c], contrib[c], col.unit(),
                    col.feature() == null ? -1 : col.feature()[i], text == null ? null : text.toString()));
        }
        return new Explanation(session.id(i), rank[i], score[i], passed[i], reasons(i), flags(i), parts);
    }

    double rawOrWorst(int c, int i) {
        double x = session.raw(c)[i];
        return x != x ? topsisWorstRaw[c] : x;
    }

    /** Compact number for reasons: integers plain, else 3 significant digits (at least 1 decimal above 100). */
    public static String fmt(double x) {
        if (x != x) {
            return "no data";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Math.abs(x) >= 100) {
            return BigDecimal.valueOf(x).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
