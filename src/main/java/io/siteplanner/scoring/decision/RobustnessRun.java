package io.siteplanner.scoring.decision;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ColumnSnapshot;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.Transforms;
import io.siteplanner.scoring.random.SplitMix64;
import io.siteplanner.scoring.scenario.MethodSpec;
import io.siteplanner.scoring.scenario.TransformSpec;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state and steps of one {@link Robustness#run} (see there for the method). */
final class RobustnessRun {
    final ScoreResult base;
    final RobustnessSpec spec;
    final LoadLevels.Evaluator evaluator;
    final Progress progress;
    final ColumnSnapshot snap;
    final int n;
    final int m;
    final int depth;
    final MethodSpec method;
    final boolean topsis;
    final double[] fraction; // per criterion, NaN = not varied
    final boolean[] weightable;
    final boolean[] benefit;
    final Map<String, Double> millis = new LinkedHashMap<>();
    List<LevelData> levels;
    boolean fullColumns;
    /** Per varied criterion: compare sites on the perturbed raw values (see {@link #rawScale}). */
    boolean[] rawScale;

    RobustnessRun(ScoreResult base, RobustnessSpec spec, LoadLevels.Evaluator evaluator, Progress progress) {
        this.base = base;
        this.spec = spec;
        this.evaluator = evaluator;
        this.progress = progress;
        this.snap = ColumnSnapshot.of(base);
        this.n = snap.size();
        this.m = snap.criteria();
        if (spec.weights().size() != m) {
            throw new IllegalArgumentException("the weight model has " + spec.weights().size()
                    + " criteria, the scenario " + m);
        }
        this.depth = spec.rankDepth();
        this.method = snap.method();
        this.topsis = method.type() == MethodSpec.Type.TOPSIS;
        this.fraction = new double[m];
        Arrays.fill(fraction, Double.NaN);
        for (Variation v : spec.variations()) {
            if (v.isItLoad()) {
                continue;
            }
            int c = snap.session().criterionIndex(v.target());
            if (c < 0) {
                List<String> ids = new ArrayList<>();
                for (int k = 0; k < m; k++) {
                    ids.add(snap.criterion(k).id());
                }
                throw new IllegalArgumentException("--vary: no criterion '" + v.target() + "' (criteria: "
                        + String.join(", ", ids) + "; or " + Variation.IT_LOAD + ")");
            }
            if (snap.labels(c) != null) {
                throw new IllegalArgumentException("--vary: criterion '" + v.target()
                        + "' has text values; only numbers can vary");
            }
            if (fraction[c] == fraction[c]) {
                throw new IllegalArgumentException("--vary: criterion '" + v.target() + "' given twice");
            }
            fraction[c] = v.fraction();
        }
        this.weightable = spec.weights().weightable();
        this.benefit = new boolean[m];
        for (int c = 0; c < m; c++) {
            benefit[c] = !topsis || !weightable[c] || snap.benefit(c);
        }
    }

    boolean varied(int c) {
        return fraction[c] == fraction[c] && fraction[c] > 0 && weightable[c];
    }

    RobustnessResult execute() {
        long t0 = System.nanoTime();
        Variation load = spec.itLoad();
        double[] factors = load == null ? new double[] {1.0}
                : LoadLevels.factors(spec.loadLevels(), load.fraction(), spec.shape());
        List<LoadLevels.Level> ls = LoadLevels.build(snap, factors, evaluator, progress.sub(0, 0.3));
        boolean anyVaried = false;
        for (int c = 0; c < m; c++) {
            anyVaried |= varied(c);
        }
        fullColumns = topsis && anyVaried;
        rawScale = new boolean[m];
        for (int c = 0; c < m; c++) {
            rawScale[c] = rawScale(c, ls);
        }
        levels = new ArrayList<>();
        for (int b = 0; b < ls.size(); b++) {
            levels.add(new LevelData(this, b, ls.get(b)));
        }
        millis.put("load levels and columns", (System.nanoTime() - t0) / 1e6);
        // eligibility and pruning
        long t1 = System.nanoTime();
        boolean[] any = new boolean[n];
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        for (LevelData l : levels) {
            for (int i = 0; i < n; i++) {
                any[i] |= l.level.pass()[i];
                all[i] &= l.level.pass()[i];
            }
        }
        int eligibleBase = 0;
        for (int i = 0; i < n; i++) {
            eligibleBase += snap.passed(i) ? 1 : 0;
        }
        if (Robustness.count(any) == 0) {
            throw new IllegalArgumentException("no site passes the constraints" + (levels.size() > 1
                    ? " at any IT load" : "") + ": nothing to rank");
        }
        boolean prunable = !(method.type() == MethodSpec.Type.OWA && method.orderWeights() != null)
                && !(topsis && method.topsisOnRaw() && anyVaried);
        int[] candidates;
        String rule;
        if (prunable) {
            candidates = prune(any, all);
            rule = "exact dominance pruning at depth " + depth + ": " + candidates.length + " of "
                    + Robustness.count(any) + " eligible sites can reach rank " + depth;
        } else {
            candidates = Robustness.indices(any);
            rule = "no pruning (" + (topsis ? "TOPSIS on raw values with varied inputs"
                    : "OWA with explicit order weights is not monotone") + ")";
        }
        for (LevelData l : levels) {
            l.compact(candidates);
        }
        millis.put("pruning", (System.nanoTime() - t1) / 1e6);
        progress.checkCancelled();
        // draws
        long t2 = System.nanoTime();
        int draws = spec.draws();
        int[] winner = new int[draws];
        byte[] levelOf = new byte[draws];
        int[] candIndex = new int[n];
        Arrays.fill(candIndex, -1);
        for (int j = 0; j < candidates.length; j++) {
            candIndex[candidates[j]] = j;
        }
        // rank counts per candidate and rank, one array per worker buffer (integer sums: order-free)
        long cells = (long) candidates.length * depth;
        if (cells > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many candidate sites for rank depth " + depth
                    + "; lower --rank-depth");
        }
        java.util.Queue<Scratch> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<Scratch> buffers = new java.util.concurrent.ConcurrentLinkedQueue<>();
        int chunks = (draws + Robustness.DRAW_CHUNK - 1) / Robustness.DRAW_CHUNK;
        Progress sampling = progress.sub(0.4, 0.97);
        ChunkRunner.run(ChunkRunner.identity(chunks), 1, sampling, "robustness: drawing", (ord, from, to) -> {
            Scratch s = free.poll();
            if (s == null) {
                s = new Scratch(this, (int) cells);
                buffers.add(s);
            }
            for (int k = from; k < to; k++) {
                int ch = ord[k];
                for (int d = ch * Robustness.DRAW_CHUNK; d < Math.min(draws, (ch + 1) * Robustness.DRAW_CHUNK); d++) {
                    levelOf[d] = (byte) draw(d, s, candIndex, winner);
                }
            }
            free.add(s);
        });
        long[] counts = new long[(int) cells];
        for (Scratch a : buffers) {
            for (int q = 0; q < counts.length; q++) {
                counts[q] += a.counts[q];
            }
        }
        millis.put("draws", (System.nanoTime() - t2) / 1e6);
        long t3 = System.nanoTime();
        RobustnessResult r = aggregate(counts, candidates, winner, levelOf, eligibleBase, rule);
        millis.put("aggregation", (System.nanoTime() - t3) / 1e6);
        progress.update(1.0, "robustness: done");
        return r;
    }

    /** One draw: scores the candidates of the draw's level and counts the top ranks; returns the level. */
    int draw(int d, Scratch s, int[] candIndex, int[] winner) {
        int b = Robustness.level(spec, d, levels.size());
        LevelData l = levels.get(b);
        double[] w = Robustness.sessionNormalised(spec.weights().draw(spec.seed(), d, s.w));
        int count = l.count;
        double[][] cols = s.cols;
        ColumnSnapshot.TopsisStats st = l.topsisStats;
        for (int c = 0; c < m; c++) {
            cols[c] = l.compactInput[c];
            if (!varied(c) || w[c] == 0) {
                continue;
            }
            long key = SplitMix64.key(spec.seed(), Robustness.VARY, d, c);
            TransformSpec t = snap.transform(c);
            double[] out = s.varied[c];
            if (fullColumns) {
                double[] full = l.perturbed(c, key, s.full);
                double[] stats = ColumnSnapshot.rangeStats(full, t);
                double[] x = s.fullOut;
                if (method.topsisOnRaw()) {
                    x = ColumnSnapshot.topsisRaw(full, benefit[c], stats);
                } else {
                    Transforms.apply(t, full, x, stats[0], stats[1], stats[2], stats[3], snap.missingScore(c),
                            snap.labels(c));
                }
                if (st == l.topsisStats) {
                    st = new ColumnSnapshot.TopsisStats(st.norm().clone(), st.max().clone(), st.min().clone());
                }
                ColumnSnapshot.TopsisStats one = ColumnSnapshot.topsisStats(new double[][] {x});
                st.norm()[c] = one.norm()[0];
                st.max()[c] = one.max()[0];
                st.min()[c] = one.min()[0];
                for (int j = 0; j < count; j++) {
                    out[j] = x[l.sites[j]];
                }
            } else {
                double[] xp = s.xp[b];
                double[] raw = l.level.raw()[c];
                for (int j = 0; j < count; j++) {
                    int i = l.sites[j];
                    xp[j] = raw[i] * spec.shape().factor(fraction[c], SplitMix64.unit(key, i));
                }
                double[] stats = l.trackers[c] != null ? l.trackers[c].stats(key) : l.stats[c];
                Transforms.apply(t, xp, out, stats[0], stats[1], stats[2], stats[3], snap.missingScore(c),
                        snap.labels(c));
            }
            cols[c] = out;
        }
        double[] score = s.score;
        switch (method.type()) {
            case TOPSIS:
                ColumnSnapshot.topsis(cols, benefit, w, st, score, count);
                break;
            case OWA:
                ColumnSnapshot.owa(cols, w, method, score, count);
                break;
            default:
                ColumnSnapshot.weightedSum(cols, w, score, count);
        }
        int kept = Top.select(score, l.pos, count, depth, s.heap);
        for (int r = 0; r < kept; r++) {
            s.counts[candIndex[l.sites[s.heap[r]]] * depth + r]++;
        }
        winner[d] = kept > 0 ? l.sites[s.heap[0]] : -1;
        return b;
    }

    /**
     * Whether a varied criterion's sites can be compared on their perturbed raw values rather than on
     * transformed intervals: for a monotone transform (linear, log, threshold, sigmoid), two sites of
     * one draw share the transform's data range, so the one with the better perturbed value never gets
     * the lower score. Needs every eligible value to be a number (and inside a log transform's domain
     * for every factor); otherwise transformed intervals over all possible ranges are used.
     */
    boolean rawScale(int c, List<LoadLevels.Level> ls) {
        if (!varied(c) || fullColumns) {
            return false;
        }
        TransformSpec t = snap.transform(c);
        switch (t.type()) {
            case LINEAR: case LOG: case THRESHOLD: case SIGMOID:
                break;
            default:
                return false;
        }
        double[] f = LevelData.factorBounds(spec.shape(), fraction[c]);
        double off = t.type() == TransformSpec.Type.LOG ? ColumnSnapshot.logOffset(t) : 0;
        for (LoadLevels.Level l : ls) {
            double[] raw = l.raw()[c];
            for (int i = 0; i < n; i++) {
                if (!l.pass()[i]) {
                    continue;
                }
                double x = raw[i];
                if (x != x) {
                    return false;
                }
                if (t.type() == TransformSpec.Type.LOG && !(x * f[0] + off > 0 && x * f[1] + off > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Exact dominance pruning (k-skyband at the rank depth) over the interval bounds. */
    int[] prune(boolean[] any, boolean[] all) {
        List<Integer> wc = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (weightable[c]) {
                wc.add(c);
            }
        }
        int k = wc.size();
        double[][] lo = new double[k][];
        double[][] hi = new double[k][];
        for (int j = 0; j < k; j++) {
            int c = wc.get(j);
            lo[j] = new double[n];
            hi[j] = new double[n];
            Arrays.fill(lo[j], Double.POSITIVE_INFINITY);
            Arrays.fill(hi[j], Double.NEGATIVE_INFINITY);
            for (LevelData l : levels) {
                l.bounds(c, lo[j], hi[j]);
            }
        }
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[i] = snap.idPos(i);
        }
        return Skyband.of(Robustness.indices(any), all, lo, hi, pos, depth, progress.sub(0.3, 0.4));
    }

    RobustnessResult aggregate(long[] counts, int[] candidates, int[] winner, byte[] levelOf, int eligibleBase,
            String rule) {
        int draws = spec.draws();
        int k = spec.k();
        long noWinner = 0;
        long[] perLevel = new long[levels.size()];
        for (int d = 0; d < draws; d++) {
            perLevel[levelOf[d]]++;
            noWinner += winner[d] < 0 ? 1 : 0;
        }
        // central weights, summed in draw order
        Map<Integer, double[]> cw = new LinkedHashMap<>();
        double[] w = new double[m];
        for (int d = 0; d < draws; d++) {
            if (winner[d] < 0) {
                continue;
            }
            double[] wn = Robustness.sessionNormalised(spec.weights().draw(spec.seed(), d, w));
            double[] acc = cw.computeIfAbsent(winner[d], x -> new double[m]);
            for (int c = 0; c < m; c++) {
                acc[c] += wn[c];
            }
        }
        List<RobustnessResult.SiteStats> sites = new ArrayList<>();
        for (int j = 0; j < candidates.length; j++) {
            long[] h = Arrays.copyOfRange(counts, j * depth, (j + 1) * depth);
            long topK = 0;
            long[] acc = new long[k];
            for (int r = 0; r < Math.min(k, depth); r++) {
                topK += h[r];
                acc[r] = h[r];
            }
            if (topK == 0) {
                continue;
            }
            int site = candidates[j];
            double[] central = null;
            if (h[0] > 0) {
                central = cw.get(site);
                for (int c = 0; c < m; c++) {
                    central[c] /= h[0];
                }
            }
            sites.add(new RobustnessResult.SiteStats(site, snap.session().id(site), h[0], topK, acc,
                    quantile(h, draws, 50), quantile(h, draws, 5), quantile(h, draws, 95), base.rank(site),
                    central));
        }
        sites.sort((a, b) -> a.rank1() != b.rank1() ? Long.compare(b.rank1(), a.rank1())
                : a.topK() != b.topK() ? Long.compare(b.topK(), a.topK())
                : a.medianRank() != b.medianRank() ? Integer.compare(a.medianRank(), b.medianRank())
                : Integer.compare(a.scenarioRank(), b.scenarioRank()));
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            ids.add(snap.criterion(c).id());
        }
        List<String> vars = new ArrayList<>();
        for (Variation v : spec.variations()) {
            vars.add(v + " (" + spec.shape().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        List<RobustnessResult.LevelInfo> li = new ArrayList<>();
        for (int b = 0; b < levels.size(); b++) {
            LoadLevels.Level l = levels.get(b).level;
            li.add(new RobustnessResult.LevelInfo(l.factor(), l.campus().itLoadMw(), l.how(), Robustness.count(l.pass()),
                    perLevel[b]));
        }
        return new RobustnessResult(draws, k, depth, ids, sites, eligibleBase, candidates.length, rule,
                spec.weights().describe(), vars, li, noWinner, new LinkedHashMap<>(millis));
    }

    /** Nearest-rank quantile q (percent) of a rank histogram: the smallest r with Robustness.count(rank &lt;= r) &gt;= q N. */
    int quantile(long[] h, int draws, int q) {
        long cum = 0;
        for (int r = 0; r < h.length; r++) {
            cum += h[r];
            if (cum * 100 >= (long) q * draws) {
                return r + 1;
            }
        }
        return depth + 1;
    }


    /** Per-level columns and the candidates eligible at that level. */
    static final class LevelData {
        final RobustnessRun run;
        final LoadLevels.Level level;
        /** Method input per criterion over all sites (weightable, not varied), else null. */
        final double[][] input;
        /** Transform statistics per criterion at this level. */
        final double[][] stats;
        final RangeTracker[] trackers;
        final ColumnSnapshot.TopsisStats topsisStats;
        int[] sites = new int[0];
        int[] pos = new int[0];
        double[][] compactInput;
        int count;

        LevelData(RobustnessRun run, int index, LoadLevels.Level level) {
            this.run = run;
            this.level = level;
            int m = run.m;
            ColumnSnapshot snap = run.snap;
            boolean scenario = "scenario".equals(level.how());
            input = new double[m][];
            stats = new double[m][];
            trackers = new RangeTracker[m];
            for (int c = 0; c < m; c++) {
                if (!run.weightable[c]) {
                    continue;
                }
                TransformSpec t = snap.transform(c);
                double[] raw = level.raw()[c];
                stats[c] = scenario ? snap.stats(c) : ColumnSnapshot.rangeStats(raw, t);
                if (run.varied(c)) {
                    if (ColumnSnapshot.usesDataRange(t) && !run.fullColumns) {
                        trackers[c] = new RangeTracker(raw, t, run.spec.shape(), run.fraction[c],
                                factorBounds(run.spec.shape(), run.fraction[c]));
                    }
                    continue;
                }
                if (run.topsis && snap.method().topsisOnRaw()) {
                    input[c] = ColumnSnapshot.topsisRaw(raw, run.benefit[c], stats[c]);
                } else if (scenario) {
                    input[c] = snap.transformed(c);
                } else {
                    input[c] = new double[raw.length];
                    Transforms.apply(t, raw, input[c], stats[c][0], stats[c][1], stats[c][2], stats[c][3],
                            snap.missingScore(c), snap.labels(c));
                }
            }
            topsisStats = run.topsis ? ColumnSnapshot.topsisStats(input) : null;
        }

        /** Widened factor bounds (covers the inverse-normal approximation). */
        static double[] factorBounds(Variation.Shape shape, double f) {
            double[] b = shape.bounds(f);
            double a = (b[1] - b[0]) / 2 * (1 + 1e-6);
            return new double[] {1 - a, 1 + a};
        }

        /** Widens [lo, hi] per site with this level's bounds of criterion c (goodness: larger is better). */
        void bounds(int c, double[] lo, double[] hi) {
            boolean[] pass = level.pass();
            int n = pass.length;
            if (input[c] != null) {
                boolean flip = run.topsis && run.snap.method().topsisOnRaw() && !run.benefit[c];
                double[] x = input[c];
                for (int i = 0; i < n; i++) {
                    if (!pass[i]) {
                        continue;
                    }
                    double v = flip ? -x[i] : x[i];
                    lo[i] = Math.min(lo[i], v);
                    hi[i] = Math.max(hi[i], v);
                }
                return;
            }
            TransformSpec t = run.snap.transform(c);
            double[] raw = level.raw()[c];
            double[] f = factorBounds(run.spec.shape(), run.fraction[c]);
            double[] box = trackers[c] != null ? trackers[c].box
                    : new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            double miss = run.snap.missingScore(c);
            boolean flip = t.direction() == TransformSpec.Direction.COST;
            for (int i = 0; i < n; i++) {
                if (!pass[i]) {
                    continue;
                }
                double x = raw[i];
                double p = x * f[0];
                double q = x * f[1];
                if (run.rawScale[c]) {
                    double a = flip ? -Math.max(p, q) : Math.min(p, q);
                    double b = flip ? -Math.min(p, q) : Math.max(p, q);
                    lo[i] = Math.min(lo[i], a);
                    hi[i] = Math.max(hi[i], b);
                    continue;
                }
                double[] iv = run.fullColumns ? new double[] {0, 1}
                        : TransformBounds.interval(t, Math.min(p, q), Math.max(p, q), box, miss);
                lo[i] = Math.min(lo[i], iv[0]);
                hi[i] = Math.max(hi[i], iv[1]);
            }
        }

        /** Keeps the candidates eligible at this level, with their inputs side by side. */
        void compact(int[] candidates) {
            boolean[] pass = level.pass();
            int k = 0;
            for (int i : candidates) {
                if (pass[i]) {
                    k++;
                }
            }
            sites = new int[k];
            pos = new int[k];
            k = 0;
            for (int i : candidates) {
                if (pass[i]) {
                    sites[k] = i;
                    pos[k] = run.snap.idPos(i);
                    k++;
                }
            }
            count = k;
            compactInput = new double[run.m][];
            for (int c = 0; c < run.m; c++) {
                if (input[c] != null) {
                    double[] v = new double[k];
                    for (int j = 0; j < k; j++) {
                        v[j] = input[c][sites[j]];
                    }
                    compactInput[c] = v;
                }
            }
        }

        /** Criterion c's column over all sites, perturbed for one draw (full-column methods). */
        double[] perturbed(int c, long key, double[] out) {
            double[] raw = level.raw()[c];
            for (int i = 0; i < raw.length; i++) {
                out[i] = raw[i] * run.spec.shape().factor(run.fraction[c], SplitMix64.unit(key, i));
            }
            return out;
        }
    }

    /** Per-worker buffers. */
    static final class Scratch {
        final double[] w;
        final double[][] cols;
        final double[][] varied;
        final double[][] xp;
        final double[] score;
        final int[] heap;
        final double[] full;
        final double[] fullOut;
        /** Draws per candidate and rank (candidate index x depth + rank - 1). */
        final long[] counts;

        Scratch(RobustnessRun run, int cells) {
            counts = new long[cells];
            int size = 0;
            for (LevelData l : run.levels) {
                size = Math.max(size, l.count);
            }
            w = new double[run.m];
            cols = new double[run.m][];
            varied = new double[run.m][];
            for (int c = 0; c < run.m; c++) {
                if (run.varied(c)) {
                    varied[c] = new double[size];
                }
            }
            xp = new double[run.levels.size()][];
            for (int b = 0; b < xp.length; b++) {
                xp[b] = new double[run.levels.get(b).count];
            }
            score = new double[size];
            heap = new int[run.depth];
            full = run.fullColumns ? new double[run.n] : null;
            fullOut = run.fullColumns ? new double[run.n] : null;
        }
    }
}
