package io.siteplanner.export;

import io.siteplanner.model.Progress;
import io.siteplanner.scoring.AtomicFiles;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.spatial.ChunkRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes ranked sites as CSV (RFC 4180, UTF-8, "\n" line ends) in rank order with the
 * {@link ResultColumns}. Numbers are written in Java's shortest round-trip form; a missing raw value is an
 * empty cell. Rows are formatted in parallel chunks and written in order to a temp file in the target
 * folder, then moved into place atomically.
 */
public final class ResultsCsvWriter {
    private static final int CHUNK = 8192;

    private ResultsCsvWriter() {
    }

    /** Writes the top rows (top &lt;= 0: all). */
    public static void write(ScoreResult r, int top, Path out, Progress progress) throws IOException {
        ScoringSession s = r.session();
        int rows = ResultColumns.rows(r, top);
        int m = s.criteria().size();
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                List<String> names = ResultColumns.names(s);
                StringBuilder head = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        head.append(',');
                    }
                    quote(head, names.get(i));
                }
                head.append('\n');
                os.write(head.toString().getBytes(StandardCharsets.UTF_8));
                int chunks = (rows + CHUNK - 1) / CHUNK;
                byte[][] parts = new byte[chunks][];
                ChunkRunner.run(ChunkRunner.identity(chunks), 1, progress, "writing CSV", (ord, from, to) -> {
                    for (int k = from; k < to; k++) {
                        StringBuilder sb = new StringBuilder(CHUNK * 64);
                        int end = Math.min(rows, (ord[k] + 1) * CHUNK);
                        for (int p = ord[k] * CHUNK; p < end; p++) {
                            int site = r.siteAt(p);
                            sb.append(p + 1).append(',');
                            Object id = s.id(site);
                            if (id != null) {
                                quote(sb, id.toString());
                            }
                            sb.append(',').append(r.score(site));
                            for (int c = 0; c < m; c++) {
                                sb.append(',');
                                double v = s.raw(c)[site];
                                if (v == v) {
                                    sb.append(v);
                                }
                            }
                            sb.append(',').append(r.passed(site) ? "true" : "false").append(',');
                            String reasons = ResultColumns.reasons(r, site);
                            if (!reasons.isEmpty()) {
                                quote(sb, reasons);
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
            AtomicFiles.move(tmp, out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void quote(StringBuilder sb, String v) {
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
