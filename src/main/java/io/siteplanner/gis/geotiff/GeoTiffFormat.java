package io.siteplanner.gis.geotiff;

import io.siteplanner.gis.RasterSampler;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.Snippets;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import io.siteplanner.model.RasterLayer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.util.factory.Hints;

/**
 * GeoTIFF rasters through GeoTools' {@link GeoTiffReader}, longitude first.
 *
 * <p>Before GeoTools sees a file, {@link TiffStructure} checks the header, the first image directory and
 * that all pixel data lies inside the file, so truncated or corrupt files fail quickly with a clear
 * {@link LayerReadException} (GeoTools would zero-fill a truncated image). A TIFF without georeferencing
 * (no tie point/transformation tags and no world file) is refused. The no-data value comes from the
 * GDAL_NODATA tag; {@link RasterLayer#noData()} is NaN when there is none. The EPSG code is looked up
 * from the CRS.
 *
 * <p>Rasters up to {@link #IN_MEMORY_LIMIT} bytes of pixel data are decoded at once into memory (decode
 * errors surface here, and the file is not kept open); larger ones stay backed by the file, decoded
 * lazily tile by tile by GeoTools, and keep it open for the life of the layer. Use
 * {@link RasterSampler} to read values.
 *
 * <p>The JUL loggers {@code org.geotools.gce.geotiff}, {@code org.geotools.coverage},
 * {@code javax.media.jai}, {@code com.sun.media.jai} and {@code it.geosolutions} (GeoTools' JAI listener
 * prints stack traces of tile decoding failures there) are set to SEVERE when this class loads, and the
 * global logger gets a filter dropping GeoTools' GeoTIFF metadata exceptions below SEVERE: problems are
 * reported through exceptions and layer warnings instead of console noise.
 */
public final class GeoTiffFormat implements LayerFormat {
    /** Pixel data up to this many bytes is loaded into memory when read (256 MB). */
    public static final long IN_MEMORY_LIMIT = 256L << 20;

    private static final Logger GEOTIFF_LOG = Logger.getLogger("org.geotools.gce.geotiff");
    private static final Logger COVERAGE_LOG = Logger.getLogger("org.geotools.coverage");
    /** GeoTools' JAI imaging listener logs tile decoding failures here, with stack traces, at INFO. */
    private static final Logger JAI_LOG = Logger.getLogger("javax.media.jai");
    private static final Logger JAI_UTIL_LOG = Logger.getLogger("com.sun.media.jai");
    private static final Logger IMAGEIO_EXT_LOG = Logger.getLogger("it.geosolutions");

    static {
        GEOTIFF_LOG.setLevel(Level.SEVERE);
        COVERAGE_LOG.setLevel(Level.SEVERE);
        JAI_LOG.setLevel(Level.SEVERE);
        JAI_UTIL_LOG.setLevel(Level.SEVERE);
        IMAGEIO_EXT_LOG.setLevel(Level.SEVERE);
        // GeoTiffException logs every instance to the global logger at INFO: drop just those records
        Logger global = Logger.getLogger(Logger.GLOBAL_LOGGER_NAME);
        Filter previous = global.getFilter();
        global.setFilter(r -> !(r.getLevel().intValue() < Level.SEVERE.intValue() && r.getSourceClassName() != null
                && r.getSourceClassName().startsWith("org.geotools.coverage.grid.io.imageio.geotiff."))
                && (previous == null || previous.isLoggable(r)));
    }

    @Override
    public String id() {
        return "geotiff";
    }

    @Override
    public String displayName() {
        return "GeoTIFF";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("tif", "tiff");
    }

    /** TIFF or BigTIFF magic bytes ({@code II*\0}, {@code MM\0*}, {@code II+\0}, {@code MM\0+}). */
    @Override
    public boolean probe(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        return TiffStructure.isTiffMagic(head);
    }

