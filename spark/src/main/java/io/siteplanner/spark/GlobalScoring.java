package io.siteplanner.spark;

import io.siteplanner.scoring.Methods;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;

/**
 * The part of scoring that looks at all candidates, over Spark aggregates, then per site with the desktop's
 * own {@link Transforms} and {@link Methods}:
 * <ol>
 * <li>{@link #stats}: per criterion the min and max of the finite raw values (and of those with
 * x + offset &gt; 0 for log transforms), the data range of linear/log transforms, exactly as the desktop's
 * {@code ScoringSession} computes them over one machine's columns;</li>
 * <li>TOPSIS only ({@link #topsis}): per scored criterion the sum of squares, max and min of its TOPSIS
 * input (transformed values, or raw values with missing ones at the column's worst);</li>
 * <li>{@link Scorer}: per chunk of rows, {@code Transforms.apply} with the global ranges,
 * {@code Methods.weightedSum}/{@code owa} (or the TOPSIS closeness d-/(d+ + d-) with the global norms and
 * ideal points), and each criterion's contribution (weighted value; OWA: {@code Methods.owaContributions};
 * TOPSIS: the weighted normalised value, as the desktop explains it).</li>
 * </ol>
 * Only the order of floating-point additions differs from the desktop (sum of squares for TOPSIS), so scores
 * agree to about 1e-15.
 */
final class GlobalScoring {
    private GlobalScoring() {
    }

    /** Global figures every executor needs to score a site. Serializable. */
    record Plan(double[] weights, double[][] stats, double[] topsisNorm, double[] topsisIdeal, double[] topsisAnti,
            double[] topsisWorst) implements Serializable {
    }

    /** Column name of criterion c's raw value in the evaluated frame. */
    static String raw(int c) {
        return "r" + c;
    }

