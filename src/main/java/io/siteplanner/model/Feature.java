package io.siteplanner.model;

import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: an id, a geometry (may be null for attribute-only rows) and attribute values in schema
 * order. Values are null or of {@link FieldType#javaType()}. Not copied defensively: readers build them,
 * everybody else only reads.
 */
public final class Feature {
    private final long fid;
    private final Geometry geometry;
    private final Object[] values;

    public Feature(long fid, Geometry geometry, Object[] values) {
        this.fid = fid;
        this.geometry = geometry;
        this.values = values;
    }

    /** Source feature id (GeoPackage fid, shapefile record number, else 1-based order). */
    public long fid() {
        return fid;
    }

    public Geometry geometry() {
        return geometry;
    }

    public Object value(int index) {
        return values[index];
    }

    public int valueCount() {
        return values.length;
    }

    /** Numeric value of a field, or NaN when null or not a number. */
    public double number(int index) {
        Object v = values[index];
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? 1 : 0;
        }
        if (v instanceof String) {
            try {
                return Double.parseDouble(((String) v).trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** A copy of this feature with another geometry (reprojection). */
    public Feature withGeometry(Geometry g) {
        return new Feature(fid, g, values);
    }

    /** A copy with more values appended (table joins). */
    public Feature withExtraValues(Object[] extra) {
        Object[] v = Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, v, values.length, extra.length);
        return new Feature(fid, geometry, v);
    }

    @Override
    public String toString() {
        return "Feature[" + fid + ", " + (geometry == null ? "null" : geometry.getGeometryType()) + ", "
                + Arrays.toString(values) + "]";
    }
}
