package io.siteplanner.scoring;

import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.criteria.Common;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.criteria.MissingPolicy;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.scenario.WeightsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Geometry;

/**
 * An evaluated scenario that the UI keeps: the raw criterion columns (computed once by
 * {@link ScenarioEvaluator}) and the current weights, transforms, method and constraints. Changing those
 * and calling {@link #score} touches only the columns (no spatial work; {@link #spatialPasses()} does not
 * move), so live sliders and Monte Carlo sensitivity can re-score thousands of times per second.
 * Transformed columns and constraint results are cached and only recomputed when their settings change.
 * A new exclusion layer in the constraints is the one change that needs spatial work (done once, cached).
 *
 * <p>Thread-safety: the methods are synchronized; results are independent objects.
 */
public final class ScoringSession {
    private final EvaluationContext ctx;
    private final List<Criterion> specs;
    private final Column[] columns;
    /** Units of the columns as the kinds give them (a criterion's own unit replaces them in {@link #columns}). */
    private final String[] kindUnits;
    private final double[][] stats; // {min, max} of finite values
    private final Object[] ids;
    private final int[] idOrder;
    private final Map<String, EvaluationContext.Nearest> exclusions = new java.util.concurrent.ConcurrentHashMap<>();
    private Scenario scenario;
    // caches
    private final double[][] transformed;
    private final TransformSpec[] cachedTransform;
    private final double[] cachedMissing;
    private final double[][] cachedStats;
    private List<Object> cachedConstraints;
    private boolean[] cachedPassed;
    private int cachedPassedCount;
    private WeightsSpec cachedAhpSpec;
    private Ahp.Result cachedAhp;

