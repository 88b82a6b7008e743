package io.siteplanner.scoring;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV attribute table (no geometry) for joins: first row = header, delimiter sniffed from the header
 * (comma, semicolon, tab or pipe), RFC 4180 quotes, UTF-8 (BOM skipped). Column types are inferred:
 * all values integers -&gt; INTEGER, all numbers -&gt; REAL, else STRING (empty cells are null). A column
 * whose values have leading zeros ("01001") stays STRING so codes keep their form.
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static VectorLayer read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new LayerReadException(file, "file not found");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nl = text.indexOf('\n');
        String head = nl < 0 ? text : text.substring(0, nl);
        char delim = ',';
        int best = -1;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            int k = 0;
            for (int i = 0; i < head.length(); i++) {
                if (head.charAt(i) == c) {
                    k++;
                }
            }
            if (k > best) {
                best = k;
                delim = c;
            }
        }
        List<List<String>> rows = parse(text, delim, file);
        if (rows.isEmpty()) {
            throw new LayerReadException(file, "no header row");
        }
        List<String> header = rows.get(0);
        int cols = header.size();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < cols; c++) {
            if (!seen.add(header.get(c))) {
                throw new LayerReadException(file, "duplicate column name '" + header.get(c) + "'");
            }
        }
        List<String> warnings = new ArrayList<>();
        int bad = 0;
        int firstBad = -1;
        List<List<String>> data = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != cols) {
                if (bad++ == 0) {
                    firstBad = r + 1;
                }
                continue;
            }
            data.add(row);
        }
        if (bad > 0) {
            warnings.add(bad + " rows skipped: wrong number of columns (first at line " + firstBad + ")");
        }
        FieldType[] types = new FieldType[cols];
        for (int c = 0; c < cols; c++) {
            boolean allLong = true;
            boolean allNum = true;
            boolean leadingZero = false;
            for (List<String> row : data) {
                String v = row.get(c).trim();
                if (v.isEmpty()) {
                    continue;
                }
                if (v.length() > 1 && v.charAt(0) == '0' && Character.isDigit(v.charAt(1))) {
                    leadingZero = true;
                }
                if (allLong) {
                    try {
                        Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        allLong = false;
                    }
                }
                if (!allLong && allNum) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        allNum = false;
                    }
                }
            }
            types[c] = leadingZero ? FieldType.STRING : allLong ? FieldType.INTEGER : allNum ? FieldType.REAL
                    : FieldType.STRING;
        }
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            fields.add(new Field(header.get(c).trim(), types[c]));
        }
        VectorLayer.Builder b = VectorLayer.builder(file.getFileName().toString()).source(file)
                .schema(new Schema(fields)).geometryType(GeometryType.NONE);
        long fid = 1;
        for (List<String> row : data) {
            Object[] v = new Object[cols];
            for (int c = 0; c < cols; c++) {
                String s = row.get(c).trim();
                if (s.isEmpty()) {
                    continue;
                }
                v[c] = types[c] == FieldType.INTEGER ? (Object) Long.parseLong(s)
                        : types[c] == FieldType.REAL ? (Object) Double.parseDouble(s) : s;
            }
            b.add(new Feature(fid++, null, v));
        }
        warnings.forEach(b::warn);
        return b.build();
    }

    private static List<List<String>> parse(String text, char delim, Path file) throws LayerReadException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == delim) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new LayerReadException(file, "line " + line + ": unterminated quoted value");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
