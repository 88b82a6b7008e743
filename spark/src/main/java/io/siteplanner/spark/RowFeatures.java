package io.siteplanner.spark;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Schema;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.sedona_sql.UDT.GeometryUDT;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns rows of a Sedona DataFrame into desktop {@link Feature}s: the first geometry column is the
 * geometry, every other column an attribute with the desktop type (integers as Long, decimals and floats
 * as Double, text, booleans, dates), like the desktop readers give them. A GeoPackage's integer primary
 * key column (Sedona names it {@code fid} or {@code id}, the desktop takes it as the feature id) becomes
 * the feature id and is not an attribute, as in the desktop reader; otherwise features are numbered from 1
 * in read order. Serializable, so executors use the same mapping as the driver.
 */
final class RowFeatures implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int geometry;
    private final int fid;
    private final int[] columns;
    private final String[] names;
    private final FieldType[] types;

    private RowFeatures(int geometry, int fid, int[] columns, String[] names, FieldType[] types) {
        this.geometry = geometry;
        this.fid = fid;
        this.columns = columns;
        this.names = names;
        this.types = types;
    }

    /**
     * The mapping for a DataFrame schema.
     *
     * @param fidColumn name of the primary-key column to use as feature id, or null
     * @throws IllegalArgumentException when there is no geometry column
     */
    static RowFeatures of(StructType schema, String fidColumn) {
        int geom = -1;
        int fid = -1;
        List<Integer> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<FieldType> types = new ArrayList<>();
        StructField[] fs = schema.fields();
        for (int i = 0; i < fs.length; i++) {
            DataType t = fs[i].dataType();
            if (t instanceof GeometryUDT) {
                if (geom < 0) {
                    geom = i;
                }
                continue;
            }
            if (fidColumn != null && fs[i].name().equalsIgnoreCase(fidColumn) && integral(t)) {
                fid = i;
                continue;
            }
            cols.add(i);
            names.add(fs[i].name());
            types.add(fieldType(t));
        }
        if (geom < 0) {
            throw new IllegalArgumentException("no geometry column (columns: " + String.join(", ", schema.fieldNames())
                    + ")");
        }
        return new RowFeatures(geom, fid, cols.stream().mapToInt(Integer::intValue).toArray(),
                names.toArray(new String[0]), types.toArray(new FieldType[0]));
    }

    static boolean integral(DataType t) {
        return t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType;
    }

    static FieldType fieldType(DataType t) {
        if (integral(t)) {
            return FieldType.INTEGER;
        }
        if (t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType) {
            return FieldType.REAL;
        }
        if (t instanceof BooleanType) {
            return FieldType.BOOLEAN;
        }
        if (t instanceof DateType) {
            return FieldType.DATE;
        }
        if (t instanceof TimestampType || t instanceof TimestampNTZType) {
            return FieldType.DATETIME;
        }
        return FieldType.STRING;
    }

    /** Whether rows carry a feature id column (a GeoPackage primary key). */
    boolean hasFid() {
        return fid >= 0;
    }

    /** The desktop schema of the attributes. */
    Schema schema() {
        List<Field> out = new ArrayList<>(names.length);
        for (int j = 0; j < names.length; j++) {
            out.add(new Field(names[j], types[j]));
        }
        return new Schema(out);
    }

    /** The attribute names, in order. */
    String[] names() {
        return names.clone();
    }

    /** Index of an attribute by name (case-insensitive, as the desktop schema), or -1. */
    int indexOf(String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equalsIgnoreCase(name)) {
                return j;
            }
        }
        return -1;
    }

    /** The type of attribute j. */
    FieldType type(int j) {
        return types[j];
    }

    /**
     * One feature.
     *
     * @param ordinal 1-based position in the layer, the feature id when there is no primary key column
     */
    Feature feature(Row r, long ordinal) {
        Object[] v = new Object[columns.length];
        for (int j = 0; j < columns.length; j++) {
            v[j] = value(r.get(columns[j]), types[j]);
        }
        long id = fid >= 0 && !r.isNullAt(fid) ? ((Number) r.get(fid)).longValue() : ordinal;
        return new Feature(id, (Geometry) r.get(geometry), v);
    }

    private static Object value(Object o, FieldType t) {
        if (o == null) {
            return null;
        }
        switch (t) {
            case INTEGER:
                return ((Number) o).longValue();
            case REAL:
                return o instanceof BigDecimal ? ((BigDecimal) o).doubleValue() : ((Number) o).doubleValue();
            case BOOLEAN:
                return o;
            case DATE:
                return o instanceof Date ? ((Date) o).toLocalDate() : o instanceof LocalDate ? o : null;
            case DATETIME:
                if (o instanceof Timestamp) {
                    return ((Timestamp) o).toLocalDateTime();
                }
                if (o instanceof Instant) {
                    return LocalDateTime.ofInstant((Instant) o, ZoneOffset.UTC);
                }
                return o instanceof LocalDateTime ? o : null;
            default:
                return o.toString();
        }
    }
}
