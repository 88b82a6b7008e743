package io.siteplanner.gis.topojson;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
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
import java.util.regex.Pattern;

/**
 * Reads TopoJSON (<a href="https://github.com/topojson/topojson-specification">specification 1.0</a>),
 * e.g. the us-atlas and world-atlas files, streamed with Jackson (see {@link TopologyParser}).
 *
 * <p>Contract, following GDAL's TopoJSON driver (checked with {@code ogrinfo} 3.6):
 * <ul>
 * <li><b>Layers</b>: every GeometryCollection member of {@code objects} is a layer named after the member,
 *     in file order, whose features are the collection's geometries (one level: a GeometryCollection
 *     inside it is skipped, with a warning). Members that are single geometries all go to one last layer
 *     named {@code TopoJSON}, with the member's name as their id. {@link ReadOptions#layer()} picks a layer
 *     (exact name, else ignoring case); the default is the first.</li>
 * <li><b>Geometry</b>: arcs are decoded (delta-encoded and transformed when there is a {@code transform}:
 *     x = x_q * scale[0] + translate[0]), negative indexes ({@code ~i}) reverse arc i, consecutive arcs are
 *     joined without repeating the shared position; Point and MultiPoint coordinates are transformed but
 *     not delta-encoded. Rings with fewer than 4 positions are dropped and counted in a warning (GDAL drops
 *     them silently); unclosed rings are closed with a warning; positions beyond x and y are ignored.
 *     A {@code "type": null} geometry is kept as a feature without geometry (GDAL drops it); a geometry
 *     object without a type, of an unknown type or malformed is skipped and counted in one warning.</li>
 * <li><b>Attributes</b>: {@code id} first, a string field (string and integer ids, as GDAL; a property
 *     named {@code id} wins), then the {@code properties} typed as the GeoJSON reader types them. The fid is
 *     the geometry's 1-based position in its collection (GDAL numbers from 0).</li>
 * <li><b>CRS</b>: TopoJSON has none: EPSG:4326 longitude/latitude unless {@link ReadOptions#crs()} names
 *     one; implausible bounds give a warning.</li>
 * <li><b>Errors</b> ({@link LayerReadException} naming the file): malformed or truncated JSON (line and
 *     column), JSON nested deeper than {@link TopologyParser#MAX_NESTING_DEPTH}, a document that is not a
 *     Topology, missing {@code objects} or {@code arcs}, a malformed {@code transform} or arc, an arc index
 *     that is not an integer or out of range (GDAL ignores those), and arcs that would expand to more
 *     than {@link LayerBuilder#MAX_VERTICES} vertices in one layer.</li>
 * </ul>
 * The whole file is parsed for a read (all layers' geometry objects, with arc indexes; geometries only for
 * the chosen layer), and once more, skipping arcs and geometries, to list the layers. Stateless and
 * thread-safe.
 */
public final class TopoJsonFormat implements LayerFormat {
    private static final int PROBE_BYTES = 4096;
    private static final Pattern TOPOLOGY = Pattern.compile("\"type\"\\s*:\\s*\"Topology\"");

    @Override
    public String id() {
        return "topojson";
    }

    @Override
    public String displayName() {
        return "TopoJSON";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("topojson", "json");
    }

    /**
     * A JSON object whose first 4 KB contain {@code "type": "Topology"}; with the {@code .topojson}
     * extension any JSON object (reading then says what is wrong). Registered before GeoJSON, which also
     * claims {@code .json}.
     */
    @Override
    public boolean probe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        }
        String s = new String(head, StandardCharsets.ISO_8859_1);
        int i = s.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '{') {
            return false;
        }
        return TOPOLOGY.matcher(s).find() || "topojson".equals(FormatRegistry.extension(file));
    }

    @Override
    public List<String> layerNames(Path file) throws IOException {
        checkFile(file);
        return TopologyParser.layerNames(file);
    }

    @Override
    public VectorLayer read(Path file, ReadOptions options, Progress progress) throws IOException {
        ReadOptions o = options == null ? ReadOptions.DEFAULT : options;
        Progress p = progress == null ? Progress.NONE : progress;
        checkFile(file);
        Topology topology = TopologyParser.read(file, p.sub(0, 0.7));
        Topology.Layer layer = choose(file, topology.layers(), o.layer());
        return LayerBuilder.build(file, topology, layer, o, p.sub(0.7, 1));
    }

    private static void checkFile(Path file) throws LayerReadException {
        if (!Files.isRegularFile(file)) {
            throw new LayerReadException(file, Files.exists(file) ? "not a TopoJSON file (not a regular file)"
                    : "file not found");
        }
    }

    private static Topology.Layer choose(Path file, List<Topology.Layer> layers, String wanted)
            throws LayerReadException {
        if (layers.isEmpty()) {
            throw new LayerReadException(file, "the topology has no layers (no GeometryCollection or geometry in"
                    + " its objects)");
        }
        if (wanted == null) {
            return layers.get(0);
        }
        for (Topology.Layer l : layers) {
            if (l.name().equals(wanted)) {
                return l;
            }
        }
        for (Topology.Layer l : layers) {
            if (l.name().equalsIgnoreCase(wanted)) {
                return l;
            }
        }
        List<String> names = new ArrayList<>();
        layers.forEach(l -> names.add(l.name()));
        throw new LayerReadException(file, "no layer named '" + wanted + "' (layers: " + String.join(", ", names)
                + ")");
    }
}
