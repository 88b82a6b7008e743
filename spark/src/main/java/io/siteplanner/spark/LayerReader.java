package io.siteplanner.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.scenario.LayerRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a scenario layer as a Spark DataFrame through Sedona's data sources, by extension: GeoParquet
 * ({@code .parquet}, {@code .geoparquet}), GeoPackage ({@code .gpkg}, the {@code layer} table or the first
 * feature table), Shapefile ({@code .shp}) and GeoJSON ({@code .geojson}, {@code .json}, a FeatureCollection).
 * Formats Sedona has no reader for (CSV, KML/KMZ) are read by the desktop readers on the driver and
 * parallelized. The layer's CRS comes from the file (GeoParquet {@code crs}, GeoPackage
 * {@code gpkg_spatial_ref_sys}, the shapefile's {@code .prj}, GeoJSON: EPSG:4326 or a 2008 {@code crs}
 * member) and else from the scenario's {@code crs} for the layer.
 */
final class LayerReader {
    private static final Pattern GEOJSON_CRS = Pattern.compile(
            "\"crs\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*\"name\"\\s*,\\s*\"properties\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"([^\"]+)\"");

    /** A layer as a DataFrame with its CRS ({@code EPSG:n} or WKT; null = unknown) and row mapping. */
    record Opened(String id, Dataset<Row> frame, String crs, RowFeatures rows) {
    }

    private final SparkSession spark;
    private final String base;

    /**
     * @param base folder (path or URI) that relative layer paths are resolved against: the scenario's
     *             folder unless {@code --data} says otherwise
     */
    LayerReader(SparkSession spark, String base) {
        this.spark = spark;
        this.base = base;
    }

    /** Where a scenario path points: an absolute path or URI as written, else under the base. */
    String resolve(String path) {
        if (path.contains("://") || path.startsWith("file:") || Path.of(path).isAbsolute()) {
            return path;
        }
        if (base.contains("://") || base.startsWith("file:")) {
            return base.endsWith("/") ? base + path : base + "/" + path;
        }
        return Path.of(base).resolve(path).normalize().toString();
    }

    /** The local file of a location, or null for a remote URI. */
    static Path local(String location) {
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location));
        }
        return location.contains("://") ? null : Path.of(location);
    }

    /** The extension of a location, lower case, without dot. */
    static String extension(String location) {
        String name = location.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Opens a layer.
     *
     * @throws ScenarioException (path {@code layers.<id>}) when the file is missing or unreadable
     */
    Opened open(String id, LayerRef ref) {
        String where = "layers." + id;
        String loc = resolve(ref.path());
        Path file = local(loc);
        if (file != null && !Files.exists(file)) {
            throw new ScenarioException(where, ref.path() + ": file not found");
        }
        String ext = extension(loc);
        Dataset<Row> df;
        String crs;
        String fid = null;
        try {
            switch (ext) {
                case "parquet":
                case "geoparquet":
                    df = spark.read().format("geoparquet").load(uri(loc));
                    crs = geoParquetCrs(loc);
                    break;
                case "gpkg": {
                    if (file == null) {
                        throw new ScenarioException(where, ref.path() + ": a GeoPackage must be a local file (copy"
                                + " it to the driver's disk or convert it to GeoParquet)");
                    }
                    GpkgTable t = gpkgTable(file, ref.layer(), where);
                    df = spark.read().format("geopackage").option("tableName", t.table).load(uri(loc));
                    crs = t.crs;
                    fid = t.pk;
                    break;
                }
                case "shp":
                    df = spark.read().format("shapefile").load(uri(loc));
                    crs = prj(loc);
                    break;
                case "geojson":
                case "json":
                    df = spark.read().format("geojson").option("multiLine", "true").load(uri(loc))
                            .selectExpr("explode(features) as f").select("f.geometry", "f.properties.*");
                    crs = geoJsonCrs(file);
                    break;
                default:
                    return desktop(id, ref, loc, where);
            }
        } catch (ScenarioException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new ScenarioException(where, ref.path() + ": " + message(e), e);
        }
        if (crs == null && ref.crs() != null) {
            crs = ref.crs();
        }
        RowFeatures rows;
        try {
            rows = RowFeatures.of(df.schema(), fid);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where, ref.path() + ": " + e.getMessage());
        }
        return new Opened(id, df, crs, rows);
    }

    /** Reads a layer of a format Sedona has no reader for with the desktop registry, as a DataFrame. */
    private Opened desktop(String id, LayerRef ref, String loc, String where) {
        Path file = local(loc);
        if (file == null) {
            throw new ScenarioException(where, ref.path() + ": ." + extension(loc) + " is read on the driver and must"
                    + " be a local file");
        }
        VectorLayer l;
        try {
            l = FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT.withLayer(ref.layer())
                    .withCrs(ref.crs()), Progress.NONE);
        } catch (IOException e) {
            throw new ScenarioException(where, ref.path() + ": " + message(e), e);
        }
        String crs = LayerData.crsText(l.crs(), l.epsg());
        Dataset<Row> df = Frames.of(spark, l);
        return new Opened(id, df, crs, RowFeatures.of(df.schema(), Frames.FID));
    }

    /** Collects a (small) layer to the driver as a desktop layer, in read order. */
    static VectorLayer collect(Opened o) {
        List<Row> rows = o.frame().collectAsList();
        List<Feature> fs = new ArrayList<>(rows.size());
        long k = 0;
        for (Row r : rows) {
            fs.add(o.rows().feature(r, ++k));
        }
        return Frames.layer(o.id(), o.rows(), o.crs(), fs);
    }

    static String message(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    private static String uri(String loc) {
        Path p = local(loc);
        return p == null || loc.startsWith("file:") ? loc : p.toAbsolutePath().toUri().toString();
    }

    /** A GeoPackage feature table: name, CRS text and integer primary key column. */
    record GpkgTable(String table, String crs, String pk) {
    }

    static GpkgTable gpkgTable(Path file, String layer, String where) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1")) {
            String table = null;
            int srs = 0;
            List<String> tables = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT c.table_name, g.srs_id FROM gpkg_contents c JOIN"
                    + " gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name)"
                    + " WHERE c.data_type = 'features' ORDER BY c.rowid");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    if (table == null && (layer == null || rs.getString(1).equalsIgnoreCase(layer))) {
                        table = rs.getString(1);
                        srs = rs.getInt(2);
                    }
                }
            }
            if (table == null) {
                throw new ScenarioException(where + ".layer", layer == null ? "no feature table in the GeoPackage"
                        : "no feature table '" + layer + "' (tables: " + String.join(", ", tables) + ")");
            }
            String crs = null;
            try (PreparedStatement st = c.prepareStatement("SELECT organization, organization_coordsys_id, definition"
                    + " FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
                st.setInt(1, srs);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        String org = rs.getString(1);
                        if (org != null && org.equalsIgnoreCase("EPSG") && rs.getInt(2) > 0) {
                            crs = "EPSG:" + rs.getInt(2);
                        } else if (rs.getString(3) != null && !rs.getString(3).isBlank()
                                && !rs.getString(3).equalsIgnoreCase("undefined")) {
                            crs = rs.getString(3);
                        }
                    }
                }
            }
            String pk = null;
            try (PreparedStatement st = c.prepareStatement("SELECT name FROM pragma_table_info(?) WHERE pk = 1"
                    + " AND upper(type) = 'INTEGER'")) {
                st.setString(1, table);
                try (ResultSet rs = st.executeQuery()) {
                    pk = rs.next() ? rs.getString(1) : null;
                }
            }
            return new GpkgTable(table, crs, pk);
        } catch (SQLException e) {
            throw new IOException("not a readable GeoPackage: " + e.getMessage(), e);
        }
    }

    private String prj(String loc) throws IOException {
        Path shp = local(loc);
        if (shp == null) {
            return null;
        }
        String base = shp.getFileName().toString();
        base = base.substring(0, base.length() - 4);
        for (String ext : new String[] {".prj", ".PRJ"}) {
            Path prj = shp.resolveSibling(base + ext);
            if (Files.exists(prj)) {
                String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
                return wkt.isEmpty() ? null : wkt;
            }
        }
        return null;
    }

    private static String geoJsonCrs(Path file) throws IOException {
        if (file == null) {
            return "EPSG:4326";
        }
        byte[] head = new byte[65536];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        Matcher m = GEOJSON_CRS.matcher(new String(head, 0, n, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "EPSG:4326";
    }

    /** The CRS of a GeoParquet file's primary geometry column: EPSG id of its PROJJSON, CRS84 when absent. */
    private String geoParquetCrs(String loc) throws IOException {
        List<Row> meta = spark.read().format("geoparquet.metadata").load(uri(loc)).limit(1).collectAsList();
        if (meta.isEmpty()) {
            return null;
        }
        Row m = meta.get(0);
        String primary = m.getAs("primary_column");
        scala.collection.Map<String, Row> cols = m.getAs("columns");
        scala.Option<Row> col = cols.get(primary);
        if (col.isEmpty()) {
            return null;
        }
        Row c = col.get();
        int i = c.fieldIndex("crs");
        if (c.isNullAt(i)) {
            return null;
        }
        String json = c.getString(i);
        if (json == null || json.isBlank() || json.equals("null")) {
            return null;
        }
        JsonNode n = new ObjectMapper().readTree(json);
        JsonNode idNode = n.path("id");
        if (idNode.isMissingNode() && n.path("ids").isArray() && n.path("ids").size() > 0) {
            idNode = n.path("ids").get(0);
        }
        String auth = idNode.path("authority").asText("");
        String code = idNode.path("code").asText("");
        if (auth.equalsIgnoreCase("EPSG") && !code.isEmpty()) {
            return "EPSG:" + code;
        }
        if (auth.equalsIgnoreCase("OGC") && code.equalsIgnoreCase("CRS84")) {
            return "EPSG:4326";
        }
        throw new IOException("GeoParquet CRS without an EPSG id is not supported yet: " + shorten(json));
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** Decodes a CRS text (checked on the driver so that a bad one is a clear error). */
    static void checkCrs(String crs, String where) {
        if (crs == null) {
            return;
        }
        try {
            Crs.decode(crs);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where, e.getMessage());
        }
    }
}
