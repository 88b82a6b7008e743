package io.siteplanner.spark;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.VectorLayer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.sedona_sql.UDT.GeometryUDT;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Conversions between desktop layers and Spark DataFrames. */
final class Frames {
    /** The column holding the desktop feature id in a DataFrame made by {@link #of}. */
    static final String FID = "__fid";

    private Frames() {
    }

    /** A desktop layer as a DataFrame: {@value #FID}, {@code geometry}, then the attributes. */
    static Dataset<Row> of(SparkSession spark, VectorLayer l) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(FID, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("geometry", new GeometryUDT(), true));
        for (Field f : l.schema().fields()) {
            fields.add(DataTypes.createStructField(f.name(), sparkType(f), true));
        }
        List<Row> rows = new ArrayList<>(l.size());
        for (Feature f : l.features()) {
            Object[] v = new Object[fields.size()];
            v[0] = f.fid();
            v[1] = f.geometry();
            for (int j = 0; j < f.valueCount(); j++) {
                Object o = f.value(j);
                v[j + 2] = o instanceof LocalDate ? Date.valueOf((LocalDate) o)
                        : o instanceof LocalDateTime ? Timestamp.valueOf((LocalDateTime) o) : o;
            }
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    }

    private static DataType sparkType(Field f) {
        switch (f.type()) {
            case INTEGER: return DataTypes.LongType;
            case REAL: return DataTypes.DoubleType;
            case BOOLEAN: return DataTypes.BooleanType;
            case DATE: return DataTypes.DateType;
            case DATETIME: return DataTypes.TimestampType;
            default: return DataTypes.StringType;
        }
    }

    /** A desktop layer of features read through a row mapping. */
    static VectorLayer layer(String name, RowFeatures rows, String crs, List<Feature> features) {
        return layer(name, rows, crs, epsg(crs), features);
    }

    /** As {@link #layer(String, RowFeatures, String, List)} with the EPSG code known. */
    static VectorLayer layer(String name, RowFeatures rows, String crs, Integer epsg, List<Feature> features) {
        VectorLayer.Builder b = VectorLayer.builder(name).schema(rows.schema()).features(features);
        if (crs != null) {
            b.crs(Crs.decode(crs), epsg);
        }
        return b.build();
    }

    /** The EPSG code of a CRS text (may scan the EPSG database for a WKT), or null. */
    static Integer epsg(String crs) {
        if (crs == null) {
            return null;
        }
        int code = Crs.parseEpsg(crs);
        return code > 0 ? Integer.valueOf(code) : Crs.epsgCode(Crs.decode(crs));
    }
}
