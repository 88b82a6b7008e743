package io.siteplanner.render;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.gis.preset.Presets;
import io.siteplanner.model.Feature;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import io.siteplanner.model.Geometries;

/**
 * A vector layer prepared for display: geometries reprojected to the display CRS and an STRtree of
 * feature indices. Immutable and thread-safe after construction (the tree is built eagerly).
 */
public final class MapLayer {
    private final VectorLayer source;
    private final VectorLayer display;
    private final Preset preset;
    private final LabelSpec labels;
    private volatile Labels.Candidates labelCandidates;
    private final STRtree index;
    private final int dimension;
    /** Per-feature envelopes (minX, minY, maxX, maxY), NaN for empty geometries: a linear scan needs no tree. */
    private final double[] boxes;

    private MapLayer(VectorLayer source, VectorLayer display, Preset preset, LabelSpec labels) {
        this.source = source;
        this.display = display;
        this.preset = preset;
        this.labels = labels;
        this.index = new STRtree();
        this.boxes = new double[display.size() * 4];
        java.util.Arrays.fill(boxes, Double.NaN);
        for (int i = 0; i < display.size(); i++) {
            Geometry g = display.get(i).geometry();
            if (g != null && !g.isEmpty()) {
                Envelope e = g.getEnvelopeInternal();
                index.insert(e, i);
                boxes[4 * i] = e.getMinX();
                boxes[4 * i + 1] = e.getMinY();
                boxes[4 * i + 2] = e.getMaxX();
                boxes[4 * i + 3] = e.getMaxY();
            }
        }
        index.build();
        int d = display.geometryType().dimension();
        if (d < 0) {
            for (Feature f : display.features()) {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    d = f.geometry().getDimension();
                    break;
                }
            }
        }
        this.dimension = d;
    }

    /**
     * Prepares a layer for display in {@code displayCrs} (reprojecting when the CRSs differ). A recognised
     * public layer ({@link Presets}) is displayed with its no-data values read as empty and its derived
     * fields added (so unknown voltages draw as unknown, OSM lines have {@code max_kv}), and gets the labels
     * of its theme ({@link LabelSpec#forPreset}) and its attribution.
     */
    public static MapLayer prepare(VectorLayer layer, CoordinateReferenceSystem displayCrs, Progress progress) {
        Preset p = Presets.detect(layer).orElse(null);
        VectorLayer ready = p == null ? layer : Presets.derive(Presets.blank(layer, p.noData()), p);
        VectorLayer d = ready.crs() == null ? ready : Crs.reproject(ready, displayCrs, progress);
        return new MapLayer(layer, d, p, LabelSpec.forPreset(p, d));
    }

    /** This layer with other labels (null: none); the data is shared. */
    public MapLayer withLabels(LabelSpec spec) {
        return new MapLayer(source, display, preset, spec);
    }

    /** The recognised public layer this is, or null. */
    public Preset preset() {
        return preset;
    }

    /** What this layer labels, or null. */
    public LabelSpec labels() {
        return labels;
    }

    /** Credit for the map's attribution line (from the preset), or null. */
    public String attribution() {
        return preset == null ? null : preset.attribution();
    }

    private final java.util.Map<LabelSpec, Labels.Candidates> otherCandidates = new java.util.concurrent.ConcurrentHashMap<>();

    /** The label candidates for another spec (a user's labels on this layer), cached per spec. */
    Labels.Candidates labelCandidates(LabelSpec spec) {
        if (spec.equals(labels)) {
            return labelCandidates();
        }
        if (otherCandidates.size() > 4) {
            otherCandidates.clear();
        }
        return otherCandidates.computeIfAbsent(spec, s -> new Labels.Candidates(s, display));
    }

    Labels.Candidates labelCandidates() {
        Labels.Candidates c = labelCandidates;
        if (c == null) {
            synchronized (this) {
                c = labelCandidates;
                if (c == null) {
                    c = new Labels.Candidates(labels, display);
                    labelCandidates = c;
                }
            }
        }
        return c;
    }

    /** The layer as read, in its source CRS. */
    public VectorLayer source() {
        return source;
    }

    /** The layer in the display CRS. */
    public VectorLayer display() {
        return display;
    }

    /** 0 points, 1 lines, 2 polygons (of the first non-empty geometry when mixed). */
    public int dimension() {
        return dimension;
    }

    public GeometryType geometryType() {
        return display.geometryType();
    }

    public Envelope bounds() {
        return display.bounds();
    }

    /** Indices of features whose envelopes intersect {@code env}. */
    @SuppressWarnings("unchecked")
    public List<Integer> query(Envelope env) {
        return (List<Integer>) index.query(env);
    }

    /**
     * Indices of features whose envelopes intersect {@code env}, ascending (drawing order). Uses a linear
     * scan over packed envelopes when the view covers much of the layer (no boxing, no sort), the STRtree
     * otherwise.
     */
    public int[] indicesIn(Envelope env) {
        Envelope b = display.bounds();
        if (b.isNull() || !b.intersects(env)) {
            return new int[0];
        }
        Envelope common = b.intersection(env);
        double share = b.getArea() <= 0 ? 1 : common.getArea() / b.getArea();
        if (share > 0.2) {
            int n = boxes.length / 4;
            int[] out = new int[n];
            int k = 0;
            double x0 = env.getMinX();
            double y0 = env.getMinY();
            double x1 = env.getMaxX();
            double y1 = env.getMaxY();
            for (int i = 0; i < n; i++) {
                int j = 4 * i;
                if (boxes[j] <= x1 && boxes[j + 2] >= x0 && boxes[j + 1] <= y1 && boxes[j + 3] >= y0) {
                    out[k++] = i;
                }
            }
            return java.util.Arrays.copyOf(out, k);
        }
        List<Integer> q = query(env);
        int[] out = new int[q.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = q.get(i);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * Features under a map point, topmost (last drawn) first: polygons containing it, lines and points
     * within {@code tolerance} map units.
     */
    public List<Integer> featuresAt(double x, double y, double tolerance) {
        Envelope e = new Envelope(x - tolerance, x + tolerance, y - tolerance, y + tolerance);
        Point p = Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
        List<Integer> hits = new ArrayList<>();
        for (int i : query(e)) {
            Geometry g = display.get(i).geometry();
            boolean hit;
            if (g.getDimension() == 2) {
                hit = g.covers(p) || g.isWithinDistance(p, tolerance / 3);
            } else {
                hit = g.isWithinDistance(p, tolerance);
            }
            if (hit) {
                hits.add(i);
            }
        }
        hits.sort((a, b) -> Integer.compare(b, a));
        return hits;
    }

    /** Features intersecting a map rectangle (box select). */
    public List<Integer> featuresIn(Envelope box) {
        Geometry rect = Geometries.FACTORY.toGeometry(box);
        PreparedGeometry pg = PreparedGeometryFactory.prepare(rect);
        List<Integer> hits = new ArrayList<>();
        for (int i : query(box)) {
            if (pg.intersects(display.get(i).geometry())) {
                hits.add(i);
            }
        }
        hits.sort(Integer::compare);
        return hits;
    }
}
