package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;

/**
 * Writes ranked sites as CSV (RFC 4180, UTF-8, "\n" line ends), one row per {@link SiteTable} row.
 * Numbers are written in Java's shortest round-trip form; a missing value is an empty cell. Rows are
 * formatted in parallel chunks and written in order through {@link AtomicWrite} (temp file + move).
 */
public final class ResultsCsvWriter {
    private static final int CHUNK = 8192;

    private ResultsCsvWriter() {
    }

    /** Writes the top rows (top &lt;= 0: all) in the {@link ResultColumns} layout. */
    public static void write(ScoreResult r, int top, Path out, Progress progress) throws IOException {
        write(SiteTable.ranked(r, top), out, progress);
    }

    /** Writes a table. */
    public static void write(SiteTable t, Path out, Progress progress) throws IOException {
        AtomicWrite.write(out, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                List<String> names = t.names();
                StringBuilder head = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        head.append(',');
                    }
                    quote(head, names.get(i));
                }
                head.append('\n');
                os.write(head.toString().getBytes(StandardCharsets.UTF_8));
                int rows = t.size();
                int chunks = (rows + CHUNK - 1) / CHUNK;
                byte[][] parts = new byte[chunks][];
                ChunkRunner.run(ChunkRunner.identity(chunks), 1, progress, "writing CSV", (ord, from, to) -> {
                    Object[] v = null;
                    for (int k = from; k < to; k++) {
                        StringBuilder sb = new StringBuilder(CHUNK * 64);
                        int end = Math.min(rows, (ord[k] + 1) * CHUNK);
                        for (int p = ord[k] * CHUNK; p < end; p++) {
                            v = t.values(p, v);
                            for (int c = 0; c < names.size(); c++) {
                                if (c > 0) {
                                    sb.append(',');
                                }
                                cell(sb, v[c]);
                            }
                            sb.append('\n');
                        }
                        parts[ord[k]] = sb.toString().getBytes(StandardCharsets.UTF_8);
                    }
                });
                for (byte[] b : parts) {
                    os.write(b);
                }
            }
        });
    }

    private static void cell(StringBuilder sb, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Double) {
            sb.append(((Double) v).doubleValue());
        } else if (v instanceof Long) {
            sb.append(((Long) v).longValue());
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v) ? "true" : "false");
        } else {
            String s = v.toString();
            if (!s.isEmpty()) {
                quote(sb, s);
            }
        }
    }

    /** Appends a CSV cell, quoted (RFC 4180) when it holds a comma, quote or line break. */
    public static void quote(StringBuilder sb, String v) {
        boolean q = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                q = true;
                break;
            }
        }
        if (!q) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
