package io.siteplanner.scoring.cells;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * The areas removed from the cells: every feature of each exclusion layer, in the analysis CRS, grown by
 * the layer's buffer, in an STRtree. Buffers are JTS buffers ({@value #QUADRANT_SEGMENTS} segments per
 * quarter circle, no input simplification) drawn around the true circles, so that everything within
 * {@code d} metres of a feature is removed: JTS spreads a round join over whole segments, so one chord
 * can span up to 1.5 times the nominal angle {@code a = pi / (2 q)}, and the distance used is
 * {@code d / cos(0.75 a)} (0.27 % more than {@code d} for q = 16). Points and lines without a buffer have
 * no area and remove nothing (see {@link #warnings()}). Built once, then thread-safe.
 */
public final class Exclusions {
    /** An exclusion layer and its buffer in metres (>= 0). */
    public record Source(String name, VectorLayer layer, double bufferM) {
        public Source {
            if (!(bufferM >= 0) || Double.isInfinite(bufferM)) {
                throw new IllegalArgumentException(name + ": buffer must be a number of metres >= 0 (got " + bufferM + ")");
            }
        }
    }

    static final int QUADRANT_SEGMENTS = 16;
    private static final Exclusions NONE = new Exclusions(new STRtree(), 0, List.of());

    private final STRtree tree;
    private final int size;
    private final List<String> warnings;

    private Exclusions(STRtree tree, int size, List<String> warnings) {
        this.tree = tree;
        this.size = size;
        this.warnings = warnings;
        tree.build();
    }

    /** No exclusions. */
    public static Exclusions none() {
        return NONE;
    }

    /**
     * Reprojects, buffers and indexes the layers' features.
     *
     * @throws IllegalArgumentException when a layer has no CRS
     */
    public static Exclusions of(List<Source> sources, CoordinateReferenceSystem target, Progress progress) {
        STRtree tree = new STRtree();
        List<String> warnings = new ArrayList<>();
        int n = 0;
        for (Source s : sources) {
            if (s.layer().crs() == null) {
                throw new IllegalArgumentException(s.name() + ": the layer has no CRS (add a .prj or give its CRS)");
            }
            VectorLayer l = Crs.reproject(s.layer(), target, progress);
            warnings.addAll(l.warnings());
            BufferParameters bp = new BufferParameters(QUADRANT_SEGMENTS);
            bp.setSimplifyFactor(0); // the default simplifies the input by 1 % of the distance
            double d = s.bufferM() / Math.cos(0.75 * Math.PI / (2 * QUADRANT_SEGMENTS));
            int areal = 0;
            int i = 0;
            for (Feature f : l.features()) {
                if ((i++ & 1023) == 0) {
                    progress.checkCancelled();
                    progress.update((double) i / Math.max(1, l.size()), "buffering " + s.name());
                }
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) {
                    continue;
                }
                Geometry a = s.bufferM() > 0 ? BufferOp.bufferOp(g, d, bp)
                        : Areas.polygonal(g, Geometries.FACTORY);
                if (a.isEmpty() || !(a.getArea() > 0)) {
                    continue;
                }
                a = Areas.valid(a);
                tree.insert(a.getEnvelopeInternal(), a);
                areal++;
            }
            if (areal == 0) {
                warnings.add(String.format(Locale.ROOT, "%s: no feature has an area%s, so it excludes nothing",
                        s.name(), s.bufferM() > 0 ? "" : " (points and lines need a buffer, e.g. " + s.name() + ":100)"));
            }
            n += areal;
        }
        return new Exclusions(tree, n, List.copyOf(warnings));
    }

    /** Number of areas indexed. */
    public int size() {
        return size;
    }

    /** Problems worth telling the user (features that could not be reprojected, layers that exclude nothing). */
    public List<String> warnings() {
        return warnings;
    }

    /** The union of the exclusion areas clipped to {@code env}; empty when none reaches it. */
    Geometry within(Envelope env) {
        if (size == 0) {
            return Geometries.FACTORY.createMultiPolygon();
        }
        @SuppressWarnings("unchecked")
        List<Geometry> hits = tree.query(env);
        if (hits.isEmpty()) {
            return Geometries.FACTORY.createMultiPolygon();
        }
        List<Geometry> parts = new ArrayList<>(hits.size());
        for (Geometry g : hits) {
            Geometry c = Areas.clip(g, env);
            if (!c.isEmpty()) {
                parts.add(c);
            }
        }
        return Areas.union(parts, Geometries.FACTORY);
    }
}
