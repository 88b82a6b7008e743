package io.siteplanner.gis.csv;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * CSV with coordinate columns or a WKT column, read as a point (or WKT geometry) layer.
 *
 * <p><b>Parsing</b>: RFC 4180 (double quotes, doubled quotes inside, delimiters and line breaks inside
 * quotes), CRLF/LF/CR line ends, blank lines skipped, a UTF-8 BOM skipped, UTF-16 with BOM accepted, an
 * Excel {@code sep=;} first line honoured. The delimiter is sniffed among {@code , ; TAB |} (the one whose
 * count outside quotes is most consistent over the first 50 lines) unless {@link ReadOptions#delimiter()}
 * is set. Header names are trimmed; empty ones become {@code field_N}, duplicates get {@code _2}.
 *
 * <p><b>Geometry</b>: in order: {@link ReadOptions#wktField()} or {@link ReadOptions#xField()}/{@link
 * ReadOptions#yField()} when given; a WKT column by name ({@code wkt, geom, geometry, the_geom, ...}) whose
 * first value looks like WKT; x/y columns by exact name (case-insensitive: {@code longitude, lon, lng,
 * long, x, xcoord, x_coord, point_x, lon_dd, ...} and {@code latitude, lat, y, ycoord, y_coord, point_y,
 * lat_dd, ...}); names that start with {@code lat}/{@code lon} followed by a non-letter
 * ({@code lat_wgs84}); finally any column whose first non-empty value starts with a WKT keyword. Without
 * any, the read fails giving the number of columns (not their names: the header is the file's first
 * line, and messages never quote a line of the file). With a delimiter other than ',' a decimal comma in coordinates
 * ({@code 41,5}) is accepted.
 *
 * <p><b>CRS</b>: {@link ReadOptions#crs()}, default EPSG:4326. When the coordinates cannot be in that CRS
 * (for example projected metres read as degrees, or latitude beyond 90 because the columns are swapped)
 * the layer carries a warning from {@code Crs.checkPlausible} that points at {@code --crs}.
 *
 * <p><b>Attributes</b>: every column, the coordinate columns included (as GDAL's
 * {@code KEEP_GEOM_COLUMNS=YES}), typed over all rows: all integers (no leading zeros, so ZIP codes like
 * 06511 stay text) give INTEGER, all numbers REAL, all true/false BOOLEAN, all yyyy-MM-dd DATE, all ISO
 * local date-times DATETIME, else STRING; empty cells are null. Feature ids are the 1-based data row
 * numbers (as GDAL's), also for layers where rows were skipped.
 *
 * <p><b>Bad rows</b>: rows with empty or non-numeric coordinates or invalid WKT are skipped, with one
 * warning per kind giving the count and the first line numbers. Rows longer than the header are read
 * and their extra values ignored (one warning). A quote that is never closed fails the read.
 *
 * <p><b>Encoding</b>: {@link ReadOptions#encoding()} when given; otherwise UTF-8, and when the file turns
 * out not to be valid UTF-8 it is re-read as Windows-1252 with a warning (Excel's "CSV" export on Western
 * Windows writes that; bytes that are invalid UTF-8 are nearly always such text, and Windows-1252 maps
 * every byte, so nothing is lost silently).
 *
 * <p><b>Limits</b>: everything is in memory once read; the file is read twice (types first, then values),
 * streaming, so peak memory is the features themselves. No regular expressions or String.split per row.
 * A record may have at most {@link io.siteplanner.gis.Limits#MAX_CSV_COLUMNS} fields and
 * {@link io.siteplanner.gis.Limits#MAX_CSV_RECORD_CHARS} characters (else the read fails naming the line);
 * a WKT value nesting brackets deeper than {@link io.siteplanner.gis.Limits#MAX_NESTING} skips its row.
 */
public final class CsvFormat implements LayerFormat {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String displayName() {
        return "CSV (coordinates or WKT)";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("csv", "tsv", "txt");
    }

    /** Claims files with a CSV extension whose first KB look like text (no NUL bytes unless UTF-16). */
    @Override
    public boolean probe(Path file) throws IOException {
        if (!extensions().contains(FormatRegistry.extension(file))) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public VectorLayer read(Path file, ReadOptions options, Progress progress) throws IOException {
        return new CsvReader(file, options == null ? ReadOptions.DEFAULT : options,
                progress == null ? Progress.NONE : progress).read();
    }
}
