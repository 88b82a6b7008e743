package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a rendered map image as PNG (atomically). */
public final class PngExport {
    private PngExport() {
    }

    public static void write(BufferedImage img, Path target) throws IOException {
        AtomicWrite.write(target, tmp -> {
            // PNG has no premultiplied alpha: convert to plain ARGB first
            BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
            out.getGraphics().drawImage(img, 0, 0, null);
            if (!ImageIO.write(out, "png", tmp.toFile())) {
                throw new IOException(target + ": no PNG writer available");
            }
        });
    }
}
