package io.siteplanner.spark;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A vector layer in a form Spark can ship to executors (Java serialization of plain values): field
 * names and types, geometries as WKB, attribute values (Long, Double, String, Boolean, dates) and the CRS
 * as a code or WKT. {@link #toLayer()} rebuilds the desktop {@link VectorLayer} on the other side, with
 * features in the same order (feature order decides ties in nearest and zone searches).
 */
final class LayerData implements Serializable {
    private static final long serialVersionUID = 1L;

    final String name;
    final String[] fieldNames;
    final FieldType[] fieldTypes;
    final String geometryType;
    final String crs;
    final boolean hasZ;
    final Integer epsg;
    final long[] fids;
    final byte[][] wkb;
    final Object[][] values;

    private LayerData(String name, String[] fieldNames, FieldType[] fieldTypes, String geometryType, String crs,
            boolean hasZ, Integer epsg, long[] fids, byte[][] wkb, Object[][] values) {
        this.name = name;
        this.fieldNames = fieldNames;
        this.fieldTypes = fieldTypes;
        this.geometryType = geometryType;
        this.crs = crs;
        this.hasZ = hasZ;
        this.epsg = epsg;
        this.fids = fids;
        this.wkb = wkb;
        this.values = values;
    }

    /**
     * Snapshot of a layer.
     *
     * @param crs the layer's CRS as {@code EPSG:n} or WKT (what {@link Crs#decode} reads), or null
     */
    static LayerData of(VectorLayer l, String crs) {
        int n = l.size();
        int k = l.schema().size();
        String[] names = new String[k];
        FieldType[] types = new FieldType[k];
        for (int j = 0; j < k; j++) {
            names[j] = l.schema().field(j).name();
            types[j] = l.schema().field(j).type();
        }
        long[] fids = new long[n];
        byte[][] wkb = new byte[n][];
        Object[][] values = new Object[n][];
        WKBWriter w2 = new WKBWriter(2);
        WKBWriter w3 = new WKBWriter(3);
        for (int i = 0; i < n; i++) {
            Feature f = l.get(i);
            fids[i] = f.fid();
            Geometry g = f.geometry();
            if (g != null) {
                wkb[i] = (l.hasZ() ? w3 : w2).write(g);
            }
            Object[] v = new Object[k];
            for (int j = 0; j < k; j++) {
                v[j] = f.value(j);
            }
            values[i] = v;
        }
        return new LayerData(l.name(), names, types, l.geometryType() == null ? null : l.geometryType().name(), crs,
                l.hasZ(), l.epsg(), fids, wkb, values);
    }

    /** The layer again (CRS decoded on this JVM). */
    VectorLayer toLayer() {
        List<Field> fields = new ArrayList<>(fieldNames.length);
        for (int j = 0; j < fieldNames.length; j++) {
            fields.add(new Field(fieldNames[j], fieldTypes[j]));
        }
        WKBReader r = new WKBReader();
        List<Feature> fs = new ArrayList<>(fids.length);
        try {
            for (int i = 0; i < fids.length; i++) {
                fs.add(new Feature(fids[i], wkb[i] == null ? null : r.read(wkb[i]), values[i]));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("layer " + name + ": " + e.getMessage(), e);
        }
        VectorLayer.Builder b = VectorLayer.builder(name).schema(new Schema(fields)).features(fs).hasZ(hasZ);
        if (crs != null) {
            b.crs(Crs.decode(crs), epsg);
        }
        if (geometryType != null) {
            b.geometryType(GeometryType.valueOf(geometryType));
        }
        return b.build();
    }

    /** Number of features. */
    int size() {
        return fids.length;
    }

    /** The CRS text of a decoded CRS: {@code EPSG:n} when it has a code, else its WKT. */
    static String crsText(org.geotools.api.referencing.crs.CoordinateReferenceSystem crs, Integer epsg) {
        if (crs == null) {
            return null;
        }
        if (epsg != null) {
            return "EPSG:" + epsg;
        }
        Integer code = Crs.epsgCode(crs);
        return code != null ? "EPSG:" + code : crs.toWKT();
    }
}
