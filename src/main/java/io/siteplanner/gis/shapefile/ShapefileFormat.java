package io.siteplanner.gis.shapefile;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * ESRI Shapefile reader, written from the ESRI Shapefile Technical Description (1998) and the dBASE III
 * table format: a .shp with its .shx and .dbf (required), .prj (CRS, optional) and .cpg (text encoding,
 * optional), or a .zip holding one or more of them (each .shp is a layer; {@link ReadOptions#layer()}
 * picks one, default the first).
 *
 * <p>Contract and limits:
 * <ul>
 * <li>Shape types Null, Point, MultiPoint, PolyLine, Polygon and their Z and M variants. Z values are kept
 * in the coordinates ({@link io.siteplanner.model.VectorLayer#hasZ()} is true for Z files), M values are
 * dropped. MultiPatch is refused with a clear error.</li>
 * <li>Declared geometry type as ogrinfo reports it: Point, Multi Point, Line String, Polygon. Records become
 * Point, MultiPoint, LineString or MultiLineString (several parts), Polygon or MultiPolygon (rings assembled
 * into shells and holes, see {@link RingAssembler}).</li>
 * <li>Feature ids are the 1-based shapefile record numbers. Null shapes are kept with a null geometry;
 * deleted .dbf records are skipped; undecodable records are skipped and counted in one warning per kind.</li>
 * <li>Text encoding: {@link ReadOptions#encoding()}, else the .cpg, else the .dbf language driver id,
 * else ISO-8859-1 (the dBASE default).</li>
 * <li>CRS from the .prj (ESRI or OGC WKT); the EPSG code is left to {@link io.siteplanner.gis.Crs#label}
 * (looked up lazily). Without a .prj the CRS is {@link ReadOptions#crs()} or unknown (with a warning).</li>
 * <li>Errors ({@link LayerReadException}): missing .shx/.dbf, bad file code, unknown shape type, broken .prj
 * or .dbf header. A truncated .shp yields its complete records and a warning.</li>
 * </ul>
 */
public final class ShapefileFormat implements LayerFormat {
    @Override
    public String id() {
        return "shapefile";
    }

    @Override
    public String displayName() {
        return "ESRI Shapefile";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("shp", "zip");
    }

    /** A .shp with file code 9994 (big-endian, byte 0) and version 1000 (little-endian, byte 28), or a zip holding a .shp. */
    @Override
    public boolean probe(Path file) throws IOException {
        if (FormatRegistry.extension(file).equals("zip")) {
            return ShapefileZip.hasShapefile(file);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(100);
        }
        if (head.length < 100) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        return b.order(ByteOrder.BIG_ENDIAN).getInt(0) == 9994 && b.order(ByteOrder.LITTLE_ENDIAN).getInt(28) == 1000;
    }

    @Override
    public List<String> layerNames(Path file) throws IOException {
        if (FormatRegistry.extension(file).equals("zip")) {
            ShapefileZip.Listing l = ShapefileZip.list(file);
            if (l.layers().isEmpty()) {
                throw new LayerReadException(file, "no shapefile (.shp) in the zip");
            }
            return l.names();
        }
        return List.of(FormatRegistry.baseName(file));
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        ReadOptions o = options == null ? ReadOptions.DEFAULT : options;
        Progress p = progress == null ? Progress.NONE : progress;
        try {
            if (FormatRegistry.extension(file).equals("zip")) {
                return ShapefileZip.read(file, o, p);
            }
            return ShapefileReader.read(ShapefileFiles.locate(file), file, o, p, List.of());
        } catch (ShapefileException e) {
            throw new LayerReadException(file, e.getMessage());
        } catch (LayerReadException | CancelledException e) {
            throw e;
        } catch (IOException e) {
            throw new LayerReadException(file, "cannot be read: " + ShapefileReader.firstLine(e), e);
        }
    }
}
