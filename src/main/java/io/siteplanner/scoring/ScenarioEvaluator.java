package io.siteplanner.scoring;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.criteria.Criterion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;

/**
 * Evaluates a scenario into a {@link ScoringSession}: loads the layers it uses (concurrently) through a
 * {@link LayerSource}, applies table joins, reprojects vector layers to the analysis CRS, validates every
 * criterion (attributes, CQL filters) before any spatial work, then computes each criterion's column once
 * (parallel over candidates) and the exclusion distances. Errors are {@link ScenarioException}s naming the
 * JSON path ({@code layers.lines}, {@code criteria[2].filter}, ...). Cancellable through the progress.
 */
public final class ScenarioEvaluator {
    private ScenarioEvaluator() {
    }

    /** Evaluates with a new timing record. */
    public static ScoringSession evaluate(Scenario s, LayerSource source, Progress progress) {
        return evaluate(s, source, progress, new Timings());
    }

    public static ScoringSession evaluate(Scenario s, LayerSource source, Progress progress, Timings timings) {
        checkWeights(s);
        Map<String, Layer> layers = load(s, source, progress.sub(0, 0.4), timings);
        VectorLayer cand = (VectorLayer) layers.get(s.candidates());
        CoordinateReferenceSystem crs = ((VectorLayer) layers.get(s.candidates())).crs();
        EvaluationContext ctx;
        try (Timings.Timer t = timings.start("prepare candidates")) {
            ctx = new EvaluationContext(s, progress.sub(0.4, 1.0), timings, crs, cand.epsg(), layers, cand);
        }
        for (Layer l : layers.values()) {
            for (String w : l.warnings()) {
                ctx.warn(l.name() + ": " + w);
            }
        }
        // ids
        Object[] ids = new Object[cand.size()];
        int idIdx = -1;
        if (s.idField() != null) {
            idIdx = cand.schema().indexOf(s.idField());
            if (idIdx < 0) {
                throw new ScenarioException("idField", "no field '" + s.idField() + "' in layer '" + s.candidates()
                        + "' (fields: " + String.join(", ", cand.schema().names()) + ")");
            }
        }
        boolean numeric = true;
        for (int i = 0; i < ids.length; i++) {
            Feature f = cand.get(i);
            Object v = idIdx < 0 ? (Object) f.fid() : f.value(idIdx);
            if (v instanceof Integer || v instanceof Short) {
                v = ((Number) v).longValue();
            }
            ids[i] = v;
            if (!(v instanceof Long)) {
                numeric = false;
            }
        }
        int[] idOrder = idOrder(ids, numeric);
        int dups = 0;
        for (int p = 1; p < idOrder.length; p++) {
            if (ids[idOrder[p]] != null && ids[idOrder[p]].equals(ids[idOrder[p - 1]])) {
                dups++;
            }
        }
        if (dups > 0) {
            ctx.warn(dups + " candidates share an id with another candidate (" + s.idField() + ")");
        }
        // validate everything before spatial work
        List<Criterion> criteria = s.criteria();
        validate(ctx, s, null);
        if (s.weights().isAhp()) {
            try {
                Ahp.compute(s.weights().matrix());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("weights.matrix", e.getMessage());
            }
        }
        Column[] cols = evaluateCriteria(ctx, criteria, new Column[criteria.size()], progress, timings);
        ScoringSession session = new ScoringSession(ctx, s, cols, ids, idOrder);
        // exclusion distances now (spatial), so re-scoring stays spatial-free
        exclusions(ctx, s, timings);
        return session;
    }

    /**
     * Validates the enabled criteria whose column is not known yet ({@code known[c] == null}; all when
     * {@code known} is null) and the enabled exclusion constraints, before any spatial work.
     */
    static void validate(EvaluationContext ctx, Scenario s, Column[] known) {
        List<Criterion> criteria = s.criteria();
        for (int c = 0; c < criteria.size(); c++) {
            if (criteria.get(c).enabled() && (known == null || known[c] == null)) {
                criteria.get(c).validate(ctx, "criteria[" + c + "]");
            }
        }
        for (int k = 0; k < s.constraints().size(); k++) {
            ConstraintSpec cs = s.constraints().get(k);
            if (cs.isExclusion() && cs.enabled()) {
                ctx.keepMask(ctx.vector(cs.exclude(), "constraints[" + k + "].exclude"), cs.filter(),
                        "constraints[" + k + "].filter");
            }
        }
    }

