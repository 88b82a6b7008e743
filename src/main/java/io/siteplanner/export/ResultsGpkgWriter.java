package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.gpkg.GeoPackageWriter;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * Writes ranked sites to a GeoPackage 1.3 (OGC 12-128r18) feature table {@code sites} with the columns
 * of a {@link SiteTable} (empty text as NULL), geometries in the analysis CRS, through the project's
 * {@link GeoPackageWriter} (one transaction) and {@link AtomicWrite}.
 */
public final class ResultsGpkgWriter {
    /** The feature table name. */
    public static final String TABLE = "sites";

    private ResultsGpkgWriter() {
    }

    /** Writes the top rows (top &lt;= 0: all) in the {@link ResultColumns} layout. */
    public static void write(ScoreResult r, int top, Path out, Progress progress) throws IOException {
        write(SiteTable.ranked(r, top), out, progress);
    }

    /** Writes a table as the feature table {@value #TABLE}. */
    public static void write(SiteTable t, Path out, Progress progress) throws IOException {
        write(t, null, out, progress);
    }

    /** Writes a table with geometries in {@code crs} (null = the analysis CRS). */
    public static void write(SiteTable t, org.geotools.api.referencing.crs.CoordinateReferenceSystem crs, Path out,
            Progress progress) throws IOException {
        AtomicWrite.write(out, tmp -> writeTo(t, crs, tmp, out, progress));
    }

    private static void writeTo(SiteTable t, org.geotools.api.referencing.crs.CoordinateReferenceSystem crs, Path tmp,
            Path out, Progress progress) throws IOException {
        ScoringSession s = t.result().session();
        org.geotools.api.referencing.crs.CoordinateReferenceSystem target = crs != null ? crs : s.analysisCrs();
        org.geotools.api.referencing.operation.MathTransform mt = crs == null || s.analysisCrs() == null ? null
                : Crs.transform(s.analysisCrs(), crs);
        List<SiteTable.Column> cols = t.columns();
        List<Field> fields = new ArrayList<>();
        for (SiteTable.Column c : cols) {
            fields.add(new Field(c.name(), fieldType(c.type())));
        }
        int rows = t.size();
        List<Feature> features = new ArrayList<>(rows);
        Object[] v = null;
        for (int p = 0; p < rows; p++) {
            if ((p & 4095) == 0) {
                progress.checkCancelled();
            }
            int site = t.site(p);
            v = t.values(p, v);
            Object[] values = new Object[cols.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = "".equals(v[c]) ? null : v[c];
            }
            features.add(new Feature(p + 1, ResultsGeoJsonWriter.toWgs84(s.geometry(site), mt), values));
        }
        VectorLayer layer = VectorLayer.builder(TABLE).crs(target, target == null ? null : Crs.epsgCode(target))
                .schema(new Schema(fields))
                .geometryType(s.candidates().geometryType()).features(features).build();
        try (GeoPackageWriter w = GeoPackageWriter.create(tmp)) {
            w.writeFeatures(TABLE, layer, "ranked sites: " + (s.scenario().name() == null ? "" : s.scenario().name()),
                    progress);
            w.commit();
        } catch (IOException e) {
            throw new IOException("cannot write GeoPackage " + out.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static FieldType fieldType(SiteTable.Type t) {
        switch (t) {
            case INTEGER: return FieldType.INTEGER;
            case REAL: return FieldType.REAL;
            case BOOLEAN: return FieldType.BOOLEAN;
            default: return FieldType.STRING;
        }
    }
}
