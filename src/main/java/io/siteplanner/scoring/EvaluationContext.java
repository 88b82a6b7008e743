package io.siteplanner.scoring;

import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.scoring.spatial.ChunkRunner;
import io.siteplanner.scoring.spatial.Polygons;
import io.siteplanner.scoring.spatial.SegmentIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.algorithm.Centroid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything criteria evaluation needs, built once per scenario evaluation: the layers in the analysis
 * CRS, the candidates flattened ({@link Polygons}) in Hilbert order, and caches of spatial indexes and
 * search results keyed by layer + filter, so that criteria sharing a layer/filter share the work. Counts
 * the spatial passes ({@link #spatialPasses()}) so tests can prove that re-scoring does no spatial work.
 * Thread-safe for the parallel evaluation it drives.
 */
public final class EvaluationContext {
    /** Square metres per acre (international acre). */
    public static final double ACRE_M2 = 4046.8564224;
    /** Candidates per parallel chunk. */
    static final int CHUNK = 2048;

    final Scenario scenario;
    final Progress progress;
    final Timings timings;
    final CoordinateReferenceSystem analysisCrs;
    final Integer analysisEpsg;
    final Map<String, Layer> layers;
    /** The scenario entry each loaded layer was read with (a changed entry means reading it again). */
    final Map<String, io.siteplanner.scoring.scenario.LayerRef> refs;
    final VectorLayer candidates;
    final List<Geometry> candidateGeoms;
    final Polygons polygons;
    final int[] order;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SegmentIndex> indexes = new ConcurrentHashMap<>();
    private final Map<String, Nearest> nearest = new ConcurrentHashMap<>();
    private final Map<String, int[]> zones = new ConcurrentHashMap<>();
    private final Map<String, FeatureValues> values = new ConcurrentHashMap<>();
    private final Map<String, Double> vars;
    private final AtomicLong spatialPasses;
    private volatile double[][] centroids;

    EvaluationContext(Scenario scenario, Progress progress, Timings timings, CoordinateReferenceSystem analysisCrs,
            Map<String, Layer> layers, VectorLayer candidates) {
        this(scenario, progress, timings, analysisCrs, null, layers, candidates);
    }

    EvaluationContext(Scenario scenario, Progress progress, Timings timings, CoordinateReferenceSystem analysisCrs,
            Integer analysisEpsg, Map<String, Layer> layers, VectorLayer candidates) {
        this.scenario = scenario;
        this.progress = progress;
        this.timings = timings;
        this.analysisCrs = analysisCrs;
        this.analysisEpsg = analysisEpsg;
        this.layers = layers;
        this.refs = new java.util.HashMap<>();
        for (String id : layers.keySet()) {
            if (scenario.layers().containsKey(id)) {
                refs.put(id, scenario.layers().get(id));
            }
        }
        this.candidates = candidates;
        this.spatialPasses = new AtomicLong();
        this.vars = scenario.campus().variables();
        List<Feature> fs = candidates.features();
        this.candidateGeoms = new java.util.AbstractList<Geometry>() {
            @Override
            public Geometry get(int i) {
                return fs.get(i).geometry();
            }

            @Override
            public int size() {
                return fs.size();
            }
        };
        try (Timings.Timer t = timings.start("prepare candidates: flatten")) {
            this.polygons = Polygons.of(candidateGeoms);
        }
        try (Timings.Timer t = timings.start("prepare candidates: Hilbert order")) {
            double[] cx = new double[polygons.n];
            double[] cy = new double[polygons.n];
            for (int i = 0; i < polygons.n; i++) {
                cx[i] = polygons.centerX(i);
                cy[i] = polygons.centerY(i);
            }
            this.order = io.siteplanner.scoring.spatial.Hilbert.order(cx, cy, polygons.n);
        }
    }

    /**
     * A context for {@code next} (same candidates and campus) that shares this one's prepared candidates,
     * spatial-pass counter and caches, with {@code loaded} layers added or replacing those of the same id;
     * cached indexes, searches, zones and attribute values of replaced layers are dropped. This context is
     * not changed (a session still using it keeps working).
     */
    EvaluationContext derive(Scenario next, Progress p, Map<String, Layer> loaded) {
        return new EvaluationContext(this, next, p, loaded);
    }

    private EvaluationContext(EvaluationContext base, Scenario next, Progress p, Map<String, Layer> loaded) {
        this.scenario = next;
        this.progress = p;
        this.timings = base.timings;
        this.analysisCrs = base.analysisCrs;
        this.analysisEpsg = base.analysisEpsg;
        this.layers = new java.util.LinkedHashMap<>(base.layers);
        this.layers.putAll(loaded);
        this.refs = new java.util.HashMap<>(base.refs);
        for (String id : loaded.keySet()) {
            refs.put(id, next.layers().get(id));
        }
        this.candidates = base.candidates;
        this.candidateGeoms = base.candidateGeoms;
        this.polygons = base.polygons;
        this.order = base.order;
        this.centroids = base.centroids;
        this.spatialPasses = base.spatialPasses;
        this.vars = base.vars;
        copyExcept(base.indexes, indexes, loaded.keySet());
        copyExcept(base.nearest, nearest, loaded.keySet());
        copyExcept(base.zones, zones, loaded.keySet());
        copyExcept(base.values, values, loaded.keySet());
    }

    private static <V> void copyExcept(Map<String, V> from, Map<String, V> to, java.util.Set<String> dropped) {
        for (Map.Entry<String, V> e : from.entrySet()) {
            String k = e.getKey();
            boolean drop = false;
            for (String id : dropped) {
                // keys are "layer\0filter...", or "n\0layer\0attribute" / "t\0layer\0attribute" for values
                drop |= k.startsWith(id + "\u0000") || k.startsWith("n\u0000" + id + "\u0000")
                        || k.startsWith("t\u0000" + id + "\u0000");
            }
            if (!drop) {
                to.put(k, e.getValue());
            }
        }
    }

    /** Whether layer {@code id} is loaded as described by {@code ref} (false: not loaded, or read from elsewhere). */
    boolean hasLayer(String id, io.siteplanner.scoring.scenario.LayerRef ref) {
        return layers.containsKey(id) && java.util.Objects.equals(refs.get(id), ref);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Progress progress() {
        return progress;
    }

    public Timings timings() {
        return timings;
    }

    public CoordinateReferenceSystem analysisCrs() {
        return analysisCrs;
    }

    public VectorLayer candidates() {
        return candidates;
    }

    public int size() {
        return polygons.n;
    }

    public Polygons polygons() {
        return polygons;
    }

    public List<Geometry> candidateGeometries() {
        return candidateGeoms;
    }

    /** Candidate indices in Hilbert order. */
    public int[] order() {
        return order;
    }

    /** Adds a warning for the user. */
    public void warn(String w) {
        warnings.add(w);
    }

    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /** How many spatial passes over all candidates have run (searches, overlays, samplings). */
    public long spatialPasses() {
        return spatialPasses.get();
    }

    /** Counts one spatial pass (for criteria doing their own spatial work). */
    public void countSpatialPass() {
        spatialPasses.incrementAndGet();
    }

    /** A vector layer of the scenario (in the analysis CRS). */
    public VectorLayer vector(String id, String path) {
        Layer l = layers.get(id);
        if (l == null) {
            throw new ScenarioException(path, "layer '" + id + "' is not loaded");
        }
        if (!(l instanceof VectorLayer)) {
            throw new ScenarioException(path, "layer '" + id + "' is a raster; a vector layer is needed here");
        }
        return (VectorLayer) l;
    }

    /** A raster layer of the scenario (in its own CRS). */
    public RasterLayer raster(String id, String path) {
        Layer l = layers.get(id);
        if (!(l instanceof RasterLayer)) {
            throw new ScenarioException(path, "layer '" + id + "' is not a raster (GeoTIFF)");
        }
        return (RasterLayer) l;
    }

    /** Campus figures usable in filters as {@code ${name}}: demandMw, itLoadMw, pue, utilization. */
    public Map<String, Double> variables() {
        return vars;
    }

    /** A filter with its {@code ${name}} campus figures replaced by their values (null stays null). */
    public String resolve(String filter, String path) {
        return FeatureFilter.resolve(filter, vars, path);
    }

    /**
     * Index of a numeric attribute in a layer.
     *
     * @throws ScenarioException when absent or not numeric
     */
    public static int numericField(VectorLayer layer, String layerId, String attribute, String path) {
        int i = field(layer, layerId, attribute, path);
        FieldType t = layer.schema().field(i).type();
        if (!t.isNumeric() && t != FieldType.BOOLEAN && t != FieldType.STRING) {
            throw new ScenarioException(path, "attribute '" + attribute + "' of layer '" + layerId + "' is "
                    + t.label() + ", not a number");
        }
        if (t == FieldType.STRING) {
            // allowed when the values are numbers written as text (CSV)
            for (Feature f : layer.features()) {
                Object v = f.value(i);
                if (v == null || v.toString().isBlank()) {
                    continue;
                }
                if (Double.isNaN(f.number(i))) {
                    throw new ScenarioException(path, "attribute '" + attribute + "' of layer '" + layerId
                            + "' is text, not a number (e.g. '" + shorten(v.toString()) + "')");
                }
            }
        }
        return i;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static int field(VectorLayer layer, String layerId, String attribute, String path) {
        if (attribute == null) {
            throw new ScenarioException(path, "missing: the attribute to use");
        }
        int i = layer.schema().indexOf(attribute);
        if (i < 0) {
            throw new ScenarioException(path, "unknown attribute '" + attribute + "' in layer '" + layerId
                    + "' (fields: " + String.join(", ", layer.schema().names()) + ")");
        }
        return i;
    }

    /**
     * The numeric values of an attribute for every feature of a layer (NaN = empty), cached.
     *
     * @throws ScenarioException when absent or not numeric
     */
    public FeatureValues numbers(VectorLayer layer, String layerId, String attribute, String path) {
        String key = "n\u0000" + layerId + "\u0000" + attribute;
        FeatureValues fv = values.get(key);
        if (fv != null) {
            return fv;
        }
        int f = numericField(layer, layerId, attribute, path);
        double[] v = new double[layer.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = layer.get(i).number(f);
        }
        fv = new FeatureValues(v, null);
        values.put(key, fv);
        return fv;
    }

    /**
     * The values of an attribute as {@link #numbers numbers}, or, when the transform is {@code categories},
     * as texts (category indexes; numbers are read as their text, 5 as "5"). A text attribute with another
     * transform is an error that names the categories transform.
     */
    public FeatureValues attribute(VectorLayer layer, String layerId, String attribute, String path,
            io.siteplanner.scoring.scenario.TransformSpec transform) {
        boolean text = transform != null
                && transform.type() == io.siteplanner.scoring.scenario.TransformSpec.Type.CATEGORIES;
        if (!text) {
            try {
                return numbers(layer, layerId, attribute, path);
            } catch (ScenarioException e) {
                if (e.problem().contains("is text, not a number")) {
                    throw new ScenarioException(path, e.problem() + "; score text with a categories transform,"
                            + " e.g. {\"type\": \"categories\", \"scores\": {\"PJM\": 1, \"MISO\": 0.8}}");
                }
                throw e;
            }
        }
        String key = "t\u0000" + layerId + "\u0000" + attribute;
        FeatureValues fv = values.get(key);
        if (fv != null) {
            return fv;
        }
        int f = field(layer, layerId, attribute, path);
        String[] texts = new String[layer.size()];
        java.util.TreeSet<String> distinct = new java.util.TreeSet<>();
        for (int i = 0; i < texts.length; i++) {
            texts[i] = categoryText(layer.get(i).value(f));
            if (texts[i] != null) {
                distinct.add(texts[i]);
            }
        }
        String[] cats = distinct.toArray(new String[0]);
        double[] v = new double[texts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = texts[i] == null ? Double.NaN : java.util.Arrays.binarySearch(cats, texts[i]);
        }
        fv = new FeatureValues(v, cats);
        values.put(key, fv);
        return fv;
    }

    /** The text of a value for categories: trimmed, whole numbers without ".0"; null when empty. */
    public static String categoryText(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (d != d) {
                return null;
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        String s = o.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** Compiled filter keep-mask over a layer's features (null filter = all); {@code ${name}} campus figures resolved. */
    public boolean[] keepMask(VectorLayer layer, String filter, String path) {
        FeatureFilter.Predicate p = FeatureFilter.compile(resolve(filter, path), layer.schema(), path);
        boolean[] keep = new boolean[layer.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = p.test(layer.get(i));
        }
        return keep;
    }

    /** The segment index of a layer + filter (built once). */
    public SegmentIndex index(String layerId, String filter, String path) {
        return index(layerId, filter, null, null, path);
    }

    private SegmentIndex index(String layerId, String filter, String knownKey, double[] known, String path) {
        String key = layerId + "\u0000" + (filter == null ? "" : filter) + (knownKey == null ? "" : "\u0000" + knownKey);
        SegmentIndex idx = indexes.get(key);
        if (idx != null) {
            return idx;
        }
        VectorLayer l = vector(layerId, path);
        try (Timings.Timer t = timings.start("index " + layerId + (filter == null ? "" : " [" + filter + "]")
                + (knownKey == null ? "" : " with known " + knownKey))) {
            boolean[] keep = keepMask(l, filter, path);
            if (known != null) {
                for (int i = 0; i < keep.length; i++) {
                    keep[i] &= known[i] == known[i];
                }
            }
            List<Geometry> g = new ArrayList<>(l.size());
            for (Feature f : l.features()) {
                g.add(f.geometry());
            }
            idx = SegmentIndex.build(g, keep);
        }
        if (idx.isEmpty()) {
            warn("layer '" + layerId + "'" + (filter == null ? "" : " with filter '" + filter + "'")
                    + (knownKey == null ? "" : " and a known " + knownKey) + " has no features: values depending on it"
                    + " are missing");
        }
        indexes.put(key, idx);
        return idx;
    }

    /**
     * As {@link #nearest(String, String, String)}, among the features whose {@code known} value (one per
     * feature) is not NaN: the nearest feature with a known voltage, capacity or attribute.
     *
     * @param knownKey names the known values in caches (e.g. the attribute)
     */
    public Nearest nearestKnown(String layerId, String filter, String knownKey, double[] known, String path) {
        String key = layerId + "\u0000" + (filter == null ? "" : filter) + "\u0000known\u0000" + knownKey;
        Nearest r = nearest.get(key);
        if (r != null) {
            return r;
        }
        SegmentIndex idx = index(layerId, filter, knownKey, known, path);
        r = search(idx, layerId, true);
        nearest.put(key, r);
        return r;
    }

    /**
     * Result of a nearest search over all candidates.
     *
     * @param distance metres (NaN when nothing was found)
     * @param feature  nearest feature index (lowest on ties), -1 when none
     */
    public record Nearest(double[] distance, int[] feature) {
    }

    /**
     * Exact polygon distance to the nearest feature of a layer + filter for every candidate, with the nearest
     * feature (lowest feature order among equally near ones). Cached per layer + filter.
     */
    public Nearest nearest(String layerId, String filter, String path) {
        return nearest(layerId, filter, path, true);
    }

    /**
     * As {@link #nearest(String, String, String)}; with {@code exactFeature} false only the distance is
     * guaranteed (the reported feature is one of the nearest, not necessarily the lowest), which prunes
     * more. A cached exact-feature result serves both.
     */
    public Nearest nearest(String layerId, String filter, String path, boolean exactFeature) {
        String key = layerId + "\u0000" + (filter == null ? "" : filter);
        Nearest r = nearest.get(key + "\u0000tie");
        if (r == null && !exactFeature) {
            r = nearest.get(key);
        }
        if (r != null) {
            return r;
        }
        key = exactFeature ? key + "\u0000tie" : key;
        SegmentIndex idx = index(layerId, filter, path);
        r = search(idx, layerId, exactFeature);
        nearest.put(key, r);
        return r;
    }

    private Nearest search(SegmentIndex idx, String layerId, boolean exactFeature) {
        int n = size();
        double[] dist = new double[n];
        int[] feat = new int[n];
        spatialPasses.incrementAndGet();
        ChunkRunner.run(order, CHUNK, progress, "distance to " + layerId, (ord, from, to) -> {
            SegmentIndex.Searcher s = idx.searcher();
            for (int k = from; k < to; k++) {
                int c = ord[k];
                double d = s.nearest(polygons, c, exactFeature, Double.POSITIVE_INFINITY);
                dist[c] = d == Double.POSITIVE_INFINITY ? Double.NaN : d;
                feat[c] = s.bestFeature();
            }
        });
        return new Nearest(dist, feat);
    }

    /** Centroids of all candidates, {x[], y[]} (NaN for empty geometries). JTS centroid algorithm. */
    public double[][] centroids() {
        double[][] c = centroids;
        if (c == null) {
            synchronized (this) {
                c = centroids;
                if (c == null) {
                    int n = size();
                    double[] x = new double[n];
                    double[] y = new double[n];
                    ChunkRunner.run(order, CHUNK * 4, progress, "centroids", (ord, from, to) -> {
                        double[] out = new double[2];
                        for (int k = from; k < to; k++) {
                            int i = ord[k];
                            Geometry g = candidateGeoms.get(i);
                            if (g == null || g.isEmpty()) {
                                x[i] = Double.NaN;
                                y[i] = Double.NaN;
                            } else if (polygons.centroid(i, out)) {
                                x[i] = out[0];
                                y[i] = out[1];
                            } else {
                                Coordinate cc = Centroid.getCentroid(g);
                                x[i] = cc.x;
                                y[i] = cc.y;
                            }
                        }
                    });
                    c = new double[][] {x, y};
                    centroids = c;
                }
            }
        }
        return c;
    }

    /**
     * For every candidate, the zone (feature index of layer + filter) containing its centroid, boundary
     * included; the lowest feature order on ties; -1 when none. Cached.
     */
    public int[] zoneAtCentroid(String layerId, String filter, String path) {
        String key = layerId + "\u0000" + (filter == null ? "" : filter);
        int[] r = zones.get(key);
        if (r != null) {
            return r;
        }
        VectorLayer l = vector(layerId, path);
        boolean[] keep = keepMask(l, filter, path);
        io.siteplanner.scoring.spatial.AreaLocator[] loc = new io.siteplanner.scoring.spatial.AreaLocator[l.size()];
        Envelope all = new Envelope();
        for (int i = 0; i < l.size(); i++) {
            Geometry g = l.get(i).geometry();
            if (!keep[i] || g == null || g.isEmpty() || g.getDimension() < 2) {
                continue;
            }
            loc[i] = new io.siteplanner.scoring.spatial.AreaLocator(g);
            all.expandToInclude(g.getEnvelopeInternal());
        }
        // uniform grid of zone envelopes; each cell lists zones in ascending feature order
        final int gsz = 128;
        List<List<Integer>> cells = new ArrayList<>(gsz * gsz);
        for (int k = 0; k < gsz * gsz; k++) {
            cells.add(new ArrayList<>());
        }
        double cw = all.isNull() ? 1 : Math.max(all.getWidth(), 1e-9) / gsz;
        double ch = all.isNull() ? 1 : Math.max(all.getHeight(), 1e-9) / gsz;
        for (int i = 0; i < l.size(); i++) {
            if (loc[i] == null) {
                continue;
            }
            Envelope e = l.get(i).geometry().getEnvelopeInternal();
            int c0 = Math.max(0, (int) Math.floor((e.getMinX() - all.getMinX()) / cw));
            int c1 = Math.min(gsz - 1, (int) Math.floor((e.getMaxX() - all.getMinX()) / cw));
            int r0 = Math.max(0, (int) Math.floor((e.getMinY() - all.getMinY()) / ch));
            int r1 = Math.min(gsz - 1, (int) Math.floor((e.getMaxY() - all.getMinY()) / ch));
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    cells.get(row * gsz + col).add(i);
                }
            }
        }
        int[][] grid = new int[gsz * gsz][];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = cells.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        double gx0 = all.getMinX();
        double gy0 = all.getMinY();
        double[][] c = centroids();
        int n = size();
        int[] zone = new int[n];
        spatialPasses.incrementAndGet();
        ChunkRunner.run(order, CHUNK * 2, progress, "zones of " + layerId, (ord, from, to) -> {
            for (int k = from; k < to; k++) {
                int i = ord[k];
                double x = c[0][i];
                double y = c[1][i];
                zone[i] = -1;
                if (x != x || all.isNull() || !all.contains(x, y)) {
                    continue;
                }
                int cx = Math.min(gsz - 1, (int) ((x - gx0) / cw));
                int cy = Math.min(gsz - 1, (int) ((y - gy0) / ch));
                for (int z : grid[cy * gsz + cx]) {
                    if (loc[z].covers(x, y)) {
                        zone[i] = z;
                        break;
                    }
                }
            }
        });
        zones.put(key, zone);
        return zone;
    }

    /** Values of a numeric attribute of the referenced features (NaN where feature is -1 or null). */
    public static double[] attributeOf(VectorLayer layer, int field, int[] feature) {
        double[] out = new double[feature.length];
        double[] byFeature = new double[layer.size()];
        for (int i = 0; i < byFeature.length; i++) {
            byFeature[i] = layer.get(i).number(field);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = feature[i] < 0 ? Double.NaN : byFeature[feature[i]];
        }
        return out;
    }
}
