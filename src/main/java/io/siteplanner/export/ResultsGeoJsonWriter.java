package io.siteplanner.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.AtomicFiles;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.io.IOException;
import java.nio.file.Files;
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
 * latitude), properties = the {@link ResultColumns} (missing raw values as null), features in rank order.
 * Streamed with Jackson; temp file + atomic move.
 */
public final class ResultsGeoJsonWriter {
    private ResultsGeoJsonWriter() {
    }

    public static void write(ScoreResult r, int top, Path out, Progress progress) throws IOException {
        ScoringSession s = r.session();
        int rows = ResultColumns.rows(r, top);
        List<String> names = ResultColumns.names(s);
        int m = s.criteria().size();
        MathTransform mt = s.analysisCrs() == null ? null : Crs.transform(s.analysisCrs(), Crs.wgs84());
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            try (JsonGenerator g = new JsonFactory().createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                g.writeArrayFieldStart("features");
                for (int p = 0; p < rows; p++) {
                    if ((p & 4095) == 0) {
                        progress.checkCancelled();
                        progress.update((double) p / rows, "writing GeoJSON");
                    }
                    int site = r.siteAt(p);
                    g.writeStartObject();
                    g.writeStringField("type", "Feature");
                    g.writeFieldName("geometry");
                    Geometry geom = s.geometry(site);
                    if (geom != null && mt != null) {
                        try {
                            geom = Crs.transform(geom, mt);
                        } catch (TransformException e) {
                            geom = null;
                        }
                    }
                    writeGeometry(g, geom);
                    g.writeObjectFieldStart("properties");
                    g.writeNumberField("rank", p + 1);
                    Object id = s.id(site);
                    g.writeFieldName(names.get(1));
                    if (id instanceof Number) {
                        g.writeNumber(((Number) id).longValue());
                    } else if (id == null) {
                        g.writeNull();
                    } else {
                        g.writeString(id.toString());
                    }
                    g.writeNumberField("score", r.score(site));
                    for (int c = 0; c < m; c++) {
                        double v = s.raw(c)[site];
                        g.writeFieldName(names.get(3 + c));
                        if (v == v && !Double.isInfinite(v)) {
                            g.writeNumber(v);
                        } else {
                            g.writeNull();
                        }
                    }
                    g.writeBooleanField("passed", r.passed(site));
                    g.writeStringField("reasons", ResultColumns.reasons(r, site));
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            AtomicFiles.move(tmp, out);
        } finally {
            Files.deleteIfExists(tmp);
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
