package io.siteplanner.scoring;

import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.scenario.Campus;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.util.List;

/**
 * A read-only columnar snapshot of one scoring ({@link ScoreResult}) for the decision tools (rank
 * robustness, what-would-change, weight sweeps): raw and transformed columns, the transform statistics,
 * the normalised weights, the method, pass/fail and each site's position in id order (the tie-break of
 * the ranking), plus the scoring kernels over columns. Everything here reproduces
 * {@link ScoringSession#score} bit for bit, so a tool that re-scores from a snapshot ranks exactly as the
 * session would with the same settings (tests check this).
 *
 * <p>Immutable after construction except for lazily computed caches; thread-safe.
 */
public final class ColumnSnapshot {
    private final ScoreResult result;
    private final ScoringSession session;
    private final int n;
    private final int m;
    private final double[][] transformed;
    private final int[] idPos;
    private volatile boolean[] exclusionPass;

    private ColumnSnapshot(ScoreResult r) {
        this.result = r;
        this.session = r.session;
        this.n = r.n;
        this.m = r.weights.length;
        this.transformed = new double[m][];
        for (int c = 0; c < m; c++) {
            transformed[c] = new double[n];
            double[] s = r.stats[c];
            Transforms.apply(r.transforms[c], session.raw(c), transformed[c], s[0], s[1], s[2], s[3], r.missing[c],
                    session.column(c).categories());
        }
        Object[] ids = new Object[n];
        boolean numeric = true;
        for (int i = 0; i < n; i++) {
            ids[i] = session.id(i);
            numeric &= ids[i] instanceof Long;
        }
        int[] order = ScenarioEvaluator.idOrder(ids, numeric);
        this.idPos = new int[n];
        for (int p = 0; p < n; p++) {
            idPos[order[p]] = p;
        }
    }

    /** A snapshot of a result (its settings and the session's columns). */
    public static ColumnSnapshot of(ScoreResult r) {
        return new ColumnSnapshot(r);
    }

    public ScoreResult result() {
        return result;
    }

    public ScoringSession session() {
        return session;
    }

    /** Number of sites. */
    public int size() {
        return n;
    }

    /** Number of criteria. */
    public int criteria() {
        return m;
    }

    public Criterion criterion(int c) {
        return result.session.criteria().get(c);
    }

    /** The scenario the result was scored with. */
    public Scenario scenario() {
        return session.scenario();
    }

    /** Raw values of criterion c (NaN = missing). Do not modify. */
    public double[] raw(int c) {
        return session.raw(c);
    }

    /** Transformed [0,1] values of criterion c with the result's settings. Do not modify. */
    public double[] transformed(int c) {
        return transformed[c];
    }

    public TransformSpec transform(int c) {
        return result.transforms[c];
    }

    /** The score of a missing raw value of criterion c. */
    public double missingScore(int c) {
        return result.missing[c];
    }

    /** {min, max, logMin, logMax} of criterion c's raw values, as the transforms use them. */
    public double[] stats(int c) {
        return result.stats[c].clone();
    }

    /** Category labels of a text column, else null. */
    public String[] labels(int c) {
        return session.column(c).categories();
    }

    /** Normalised weights (a copy). */
    public double[] weights() {
        return result.weights.clone();
    }

    public MethodSpec method() {
        return result.method;
    }

    public boolean passed(int i) {
        return result.passed[i];
    }

    /** Position of site i in ascending id order: of two equal scores the lower position ranks first. */
    public int idPos(int i) {
        return idPos[i];
    }

    /** Whether every exclusion-layer constraint passes for each site (exclusions do not depend on values). */
    public boolean[] exclusionPass() {
        boolean[] e = exclusionPass;
        if (e == null) {
            e = new boolean[n];
            java.util.Arrays.fill(e, true);
            for (ConstraintSpec k : result.constraints) {
                if (k.isExclusion()) {
                    for (int i = 0; i < n; i++) {
                        if (e[i] && session.failReason(k, i) != null) {
                            e[i] = false;
                        }
                    }
                }
            }
            exclusionPass = e;
        }
        return e;
    }