    @Override
    public RasterLayer read(Path file, ReadOptions options, Progress progress) throws IOException {
        Progress p = progress == null ? Progress.NONE : progress;
        p.update(0, "reading " + file.getFileName());
        TiffStructure tiff = TiffStructure.check(file);
        if (!tiff.hasGeoTransform && worldFile(file) == null) {
            throw new LayerReadException(file, "has no georeferencing: no GeoTIFF tie point or transformation"
                    + " tags and no world file (.tfw); it cannot be placed on the map");
        }
        p.checkCancelled();
        GeoTiffReader reader = null;
        boolean keepOpen = false;
        try {
            reader = new GeoTiffReader(file.toFile(), new Hints(Hints.FORCE_LONGITUDE_FIRST_AXIS_ORDER, Boolean.TRUE));
            GridCoverage2D coverage = reader.read(null);
            if (coverage == null) {
                throw new LayerReadException(file, "GeoTIFF contains no readable image");
            }
            CoordinateReferenceSystem crs = coverage.getCoordinateReferenceSystem2D();
            if (!(crs instanceof GeographicCRS || crs instanceof ProjectedCRS)) {
                throw new LayerReadException(file, "GeoTIFF has no usable coordinate reference system"
                        + (crs == null ? "" : " (found '" + Snippets.token(crs.getName().getCode(), 40) + "')"));
            }
            double noData = noData(reader);
            List<String> warnings = new ArrayList<>();
            p.checkCancelled();
            RenderedImage img = coverage.getRenderedImage();
            long bytes = (long) img.getWidth() * img.getHeight() * img.getSampleModel().getNumBands()
                    * Math.max(1, DataBuffer.getDataTypeSize(img.getSampleModel().getDataType()) / 8);
            if (bytes <= IN_MEMORY_LIMIT) {
                coverage = inMemory(file, coverage, img);
            } else {
                keepOpen = true;
                warnings.add("large raster (" + (bytes >> 20) + " MB of pixels): values are read from the file on"
                        + " demand; keep the file in place while it is loaded");
            }
            Integer epsg = Crs.epsgCode(crs);
            String implausible = Crs.checkPlausible(new org.locationtech.jts.geom.Envelope(
                    coverage.getEnvelope2D().getMinX(), coverage.getEnvelope2D().getMaxX(),
                    coverage.getEnvelope2D().getMinY(), coverage.getEnvelope2D().getMaxY()), crs);
            if (implausible != null) {
                warnings.add(implausible);
            }
            p.update(1, "read " + file.getFileName());
            return new RasterLayer(FormatRegistry.baseName(file), file, coverage, epsg, noData, warnings);
        } catch (LayerReadException | CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LayerReadException(file, "cannot be read as GeoTIFF: " + rootMessage(e), e);
        } catch (OutOfMemoryError e) {
            throw new LayerReadException(file, "raster too large to load into memory", e);
        } finally {
            if (reader != null && !keepOpen) {
                reader.dispose();
            }
        }
    }

    private static double noData(GeoTiffReader reader) {
        try {
            double nd = reader.getMetadata().getNoData();
            return nd;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A copy of the coverage backed by decoded pixels in memory (so decode errors happen now). */
    private static GridCoverage2D inMemory(Path file, GridCoverage2D coverage, RenderedImage img)
            throws LayerReadException {
        WritableRaster raster;
        try {
            raster = img.copyData(null);
        } catch (RuntimeException e) {
            throw new LayerReadException(file, "pixel data cannot be decoded (corrupt file?): " + rootMessage(e), e);
        }
        if (raster.getMinX() != 0 || raster.getMinY() != 0 || img.getColorModel() == null) {
            return coverage; // unusual layout: keep GeoTools' own image
        }
        BufferedImage bi;
        try {
            bi = new BufferedImage(img.getColorModel(), raster, false, null);
        } catch (IllegalArgumentException e) {
            return coverage;
        }
        return new GridCoverageFactory().create(coverage.getName(), bi, coverage.getGridGeometry(),
                coverage.getSampleDimensions(), null, coverage.getProperties());
    }

    private static Path worldFile(Path file) {
        String base = FormatRegistry.baseName(file);
        Path dir = file.toAbsolutePath().getParent();
        for (String ext : new String[] {".tfw", ".TFW", ".tifw", ".TIFW", ".wld", ".WLD"}) {
            Path w = dir.resolve(base + ext);
            if (Files.isRegularFile(w)) {
                return w;
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String m = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                m = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return Snippets.library(m, e.getClass().getSimpleName());
    }
}