    /**
     * Computes the columns that are null in {@code cols} (criteria that need others' columns, TCO, after
     * those); a disabled criterion gets a column that is missing everywhere, with no work. Columns carry the
     * kind's unit (the session applies a criterion's own unit).
     */
    static Column[] evaluateCriteria(EvaluationContext ctx, List<Criterion> criteria, Column[] cols, Progress progress,
            Timings timings) {
        int n = ctx.size();
        Map<String, Column> done = new HashMap<>();
        for (int c = 0; c < criteria.size(); c++) {
            if (cols[c] != null) {
                done.put(criteria.get(c).id(), cols[c]);
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < criteria.size(); c++) {
                Criterion cs = criteria.get(c);
                if (cols[c] != null || cs.needs().isEmpty() != (pass == 0)) {
                    continue;
                }
                progress.checkCancelled();
                if (!cs.enabled()) {
                    double[] none = new double[n];
                    Arrays.fill(none, Double.NaN);
                    cols[c] = new Column(none, null, "", "disabled");
                    done.put(cs.id(), cols[c]);
                    continue;
                }
                try (Timings.Timer t = timings.start("criterion " + cs.id())) {
                    cols[c] = cs.evaluate(ctx, "criteria[" + c + "]", done);
                }
                done.put(cs.id(), cols[c]);
                int missing = 0;
                for (double v : cols[c].values()) {
                    if (v != v) {
                        missing++;
                    }
                }
                if (missing > 0) {
                    ctx.warn("criterion " + cs.id() + ": " + missing + " of " + n + (missing == 1 ? " sites has" : " sites have")
                            + " no data ("
                            + missingRule(cs) + ")");
                }
            }
        }
        return cols;
    }

    /** The column with the criterion's own unit, when it has one. */
    static Column withUnit(Column col, Criterion c) {
        String u = c.common().unit();
        return u == null || u.equals(col.unit()) ? col
                : new Column(col.values(), col.feature(), u, col.note(), col.categories());
    }

    /** Computes the distances of the enabled exclusion constraints (cached in the context). */
    static void exclusions(EvaluationContext ctx, Scenario s, Timings timings) {
        for (int k = 0; k < s.constraints().size(); k++) {
            ConstraintSpec cs = s.constraints().get(k);
            if (cs.isExclusion() && cs.enabled()) {
                try (Timings.Timer t = timings.start("exclusion " + cs.exclude())) {
                    ctx.nearest(cs.exclude(), cs.filter(), "constraints[" + k + "].filter", false);
                }
            }
        }
    }

    /** How missing values of a criterion are scored, in words. */
    static String missingRule(Criterion c) {
        switch (c.common().missing()) {
            case EXCLUDE:
                return "those sites fail";
            case NEUTRAL:
                return c.common().missingScore() == null ? "scored 0.5, neutral" : "scored " + c.common().missingScore();
            default:
                return c.common().missingScore() == null ? "scored 0, the worst"
                        : "scored " + c.common().missingScore();
        }
    }

    static void checkWeights(Scenario s) {
        if (s.weights().isAhp()) {
            return;
        }
        double sum = 0;
        for (Criterion c : s.criteria()) {
            sum += c.common().effectiveWeight();
        }
        if (!(sum > 0)) {
            throw new ScenarioException("criteria", "all weights are zero: give at least one enabled criterion a"
                    + " weight > 0");
        }
    }