    /**
     * Pass/fail of every site for other raw columns (same criteria, e.g. another campus load): the
     * scenario's comparison constraints and the criteria's own rules (kind requirements such as grid
     * feasibility, {@code missing: exclude}) on {@code raw}, and the exclusion layers as evaluated.
     *
     * @param raw    one column per criterion (scenario order)
     * @param campus the campus the requirements are checked for
     */
    public boolean[] passes(double[][] raw, Campus campus) {
        boolean[] pass = exclusionPass().clone();
        List<Criterion> cs = session.scenario().criteria();
        for (ConstraintSpec k : result.constraints) {
            if (k.isExclusion()) {
                continue;
            }
            double[] v = raw[session.criterionIndex(k.criterion())];
            for (int i = 0; i < n; i++) {
                if (pass[i] && !satisfies(v[i], k.op(), k.value())) {
                    pass[i] = false;
                }
            }
        }
        for (int c = 0; c < cs.size(); c++) {
            Criterion cr = cs.get(c);
            boolean exclude = cr.common().missing() == MissingPolicy.EXCLUDE;
            boolean hasRule = cr.requirement(Double.NaN, campus) != null || cr.requirement(-1, campus) != null;
            if (!exclude && !hasRule) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double x = raw[c][i];
                if (pass[i] && (cr.requirement(x, campus) != null || (exclude && x != x))) {
                    pass[i] = false;
                }
            }
        }
        return pass;
    }

    // ------------------------------------------------------------------ kernels (same arithmetic as the session)

    /**
     * {min, max, logMin, logMax} of a raw column for a transform, exactly as the session computes them:
     * min/max over finite values (NaN when none); for {@code log}, ln(min + offset) and ln(max + offset) over
     * the finite values with x + offset &gt; 0.
     */
    public static double[] rangeStats(double[] raw, TransformSpec t) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : raw) {
            if (x == x && x != Double.POSITIVE_INFINITY && x != Double.NEGATIVE_INFINITY) {
                if (x < lo) {
                    lo = x;
                }
                if (x > hi) {
                    hi = x;
                }
            }
        }
        double[] s = lo > hi ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                : new double[] {lo, hi, Double.NaN, Double.NaN};
        if (t.type() == TransformSpec.Type.LOG) {
            double off = logOffset(t);
            double a = Double.POSITIVE_INFINITY;
            double b = Double.NEGATIVE_INFINITY;
            for (double x : raw) {
                if (x == x && x + off > 0 && !Double.isInfinite(x)) {
                    a = Math.min(a, x);
                    b = Math.max(b, x);
                }
            }
            if (a <= b) {
                s[2] = Math.log(a + off);
                s[3] = Math.log(b + off);
            }
        }
        return s;
    }

    /** The offset of a log transform (default 1). */
    public static double logOffset(TransformSpec t) {
        return t.offset() == null ? 1.0 : t.offset();
    }

    /** Whether the transform scales by the data range (linear or log without an explicit min and max). */
    public static boolean usesDataRange(TransformSpec t) {
        return (t.type() == TransformSpec.Type.LINEAR || t.type() == TransformSpec.Type.LOG)
                && (t.min() == null || t.max() == null);
    }

    /** Weighted sum over rows [0, n) of columns t (criteria with weight 0 skipped), as the session. */
    public static void weightedSum(double[][] t, double[] w, double[] out, int n) {
        Methods.weightedSum(t, w, out, n);
    }

    /** OWA scores over rows [0, n), as the session. */
    public static void owa(double[][] t, double[] w, MethodSpec method, double[] out, int n) {
        Methods.owa(t, w, method, out, n);
    }

    /** The criteria taking part in a method (weight &gt; 0), in order. */
    public static int[] scored(double[] w) {
        return Methods.scored(w);
    }

    /**
     * The TOPSIS input column of criterion c: the transformed values, or with {@code input: raw} the raw
     * values with missing ones replaced by the column's worst value (0 when there is none).
     */
    public double[] topsisInput(int c) {
        if (!result.method.topsisOnRaw()) {
            return transformed[c];
        }
        return topsisRaw(raw(c), benefit(c), result.stats[c]);
    }

    /** Raw TOPSIS input: missing values replaced by the worst value of the column (given stats). */
    public static double[] topsisRaw(double[] raw, boolean benefit, double[] stats) {
        double worst = benefit ? stats[0] : stats[1];
        if (worst != worst) {
            worst = 0;
        }
        double[] x = new double[raw.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = raw[i] == raw[i] ? raw[i] : worst;
        }
        return x;
    }

    /** Whether TOPSIS treats criterion c as a benefit (always on transformed input; by direction on raw). */
    public boolean benefit(int c) {
        if (!result.method.topsisOnRaw()) {
            return true;
        }
        TransformSpec t = result.transforms[c];
        if (t.direction() == null) {
            throw new ScenarioException("criteria[" + c + "].transform.direction",
                    "TOPSIS on raw values needs a benefit/cost direction for every weighted criterion");
        }
        return t.direction() == TransformSpec.Direction.BENEFIT;
    }

    /**
     * Per-criterion TOPSIS statistics of input columns over all sites: the vector norm and the largest and
     * smallest value (weight-independent, so one computation serves every weight vector).
     */
    public record TopsisStats(double[] norm, double[] max, double[] min) {
    }

    /** TOPSIS statistics of columns x (null columns skipped). */
    public static TopsisStats topsisStats(double[][] x) {
        int m = x.length;
        double[] norm = new double[m];
        double[] max = new double[m];
        double[] min = new double[m];
        for (int c = 0; c < m; c++) {
            if (x[c] == null) {
                continue;
            }
            double s = 0;
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (double v : x[c]) {
                s += v * v;
                hi = Math.max(hi, v);
                lo = Math.min(lo, v);
            }
            norm[c] = Math.sqrt(s);
            max[c] = hi;
            min[c] = lo;
        }
        return new TopsisStats(norm, max, min);
    }

    /**
     * TOPSIS scores of rows [0, n) of columns x (weighted criteria only are read) with statistics over all
     * sites, exactly as the session: v = x w / norm, ideal/anti-ideal the best/worst v, score = d-/(d+ + d-)
     * (1 when both are 0).
     */
    public static void topsis(double[][] x, boolean[] benefit, double[] w, TopsisStats st, double[] out, int n) {
        int[] idx = Methods.scored(w);
        int k = idx.length;
        double[] f = new double[k];
        double[] ideal = new double[k];
        double[] anti = new double[k];
        double[][] col = new double[k][];
        for (int j = 0; j < k; j++) {
            int c = idx[j];
            f[j] = st.norm[c] > 0 ? w[c] / st.norm[c] : 0;
            double hi = st.max[c] * f[j];
            double lo = st.min[c] * f[j];
            ideal[j] = benefit[c] ? hi : lo;
            anti[j] = benefit[c] ? lo : hi;
            col[j] = x[c];
        }
        for (int i = 0; i < n; i++) {
            double dp = 0;
            double dm = 0;
            for (int j = 0; j < k; j++) {
                double v = col[j][i] * f[j];
                double a = v - ideal[j];
                double b = v - anti[j];
                dp += a * a;
                dm += b * b;
            }
            dp = Math.sqrt(dp);
            dm = Math.sqrt(dm);
            out[i] = dp + dm == 0 ? 1.0 : dm / (dp + dm);
        }
    }

    /** Whether a raw value passes a comparison constraint (a missing value never does), as the session. */
    public static boolean satisfies(double x, String op, double value) {
        return ScoringSession.compare(x, op, value);
    }

    /** The score as ranked: scores that are not &gt; 0 (-0.0, never-expected NaN) count as 0, as the session. */
    public static double rankScore(double s) {
        return s > 0 ? s : 0.0;
    }
}
