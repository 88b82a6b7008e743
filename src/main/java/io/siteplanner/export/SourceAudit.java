package io.siteplanner.export;

import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.scenario.ConstraintSpec;
import io.siteplanner.scoring.scenario.JoinSpec;
import io.siteplanner.scoring.scenario.LayerRef;
import io.siteplanner.scoring.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a scenario's data came from, for the audit pages: per layer (and join table) the file it was read
 * from, the file's last-modified date (UTC) and SHA-256. Layers stored in a project ({@code "@name"}) point
 * to the project file.
 */
public final class SourceAudit {
    /**
     * One source.
     *
     * @param layer    layer id (joins: "layer join")
     * @param file     file name as written in the scenario (or the project file for project layers)
     * @param modified last-modified date, ISO (UTC), or "missing"
     * @param sha256   SHA-256 of the file's bytes, hex, or "" when missing
     */
    public record Source(String layer, String file, String modified, String sha256) {
    }

    private SourceAudit() {
    }

    /** The layer ids a scenario reads: candidates, criteria layers, exclusion layers. */
    public static Set<String> layersUsed(Scenario s) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(s.candidates());
        for (Criterion c : s.criteria()) {
            ids.addAll(c.layers());
        }
        for (ConstraintSpec k : s.constraints()) {
            if (k.isExclusion()) {
                ids.add(k.exclude());
            }
        }
        return ids;
    }

    /**
     * The sources of a scenario.
     *
     * @param baseDir     folder relative paths are resolved against
     * @param projectFile the project file holding {@code "@name"} layers, or null
     */
    public static List<Source> of(Scenario s, Path baseDir, Path projectFile) throws IOException {
        List<Source> out = new ArrayList<>();
        Map<Path, String[]> done = new LinkedHashMap<>();
        for (String id : layersUsed(s)) {
            LayerRef ref = s.layers().get(id);
            if (ref == null) {
                continue;
            }
            out.add(source(id, ref.path(), baseDir, projectFile, done));
            for (JoinSpec j : ref.joins()) {
                out.add(source(id + " join", j.path(), baseDir, projectFile, done));
            }
        }
        return out;
    }

    private static Source source(String layer, String path, Path baseDir, Path projectFile, Map<Path, String[]> done)
            throws IOException {
        boolean inProject = path.startsWith("@") && projectFile != null;
        Path f = inProject ? projectFile : (baseDir == null ? Path.of(path) : baseDir.resolve(path)).normalize();
        String name = inProject ? f.getFileName() + " (table " + path.substring(1) + ")" : path;
        String[] facts = done.get(f);
        if (facts == null) {
            facts = Files.isRegularFile(f) ? new String[] {
                Files.getLastModifiedTime(f).toInstant().atZone(ZoneOffset.UTC).toLocalDateTime().withNano(0)
                        .toString().replace('T', ' '), sha256(f)}
                : new String[] {"missing", ""};
            done.put(f, facts);
        }
        return new Source(layer, name, facts[0], facts[1]);
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