    static int[] idOrder(Object[] ids, boolean numeric) {
        int n = ids.length;
        if (numeric) {
            long[] keys = new long[n];
            Integer[] boxed = null;
            boolean fits = n < (1 << 24);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Object o : ids) {
                long v = (Long) o;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (fits && n > 0 && max - min < (1L << 39)) {
                for (int i = 0; i < n; i++) {
                    keys[i] = (((Long) ids[i] - min) << 24) | i;
                }
                Arrays.sort(keys);
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (int) (keys[i] & 0xFFFFFF);
                }
                return out;
            }
            boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.comparingLong(i -> (Long) ids[i]));
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            Object x = ids[a];
            Object y = ids[b];
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return x.toString().compareTo(y.toString());
        });
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** The layer ids the scenario reads (candidates first); disabled criteria and constraints read none. */
    public static Set<String> usedLayers(Scenario s) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(s.candidates());
        for (Criterion c : s.criteria()) {
            if (c.enabled()) {
                ids.addAll(c.layers());
            }
        }
        for (ConstraintSpec k : s.constraints()) {
            if (k.isExclusion() && k.enabled()) {
                ids.add(k.exclude());
            }
        }
        return ids;
    }

    private static Map<String, Layer> load(Scenario s, LayerSource source, Progress progress, Timings timings) {
        Set<String> used = usedLayers(s);
        for (String id : used) {
            if (!s.layers().containsKey(id)) {
                throw new ScenarioException("layers", "no layer '" + id + "'");
            }
        }
        String target = s.analysisCrs();
        ExecutorService ex = Executors.newFixedThreadPool(Math.min(used.size(), 2), r -> {
            Thread t = new Thread(r, "siteplanner-load");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<Layer>> futures = new LinkedHashMap<>();
        try {
            // the candidate layer (usually the biggest) starts first; the small layers share the other thread
            for (String id : used) {
                LayerRef ref = s.layers().get(id);
                futures.put(id, ex.submit(() -> loadOne(id, ref, source, progress, timings)));
            }
            Map<String, Layer> raw = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Layer>> e : futures.entrySet()) {
                raw.put(e.getKey(), get(e.getValue()));
            }
            // analysis CRS
            VectorLayer cand = raw.get(s.candidates()) instanceof VectorLayer ? (VectorLayer) raw.get(s.candidates())
                    : null;
            if (cand == null) {
                throw new ScenarioException("candidates", "layer '" + s.candidates() + "' is a raster; candidates"
                        + " must be a vector layer of parcels/sites");
            }
            CoordinateReferenceSystem targetCrs;
            Integer targetEpsg;
            if (target == null) {
                if (cand.crs() == null || Crs.isGeographic(cand.crs())) {
                    throw new ScenarioException("analysisCrs", "missing: the candidates are not in a projected CRS;"
                            + " set analysisCrs (e.g. EPSG:5070 for the contiguous US, or a UTM zone)");
                }
                targetCrs = cand.crs();
                targetEpsg = cand.epsg();
            } else {
                int code = Crs.parseEpsg(target);
                if (code > 0 && cand.epsg() != null && cand.epsg() == code && cand.crs() != null) {
                    targetCrs = cand.crs(); // same code: no EPSG decode needed
                    targetEpsg = code;
                } else {
                    try {
                        targetCrs = Crs.decode(target);
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException("analysisCrs", e.getMessage());
                    }
                    targetEpsg = code > 0 ? code : null;
                }
                if (Crs.isGeographic(targetCrs)) {
                    throw new ScenarioException("analysisCrs", "'" + target + "' is geographic (degrees); distances"
                            + " and areas need a projected CRS in metres (e.g. EPSG:5070)");
                }
            }
            Map<String, Layer> out = new LinkedHashMap<>();
            List<Future<Layer>> rep = new ArrayList<>();
            List<String> order = new ArrayList<>();
            for (Map.Entry<String, Layer> e : raw.entrySet()) {
                String id = e.getKey();
                Layer l = e.getValue();
                order.add(id);
                final CoordinateReferenceSystem tc = targetCrs;
                final Integer te = targetEpsg;
                rep.add(ex.submit(() -> reproject(id, l, tc, te, progress, timings)));
            }
            for (int i = 0; i < order.size(); i++) {
                out.put(order.get(i), get(rep.get(i)));
            }
            // substations without a capacity (HIFLD, OSM) get cap_mw_est from a lines layer the scenario uses
            try (Timings.Timer t = timings.start("substation capacity estimates")) {
                return SubstationCapacity.addToScenario(out);
            }
        } finally {
            ex.shutdownNow();
        }
    }

    /**
     * Reads the layers {@code ids} of a scenario (joins, computed fields) and reprojects the vector ones to
     * an analysis CRS that is already known (for criteria added to an evaluated session).
     */
    static Map<String, Layer> loadMore(Scenario s, Set<String> ids, LayerSource source, CoordinateReferenceSystem crs,
            Integer epsg, Progress progress, Timings timings) {
        Map<String, Layer> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (String id : ids) {
            if (!s.layers().containsKey(id)) {
                throw new ScenarioException("layers", "no layer '" + id + "'");
            }
        }
        ExecutorService ex = Executors.newFixedThreadPool(Math.min(ids.size(), 2), r -> {
            Thread t = new Thread(r, "siteplanner-load");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Layer>> futures = new LinkedHashMap<>();
            for (String id : ids) {
                LayerRef ref = s.layers().get(id);
                futures.put(id, ex.submit(() -> reproject(id, loadOne(id, ref, source, progress, timings), crs, epsg,
                        progress, timings)));
            }
            for (Map.Entry<String, Future<Layer>> e : futures.entrySet()) {
                out.put(e.getKey(), get(e.getValue()));
            }
            return out;
        } finally {
            ex.shutdownNow();
        }
    }

    private static Layer get(Future<Layer> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    private static Layer loadOne(String id, LayerRef ref, LayerSource source, Progress progress, Timings timings) {
        String path = "layers." + id;
        Layer l;
        try (Timings.Timer t = timings.start("load " + id)) {
            l = source.load(id, ref, progress);
        } catch (LayerReadException e) {
            throw new ScenarioException(path, e.getMessage(), e);
        } catch (IOException e) {
            throw new ScenarioException(path, ref.path() + ": " + e.getMessage(), e);
        }
        for (int j = 0; j < ref.joins().size(); j++) {
            JoinSpec js = ref.joins().get(j);
            String jp = path + ".join" + (ref.joins().size() > 1 ? "[" + j + "]" : "");
            if (!(l instanceof VectorLayer)) {
                throw new ScenarioException(jp, "joins need a vector layer");
            }
            VectorLayer table;
            try (Timings.Timer t = timings.start("join " + id)) {
                table = source.loadTable(js, progress);
            } catch (LayerReadException e) {
                throw new ScenarioException(jp + ".path", e.getMessage(), e);
            } catch (IOException e) {
                throw new ScenarioException(jp + ".path", js.path() + ": " + e.getMessage(), e);
            }
            TableJoin.Outcome o = TableJoin.apply((VectorLayer) l, table, js, jp);
            VectorLayer joined = o.layer().toBuilder().features(new ArrayList<>(o.layer().features()))
                    .warn(o.summary(id, js.path())).build();
            l = joined;
        }
        if (l instanceof VectorLayer) {
            l = LayerFields.apply((VectorLayer) l, ref, path);
        }
        return l;
    }

    private static Layer reproject(String id, Layer l, CoordinateReferenceSystem target, Integer targetEpsg,
            Progress progress, Timings timings) {
        if (l instanceof RasterLayer) {
            return l; // sampled in its own CRS
        }
        VectorLayer v = (VectorLayer) l;
        if (v.crs() == null) {
            return v.toBuilder().crs(target, targetEpsg).features(new ArrayList<>(v.features()))
                    .warn("no CRS declared; assumed to be the analysis CRS").build();
        }
        if (targetEpsg != null && v.epsg() != null && v.epsg().intValue() == targetEpsg.intValue()) {
            return v;
        }
        try (Timings.Timer t = timings.start("reproject " + id)) {
            if (v.size() < 50_000) {
                return Crs.reproject(v, target, progress);
            }
            return reprojectParallel(v, target, progress);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("layers." + id, e.getMessage());
        }
    }

    /** Reprojects a big layer in parallel chunks (MathTransforms are immutable and thread-safe). */
    private static VectorLayer reprojectParallel(VectorLayer v, CoordinateReferenceSystem target, Progress progress) {
        int n = v.size();
        int chunk = 16384;
        int chunks = (n + chunk - 1) / chunk;
        VectorLayer[] parts = new VectorLayer[chunks];
        io.siteplanner.scoring.spatial.ChunkRunner.run(io.siteplanner.scoring.spatial.ChunkRunner.identity(chunks), 1,
                progress, "reprojecting " + v.name(), (ord, from, to) -> {
                    for (int k = from; k < to; k++) {
                        int c = ord[k];
                        List<Feature> sub = new ArrayList<>(v.features().subList(c * chunk, Math.min(n, (c + 1) * chunk)));
                        VectorLayer part = v.toBuilder().features(sub).build();
                        parts[c] = Crs.reproject(part, target, Progress.NONE);
                    }
                });
        List<Feature> all = new ArrayList<>(n);
        int failed = 0;
        for (VectorLayer part : parts) {
            all.addAll(part.features());
        }
        for (int i = 0; i < n; i++) {
            if (v.get(i).geometry() != null && all.get(i).geometry() == null) {
                failed++;
            }
        }
        // the source's warnings are kept; per-part reprojection warnings are replaced by one
        VectorLayer.Builder clean = v.toBuilder().crs(parts[0].crs(), parts[0].epsg()).features(all);
        if (failed > 0) {
            clean.warn(failed + (failed == 1 ? " geometry" : " geometries") + " could not be reprojected to " + Crs.name(target) + " and were dropped");
        }
        return clean.build();
    }

    /** Helper for tests: the distinct layer ids a scenario needs. */
    static Set<String> layersOf(Scenario s) {
        return new HashSet<>(usedLayers(s));
    }
}
