package io.siteplanner.gis;

import io.siteplanner.gis.preset.Preset;
import io.siteplanner.gis.preset.Presets;
import io.siteplanner.model.Field;
import io.siteplanner.model.Layer;
import io.siteplanner.model.RasterLayer;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What {@code siteplanner info} and the layer properties dialog show of a layer, like {@code ogrinfo -so}:
 * name, format, count, geometry type, CRS, bounds in the source CRS and in lon/lat, fields.
 *
 * <p>The lon/lat extent ({@code bbox4326}) of a vector layer is the extent of its features transformed to
 * EPSG:4326 (as {@code ogr2ogr -t_srs EPSG:4326} then {@code ogrinfo -so} reports it); for a raster it is
 * the source extent transformed with densified edges.
 */
public final class LayerSummary {
    private LayerSummary() {
    }

    /**
     * The summary as an ordered map (JSON-ready: strings, numbers, lists, maps). Keys: {@code name},
     * {@code kind} (vector|raster), {@code features}, {@code geometryType}, {@code hasZ}, {@code crs}
     * (EPSG:n or name), {@code crsName}, {@code bbox}, {@code bbox4326} ([minX, minY, maxX, maxY], null when
     * empty), {@code fields} (names), {@code fieldTypes}, {@code preset} (the recognised public layer, {@link #preset},
     * or null); for rasters {@code width}, {@code height},
     * {@code bands}, {@code noData}; {@code warnings}.
     */
    public static Map<String, Object> of(Layer layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", layer.name());
        Envelope b = layer.bounds();
        if (layer instanceof VectorLayer) {
            VectorLayer v = (VectorLayer) layer;
            m.put("kind", "vector");
            m.put("features", v.size());
            m.put("geometryType", v.geometryType().label());
            m.put("hasZ", v.hasZ());
            m.put("crs", Crs.label(v.crs(), v.epsg()));
        } else {
            RasterLayer r = (RasterLayer) layer;
            m.put("kind", "raster");
            m.put("width", r.width());
            m.put("height", r.height());
            m.put("bands", r.bands());
            m.put("noData", Double.isNaN(r.noData()) ? null : r.noData());
            m.put("crs", Crs.label(r.crs(), r.epsg()));
        }
        m.put("crsName", Crs.name(layer.crs()));
        m.put("bbox", bbox(b));
        Envelope ll = null;
        List<String> warnings = new ArrayList<>(layer.warnings());
        if (!b.isNull() && layer.crs() != null) {
            try {
                ll = layer instanceof VectorLayer ? lonLatExtent((VectorLayer) layer, warnings)
                        : Crs.toWgs84(b, layer.crs());
            } catch (TransformException | RuntimeException e) {
                warnings.add("bounds cannot be converted to lon/lat: " + Snippets.library(e));
            }
        }
        m.put("bbox4326", bbox(ll));
        if (layer instanceof VectorLayer) {
            VectorLayer v = (VectorLayer) layer;
            List<String> names = new ArrayList<>();
            Map<String, String> types = new LinkedHashMap<>();
            for (Field f : v.schema().fields()) {
                names.add(f.name());
                types.put(f.name(), f.type().label());
            }
            m.put("fields", names);
            m.put("fieldTypes", types);
            m.put("preset", Presets.detect(v).map(p -> preset(p, v)).orElse(null));
        }
        m.put("warnings", warnings);
        return m;
    }

    /**
     * The extent of the features transformed to lon/lat (EPSG:4326): every vertex is transformed, as
     * {@code ogr2ogr -t_srs EPSG:4326} does before {@code ogrinfo -so} reports the extent. Transforming the
     * corners of the source extent instead (what {@code ogrinfo} itself prints, and {@link Crs#toWgs84})
     * overstates it (by 0.1 to 2 degrees on the test fixtures) for conic and transverse Mercator
     * projections, whose meridians and parallels are curved. Vertices that cannot be transformed are left out with a warning. Runs in
     * batches of 4,096 vertices (about 0.1 microsecond each).
     */
    static Envelope lonLatExtent(VectorLayer layer, List<String> warnings) throws TransformException {
        CoordinateReferenceSystem wgs84 = Crs.wgs84();
        if (CRS.equalsIgnoreMetadata(layer.crs(), wgs84)) {
            return new Envelope(layer.bounds());
        }
        MathTransform mt = Crs.transform(layer.crs(), wgs84);
        VertexBatch batch = new VertexBatch(mt);
        for (int i = 0, n = layer.size(); i < n; i++) {
            Geometry g = layer.get(i).geometry();
            if (g != null && !g.isEmpty()) {
                g.apply(batch);
            }
        }
        batch.flush();
        if (batch.failed > 0) {
            warnings.add(batch.failed + " vertices cannot be converted to lon/lat and are left out of the lon/lat"
                    + " extent");
        }
        return batch.extent;
    }

    /** Collects vertices and transforms them in bulk into an envelope. */
    private static final class VertexBatch implements CoordinateSequenceFilter {
        private static final int SIZE = 4096;
        private final MathTransform mt;
        private final double[] src = new double[2 * SIZE];
        private final double[] dst = new double[2 * SIZE];
        private int count;
        final Envelope extent = new Envelope();
        long failed;

        VertexBatch(MathTransform mt) {
            this.mt = mt;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i);
            double y = seq.getY(i);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                failed++;
                return;
            }
            src[2 * count] = x;
            src[2 * count + 1] = y;
            if (++count == SIZE) {
                flush();
            }
        }

        void flush() {
            if (count == 0) {
                return;
            }
            try {
                mt.transform(src, 0, dst, 0, count);
                for (int k = 0; k < count; k++) {
                    add(dst[2 * k], dst[2 * k + 1]);
                }
            } catch (TransformException | RuntimeException e) {
                // one by one, so that only the vertices that fail are left out
                double[] one = new double[2];
                for (int k = 0; k < count; k++) {
                    try {
                        mt.transform(src, 2 * k, one, 0, 1);
                        add(one[0], one[1]);
                    } catch (TransformException | RuntimeException ex) {
                        failed++;
                    }
                }
            }
            count = 0;
        }

        private void add(double lon, double lat) {
            if (Double.isFinite(lon) && Double.isFinite(lat)) {
                extent.expandToInclude(lon, lat);
            } else {
                failed++;
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return false;
        }
    }

    /**
     * A preset as JSON-ready maps ({@link Preset#toMap()}) with, for each numeric key field with a unit, how many values
     * are known and their range once no-data values read as empty and derived fields are added:
     * {@code known}, {@code unknown}, {@code min}, {@code max}.
     */
    public static Map<String, Object> preset(Preset p, VectorLayer layer) {
        Map<String, Object> m = p.toMap();
        VectorLayer prepared = Presets.derive(Presets.blank(layer, p.noData()), p);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) m.get("fields");
        for (Map<String, Object> f : fields) {
            int i = prepared.schema().indexOf((String) f.get("name"));
            if (i < 0 || f.get("unit") == null || !prepared.schema().field(i).type().isNumeric()) {
                continue;
            }
            int known = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (io.siteplanner.model.Feature x : prepared.features()) {
                double d = x.number(i);
                if (!Double.isNaN(d)) {
                    known++;
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
            f.put("known", known);
            f.put("unknown", prepared.size() - known);
            f.put("min", known > 0 ? min : null);
            f.put("max", known > 0 ? max : null);
        }
        return m;
    }

    private static List<Double> bbox(Envelope e) {
        if (e == null || e.isNull()) {
            return null;
        }
        return List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
