package io.siteplanner.gis.shapefile;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.Snippets;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads one shapefile (.shp + .shx + .dbf, optional .prj and .cpg) into a {@link VectorLayer}, streaming
 * the records: a cursor over the .shx index (or over the .shp itself when the index is damaged) decodes
 * each geometry next to its .dbf row and the layer is built at the end.
 *
 * <p>Record problems are skipped and counted, one warning per kind; truncation and count mismatches
 * between .shp and .dbf are warnings too. Only a broken header, a bad .prj or a missing companion stops
 * the read ({@link ShapefileException}).
 */
final class ShapefileReader {
    private static final int FILE_CODE = 9994;
    private static final int PROGRESS_EVERY = 8192;

    private ShapefileReader() {
    }

    static VectorLayer read(ShapefileFiles files, Path source, ReadOptions options, Progress progress,
            List<String> initialWarnings) throws IOException, ShapefileException {
        String base = files.base();
        String shpName = base + ".shp";
        List<String> warnings = new ArrayList<>(initialWarnings);
        Problems problems = new Problems();
        try (FileWindow shp = new FileWindow(files.shp())) {
            long size = shp.size();
            if (size < 100 || shp.fetch(0, 100) < 0) {
                throw new ShapefileException("not a shapefile (bad file code: " + shpName + " is " + size
                        + " bytes, shorter than the 100-byte header)");
            }
            ByteBuffer h = shp.buffer();
            int fileCode = Integer.reverseBytes(h.getInt(0));
            if (fileCode != FILE_CODE) {
                throw new ShapefileException("not a shapefile (bad file code " + fileCode + " in " + shpName
                        + ", expected 9994)");
            }
            long declaredLength = (Integer.reverseBytes(h.getInt(24)) & 0xFFFFFFFFL) * 2;
            int version = h.getInt(28);
            int typeCode = h.getInt(32);
            ShapeType type = ShapeType.of(typeCode);
            if (type == null) {
                throw new ShapefileException("unknown shape type " + typeCode + " in the header of " + shpName);
            }
            if (type == ShapeType.MULTIPATCH) {
                throw new ShapefileException("MultiPatch shapefiles (3D surfaces) are not supported");
            }
            if (version != 1000) {
                warnings.add(shpName + " declares version " + version + " (expected 1000); read anyway");
            }

            CoordinateReferenceSystem crs = null;
            Integer epsg = null;
            String prj = files.prj() == null ? null : readText(files.prj(), 1 << 20);
            if (prj != null && prj.isBlank()) {
                warnings.add(base + ".prj is empty: CRS unknown");
                prj = null;
            }
            if (prj != null) {
                try {
                    crs = Crs.parseWkt(prj);
                } catch (FactoryException | RuntimeException | LinkageError e) {
                    throw new ShapefileException("invalid .prj: " + firstLine(e));
                }
            } else if (options.crs() != null && !options.crs().isBlank()) {
                try {
                    crs = Crs.decode(options.crs());
                } catch (IllegalArgumentException e) {
                    throw new ShapefileException("no .prj and the CRS given is not usable: " + firstLine(e));
                }
                int code = Crs.parseEpsg(options.crs());
                epsg = code > 0 ? code : null;
            } else if (files.prj() == null) {
                warnings.add("no .prj: CRS unknown");
            }

            Charset cpg = null;
            if (files.cpg() != null && options.encoding() == null) {
                String text = readText(files.cpg(), 4096);
                cpg = CodePages.fromCpg(text);
                if (cpg == null && !text.isBlank()) {
                    String name = text.strip();
                    // quoted only when it looks like a code page name: a .cpg may be anything (a link to
                    // another file), and messages do not quote other files
                    warnings.add(base + ".cpg names an unknown code page"
                            + (name.matches("[A-Za-z0-9_.:-]{1,20}") ? " '" + name + "'" : "")
                            + "; text read with the .dbf's code page or ISO-8859-1");
                }
            }

            try (DbfCursor dbf = new DbfCursor(files.dbf(), options.encoding(), cpg);
                    ShxIndex shx = ShxIndex.open(files.shx(), base + ".shx")) {
                warnings.addAll(dbf.warnings());
                if (shx.problem() != null) {
                    warnings.add(shx.problem() + "; records read in file order from " + shpName);
                }
                return readRecords(shp, dbf, shx, type, declaredLength, files, source, crs, epsg, warnings,
                        problems, progress);
            }
        }
    }

