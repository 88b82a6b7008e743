package io.siteplanner.gis.kml;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.Snippets;
import io.siteplanner.gis.kml.KmlLayers.LayerRef;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OGC KML 2.2 and KMZ, streamed with the JDK's StAX parser (hardened against XXE: no DTDs, no external
 * entities; a document that declares or uses entities fails to parse rather than expanding them).
 *
 * <p><b>Layers</b> are named and ordered as {@code ogrinfo} (GDAL's LIBKML driver) lists them: placemarks
 * directly in the root {@code Document} form a layer named after it (first), and every {@code Folder} is
 * a layer of its direct placemarks (see {@link KmlLayers}). {@link ReadOptions#layer()} picks one (exact
 * name, else ignoring case); the default is the first.
 *
 * <p><b>Geometry</b>: Point, LineString, LinearRing, Polygon with holes, MultiGeometry (Multi* when all
 * parts are alike, else GeometryCollection), gx:Track and gx:MultiTrack; see {@link KmlGeometry}. The CRS
 * is always EPSG:4326; coordinates with altitude make the layer 3D. A placemark without geometry is kept
 * with a null geometry (as GDAL); a placemark whose geometry is invalid (non-numeric coordinates, a
 * 1-point line, a 2-point ring) is skipped and counted in one warning with the first line numbers.
 *
 * <p><b>Attributes</b>: {@code Name}, {@code description} and ExtendedData (see {@link KmlFeatureReader}).
 *
 * <p><b>KMZ</b>: {@code doc.kml}, else the first {@code .kml} entry, is parsed straight from the archive
 * (nothing is extracted, so entry names like {@code ../../evil.kml} can do no harm and are never used);
 * NetworkLinks to other {@code .kml} entries of the same archive (as GDAL writes KMZ) are followed as
 * folders. Entries that unpack to more than 1 GiB, or large ones with a compression ratio above 500:1,
 * are refused as zip bombs (see {@link KmlSource}).
 *
 * <p><b>Errors</b>: malformed XML gives "line L, column C: ..."; XML with another root element gives
 * "not KML: ...". Files are read twice (layer list, then the chosen layer) and not kept open.
 */
public final class KmlFormat implements LayerFormat {
    @Override
    public String id() {
        return "kml";
    }

    @Override
    public String displayName() {
        return "KML/KMZ";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("kml", "kmz");
    }

    /**
     * A .kmz that is a zip, a .kml that starts like XML, or a file of another extension whose first KB
     * contain a {@code <kml} element.
     */
    @Override
    public boolean probe(Path file) throws IOException {
        String ext = FormatRegistry.extension(file);
        if (ext.equals("kmz")) {
            return KmlSource.isZip(file);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int i = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean xml = i < text.length() && text.charAt(i) == '<';
        if (ext.equals("kml")) {
            return xml;
        }
        return xml && text.contains("<kml");
    }

    @Override
    public List<String> layerNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (LayerRef ref : KmlLayers.scan(KmlSource.of(file), Progress.NONE)) {
            names.add(ref.name());
        }
        return names;
    }

    @Override
    public VectorLayer read(Path file, ReadOptions options, Progress progress) throws IOException {
        ReadOptions o = options == null ? ReadOptions.DEFAULT : options;
        Progress p = progress == null ? Progress.NONE : progress;
        KmlSource source = KmlSource.of(file);
        List<LayerRef> layers = KmlLayers.scan(source, p.sub(0, 0.2));
        LayerRef chosen = choose(file, layers, o.layer());
        KmlFeatureReader reader = new KmlFeatureReader(source, chosen.container());
        new KmlWalker(source, reader, p.sub(0.2, 1)).walk();
        VectorLayer layer = reader.build(chosen.name(), p);
        p.update(1, "read " + file.getFileName());
        return layer;
    }

    private static LayerRef choose(Path file, List<LayerRef> layers, String wanted) throws LayerReadException {
        if (wanted == null) {
            return layers.get(0);
        }
        for (LayerRef r : layers) {
            if (r.name().equals(wanted)) {
                return r;
            }
        }
        for (LayerRef r : layers) {
            if (r.name().equalsIgnoreCase(wanted)) {
                return r;
            }
        }
        List<String> names = new ArrayList<>();
        layers.forEach(r -> names.add(r.name()));
        throw new LayerReadException(file, "no layer named '" + Snippets.token(wanted, 40) + "' (layers: " + Snippets.list(names) + ")");
    }
}
