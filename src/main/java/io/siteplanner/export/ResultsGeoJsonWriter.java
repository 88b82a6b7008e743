package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes ranked sites as an RFC 7946 GeoJSON FeatureCollection: geometries in EPSG:4326 (longitude,
 * latitude), properties = the columns of a {@link SiteTable} (missing values as null), features in row
 * (rank) order. Streamed with Jackson; written through {@link AtomicWrite}.
 */
public final class ResultsGeoJsonWriter {
    private ResultsGeoJsonWriter() {
    }

    /** Writes the top rows (top &lt;= 0: all) in the {@link ResultColumns} layout. */
    public static void write(ScoreResult r, int top, Path out, Progress progress) throws IOException {
        write(SiteTable.ranked(r, top), out, progress);
    }

    /** Writes a table: one feature per row, properties = its columns. */
    public static void write(SiteTable t, Path out, Progress progress) throws IOException {
        ScoringSession s = t.result().session();
        int rows = t.size();
        List<SiteTable.Column> cols = t.columns();
        MathTransform mt = s.analysisCrs() == null ? null : Crs.transform(s.analysisCrs(), Crs.wgs84());
        AtomicWrite.write(out, tmp -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                g.writeArrayFieldStart("features");
                Object[] v = null;
                for (int p = 0; p < rows; p++) {
                    if ((p & 4095) == 0) {
                        progress.checkCancelled();
                        progress.update((double) p / rows, "writing GeoJSON");
                    }
                    int site = t.site(p);
                    g.writeStartObject();
                    g.writeStringField("type", "Feature");
                    g.writeFieldName("geometry");
                    writeGeometry(g, toWgs84(s.geometry(site), mt));
                    g.writeObjectFieldStart("properties");
                    v = t.values(p, v);
                    for (int c = 0; c < cols.size(); c++) {
                        g.writeFieldName(cols.get(c).name());
                        Object x = v[c];
                        if (x == null) {
                            g.writeNull();
                        } else if (x instanceof Double) {
                            g.writeNumber((Double) x);
                        } else if (x instanceof Long) {
                            g.writeNumber((Long) x);
                        } else if (x instanceof Boolean) {
                            g.writeBoolean((Boolean) x);
                        } else {
                            g.writeString(x.toString());
                        }
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /** The geometry in EPSG:4326, or null when it cannot be transformed. */
    static Geometry toWgs84(Geometry geom, MathTransform mt) {
        if (geom == null || mt == null) {
            return geom;
        }
        try {
            return Crs.transform(geom, mt);
        } catch (TransformException e) {
            return null;
        }
    }

    static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
        if (geom == null || geom.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        String type = geom.getGeometryType();
        g.writeStringField("type", type);
        if (geom instanceof Point || geom instanceof LineString || geom instanceof Polygon) {
            g.writeFieldName("coordinates");
            coords(g, geom);
        } else if (type.startsWith("Multi")) {
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coords(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                writeGeometry(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void coords(JsonGenerator g, Geometry geom) throws IOException {
        if (geom instanceof Point) {
            pos(g, geom.getCoordinate());
        } else if (geom instanceof LineString) {
            g.writeStartArray();
            for (Coordinate c : geom.getCoordinates()) {
                pos(g, c);
            }
            g.writeEndArray();
        } else if (geom instanceof Polygon) {
            Polygon p = (Polygon) geom;
            g.writeStartArray();
            // RFC 7946: exterior counter-clockwise, holes clockwise
            ring(g, p.getExteriorRing(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(g, p.getInteriorRingN(i), false);
            }
            g.writeEndArray();
        }
    }

    private static void ring(JsonGenerator g, LineString ring, boolean ccw) throws IOException {
        Coordinate[] cs = ring.getCoordinates();
        boolean isCcw = org.locationtech.jts.algorithm.Orientation.isCCW(cs);
        g.writeStartArray();
        if (isCcw == ccw) {
            for (Coordinate c : cs) {
                pos(g, c);
            }
        } else {
            for (int i = cs.length - 1; i >= 0; i--) {
                pos(g, cs[i]);
            }
        }
        g.writeEndArray();
    }

    private static void pos(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(Math.rint(c.x * 1e9) / 1e9);
        g.writeNumber(Math.rint(c.y * 1e9) / 1e9);
        g.writeEndArray();
    }
}