    /**
     * Min/max (and log min/max) per criterion over the evaluated frame; NaN when a criterion has no finite
     * value. Row {@code m} holds the number of null ids in [0].
     */
    static double[][] stats(Dataset<Row> evaluated, Scenario s, boolean[] text) {
        int m = s.criteria().size();
        List<Column> aggs = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            Column x = functions.col(raw(c));
            if (text[c]) {
                aggs.add(functions.lit(Double.NaN));
                aggs.add(functions.lit(Double.NaN));
                aggs.add(functions.lit(Double.NaN));
                aggs.add(functions.lit(Double.NaN));
                continue;
            }
            Column finite = x.isNotNull().and(x.notEqual(Double.POSITIVE_INFINITY))
                    .and(x.notEqual(Double.NEGATIVE_INFINITY));
            aggs.add(functions.min(functions.when(finite, x)));
            aggs.add(functions.max(functions.when(finite, x)));
            TransformSpec t = s.criteria().get(c).transform();
            if (t.type() == TransformSpec.Type.LOG) {
                double off = t.offset() == null ? 1.0 : t.offset();
                Column pos = finite.and(x.plus(off).gt(0));
                aggs.add(functions.min(functions.when(pos, x)));
                aggs.add(functions.max(functions.when(pos, x)));
            } else {
                aggs.add(functions.lit(Double.NaN));
                aggs.add(functions.lit(Double.NaN));
            }
        }
        aggs.add(functions.count(functions.lit(1)).minus(functions.count(functions.col("id"))));
        aggs.add(functions.count(functions.lit(1)));
        Row r = evaluated.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
        double[][] out = new double[m + 1][];
        for (int c = 0; c < m; c++) {
            double lo = num(r, 4 * c);
            double hi = num(r, 4 * c + 1);
            double llo = num(r, 4 * c + 2);
            double lhi = num(r, 4 * c + 3);
            TransformSpec t = s.criteria().get(c).transform();
            if (t.type() == TransformSpec.Type.LOG && llo == llo) {
                double off = t.offset() == null ? 1.0 : t.offset();
                llo = Math.log(llo + off);
                lhi = Math.log(lhi + off);
            }
            out[c] = new double[] {lo, hi, llo, lhi};
        }
        out[m] = new double[] {r.getLong(4 * m), r.getLong(4 * m + 1)};
        return out;
    }

    private static double num(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }

    /** TOPSIS norms, ideal and anti-ideal points over all sites (one pass). */
    static Plan topsis(JavaRDD<Row> evaluated, Broadcast<EvalInputs> in, Plan p) {
        Scenario s = ChunkEvaluator.prepare(in.value()).scenario();
        int m = s.criteria().size();
        boolean raw = s.method().topsisOnRaw();
        double[] worst = new double[m];
        boolean[] benefit = new boolean[m];
        for (int c = 0; c < m; c++) {
            TransformSpec t = s.criteria().get(c).transform();
            if (raw && p.weights()[c] > 0) {
                if (t.direction() == null) {
                    throw new io.siteplanner.scoring.ScenarioException("criteria[" + c + "].transform.direction",
                            "TOPSIS on raw values needs a benefit/cost direction for every weighted criterion");
                }
                benefit[c] = t.direction() == TransformSpec.Direction.BENEFIT;
                worst[c] = benefit[c] ? p.stats()[c][0] : p.stats()[c][1];
                if (worst[c] != worst[c]) {
                    worst[c] = 0;
                }
            } else {
                benefit[c] = true;
            }
        }
        Plan withWorst = new Plan(p.weights(), p.stats(), null, null, null, worst);
        // per criterion: sum of squares, max, min
        double[] acc = evaluated.mapPartitions(new TopsisSums(in, withWorst)).reduce(GlobalScoring::merge);
        double[] norm = new double[m];
        double[] ideal = new double[m];
        double[] anti = new double[m];
        for (int c = 0; c < m; c++) {
            if (!(p.weights()[c] > 0)) {
                continue;
            }
            norm[c] = Math.sqrt(acc[3 * c]);
            double f = norm[c] > 0 ? p.weights()[c] / norm[c] : 0;
            double mx = acc[3 * c + 1] * f;
            double mn = acc[3 * c + 2] * f;
            ideal[c] = benefit[c] ? mx : mn;
            anti[c] = benefit[c] ? mn : mx;
        }
        return new Plan(p.weights(), p.stats(), norm, ideal, anti, worst);
    }

    private static double[] merge(double[] a, double[] b) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i += 3) {
            o[i] = a[i] + b[i];
            o[i + 1] = Math.max(a[i + 1], b[i + 1]);
            o[i + 2] = Math.min(a[i + 2], b[i + 2]);
        }
        return o;
    }

    /** Transformed values of a chunk: t[c][i]. Text criteria use chunk-local category labels. */
    static double[][] transform(Scenario s, Plan p, List<Row> rows) {
        int m = s.criteria().size();
        int n = rows.size();
        double[][] t = new double[m][n];
        double[] x = new double[n];
        for (int c = 0; c < m; c++) {
            Criterion cr = s.criteria().get(c);
            int col = 2 + c;
            String[] labels = null;
            if (cr.transform().type() == TransformSpec.Type.CATEGORIES) {
                TreeSet<String> set = new TreeSet<>();
                for (Row r : rows) {
                    if (!r.isNullAt(col)) {
                        set.add(r.get(col).toString());
                    }
                }
                labels = set.toArray(new String[0]);
                for (int i = 0; i < n; i++) {
                    Row r = rows.get(i);
                    x[i] = r.isNullAt(col) ? Double.NaN : Arrays.binarySearch(labels, r.get(col).toString());
                }
            } else {
                for (int i = 0; i < n; i++) {
                    Row r = rows.get(i);
                    x[i] = r.isNullAt(col) ? Double.NaN : ((Number) r.get(col)).doubleValue();
                }
            }
            double[] st = p.stats()[c];
            Transforms.apply(cr.transform(), x, t[c], st[0], st[1], st[2], st[3], cr.common().missingValueScore(),
                    labels);
        }
        return t;
    }

    /** The TOPSIS input of criterion c for row i: transformed, or raw with missing at the worst value. */
    private static double topsisX(boolean raw, Plan p, double[][] t, List<Row> rows, int c, int i) {
        if (!raw) {
            return t[c][i];
        }
        Row r = rows.get(i);
        return r.isNullAt(2 + c) ? p.topsisWorst()[c] : ((Number) r.get(2 + c)).doubleValue();
    }

    /** Reads up to {@code size} rows. */
    static List<Row> chunk(Iterator<Row> it, int size) {
        List<Row> rows = new ArrayList<>(size);
        while (it.hasNext() && rows.size() < size) {
            rows.add(it.next());
        }
        return rows;
    }

    private static final int CHUNK = 4096;

    /** Partial TOPSIS sums of a partition: {sum x^2, max x, min x} per criterion. */
    static final class TopsisSums implements FlatMapFunction<Iterator<Row>, double[]> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<EvalInputs> in;
        private final Plan plan;

        TopsisSums(Broadcast<EvalInputs> in, Plan plan) {
            this.in = in;
            this.plan = plan;
        }

        @Override
        public Iterator<double[]> call(Iterator<Row> it) {
            Scenario s = ChunkEvaluator.prepare(in.value()).scenario();
            int m = s.criteria().size();
            boolean raw = s.method().topsisOnRaw();
            double[] acc = new double[3 * m];
            for (int c = 0; c < m; c++) {
                acc[3 * c + 1] = Double.NEGATIVE_INFINITY;
                acc[3 * c + 2] = Double.POSITIVE_INFINITY;
            }
            while (it.hasNext()) {
                List<Row> rows = chunk(it, CHUNK);
                double[][] t = transform(s, plan, rows);
                for (int c = 0; c < m; c++) {
                    if (!(plan.weights()[c] > 0)) {
                        continue;
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        double v = topsisX(raw, plan, t, rows, c, i);
                        acc[3 * c] += v * v;
                        acc[3 * c + 1] = Math.max(acc[3 * c + 1], v);
                        acc[3 * c + 2] = Math.min(acc[3 * c + 2], v);
                    }
                }
            }
            return List.of(acc).iterator();
        }
    }

    /**
     * Scores rows of the evaluated frame. Output: id, geometry, raw per criterion, transformed per criterion,
     * contribution per criterion, score, passed, reasons.
     */
    static final class Scorer implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<EvalInputs> in;
        private final Plan plan;

        Scorer(Broadcast<EvalInputs> in, Plan plan) {
            this.in = in;
            this.plan = plan;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> it) {
            Scenario s = ChunkEvaluator.prepare(in.value()).scenario();
            return new Iterator<>() {
                private Iterator<Row> out = List.<Row>of().iterator();

                @Override
                public boolean hasNext() {
                    while (!out.hasNext() && it.hasNext()) {
                        out = score(s, plan, chunk(it, CHUNK)).iterator();
                    }
                    return out.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return out.next();
                }
            };
        }
    }

    /** Scores one chunk. */
    static List<Row> score(Scenario s, Plan p, List<Row> rows) {
        int m = s.criteria().size();
        int n = rows.size();
        double[] w = p.weights();
        double[][] t = transform(s, p, rows);
        double[] score = new double[n];
        double[][] contrib = new double[n][m];
        MethodSpec method = s.method();
        switch (method.type()) {
            case TOPSIS: {
                boolean raw = method.topsisOnRaw();
                int[] idx = Methods.scored(w);
                double[] f = new double[m];
                for (int c : idx) {
                    f[c] = p.topsisNorm()[c] > 0 ? w[c] / p.topsisNorm()[c] : 0;
                }
                for (int i = 0; i < n; i++) {
                    double dp = 0;
                    double dm = 0;
                    for (int c : idx) {
                        double v = topsisX(raw, p, t, rows, c, i) * f[c];
                        double a = v - p.topsisIdeal()[c];
                        double b = v - p.topsisAnti()[c];
                        dp += a * a;
                        dm += b * b;
                        contrib[i][c] = v;
                    }
                    dp = Math.sqrt(dp);
                    dm = Math.sqrt(dm);
                    score[i] = dp + dm == 0 ? 1.0 : dm / (dp + dm);
                }
                break;
            }
            case OWA: {
                Methods.owa(t, w, method, score, n);
                double[] ti = new double[m];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < m; c++) {
                        ti[c] = t[c][i];
                    }
                    Methods.owaContributions(ti, w, method, contrib[i]);
                }
                break;
            }
            default:
                Methods.weightedSum(t, w, score, n);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < m; c++) {
                        contrib[i][c] = w[c] * t[c][i];
                    }
                }
        }
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            Object[] v = new Object[5 + 3 * m];
            v[0] = r.get(0);
            v[1] = r.get(1);
            for (int c = 0; c < m; c++) {
                v[2 + c] = r.get(2 + c);
                v[2 + m + c] = t[c][i];
                v[2 + 2 * m + c] = contrib[i][c];
            }
            double sc = score[i];
            v[2 + 3 * m] = sc > 0 ? sc : 0.0; // as the desktop ranks: -0.0 and NaN count as 0
            v[3 + 3 * m] = r.get(2 + m);
            v[4 + 3 * m] = r.get(3 + m);
            out.add(RowFactory.create(v));
        }
        return out;
    }
}
