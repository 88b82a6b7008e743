package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.gis.Crs;
import io.siteplanner.render.Viewport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a rendered map image as PNG (atomically), georeferenced like GDAL and QGIS expect: a world file
 * ({@code .pgw}: pixel size, rotation 0, the centre of the upper-left pixel) and a {@code .prj} with the
 * display CRS (EPSG:3857, WGS 84 / Pseudo-Mercator) beside it.
 */
public final class PngExport {
    /** The map images' CRS. */
    public static final String CRS = "EPSG:3857";

    private PngExport() {
    }

    /** The image only (no georeference). */
    public static void write(BufferedImage img, Path target) throws IOException {
        AtomicWrite.write(target, png(img, target));
    }

    /**
     * The image with its world file and .prj (the viewport it was drawn with, EPSG:3857), written as one
     * ({@link AtomicWrite#writeAll}: all three to temp files, then moved, the image last).
     */
    public static void write(BufferedImage img, Viewport vp, Path target) throws IOException {
        String world = worldFile(vp);
        String prj = Crs.decode(CRS).toWKT() + "\n";
        java.util.LinkedHashMap<Path, AtomicWrite.Writer> files = new java.util.LinkedHashMap<>();
        files.put(sibling(target, ".pgw"), tmp -> Files.writeString(tmp, world, StandardCharsets.US_ASCII));
        files.put(sibling(target, ".prj"), tmp -> Files.writeString(tmp, prj, StandardCharsets.UTF_8));
        files.put(target, png(img, target));
        AtomicWrite.writeAll(files);
    }

    private static AtomicWrite.Writer png(BufferedImage img, Path target) {
        return tmp -> {
            // PNG has no premultiplied alpha: convert to plain ARGB first
            BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
            out.getGraphics().drawImage(img, 0, 0, null);
            if (!ImageIO.write(out, "png", tmp.toFile())) {
                throw new IOException(target + ": no PNG writer available");
            }
        };
    }

    /** The six lines of an ESRI world file for a viewport. */
    public static String worldFile(Viewport vp) {
        double r = vp.resolution();
        return String.format(Locale.ROOT, "%.10f%n0.0%n0.0%n%.10f%n%.10f%n%.10f%n", r, -r, vp.minX() + r / 2,
                vp.maxY() - r / 2);
    }

    /** file.png -> file.pgw / file.prj. */
    static Path sibling(Path target, String ext) {
        String n = target.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return target.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ext);
    }
}
