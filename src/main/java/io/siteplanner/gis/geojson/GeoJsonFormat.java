package io.siteplanner.gis.geojson;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads GeoJSON (RFC 7946 and the 2008 specification with its {@code crs} member), streaming with Jackson
 * so that a file of hundreds of MB is never held as a tree.
 *
 * <p>Contract:
 * <ul>
 * <li>Accepts a FeatureCollection, a single Feature (also several Features one after another, as in
 *     newline-delimited GeoJSON) or a bare geometry. All seven geometry types, nested GeometryCollections
 *     and Z coordinates ({@link io.siteplanner.model.VectorLayer#hasZ()}); M values are dropped.</li>
 * <li>CRS: EPSG:4326 longitude/latitude unless a legacy {@code crs} member ({@code name}, {@code EPSG} or
 *     {@code OGC} type; anywhere in the root object, also after {@code features}) names another; coordinates
 *     are always taken x = first number (GDAL does the same for EPSG:4326 URNs). {@link ReadOptions#crs()}
 *     overrides both. The bounds are checked with {@link io.siteplanner.gis.Crs#checkPlausible} and a
 *     problem becomes a layer warning.</li>
 * <li>Properties: one field per key (first-appearance order) with a type inferred over all features (see
 *     {@link PropertyTable}); nested objects and arrays become their JSON text. An integral, unique
 *     feature {@code id} becomes the fid; other ids (strings) go to an {@code id} field like GDAL does,
 *     and the fid is the 1-based position of the feature in the file (skipped features keep their number).</li>
 * <li>Malformed or truncated JSON, and JSON that is not GeoJSON, fail with a {@link LayerReadException}
 *     naming the line and column. Features with a null geometry are kept; features whose geometry is
 *     invalid (non-numeric or non-finite coordinates, fewer than 2 numbers, LineString with 1 position,
 *     ring with fewer than 4 positions, unknown type) are skipped and counted in one warning naming the
 *     first feature indexes (1-based); so are objects in {@code features} that are not Features. Unclosed
 *     rings are closed, with a warning.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class GeoJsonFormat implements LayerFormat {
    private static final int PROBE_BYTES = 4096;

    @Override
    public String id() {
        return "geojson";
    }

    @Override
    public String displayName() {
        return "GeoJSON";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("geojson", "json");
    }

    /**
     * For {@code .geojson}/{@code .json}: the first non-space character is '{' and {@code "type"} occurs in
     * the first 4 KB. Other files must also mention a Feature, {@code coordinates} or {@code geometries}
     * there (and not be TopoJSON).
     */
    @Override
    public boolean probe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[PROBE_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        }
        return GeoJsonReader.looksLikeGeoJson(head, n, extensions().contains(FormatRegistry.extension(file)));
    }

    @Override
    public Layer read(Path file, ReadOptions options, Progress progress) throws IOException {
        if (!Files.exists(file)) {
            throw new LayerReadException(file, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new LayerReadException(file, "not a GeoJSON file (not a regular file)");
        }
        if (Files.size(file) == 0) {
            throw new LayerReadException(file, "not GeoJSON (the file is empty)");
        }
        return new GeoJsonReader(file, options, progress).read();
    }
}
