package io.siteplanner.gis;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.BitSet;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Select by location: the features of a target layer that intersect, or lie within a distance of, the
 * (selected) features of a reference layer, as QGIS's "Select by Location" and "Select within Distance".
 *
 * <p>Distances are planar metres in a projected analysis CRS (the active scenario's, else
 * {@link Crs#suggestProjected}: EPSG:5070 CONUS Albers in the contiguous US, a UTM zone elsewhere), the
 * same frame the scoring engine measures in. Both layers are reprojected to it; a distance is the JTS
 * minimum distance between geometries ({@link Geometry#isWithinDistance}), so a polygon within 0 m of a
 * point is one that covers or touches it. CONUS Albers keeps its scale error within 1.25% over the 48
 * states (Snyder 1987, "Map Projections: A Working Manual", p. 99), so distances are to that accuracy.
 *
 * <p>Reference features go into an STRtree; each target feature queries it with its envelope grown by the
 * distance, then tests the few candidates exactly (prepared geometries for intersects). Stateless;
 * cancellable through {@link Progress}.
 */
public final class SelectByLocation {
    /** The spatial relation. */
    public enum Relation {
        /** Shares at least one point with a reference feature. */
        INTERSECTS("intersect"),
        /** Within the given distance (metres) of a reference feature (0 m = intersects). */
        WITHIN_DISTANCE("are within a distance of");

        private final String label;

        Relation(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private SelectByLocation() {
    }

    /**
     * The target features in relation to the reference features.
     *
     * @param target       layer to select in (its own CRS)
     * @param reference    layer to compare with (its own CRS); may be the target itself
     * @param referenceRows reference features to use, or null for all
     * @param relation     the relation
     * @param distanceM    metres for {@link Relation#WITHIN_DISTANCE}, &gt;= 0
     * @param analysisCrs  projected CRS in metres to measure in
     * @return indices of the target features that qualify
     * @throws IllegalArgumentException when a layer has no CRS or the distance is negative or not finite
     */
    public static BitSet select(VectorLayer target, VectorLayer reference, BitSet referenceRows, Relation relation,
            double distanceM, CoordinateReferenceSystem analysisCrs, Progress progress) {
        if (!(distanceM >= 0) || Double.isInfinite(distanceM)) {
            throw new IllegalArgumentException("the distance must be 0 m or more, not " + distanceM);
        }
        for (VectorLayer l : List.of(target, reference)) {
            if (l.crs() == null) {
                throw new IllegalArgumentException("layer '" + l.name() + "' has no CRS: its distances cannot be measured");
            }
        }
        double d = relation == Relation.INTERSECTS ? 0 : distanceM;
        // reference: only the features used, reprojected one by one
        MathTransform toRef = Crs.transform(reference.crs(), analysisCrs);
        STRtree tree = new STRtree();
        int refCount = 0;
        for (int i = referenceRows == null ? 0 : referenceRows.nextSetBit(0); i >= 0 && i < reference.size();
                i = referenceRows == null ? i + 1 : referenceRows.nextSetBit(i + 1)) {
            Geometry g = reference.get(i).geometry();
            if (g == null || g.isEmpty()) {
                continue;
            }
            try {
                Geometry p = Crs.transform(g, toRef);
                tree.insert(p.getEnvelopeInternal(), p);
                refCount++;
            } catch (TransformException e) {
                // a geometry outside the CRS's domain cannot be near anything measurable: skip it
            }
            if ((refCount & 4095) == 0) {
                progress.checkCancelled();
            }
        }
        BitSet out = new BitSet();
        if (refCount == 0) {
            return out;
        }
        tree.build();
        VectorLayer t = Crs.reproject(target, analysisCrs, progress.sub(0, 0.5));
        Progress rest = progress.sub(0.5, 1);
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                rest.checkCancelled();
                rest.update((double) i / n, "selecting in " + target.name());
            }
            Feature f = t.get(i);
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                continue;
            }
            Envelope e = new Envelope(g.getEnvelopeInternal());
            e.expandBy(d);
            @SuppressWarnings("unchecked")
            List<Geometry> near = tree.query(e);
            if (near.isEmpty()) {
                continue;
            }
            PreparedGeometry pg = d == 0 && near.size() > 2 ? PreparedGeometryFactory.prepare(g) : null;
            for (Geometry r : near) {
                boolean hit = pg != null ? pg.intersects(r) : d == 0 ? g.intersects(r) : g.isWithinDistance(r, d);
                if (hit) {
                    out.set(i);
                    break;
                }
            }
        }
        return out;
    }
}