    private static VectorLayer readRecords(FileWindow shp, DbfCursor dbf, ShxIndex shx, ShapeType type,
            long declaredLength, ShapefileFiles files, Path source, CoordinateReferenceSystem crs, Integer epsg,
            List<String> warnings, Problems problems, Progress progress) throws IOException, ShapefileException {
        String base = files.base();
        String shpName = base + ".shp";
        long size = shp.size();
        int dbfCount = dbf.recordCount();
        boolean indexed = shx.usable();
        int limit = indexed ? (int) Math.min(shx.count(), dbfCount) : dbfCount;
        // the counts come from file sizes that may lie (a 100 MB .dbf of 1-byte records): grow as records come
        List<Feature> features = new ArrayList<>(Math.max(16, Math.min(limit, 1 << 16)));
        Schema schema = new Schema(dbf.schemaFields());
        int nFields = schema.size();
        ShapeDecoder decoder = new ShapeDecoder(type);
        Envelope bounds = new Envelope();
        String message = "reading " + base;
        boolean truncated = false;
        int present = 0; // records found in the .shp
        long pos = 100; // next record when reading in file order
        Object[] values = new Object[nFields];
        int i = 0;
        for (; i < limit; i++) {
            if (i % PROGRESS_EVERY == 0) {
                progress.checkCancelled();
                progress.update(indexed ? (double) i / Math.max(1, limit) : (double) pos / Math.max(1, size), message);
            }
            long recOff;
            long contentLen;
            if (indexed) {
                recOff = shx.offset(i);
                contentLen = shx.length(i);
                if (recOff < 100) {
                    problems.add("skipped", "index entry points into the file header", i + 1L);
                    present++;
                    continue;
                }
            } else {
                int q = pos + 8 > size ? -1 : shp.fetch(pos, 8);
                if (q < 0) {
                    truncated = declaredLength > size;
                    break;
                }
                contentLen = (Integer.reverseBytes(shp.buffer().getInt(q + 4)) & 0xFFFFFFFFL) * 2;
                recOff = pos;
                pos += 8 + contentLen;
            }
            int c = contentLen > FileWindow.MAX_RANGE ? -1 : shp.fetch(recOff, 8 + (int) contentLen);
            if (c < 0) {
                if (recOff + 8 + contentLen <= size) {
                    problems.add("skipped", "record larger than 512 MB", i + 1L);
                    continue;
                }
                if (indexed && declaredLength <= size) {
                    // the .shp is as long as its header says: the index entry is wrong, not the file short
                    problems.add("skipped", "index entry points past the end of the .shp", i + 1L);
                    continue;
                }
                truncated = true;
                break;
            }
            present++;
            if (!dbf.read(i, values)) {
                continue; // deleted
            }
            if (dbf.valueProblem != null) {
                problems.add("kept", dbf.valueProblem + ", set to null", i + 1L);
            }
            Geometry g;
            try {
                g = decoder.decode(shp.buffer(), c + 8, (int) contentLen);
            } catch (BadRecord b) {
                problems.add("skipped", b.kind(), i + 1L);
                continue;
            }
            if (g == null) {
                problems.add("kept without geometry", "null or empty shape", i + 1L);
            } else {
                if (decoder.closedRing) {
                    problems.add("fixed", ShapeDecoder.UNCLOSED, i + 1L);
                }
                bounds.expandToInclude(g.getEnvelopeInternal());
            }
            features.add(new Feature(i + 1L, g, values));
            values = new Object[nFields];
        }
        progress.update(1.0, message);

        if (truncated) {
            warnings.add(indexed
                    ? String.format(Locale.ROOT, "file truncated: %d records read, header says %d (%s ends inside record %d)",
                            present, shx.count(), shpName, present + 1)
                    : String.format(Locale.ROOT, "file truncated: %d records read, header says more (%s is %d bytes, header says %d)",
                            present, shpName, size, declaredLength));
        } else if (indexed) {
            if (shx.count() != dbfCount) {
                warnings.add(String.format(Locale.ROOT, "record count mismatch: %s.shx lists %d records, %s.dbf has %d; read %d",
                        base, shx.count(), base, dbfCount, limit));
            }
        } else {
            boolean moreShapes = pos + 8 <= size;
            if (i < dbfCount || moreShapes) {
                warnings.add(String.format(Locale.ROOT, "record count mismatch: %s has %s records, %s.dbf has %d; read %d",
                        shpName, moreShapes ? "more" : String.valueOf(i), base, dbfCount, i));
            }
        }
        warnings.addAll(problems.warnings());
        if (crs != null && !bounds.isNull()) {
            try {
                String implausible = Crs.checkPlausible(bounds, crs);
                if (implausible != null) {
                    warnings.add(implausible.length() > 400 ? implausible.substring(0, 400) + "..." : implausible);
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // GeoTools asserts on absurd envelopes (damaged files) when run with -ea
                warnings.add("cannot check the coordinates against the CRS: " + firstLine(e));
            }
        }
        VectorLayer.Builder b = VectorLayer.builder(base).source(source).crs(crs, epsg).schema(schema)
                .geometryType(type.geometryType()).hasZ(type.hasZ).features(features).bounds(bounds);
        for (String w : warnings) {
            b.warn(w);
        }
        return b.build();
    }

    /** Text of a small side file (.prj, .cpg), UTF-8 with a BOM removed; at most {@code max} bytes. */
    static String readText(Path file, int max) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(max);
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The first line of a library's message, quoting at most a short token of the input. */
    static String firstLine(Throwable e) {
        return Snippets.library(e);
    }
}
