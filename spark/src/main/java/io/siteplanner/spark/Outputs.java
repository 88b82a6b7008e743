package io.siteplanner.spark;

import io.siteplanner.export.ResultsCsvWriter;
import io.siteplanner.export.ResultsGpkgWriter;
import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.gpkg.GeoPackageWriter;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.locationtech.jts.geom.Geometry;

/**
 * Result files written on the driver from ranked rows (rank, then a scored row: id, geometry, raw values,
 * transformed values, contributions, score, passed, reasons): the desktop's {@code score --out} layout as
 * CSV and as a GeoPackage table {@code sites} (written with the desktop's {@link GeoPackageWriter}, so the
 * desktop app opens it). Column names are the desktop's: {@code rank}, the id field, {@code score}, one raw
 * value per criterion id, {@code passed}, {@code reasons}; a name used twice (case-insensitive) gets
 * {@code _2}, {@code _3}... as in the desktop exports.
 */
final class Outputs {
    private Outputs() {
    }

    /** Desktop result column names: rank, id, score, criteria, passed, reasons (made unique). */
    static List<String> names(String idField, List<String> criteria) {
        List<String> raw = new ArrayList<>();
        raw.add("rank");
        raw.add(idField);
        raw.add("score");
        raw.addAll(criteria);
        raw.add("passed");
        raw.add("reasons");
        return unique(raw);
    }

    /** Names made unique case-insensitively by appending _2, _3, ... to later duplicates. */
    static List<String> unique(List<String> names) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            String n = name;
            for (int k = 2; !used.add(n.toLowerCase(Locale.ROOT)); k++) {
                n = name + "_" + k;
            }
            out.add(n);
        }
        return out;
    }

    /** The values of a ranked row in the {@link #names} layout (null = empty). */
    static Object[] values(long rank, Row r, int m, boolean[] text) {
        Object[] v = new Object[5 + m];
        v[0] = rank;
        v[1] = r.get(0);
        v[2] = r.getDouble(2 + 3 * m);
        for (int c = 0; c < m; c++) {
            Object x = r.get(2 + c);
            v[3 + c] = x instanceof Double && (((Double) x).isNaN() || ((Double) x).isInfinite()) ? null : x;
        }
        v[3 + m] = r.getBoolean(3 + 3 * m);
        String reasons = r.getString(4 + 3 * m);
        v[4 + m] = reasons == null || reasons.isEmpty() ? null : reasons;
        return v;
    }

    /** Writes the ranked rows as CSV (RFC 4180, UTF-8, shortest round-trip numbers), atomically. */
    static void csv(Path out, List<String> names, Iterator<Object[]> rows) throws IOException {
        AtomicWrite.write(out, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp);
                    Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8),
                            1 << 16)) {
                csv(w, names, rows);
            }
        });
    }

    /** Writes CSV text. */
    static void csv(Writer w, List<String> names, Iterator<Object[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            ResultsCsvWriter.quote(sb, names.get(i));
        }
        sb.append('\n');
        w.write(sb.toString());
        while (rows.hasNext()) {
            Object[] v = rows.next();
            sb.setLength(0);
            for (int c = 0; c < v.length; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                Object x = v[c];
                if (x instanceof Double) {
                    sb.append(((Double) x).doubleValue());
                } else if (x instanceof Long) {
                    sb.append(((Long) x).longValue());
                } else if (x instanceof Boolean) {
                    sb.append(((Boolean) x) ? "true" : "false");
                } else if (x != null && !x.toString().isEmpty()) {
                    ResultsCsvWriter.quote(sb, x.toString());
                }
            }
            sb.append('\n');
            w.write(sb.toString());
        }
        w.flush();
    }

    /**
     * Writes the ranked rows to a GeoPackage feature table {@value ResultsGpkgWriter#TABLE} in the analysis CRS,
     * with the desktop's writer, atomically.
     */
    static void gpkg(Path out, List<String> names, boolean idLong, boolean[] text, List<Object[]> rows,
            List<Geometry> geometries, String analysisCrs, String scenarioName) throws IOException {
        int m = text.length;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(names.get(0), FieldType.INTEGER));
        fields.add(new Field(names.get(1), idLong ? FieldType.INTEGER : FieldType.STRING));
        fields.add(new Field(names.get(2), FieldType.REAL));
        for (int c = 0; c < m; c++) {
            fields.add(new Field(names.get(3 + c), text[c] ? FieldType.STRING : FieldType.REAL));
        }
        fields.add(new Field(names.get(3 + m), FieldType.BOOLEAN));
        fields.add(new Field(names.get(4 + m), FieldType.STRING));
        List<Feature> fs = new ArrayList<>(rows.size());
        for (int p = 0; p < rows.size(); p++) {
            fs.add(new Feature(p + 1, geometries.get(p), rows.get(p)));
        }
        Integer epsg = analysisCrs == null ? null : Frames.epsg(analysisCrs);
        VectorLayer layer = VectorLayer.builder(ResultsGpkgWriter.TABLE)
                .crs(analysisCrs == null ? null : Crs.decode(analysisCrs), epsg).schema(new Schema(fields))
                .features(fs).build();
        AtomicWrite.write(out, tmp -> {
            try (GeoPackageWriter w = GeoPackageWriter.create(tmp)) {
                w.writeFeatures(ResultsGpkgWriter.TABLE, layer, "ranked sites: " + (scenarioName == null ? ""
                        : scenarioName), Progress.NONE);
                w.commit();
            } catch (IOException e) {
                throw new IOException("cannot write GeoPackage " + out.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }
}