    ScoringSession(EvaluationContext ctx, Scenario scenario, Column[] columns, Object[] ids, int[] idOrder) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.specs = scenario.criteria();
        this.columns = columns.clone();
        this.ids = ids;
        this.idOrder = idOrder;
        int m = columns.length;
        this.kindUnits = new String[m];
        for (int c = 0; c < m; c++) {
            kindUnits[c] = columns[c].unit();
            this.columns[c] = withUnit(columns[c], kindUnits[c], specs.get(c));
        }
        this.stats = new double[m][];
        for (int c = 0; c < m; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : columns[c].values()) {
                if (x == x && x != Double.POSITIVE_INFINITY && x != Double.NEGATIVE_INFINITY) {
                    if (x < lo) {
                        lo = x;
                    }
                    if (x > hi) {
                        hi = x;
                    }
                }
            }
            stats[c] = lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
        }
        this.transformed = new double[m][];
        this.cachedTransform = new TransformSpec[m];
        this.cachedMissing = new double[m];
        this.cachedStats = new double[m][];
    }

    /** The scenario with the current settings. */
    public synchronized Scenario scenario() {
        return scenario;
    }

    public int size() {
        return ids.length;
    }

    /** The criteria as evaluated (kinds and layers fixed; weights/transforms from {@link #scenario()}). */
    public List<Criterion> criteria() {
        return specs;
    }

    /** Index of a criterion id, or -1. */
    public int criterionIndex(String id) {
        for (int c = 0; c < specs.size(); c++) {
            if (specs.get(c).id().equals(id)) {
                return c;
            }
        }
        return -1;
    }

    /** Raw values of criterion c (NaN = missing). Do not modify. */
    public double[] raw(int c) {
        return columns[c].values();
    }

    public Column column(int c) {
        return columns[c];
    }

    /** The id value of site i (the idField value, or the feature id). */
    public Object id(int i) {
        return ids[i];
    }

    /** The id field name (or "fid"). */
    public String idField() {
        return scenario.idField() == null ? "fid" : scenario.idField();
    }

    /** Geometry of site i in the analysis CRS. */
    public Geometry geometry(int i) {
        return ctx.candidateGeometries().get(i);
    }

    /** The candidate layer (analysis CRS). */
    public VectorLayer candidates() {
        return ctx.candidates();
    }

    public CoordinateReferenceSystem analysisCrs() {
        return ctx.analysisCrs();
    }

    /**
     * The layers as evaluated, by layer id: after joins, no-data values and computed fields, vector layers in
     * the analysis CRS. Do not modify.
     */
    public Map<String, io.siteplanner.model.Layer> layers() {
        return java.util.Collections.unmodifiableMap(ctx.layers);
    }

    /** Warnings from loading and evaluation. */
    public List<String> warnings() {
        return ctx.warnings();
    }

    public Timings timings() {
        return ctx.timings();
    }

    /** Spatial passes done so far (evaluation + any exclusion added later). */
    public long spatialPasses() {
        return ctx.spatialPasses();
    }

    private static Column withUnit(Column col, String kindUnit, Criterion c) {
        String u = c.common().unit() != null ? c.common().unit() : kindUnit;
        return java.util.Objects.equals(u, col.unit()) ? col
                : new Column(col.values(), col.feature(), u, col.note(), col.categories());
    }

    /**
     * Replaces the settings: weights, weight spec, transforms, missing scores, units, labels, method and
     * constraints on already evaluated layers may change; criteria ids, kinds, their spatial parameters and
     * whether they are enabled may not (use {@link #withScenario} for that).
     *
     * @throws ScenarioException when the scenario changes what was evaluated or is invalid
     */
    public synchronized void update(Scenario s) {
        if (s.criteria().size() != specs.size()) {
            throw new ScenarioException("criteria", "the criteria changed; evaluate the scenario again");
        }
        for (int c = 0; c < specs.size(); c++) {
            Criterion a = specs.get(c);
            Criterion b = s.criteria().get(c);
            if (!sameMeasure(a, b)) {
                throw new ScenarioException("criteria[" + c + "]", "criterion '" + a.id()
                        + "' changed what is measured; evaluate the scenario again");
            }
        }
        if (!sameMeasure(s.campus(), scenario.campus()) || !s.layers().equals(scenario.layers())
                || !java.util.Objects.equals(s.candidates(), scenario.candidates())
                || !java.util.Objects.equals(s.idField(), scenario.idField())
                || !java.util.Objects.equals(s.analysisCrs(), scenario.analysisCrs())) {
            throw new ScenarioException("", "the campus, layers or candidates changed; evaluate the scenario again");
        }
        this.scenario = s;
        for (int c = 0; c < specs.size(); c++) {
            columns[c] = withUnit(columns[c], kindUnits[c], s.criteria().get(c));
        }
    }

    /**
     * A session for {@code next} that reuses this one's evaluation: the prepared candidates, the layers
     * already read and the spatial caches (segment indexes, nearest searches, zones, attribute values), and
     * the column of every criterion that measures the same thing as one here (same id, {@link #sameMeasure},
     * its layers read from the same scenario entries). Only the other criteria are evaluated, and only
     * layers not read yet (or whose scenario entry changed) are read through {@code source} and reprojected.
     * So adding, editing, enabling, disabling, removing or reordering criteria and adding exclusion layers
     * costs the spatial work of what changed. This session is not changed.
     *
     * <p>The candidate layer, id field, analysis CRS and the campus figures criteria use must be the same
     * (evaluate anew with {@link ScenarioEvaluator} otherwise). A layer whose data changed under the same
     * scenario entry is not noticed: evaluate anew then.
     *
     * @throws ScenarioException when the scenario is invalid (naming the JSON path), or changes the candidates
     * @throws io.siteplanner.model.CancelledException when cancelled through the progress
     */
    public ScoringSession withScenario(Scenario next, LayerSource source, io.siteplanner.model.Progress progress) {
        Scenario cur = scenario();
        if (!java.util.Objects.equals(next.candidates(), cur.candidates())
                || !java.util.Objects.equals(next.layers().get(next.candidates()), cur.layers().get(cur.candidates()))
                || !java.util.Objects.equals(next.idField(), cur.idField())
                || !java.util.Objects.equals(next.analysisCrs(), cur.analysisCrs())
                || !sameMeasure(next.campus(), cur.campus())) {
            throw new ScenarioException("", "the candidates, id field, analysis CRS or campus changed; evaluate the"
                    + " scenario again");
        }
        ScenarioEvaluator.checkWeights(next);
        java.util.Set<String> toRead = new java.util.LinkedHashSet<>();
        for (String id : ScenarioEvaluator.usedLayers(next)) {
            if (!next.layers().containsKey(id)) {
                throw new ScenarioException("layers", "no layer '" + id + "'");
            }
            if (!ctx.hasLayer(id, next.layers().get(id))) {
                toRead.add(id);
            }
        }
        Timings timings = ctx.timings();
        Map<String, io.siteplanner.model.Layer> loaded = ScenarioEvaluator.loadMore(next, toRead, source,
                ctx.analysisCrs(), ctx.analysisEpsg, progress.sub(0, 0.3), timings);
        EvaluationContext nctx = ctx.derive(next, progress.sub(0.3, 1), loaded);
        List<Criterion> nc = next.criteria();
        Column[] cols = new Column[nc.size()];
        java.util.Set<String> fresh = new java.util.HashSet<>();
        for (int c = 0; c < nc.size(); c++) {
            Criterion b = nc.get(c);
            int old = criterionIndex(b.id());
            boolean reuse = old >= 0 && sameMeasure(specs.get(old), b);
            if (reuse && b.enabled()) {
                for (String l : b.layers()) {
                    reuse &= !loaded.containsKey(l);
                }
            }
            if (reuse) {
                Column o = columns[old];
                cols[c] = new Column(o.values(), o.feature(), kindUnits[old], o.note(), o.categories());
            } else {
                fresh.add(b.id());
            }
        }
        // criteria computed from others' columns (TCO) follow them
        for (int c = 0; c < nc.size(); c++) {
            for (String need : nc.get(c).needs()) {
                if (cols[c] != null && fresh.contains(need)) {
                    cols[c] = null;
                }
            }
        }
        ScenarioEvaluator.validate(nctx, next, cols);
        if (next.weights().isAhp()) {
            try {
                Ahp.compute(next.weights().matrix());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("weights.matrix", e.getMessage());
            }
        }
        ScenarioEvaluator.evaluateCriteria(nctx, nc, cols, progress.sub(0.3, 1), timings);
        ScoringSession out = new ScoringSession(nctx, next, cols, ids, idOrder);
        for (Map.Entry<String, EvaluationContext.Nearest> e : exclusions.entrySet()) {
            String layer = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            if (!loaded.containsKey(layer)) {
                out.exclusions.put(e.getKey(), e.getValue());
            }
        }
        ScenarioEvaluator.exclusions(nctx, next, timings);
        return out;
    }

    /**
     * As {@link #withScenario}: the scenario with {@code c} replacing the criterion of the same id, or added
     * at the end (its layers must be in the scenario's layers).
     */
    public ScoringSession withCriterion(Criterion c, LayerSource source, io.siteplanner.model.Progress progress) {
        Scenario cur = scenario();
        List<Criterion> l = new ArrayList<>(cur.criteria());
        int i = cur.criterionIndex(c.id());
        if (i >= 0) {
            l.set(i, c);
        } else {
            l.add(c);
        }
        return withScenario(cur.withCriteria(l), source, progress);
    }

    /**
     * How many sites constraint {@code k} fails by itself (whatever the other constraints say); 0 for a
     * disabled one or one on a disabled criterion. An exclusion layer not evaluated yet costs one spatial
     * pass (then cached).
     *
     * @throws ScenarioException when it names an unknown criterion or a layer that was not read
     */
    public int failingCount(ConstraintSpec k) {
        boolean[] passed = new boolean[ids.length];
        Arrays.fill(passed, true);
        applyConstraint(k, "constraint", passed);
        int failed = 0;
        for (boolean b : passed) {
            if (!b) {
                failed++;
            }
        }
        return failed;
    }

    /** Whether two campuses give the same raw values (all but minAcres, which only a constraint uses). */
    static boolean sameMeasure(io.siteplanner.scoring.scenario.Campus a, io.siteplanner.scoring.scenario.Campus b) {
        return a.itLoadMw() == b.itLoadMw() && a.pue() == b.pue() && a.utilization() == b.utilization()
                && a.years() == b.years() && a.discountRate() == b.discountRate()
                && a.landPriceUsdPerAcre() == b.landPriceUsdPerAcre();
    }

    /**
     * Whether two criteria measure the same thing (same kind and parameters, the same id, both enabled or
     * both disabled): then only their weight, label, unit, transform or missing-value policy differ and
     * re-scoring needs no spatial work.
     * A change between a categories transform and another one changes how values are read, so it counts.
     */
    public static boolean sameMeasure(Criterion a, Criterion b) {
        boolean ta = a.transform().type() == io.siteplanner.scoring.scenario.TransformSpec.Type.CATEGORIES;
        boolean tb = b.transform().type() == io.siteplanner.scoring.scenario.TransformSpec.Type.CATEGORIES;
        if (ta != tb || a.enabled() != b.enabled()) {
            return false;
        }
        Common n = Common.of(a.id(), 0).withTransform(a.transform());
        return a.withCommon(n).equals(b.withCommon(n));
    }

    /** Sets one criterion's direct weight. */
    public synchronized void setWeight(String id, double w) {
        int c = require(id);
        List<Criterion> l = new ArrayList<>(scenario.criteria());
        l.set(c, l.get(c).withWeight(w));
        scenario = scenario.withCriteria(l);
    }

    /** Sets all direct weights (scenario order) and switches to direct weights. */
    public synchronized void setWeights(double[] w) {
        if (w.length != specs.size()) {
            throw new IllegalArgumentException("expected " + specs.size() + " weights");
        }
        List<Criterion> l = new ArrayList<>(scenario.criteria());
        for (int c = 0; c < w.length; c++) {
            l.set(c, l.get(c).withWeight(w[c]));
        }
        scenario = scenario.withCriteria(l).withWeights(WeightsSpec.direct());
    }

    public synchronized void setTransform(String id, TransformSpec t) {
        int c = require(id);
        Transforms.validate(t, "criteria[" + c + "].transform");
        if ((t.type() == TransformSpec.Type.CATEGORIES) != columns[c].isText()) {
            throw new ScenarioException("criteria[" + c + "].transform", columns[c].isText()
                    ? "criterion '" + id + "' has text values: use a categories transform"
                    : "criterion '" + id + "' has numbers: a categories transform needs a text attribute");
        }
        List<Criterion> l = new ArrayList<>(scenario.criteria());
        l.set(c, l.get(c).withTransform(t));
        scenario = scenario.withCriteria(l);
    }

    public synchronized void setMethod(MethodSpec m) {
        scenario = scenario.withMethod(m);
    }

    public synchronized void setWeightsSpec(WeightsSpec w) {
        scenario = scenario.withWeights(w);
    }

    public synchronized void setConstraints(List<ConstraintSpec> k) {
        scenario = scenario.withConstraints(k);
    }

    private int require(String id) {
        int c = criterionIndex(id);
        if (c < 0) {
            throw new IllegalArgumentException("no criterion '" + id + "'");
        }
        return c;
    }

    /** Normalised weights for the current settings (direct or AHP). */
    public synchronized double[] weights() {
        int m = specs.size();
        double[] w = new double[m];
        WeightsSpec ws = scenario.weights();
        if (ws.isAhp()) {
            if (cachedAhpSpec != ws) {
                cachedAhp = Ahp.compute(ws.matrix());
                cachedAhpSpec = ws;
            }
            for (int k = 0; k < ws.criteria().size(); k++) {
                w[criterionIndex(ws.criteria().get(k))] = cachedAhp.weights()[k];
            }
        } else {
            for (int c = 0; c < m; c++) {
                w[c] = scenario.criteria().get(c).weight();
            }
        }
        double sum = 0;
        boolean zeroed = false;
        for (int c = 0; c < m; c++) {
            if (!scenario.criteria().get(c).enabled() && w[c] != 0) {
                w[c] = 0; // disabled criteria weigh nothing
                zeroed = true;
            }
            sum += w[c];
        }
        if (!(sum > 0)) {
            throw new ScenarioException("criteria", "all weights are zero: give at least one enabled criterion a"
                    + " weight > 0");
        }
        if (sum != 1.0 && (!ws.isAhp() || zeroed)) {
            for (int c = 0; c < m; c++) {
                w[c] /= sum;
            }
        }
        return w;
    }

    /** The AHP result of the current weights, or null for direct weights. */
    public synchronized Ahp.Result ahp() {
        if (!scenario.weights().isAhp()) {
            return null;
        }
        weights();
        return cachedAhp;
    }

    /** Scores with the current settings into a new result. */
    public ScoreResult score() {
        return score(null);
    }

    /**
     * Scores with the current settings. No spatial work unless a new exclusion layer was added.
     *
     * @param reuse a previous result of this session whose arrays are overwritten (null = new)
     */
    public synchronized ScoreResult score(ScoreResult reuse) {
        int n = ids.length;
        int m = specs.size();
        ScoreResult r = reuse != null && reuse.session == this ? reuse : new ScoreResult(this);
        if (r.score == null || r.score.length != n) {
            r.score = new double[n];
            r.rank = new int[n];
            r.order = new int[n];
            r.keys = new long[n];
            r.keysTmp = new long[n];
            r.valsTmp = new int[n];
            r.hist = new int[4 * 65536];
        }
        r.n = n;
        double[] w = weights();
        r.weights = w;
        r.method = scenario.method();
        r.transforms = new TransformSpec[m];
        r.missing = new double[m];
        r.stats = new double[m][];
        for (int c = 0; c < m; c++) {
            Criterion cs = scenario.criteria().get(c);
            TransformSpec t = cs.transform();
            double miss = cs.common().missingValueScore();
            if (transformed[c] == null || !t.equals(cachedTransform[c]) || miss != cachedMissing[c]) {
                double[] st = statsFor(c, t);
                if (transformed[c] == null) {
                    transformed[c] = new double[n];
                }
                Transforms.apply(t, columns[c].values(), transformed[c], st[0], st[1], st[2], st[3], miss,
                        columns[c].categories());
                cachedTransform[c] = t;
                cachedMissing[c] = miss;
                cachedStats[c] = st;
            }
            r.transforms[c] = t;
            r.missing[c] = miss;
            r.stats[c] = cachedStats[c];
        }
        // constraints
        List<ConstraintSpec> cons = scenario.constraints();
        List<Object> consKey = new ArrayList<>(cons);
        for (Criterion cs : scenario.criteria()) {
            consKey.add(cs.common().missing());
            consKey.add(cs); // kind requirements (gridHeadroom required) depend on the criterion itself
        }
        if (!consKey.equals(cachedConstraints)) {
            boolean[] passed = new boolean[n];
            Arrays.fill(passed, true);
            for (int k = 0; k < cons.size(); k++) {
                applyConstraint(cons.get(k), "constraints[" + k + "]", passed);
            }
            applyCriteriaRules(passed);
            int pc = 0;
            for (boolean b : passed) {
                if (b) {
                    pc++;
                }
            }
            cachedConstraints = consKey;
            cachedPassed = passed;
            cachedPassedCount = pc;
        }
        r.passed = cachedPassed;
        r.passedCount = cachedPassedCount;
        r.constraints = cons;
        // method
        MethodSpec method = scenario.method();
        switch (method.type()) {
            case TOPSIS:
                topsis(r, w, method);
                break;
            case OWA:
                Methods.owa(transformed, w, method, r.score, n);
                break;
            default:
                Methods.weightedSum(transformed, w, r.score, n);
        }
        rank(r);
        return r;
    }

    private double[] statsFor(int c, TransformSpec t) {
        double lo = stats[c][0];
        double hi = stats[c][1];
        double llo = Double.NaN;
        double lhi = Double.NaN;
        if (t.type() == TransformSpec.Type.LOG) {
            double off = t.offset() == null ? 1.0 : t.offset();
            double a = Double.POSITIVE_INFINITY;
            double b = Double.NEGATIVE_INFINITY;
            for (double x : columns[c].values()) {
                if (x == x && x + off > 0 && !Double.isInfinite(x)) {
                    a = Math.min(a, x);
                    b = Math.max(b, x);
                }
            }
            if (a <= b) {
                llo = Math.log(a + off);
                lhi = Math.log(b + off);
            }
        }
        return new double[] {lo, hi, llo, lhi};
    }

    private void topsis(ScoreResult r, double[] w, MethodSpec method) {
        int n = ids.length;
        int m = specs.size();
        boolean raw = method.topsisOnRaw();
        double[][] x = new double[m][];
        boolean[] benefit = new boolean[m];
        double[] worst = new double[m];
        for (int c = 0; c < m; c++) {
            if (!(w[c] > 0)) {
                continue;
            }
            if (raw) {
                TransformSpec t = scenario.criteria().get(c).transform();
                if (t.direction() == null) {
                    throw new ScenarioException("criteria[" + c + "].transform.direction",
                            "TOPSIS on raw values needs a benefit/cost direction for every weighted criterion");
                }
                benefit[c] = t.direction() == TransformSpec.Direction.BENEFIT;
                worst[c] = benefit[c] ? stats[c][0] : stats[c][1];
                if (worst[c] != worst[c]) {
                    worst[c] = 0;
                }
                double[] v = columns[c].values();
                double[] xc = new double[n];
                for (int i = 0; i < n; i++) {
                    xc[i] = v[i] == v[i] ? v[i] : worst[c];
                }
                x[c] = xc;
            } else {
                benefit[c] = true;
                x[c] = transformed[c];
            }
        }
        double[] norm = new double[m];
        double[] ideal = new double[m];
        double[] anti = new double[m];
        for (int c = 0; c < m; c++) {
            if (x[c] == null) {
                continue;
            }
            double s = 0;
            for (double v : x[c]) {
                s += v * v;
            }
            norm[c] = Math.sqrt(s);
            double mx = Double.NEGATIVE_INFINITY;
            double mn = Double.POSITIVE_INFINITY;
            double f = norm[c] > 0 ? w[c] / norm[c] : 0;
            for (double v : x[c]) {
                double vv = v * f;
                mx = Math.max(mx, vv);
                mn = Math.min(mn, vv);
            }
            ideal[c] = benefit[c] ? mx : mn;
            anti[c] = benefit[c] ? mn : mx;
        }
        int[] idx = Methods.scored(w);
        double[] f = new double[m];
        for (int c : idx) {
            f[c] = norm[c] > 0 ? w[c] / norm[c] : 0;
        }
        double[] score = r.score;
        for (int i = 0; i < n; i++) {
            double dp = 0;
            double dm = 0;
            for (int c : idx) {
                double v = x[c][i] * f[c];
                double a = v - ideal[c];
                double b = v - anti[c];
                dp += a * a;
                dm += b * b;
            }
            dp = Math.sqrt(dp);
            dm = Math.sqrt(dm);
            score[i] = dp + dm == 0 ? 1.0 : dm / (dp + dm);
        }
        r.topsisNorm = norm;
        r.topsisIdeal = ideal;
        r.topsisAnti = anti;
        r.topsisWorstRaw = worst;
    }

    private void rank(ScoreResult r) {
        int n = ids.length;
        long[] keys = r.keys;
        int[] vals = r.order;
        boolean[] passed = r.passed;
        double[] score = r.score;
        for (int p = 0; p < n; p++) {
            int site = idOrder[p];
            double s = score[site];
            if (!(s > 0)) {
                s = 0.0; // also maps -0.0 and (never expected) NaN
                score[site] = s;
            }
            long bits = Double.doubleToRawLongBits(s);
            keys[p] = (passed[site] ? 0L : Long.MIN_VALUE) | (Long.MAX_VALUE - bits);
            vals[p] = site;
        }
        RankSort.sort(keys, vals, r.keysTmp, r.valsTmp, n, r.hist);
        int[] rank = r.rank;
        for (int p = 0; p < n; p++) {
            rank[vals[p]] = p + 1;
        }
    }

    /** The rules that come with the criteria: kind requirements (grid feasibility) and missing: exclude. */
    private void applyCriteriaRules(boolean[] passed) {
        int n = passed.length;
        for (int c = 0; c < specs.size(); c++) {
            Criterion cs = scenario.criteria().get(c);
            if (!cs.enabled()) {
                continue;
            }
            boolean exclude = cs.common().missing() == MissingPolicy.EXCLUDE;
            boolean hasRule = cs.requirement(Double.NaN, scenario.campus()) != null
                    || cs.requirement(-1, scenario.campus()) != null;
            if (!exclude && !hasRule) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (passed[i] && ruleReason(c, i) != null) {
                    passed[i] = false;
                }
            }
        }
    }

    /** Why criterion c's own rules fail site i (kind requirement, then missing: exclude), or null. */
    String ruleReason(int c, int i) {
        Criterion cs = scenario.criteria().get(c);
        if (!cs.enabled()) {
            return null;
        }
        double x = columns[c].values()[i];
        String r = cs.requirement(x, scenario.campus());
        if (r != null) {
            return r;
        }
        if (x != x && cs.common().missing() == MissingPolicy.EXCLUDE) {
            return cs.id() + ": no data";
        }
        return null;
    }

    /** Whether a constraint applies: enabled, and not on a disabled criterion. */
    private boolean applies(ConstraintSpec k) {
        if (!k.enabled()) {
            return false;
        }
        if (k.isExclusion()) {
            return true;
        }
        int c = criterionIndex(k.criterion());
        return c < 0 || scenario.criteria().get(c).enabled();
    }

    private void applyConstraint(ConstraintSpec k, String path, boolean[] passed) {
        int n = passed.length;
        if (!applies(k)) {
            return;
        }
        if (k.isExclusion()) {
            EvaluationContext.Nearest d = exclusion(k, path);
            double buf = k.buffer();
            for (int i = 0; i < n; i++) {
                double x = d.distance()[i];
                if (x == x && x <= buf) {
                    passed[i] = false;
                }
            }
            return;
        }
        int c = criterionIndex(k.criterion());
        if (c < 0) {
            throw new ScenarioException(path + ".criterion", "no criterion with id '" + k.criterion() + "'");
        }
        double[] v = columns[c].values();
        double val = k.value();
        for (int i = 0; i < n; i++) {
            if (!compare(v[i], k.op(), val)) {
                passed[i] = false;
            }
        }
    }

    private EvaluationContext.Nearest exclusion(ConstraintSpec k, String path) {
        String key = k.exclude() + "\u0000" + (k.filter() == null ? "" : k.filter());
        EvaluationContext.Nearest d = exclusions.get(key);
        if (d != null) {
            return d;
        }
        return computeExclusion(k, path, key);
    }

    private synchronized EvaluationContext.Nearest computeExclusion(ConstraintSpec k, String path, String key) {
        EvaluationContext.Nearest d = exclusions.get(key);
        if (d == null) {
            if (!ctx.layers.containsKey(k.exclude())) {
                throw new ScenarioException(path + ".exclude", "layer '" + k.exclude()
                        + "' was not loaded when the scenario was evaluated; evaluate it again");
            }
            d = ctx.nearest(k.exclude(), k.filter(), path + ".filter", false);
            exclusions.put(key, d);
        }
        return d;
    }

    static boolean compare(double x, String op, double v) {
        if (x != x) {
            return false;
        }
        switch (op) {
            case "<": return x < v;
            case "<=": return x <= v;
            case ">": return x > v;
            case ">=": return x >= v;
            case "==": return x == v;
            default: return x != v;
        }
    }

    private static String negate(String op) {
        switch (op) {
            case "<": return ">=";
            case "<=": return ">";
            case ">": return "<=";
            case ">=": return "<";
            case "==": return "!=";
            default: return "==";
        }
    }

    /** The reason constraint k fails for site i, or null when it passes (thread-safe, lock-free once evaluated). */
    String failReason(ConstraintSpec k, int i) {
        if (!applies(k)) {
            return null;
        }
        if (k.isExclusion()) {
            EvaluationContext.Nearest d = exclusion(k, "constraints");
            double x = d.distance()[i];
            if (x == x && x <= k.buffer()) {
                String name = k.label() != null ? k.label() : k.exclude();
                return x == 0 ? name + ": touches or overlaps" + (k.buffer() > 0 ? " (buffer "
                        + ScoreResult.fmt(k.buffer()) + " m)" : "")
                        : name + " " + ScoreResult.fmt(x) + " m <= " + ScoreResult.fmt(k.buffer()) + " m buffer";
            }
            return null;
        }
        int c = criterionIndex(k.criterion());
        double x = columns[c].values()[i];
        String name = k.label() != null ? k.label() : k.criterion();
        if (x != x) {
            return name + ": no data";
        }
        if (compare(x, k.op(), k.value())) {
            return null;
        }
        return name + " " + ScoreResult.fmt(x) + " " + negate(k.op()) + " " + ScoreResult.fmt(k.value());
    }
}
