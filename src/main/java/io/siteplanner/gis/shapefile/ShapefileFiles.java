package io.siteplanner.gis.shapefile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of one shapefile.
 *
 * @param shp  the geometry file
 * @param shx  the index
 * @param dbf  the attribute table
 * @param prj  the CRS as WKT, or null
 * @param cpg  the code page of the .dbf text, or null
 * @param base base name used in messages and as the layer name (for a zip, the entry's, not the temp file's)
 */
record ShapefileFiles(Path shp, Path shx, Path dbf, Path prj, Path cpg, String base) {

    /**
     * Finds the companions of a .shp beside it (same base name, extension in any letter case).
     *
     * @throws ShapefileException naming the missing .shx/.dbf
     */
    static ShapefileFiles locate(Path shp) throws IOException, ShapefileException {
        String name = shp.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = shp.toAbsolutePath().getParent();
        Path shx = companion(dir, base, "shx");
        Path dbf = companion(dir, base, "dbf");
        List<String> missing = new ArrayList<>();
        if (shx == null) {
            missing.add(base + ".shx");
        }
        if (dbf == null) {
            missing.add(base + ".dbf");
        }
        if (!missing.isEmpty()) {
            throw new ShapefileException(missing.size() == 1 ? "missing companion file " + missing.get(0)
                    : "missing companion files " + String.join(", ", missing));
        }
        return new ShapefileFiles(shp, shx, dbf, companion(dir, base, "prj"), companion(dir, base, "cpg"), base);
    }

    /** {@code base.ext} in {@code dir}, trying the given case, upper case, then any case; null when absent. */
    static Path companion(Path dir, String base, String ext) throws IOException {
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = dir.resolve(base + "." + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        String want = (base + "." + ext).toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).equals(want) && Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
