package io.siteplanner.gis.kml;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.Limits;
import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.ZipLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Where the KML text comes from: a .kml file, or an entry of a .kmz (zip) archive read straight from the
 * archive into the parser, never extracted to disk, so entry names such as {@code ../../evil.kml} cannot
 * write anywhere. Such unsafe names (with {@code ..}, absolute, or with a drive letter) are also never
 * chosen as the document or followed as links.
 *
 * <p>Zip-bomb guards ({@link ZipLimits}): an entry whose declared size exceeds {@link #MAX_ENTRY_BYTES}, or
 * that is larger than {@link Limits#ZIP_RATIO_MIN_BYTES} and declares a compression ratio above
 * {@link Limits#MAX_ZIP_RATIO}, is refused before reading; while reading, the bytes actually inflated are
 * counted and the read stops with an error past those limits whatever the header said, and past
 * {@link #MAX_ENTRY_BYTES} of KML text from all the entries one walk follows.
 */
final class KmlSource {
    /** Largest KML text accepted from one archive (1 GiB, all entries one walk follows together). */
    static final long MAX_ENTRY_BYTES = 1L << 30;

    private final Path file;
    private final boolean zip;
    private final String docEntry;

    private KmlSource(Path file, boolean zip, String docEntry) {
        this.file = file;
        this.zip = zip;
        this.docEntry = docEntry;
    }

    /** Opens the description of a .kml or .kmz file (a zip is recognised by its magic bytes). */
    static KmlSource of(Path file) throws IOException {
        if (!isZip(file)) {
            return new KmlSource(file, false, null);
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            return new KmlSource(file, true, chooseDocument(file, z));
        } catch (ZipException e) {
            throw new LayerReadException(file, "not a valid KMZ (zip) archive: " + Snippets.library(e), e);
        }
    }

    static boolean isZip(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    boolean isZip() {
        return zip;
    }

    Path file() {
        return file;
    }

    /** The archive entry holding the document, or null for a plain .kml file. */
    String documentEntry() {
        return docEntry;
    }

    /** Name used for the root layer when the document has no name: the file's base name. */
    String baseName() {
        return FormatRegistry.baseName(file);
    }

    /** Prefix for positions in error messages: "" for a .kml, "doc.kml " for an archive entry. */
    String where(String entry) {
        return entry == null ? "" : entry + " ";
    }

    private static String chooseDocument(Path file, ZipFile z) throws LayerReadException {
        String first = null;
        List<String> unsafe = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = z.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (e.isDirectory() || !name.toLowerCase(Locale.ROOT).endsWith(".kml")) {
                continue;
            }
            if (!isSafe(name)) {
                unsafe.add(name);
                continue;
            }
            if (name.equalsIgnoreCase("doc.kml")) {
                return name;
            }
            if (first == null) {
                first = name;
            }
        }
        if (first != null) {
            return first;
        }
        throw new LayerReadException(file, "the KMZ archive contains no KML document (doc.kml)"
                + (unsafe.isEmpty() ? "" : "; " + unsafe.size() + " entries with unsafe paths (such as '"
                        + Snippets.token(unsafe.get(0), 40) + "') were ignored"));
    }

    /** True for a relative entry name without ".." segments, drive letters or backslash tricks. */
    static boolean isSafe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.indexOf(':') >= 0 || n.isEmpty()) {
            return false;
        }
        for (String seg : n.split("/", -1)) {
            if (seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves a link {@code href} of the entry {@code from} to another entry of the archive, or null when
     * it is not a safe relative path to an existing {@code .kml} entry.
     */
    String resolve(String from, String href) throws IOException {
        if (!zip || href == null) {
            return null;
        }
        String h = href.trim();
        int hash = h.indexOf('#');
        if (hash >= 0) {
            h = h.substring(0, hash);
        }
        if (h.isEmpty() || h.contains("://") || !isSafe(h) || !h.toLowerCase(Locale.ROOT).endsWith(".kml")) {
            return null;
        }
        int slash = from == null ? -1 : from.lastIndexOf('/');
        String candidate = slash < 0 ? h : from.substring(0, slash + 1) + h;
        candidate = normalise(candidate);
        if (candidate == null) {
            return null;
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            return z.getEntry(candidate) != null ? candidate : null;
        }
    }

    private static String normalise(String path) {
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            out.add(seg);
        }
        return out.isEmpty() ? null : String.join("/", out);
    }

    /**
     * Opens the main document (entry null) or another archive entry. The caller closes the stream. Archive
     * entries are bounded by {@link ZipLimits} (declared sizes checked first, inflated bytes counted) and
     * by {@code budget}, shared by every entry of one walk.
     */
    InputStream open(String entry, ZipLimits.Budget budget) throws IOException {
        if (!zip) {
            return Files.newInputStream(file);
        }
        ZipFile z = new ZipFile(file.toFile());
        try {
            ZipEntry e = z.getEntry(entry);
            if (e == null) {
                throw new LayerReadException(file, "archive entry " + Snippets.token(entry, 40) + " is missing");
            }
            String problem = ZipLimits.declaredProblem(e);
            if (problem == null && e.getSize() > MAX_ENTRY_BYTES) {
                problem = "zip entry " + Snippets.token(entry, 40) + " would unpack to " + e.getSize()
                        + " bytes, more than the " + (MAX_ENTRY_BYTES >> 20) + " MB limit for a KML document";
            }
            if (problem != null) {
                throw new LayerReadException(file, problem);
            }
            InputStream in = ZipLimits.bounded(file, e, z.getInputStream(e), budget);
            return new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        z.close();
                    }
                }
            };
        } catch (IOException | RuntimeException ex) {
            z.close();
            throw ex;
        }
    }

    /** A budget for one walk: at most {@link #MAX_ENTRY_BYTES} of KML text from all entries together. */
    static ZipLimits.Budget walkBudget() {
        return new ZipLimits.Budget(MAX_ENTRY_BYTES);
    }
}
