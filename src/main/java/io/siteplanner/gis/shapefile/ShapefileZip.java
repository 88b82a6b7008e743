package io.siteplanner.gis.shapefile;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.ZipLimits;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Shapefiles inside a .zip. Each .shp entry is a layer (named by its base name; by its path inside the zip
 * when two share a base name); its companions are the entries with the same path and another extension
 * (any letter case).
 *
 * <p>Safety: entries whose path is absolute or contains a {@code ..} segment are ignored (and reported),
 * and so are macOS resource forks ({@code __MACOSX/}, {@code ._name}). Reading copies the chosen layer's
 * five files into a fresh directory from {@link Files#createTempDirectory} under fixed names
 * ({@code layer.shp}, ...), so no entry name ever becomes a path; the directory is deleted afterwards.
 * Zip bombs are refused by {@link ZipLimits}: declared sizes are checked first, inflated bytes are counted
 * per entry (size and compression ratio) and for the layer's files together
 * ({@link #MAX_TOTAL_BYTES}), so a bomb stops after a few MB of temporary file, not gigabytes.
 */
final class ShapefileZip {
    /** The five files of one layer may unpack to at most this many bytes together. */
    static final long MAX_TOTAL_BYTES = 8L << 30;
    private static final String[] PARTS = {"shp", "shx", "dbf", "prj", "cpg"};

    /** One layer: display name and entry name per lower-case extension. */
    record ZipLayer(String name, Map<String, String> entries) {
    }

    /** The layers of a zip, and the entries ignored for their unsafe paths. */
    record Listing(List<ZipLayer> layers, List<String> unsafe) {
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (ZipLayer l : layers) {
                out.add(l.name());
            }
            return out;
        }
    }

    private ShapefileZip() {
    }

    /** Opens a zip; entry names that are not UTF-8 (old Windows zips) are read as code page 437. */
    static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            Charset dos = CodePages.codePage(437);
            if (dos == null) {
                throw e;
            }
            return new ZipFile(zip.toFile(), dos);
        }
    }

    static Listing list(Path zip) throws IOException {
        try (ZipFile zf = open(zip)) {
            return list(zf);
        }
    }

    static Listing list(ZipFile zf) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Map<String, String> shpPrefix = new LinkedHashMap<>();
        List<String> unsafe = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = zf.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            String norm = name.replace('\\', '/');
            if (!isSafe(norm)) {
                unsafe.add(name);
                continue;
            }
            String file = norm.substring(norm.lastIndexOf('/') + 1);
            if (norm.startsWith("__MACOSX/") || norm.contains("/__MACOSX/") || file.startsWith("._")) {
                continue;
            }
            int dot = norm.lastIndexOf('.');
            if (dot <= norm.lastIndexOf('/') + 1) {
                continue;
            }
            String ext = norm.substring(dot + 1).toLowerCase(Locale.ROOT);
            String prefix = norm.substring(0, dot);
            String key = prefix.toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(ext, name);
            if (ext.equals("shp")) {
                shpPrefix.putIfAbsent(key, prefix);
            }
        }
        Map<String, Integer> baseCount = new HashMap<>();
        for (String prefix : shpPrefix.values()) {
            baseCount.merge(baseOf(prefix).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<ZipLayer> layers = new ArrayList<>();
        for (Map.Entry<String, String> e : shpPrefix.entrySet()) {
            String prefix = e.getValue();
            String base = baseOf(prefix);
            String name = baseCount.get(base.toLowerCase(Locale.ROOT)) > 1 ? prefix : base;
            layers.add(new ZipLayer(name, groups.get(e.getKey())));
        }
        return new Listing(layers, unsafe);
    }

    private static String baseOf(String prefix) {
        return prefix.substring(prefix.lastIndexOf('/') + 1);
    }

    /** Relative, without "..", drive letters or NUL: a name that cannot point outside a directory. */
    static boolean isSafe(String norm) {
        if (norm.isEmpty() || norm.startsWith("/") || norm.indexOf('\0') >= 0 || norm.indexOf(':') >= 0) {
            return false;
        }
        for (String seg : norm.split("/")) {
            if (seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** True when the file is a readable zip with at least one safe .shp entry. */
    static boolean hasShapefile(Path zip) {
        try {
            return !list(zip).layers().isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads one layer (options.layer, default the first) of the zip. */
    static VectorLayer read(Path zip, ReadOptions options, Progress progress) throws IOException, ShapefileException {
        try (ZipFile zf = open(zip)) {
            Listing listing = list(zf);
            if (listing.layers().isEmpty()) {
                throw new ShapefileException(listing.unsafe().isEmpty() ? "no shapefile (.shp) in the zip"
                        : "no shapefile in the zip (ignored " + listing.unsafe().size()
                                + " entries with unsafe paths such as '" + Snippets.token(listing.unsafe().get(0), 40)
                                + "')");
            }
            ZipLayer layer = choose(listing, options.layer());
            for (String need : new String[] {"shx", "dbf"}) {
                if (!layer.entries().containsKey(need)) {
                    throw new ShapefileException("missing companion file " + Snippets.token(layer.name(), 40)
                            + "." + need + " in the zip");
                }
            }
            List<String> warnings = new ArrayList<>();
            if (!listing.unsafe().isEmpty()) {
                warnings.add("ignored " + listing.unsafe().size() + " zip entr" + (listing.unsafe().size() == 1 ? "y" : "ies")
                        + " with unsafe paths (such as '" + Snippets.token(listing.unsafe().get(0), 40) + "')");
            }
            for (String ext : PARTS) {
                String entryName = layer.entries().get(ext);
                String problem = entryName == null ? null : ZipLimits.declaredProblem(zf.getEntry(entryName));
                if (problem != null) {
                    throw new LayerReadException(zip, problem);
                }
            }
            Path dir = Files.createTempDirectory("siteplanner-shp-");
            try {
                Map<String, Path> extracted = new HashMap<>();
                ZipLimits.Budget budget = new ZipLimits.Budget(MAX_TOTAL_BYTES);
                for (String ext : PARTS) {
                    String entryName = layer.entries().get(ext);
                    if (entryName != null) {
                        progress.checkCancelled();
                        Path target = dir.resolve("layer." + ext);
                        extract(zip, zf, zf.getEntry(entryName), target, budget);
                        extracted.put(ext, target);
                    }
                }
                ShapefileFiles files = new ShapefileFiles(extracted.get("shp"), extracted.get("shx"),
                        extracted.get("dbf"), extracted.get("prj"), extracted.get("cpg"), layer.name());
                return ShapefileReader.read(files, zip, options, progress, warnings);
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static ZipLayer choose(Listing listing, String wanted) throws ShapefileException {
        if (wanted == null || wanted.isBlank()) {
            return listing.layers().get(0);
        }
        for (ZipLayer l : listing.layers()) {
            if (l.name().equals(wanted)) {
                return l;
            }
        }
        for (ZipLayer l : listing.layers()) {
            if (l.name().equalsIgnoreCase(wanted) || baseOf(l.name()).equalsIgnoreCase(wanted)) {
                return l;
            }
        }
        throw new ShapefileException("no layer named '" + Snippets.token(wanted, 40) + "' in the zip (layers: "
                + Snippets.list(listing.names()) + ")");
    }

    private static void extract(Path zip, ZipFile zf, ZipEntry entry, Path target, ZipLimits.Budget budget)
            throws IOException, ShapefileException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = ZipLimits.bounded(zip, entry, zf.getInputStream(entry), budget);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
            }
        } catch (ZipException e) {
            throw new ShapefileException("zip entry " + Snippets.token(entry.getName(), 40) + " is damaged: "
                    + ShapefileReader.firstLine(e));
        }
    }

    /** Deletes the temp directory; files that cannot be deleted now (locked) are deleted at exit. */
    private static void deleteTree(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            // fall through to the directory itself
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
