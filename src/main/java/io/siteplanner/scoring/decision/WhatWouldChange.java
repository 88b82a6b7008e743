package io.siteplanner.scoring.decision;

import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.Explain;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What would make site B rank ahead of site A (A ranked ahead now), one criterion at a time.
 *
 * <ul>
 * <li><b>Weights</b>: the smallest change of one criterion's normalised weight w (the others keep their
 * proportions, scaled to sum to 1 - w; equal shares when they are all 0). For the weighted sum the score
 * difference is linear in w, so the boundary is solved exactly; TOPSIS and OWA are searched on a grid of
 * 1/{@value #WEIGHT_GRID} from the current weight outwards, then by bisection (a window narrower than the
 * grid step can be missed). Constraints do not depend on weights: when B fails a constraint that A passes,
 * no weight change can.</li>
 * <li><b>Values</b>: the smallest change of one of B's raw values, everything else as evaluated; the
 * transform's data range, TOPSIS's normalisation and B's constraints (and grid requirement) follow the new
 * value. Searched from B's value outwards over the column's range extended by its width on both sides
 * (never below 0 for columns without negative values), on a grid of {@value #VALUE_GRID} steps plus every
 * breakpoint (transform points, constraint thresholds, the range ends), then by bisection.</li>
 * </ul>
 * Every reported change is verified by re-scoring A and B exactly as the session would, with B ahead by at
 * least {@value #MARGIN} of score, by an exact tie that the id order decides for B, or by passing where A
 * fails, and rounded to a readable value when the
 * rounded value still works. Tests apply every change to the scenario and re-score with the engine.
 */
public final class WhatWouldChange {
    static final int WEIGHT_GRID = 1000;
    static final int VALUE_GRID = 400;
    static final double MARGIN = 1e-12;
    /** Appended when the change only brings B level with A and the id order then ranks B first. */
    static final String TIE = " (then the scores tie and the id order ranks it first)";

    /**
     * A weight change.
     *
     * @param criterion criterion id
     * @param weight    its new normalised weight (the others scaled to sum to 1 - weight), or null: none can
     * @param text      the change in words
     * @param label     the criterion's name
     * @param equalOnIt the change is all the weight on this criterion, which then only ties the scores: the
     *                  two sites score the same on it
     */
    public record WeightChange(String criterion, Double weight, String text, String label, boolean equalOnIt) {
        WeightChange(String criterion, Double weight, String text, String label) {
            this(criterion, weight, text, label, false);
        }
    }

    /**
     * A change of B's raw value.
     *
     * @param criterion criterion id
     * @param value     B's new raw value, or null when no value of this criterion alone puts B ahead
     * @param text      the change in words ("d_sub: 3.1 km closer (1.2 km instead of 4.3 km)")
     */
    public record ValueChange(String criterion, Double value, String text) {
    }

    /**
     * The answer.
     *
     * @param site         A's id
     * @param versus       B's id
     * @param alreadyAhead B already ranks ahead of A (then the lists are empty)
     * @param summary      one line: ranks and scores of A and B
     * @param weights      one entry per criterion
     * @param values       one entry per criterion
     */
    public record Result(Object site, Object versus, boolean alreadyAhead, String summary, List<WeightChange> weights,
            List<ValueChange> values) {
        /**
         * The answer in lines, as {@code siteplanner explain} prints it and the comparison view shows it. The
         * criteria on which both sites score the same, where only all the weight on one of them would tie the
         * scores, share one line (more than one of them).
         */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(summary);
            if (alreadyAhead) {
                out.add(versus + " already ranks ahead of " + site + ".");
                return out;
            }
            out.add("What alone would put " + versus + " ahead of " + site + ":");
            out.add("Weight of one criterion (the others keep their proportions):");
            List<String> equal = new ArrayList<>();
            for (WeightChange c : weights) {
                if (c.equalOnIt()) {
                    equal.add(c.label());
                }
            }
            boolean group = equal.size() > 1;
            for (WeightChange c : weights) {
                if (!group || !c.equalOnIt()) {
                    out.add("  " + c.text());
                }
            }
            if (group) {
                out.add("  " + String.join(", ", equal) + ": both sites score the same on each of these; only all the"
                        + " weight on one of them would tie the scores (and the id order then ranks " + versus + " first)");
            }
            out.add("One value of " + versus + ":");
            for (ValueChange c : values) {
                out.add("  " + c.text());
            }
            return out;
        }
    }

    private final ScoreResult base;
    private final ColumnSnapshot snap;
    private final ColumnScorer scorer;
    private final int a;
    private final int b;
    private final double[] w0;
    private final boolean[] exclusion;

    private WhatWouldChange(ScoreResult base, int a, int b) {
        this.base = base;
        this.snap = ColumnSnapshot.of(base);
        this.scorer = new ColumnScorer(snap);
        this.a = a;
        this.b = b;
        this.w0 = snap.weights();
        this.exclusion = snap.exclusionPass();
    }

    /** What would put site b ahead of site a (indices in the result's session). */
    public static Result explain(ScoreResult base, int a, int b) {
        if (a == b) {
            throw new IllegalArgumentException("compare two different sites");
        }
        return new WhatWouldChange(base, a, b).run();
    }

    private Result run() {
        ScoringSession s = snap.session();
        Object idA = s.id(a);
        Object idB = s.id(b);
        String summary = String.format(Locale.ROOT, "%s: rank %d, score %.4f%s; %s: rank %d, score %.4f%s", idA,
                base.rank(a), base.score(a), base.passed(a) ? "" : " (fails)", idB, base.rank(b), base.score(b),
                base.passed(b) ? "" : " (fails: " + String.join("; ", base.reasons(b)) + ")");
        if (base.rank(b) < base.rank(a)) {
            return new Result(idA, idB, true, summary, List.of(), List.of());
        }
        List<WeightChange> ws = new ArrayList<>();
        List<ValueChange> vs = new ArrayList<>();
        for (int c = 0; c < snap.criteria(); c++) {
            ws.add(weight(c));
        }
        for (int c = 0; c < snap.criteria(); c++) {
            vs.add(value(c));
        }
        return new Result(idA, idB, false, summary, ws, vs);
    }

    private String name(int c) {
        return snap.criterion(c).displayName();
    }

    // ------------------------------------------------------------------ weights

    /** Whether B is ahead of A (with margin) for weights w. */
    private boolean aheadWeights(double[] w) {
        double[] wn = Robustness.sessionNormalised(w);
        return ahead(ColumnSnapshot.rankScore(scorer.score(b, wn)), snap.passed(b),
                ColumnSnapshot.rankScore(scorer.score(a, wn)), snap.passed(a));
    }

    /**
     * B ahead of A as the ranking decides (passing first, higher score, then id), counting a higher score only
     * when it is higher by more than {@link #MARGIN} (rounding-proof); an exact tie goes by id.
     */
    private boolean ahead(double sB, boolean pB, double sA, boolean pA) {
        if (pA != pB) {
            return pB;
        }
        if (sB == sA) {
            return snap.idPos(b) < snap.idPos(a);
        }
        return sB - sA > MARGIN;
    }

    private WeightChange weight(int c) {
        String id = snap.criterion(c).id();
        int m = w0.length;
        if (m < 2) {
            return new WeightChange(id, null, name(c) + ": the only criterion; its weight cannot change", name(c));
        }
        if (snap.passed(a) && !snap.passed(b)) {
            return new WeightChange(id, null, name(c) + ": no change of this weight alone can (" + snap.session().id(b)
                    + " fails a constraint; weights do not change that)", name(c));
        }
        double v0 = w0[c];
        Double found;
        if (snap.method().type() == MethodSpec.Type.WEIGHTED_SUM) {
            found = weightedSumWeight(c, v0);
        } else {
            found = searchWeight(c, v0);
        }
        if (found == null) {
            return new WeightChange(id, null, name(c) + ": no change of this weight alone can", name(c));
        }
        double v = found;
        double[] wn = Robustness.sessionNormalised(WeightSweep.withWeight(w0, c, v));
        boolean tie = snap.passed(a) == snap.passed(b) && ColumnSnapshot.rankScore(scorer.score(a, wn))
                == ColumnSnapshot.rankScore(scorer.score(b, wn));
        return new WeightChange(id, v, String.format(Locale.ROOT, "%s: weight %s to %.4f (now %.4f)%s", name(c),
                v > v0 ? "up" : "down", v, v0, tie ? TIE : ""), name(c), tie && v == 1.0);
    }

    /** Weighted sum: the score difference is linear in w; solve it, then step to a verified value. */
    private Double weightedSumWeight(int c, double v0) {
        int m = w0.length;
        double others = 0;
        for (int o = 0; o < m; o++) {
            if (o != c) {
                others += w0[o];
            }
        }
        double rA = 0;
        double rB = 0;
        for (int o = 0; o < m; o++) {
            if (o == c) {
                continue;
            }
            double share = others > 0 ? w0[o] / others : 1.0 / (m - 1);
            rA += share * scorer.input[o][a];
            rB += share * scorer.input[o][b];
        }
        double d0 = rB - rA; // difference at w = 0
        double d1 = scorer.input[c][b] - scorer.input[c][a]; // at w = 1
        double dir;
        double root;
        if (d1 > 0 && d0 <= 0) {
            dir = 1;
            root = d0 / (d0 - d1);
        } else if (d0 > 0 && d1 <= 0) {
            dir = -1;
            root = d0 / (d0 - d1);
        } else if (d0 > 0 && d1 > 0) {
            // positive at both ends, so everywhere in exact arithmetic: only rounding keeps A ahead now
            dir = 1;
            root = v0;
        } else {
            // the difference cannot become positive; an exact tie at an end may still go B's way by id
            for (double end : v0 > 0.5 ? new double[] {1, 0} : new double[] {0, 1}) {
                if (aheadWeights(WeightSweep.withWeight(w0, c, end))) {
                    return end;
                }
            }
            return null;
        }
        root = Math.max(0, Math.min(1, root));
        // step outward from the exact root until B is verifiably ahead
        double step = Math.ulp(1.0);
        double v = root;
        while (true) {
            if (aheadWeights(WeightSweep.withWeight(w0, c, v))) {
                return nice(c, v, v0, dir);
            }
            if (dir > 0 ? v >= 1 : v <= 0) {
                return null;
            }
            v = Math.max(0, Math.min(1, root + dir * step));
            step *= 2;
        }
    }

    /** TOPSIS/OWA: grid outward from the current weight, then bisection. */
    private Double searchWeight(int c, double v0) {
        Double best = null;
        for (int dir : new int[] {1, -1}) {
            double prev = v0;
            for (int j = 1; j <= WEIGHT_GRID; j++) {
                double v = v0 + dir * (double) j / WEIGHT_GRID;
                if (v > 1) {
                    v = 1;
                }
                if (v < 0) {
                    v = 0;
                }
                if (aheadWeights(WeightSweep.withWeight(w0, c, v))) {
                    double lo = prev;
                    double hi = v;
                    for (int it = 0; it < 80; it++) {
                        double mid = (lo + hi) / 2;
                        if (mid == lo || mid == hi) {
                            break;
                        }
                        if (aheadWeights(WeightSweep.withWeight(w0, c, mid))) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    double found = nice(c, hi, v0, dir);
                    if (best == null || Math.abs(found - v0) < Math.abs(best - v0)) {
                        best = found;
                    }
                    break;
                }
                prev = v;
                if (v == 0 || v == 1) {
                    break;
                }
            }
        }
        return best;
    }

    /** v rounded away from v0 to 4 decimals when that still puts B ahead, else v. */
    private double nice(int c, double v, double v0, double dir) {
        double r = new BigDecimal(v).setScale(4, dir > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR).doubleValue();
        if (r >= 0 && r <= 1 && aheadWeights(WeightSweep.withWeight(w0, c, r))) {
            return r;
        }
        return v;
    }

    // ------------------------------------------------------------------ values

    private ValueChange value(int c) {
        Criterion cr = snap.criterion(c);
        String id = cr.id();
        double x = snap.raw(c)[b];
        if (snap.labels(c) != null) {
            return new ValueChange(id, null, name(c) + ": text values are not searched");
        }
        if (x != x) {
            return new ValueChange(id, null, name(c) + ": " + snap.session().id(b) + " has no value; not searched");
        }
        ValueProbe probe = new ValueProbe(c);
        double[] range = probe.domain();
        TreeSet<Double> points = new TreeSet<>();
        double span = range[1] - range[0];
        for (int j = 0; j <= VALUE_GRID; j++) {
            points.add(range[0] + span * j / VALUE_GRID);
        }
        for (double p : probe.breakpoints()) {
            if (p >= range[0] && p <= range[1]) {
                points.add(p);
                points.add(Math.nextDown(p));
                points.add(Math.nextUp(p));
            }
        }
        points.remove(x);
        Double best = null;
        for (int dir : new int[] {-1, 1}) {
            double prev = x;
            Iterable<Double> walk = dir < 0 ? points.headSet(x, false).descendingSet() : points.tailSet(x, false);
            for (double p : walk) {
                if (probe.ahead(p)) {
                    double lo = prev;
                    double hi = p;
                    for (int it = 0; it < 100; it++) {
                        double mid = lo + (hi - lo) / 2;
                        if (mid == lo || mid == hi) {
                            break;
                        }
                        if (probe.ahead(mid)) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    double v = niceValue(probe, hi, x, dir, span);
                    if (best == null || Math.abs(v - x) < Math.abs(best - x)) {
                        best = v;
                    }
                    break;
                }
                prev = p;
            }
        }
        if (best == null) {
            return new ValueChange(id, null, name(c) + ": no change of this value alone can (searched "
                    + Explain.number(range[0], unit(c)) + " to " + Explain.number(range[1], unit(c)) + ")");
        }
        return new ValueChange(id, best, name(c) + ": " + words(c, x, best) + (probe.tie(best) ? TIE : ""));
    }

    private String unit(int c) {
        return snap.session().column(c).unit();
    }

    /** v rounded away from x to about 4 significant digits of the column's width, when that still works. */
    private double niceValue(ValueProbe probe, double v, double x, int dir, double span) {
        if (!(span > 0)) {
            return v;
        }
        int e = (int) Math.floor(Math.log10(span)) - 3;
        BigDecimal r = new BigDecimal(v).setScale(-e, dir > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
        double rv = r.doubleValue();
        return probe.ahead(rv) ? rv : v;
    }

    /** "3.1 km closer (1.2 km instead of 4.3 km)". */
    String words(int c, double x, double v) {
        String u = unit(c);
        double d = v - x;
        String amount = Explain.number(Math.abs(d), u);
        String how;
        switch (u == null ? "" : u) {
            case "m":
                how = d < 0 ? "closer" : "farther";
                break;
            case "USD":
            case "USD/yr":
                how = d < 0 ? "cheaper" : "more expensive";
                break;
            case "acres":
                how = d < 0 ? "smaller" : "larger";
                break;
            case "months":
                how = d < 0 ? "sooner" : "later";
                break;
            default:
                how = d < 0 ? "lower" : "higher";
        }
        return amount + " " + how + " (" + Explain.number(v, u) + " instead of " + Explain.number(x, u) + ")";
    }

    /** Scores of A and B, and B's pass flag, with B's value of one criterion replaced. */
    private final class ValueProbe {
        final int c;
        final TransformSpec t;
        final double[] raw;
        final double missing;
        final boolean topsis;
        // statistics of the column without B
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double logLo = Double.POSITIVE_INFINITY;
        double logHi = Double.NEGATIVE_INFINITY;
        final double off;

        ValueProbe(int c) {
            this.c = c;
            this.t = snap.transform(c);
            this.raw = snap.raw(c);
            this.missing = snap.missingScore(c);
            this.topsis = snap.method().type() == MethodSpec.Type.TOPSIS;
            this.off = t.type() == TransformSpec.Type.LOG ? ColumnSnapshot.logOffset(t) : 0;
            for (int i = 0; i < raw.length; i++) {
                double x = raw[i];
                if (i == b || x != x || Double.isInfinite(x)) {
                    continue;
                }
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                if (x + off > 0) {
                    logLo = Math.min(logLo, x);
                    logHi = Math.max(logHi, x);
                }
            }
        }

        /** [from, to] searched. */
        double[] domain() {
            double x = raw[b];
            double l = Math.min(lo, x);
            double h = Math.max(hi, x);
            double span = h - l;
            if (!(span > 0)) {
                span = Math.max(Math.abs(x), 1);
            }
            double from = l - span;
            if (l >= 0) {
                from = Math.max(0, from);
            }
            return new double[] {from, h + span};
        }

        List<Double> breakpoints() {
            List<Double> l = new ArrayList<>();
            if (lo <= hi) {
                l.add(lo);
                l.add(hi);
            }
            l.add(0.0);
            l.addAll(TransformBounds.critical(t));
            for (ConstraintSpec k : snap.scenario().constraints()) {
                if (!k.isExclusion() && k.criterion().equals(snap.criterion(c).id())) {
                    l.add(k.value());
                }
            }
            return l;
        }

        /** {min, max, logMin, logMax} with B's value v. */
        double[] stats(double v) {
            double l = lo;
            double h = hi;
            double ll = logLo;
            double lh = logHi;
            if (v == v && !Double.isInfinite(v)) {
                l = Math.min(l, v);
                h = Math.max(h, v);
                if (v + off > 0) {
                    ll = Math.min(ll, v);
                    lh = Math.max(lh, v);
                }
            }
            double[] s = l > h ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {l, h, Double.NaN, Double.NaN};
            if (t.type() == TransformSpec.Type.LOG && ll <= lh) {
                s[2] = Math.log(ll + off);
                s[3] = Math.log(lh + off);
            }
            return s;
        }

        boolean passB(double v) {
            if (!exclusion[b]) {
                return false;
            }
            for (ConstraintSpec k : snap.scenario().constraints()) {
                if (k.isExclusion()) {
                    continue;
                }
                int kc = snap.session().criterionIndex(k.criterion());
                double x = kc == c ? v : snap.raw(kc)[b];
                if (!ColumnSnapshot.satisfies(x, k.op(), k.value())) {
                    return false;
                }
            }
            for (int o = 0; o < snap.criteria(); o++) {
                Criterion cr = snap.criterion(o);
                double x = o == c ? v : snap.raw(o)[b];
                if (cr.requirement(x, snap.scenario().campus()) != null) {
                    return false;
                }
                if (x != x && cr.common().missing() == MissingPolicy.EXCLUDE) {
                    return false;
                }
            }
            return true;
        }

        boolean ahead(double v) {
            double[] s = scores(v);
            return WhatWouldChange.this.ahead(s[1], passB(v), s[0], snap.passed(a));
        }

        /** Whether A and B then have the same score and pass status. */
        boolean tie(double v) {
            double[] s = scores(v);
            return s[0] == s[1] && passB(v) == snap.passed(a);
        }

        /** {score of A, score of B} with B's value v. */
        double[] scores(double v) {
            double[] st = stats(v);
            double[] wn = Robustness.sessionNormalised(w0);
            ColumnSnapshot.TopsisStats ts = scorer.topsis;
            boolean rawInput = topsis && snap.method().topsisOnRaw();
            if (topsis) {
                double[][] x = scorer.input.clone();
                // TOPSIS normalises over all sites: rebuild this column
                double[] col = new double[raw.length];
                double[] r = raw.clone();
                r[b] = v;
                if (rawInput) {
                    col = ColumnSnapshot.topsisRaw(r, scorer.benefit[c], st);
                } else {
                    Transforms.apply(t, r, col, st[0], st[1], st[2], st[3], missing, null);
                }
                x[c] = col;
                ColumnSnapshot.TopsisStats one = ColumnSnapshot.topsisStats(new double[][] {col});
                ts = new ColumnSnapshot.TopsisStats(ts.norm().clone(), ts.max().clone(), ts.min().clone());
                ts.norm()[c] = one.norm()[0];
                ts.max()[c] = one.max()[0];
                ts.min()[c] = one.min()[0];
                return new double[] {ColumnSnapshot.rankScore(scorer.score(a, wn, x, ts)),
                    ColumnSnapshot.rankScore(scorer.score(b, wn, x, ts))};
            }
            double[] rowA = scorer.row(a);
            double[] rowB = scorer.row(b);
            rowA[c] = Transforms.value(t, raw[a], st[0], st[1], st[2], st[3], missing);
            rowB[c] = Transforms.value(t, v, st[0], st[1], st[2], st[3], missing);
            return new double[] {ColumnSnapshot.rankScore(scorer.scoreRow(rowA, wn, ts)),
                ColumnSnapshot.rankScore(scorer.scoreRow(rowB, wn, ts))};
        }
    }
}
