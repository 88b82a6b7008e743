package io.siteplanner.store;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.gpkg.GeoPackageFormat;
import io.siteplanner.gis.gpkg.GeoPackageWriter;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.MapView;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Saves and opens SitePlanner projects: a {@link Project} as one GeoPackage file ({@code *.siteplan.gpkg}).
 *
 * <p>File layout (schema {@value Project#SCHEMA_VERSION}):
 * <ul>
 * <li>every project layer is a GeoPackage feature table named like the layer, in the layer's own CRS, with
 *     all its attributes (written by {@link GeoPackageWriter}); any GeoPackage reader (ogrinfo, QGIS) sees
 *     them;</li>
 * <li>attribute tables (data_type {@code attributes}): {@code siteplanner_meta} (key/value:
 *     schema_version, title, notes, active_scenario, view_center_x/view_center_y/view_resolution,
 *     created_by, saved_at), {@code siteplanner_layers} (name, role, layer_order, visible, opacity, style
 *     as {@link StyleJson}), {@code siteplanner_scenarios} (name, scenario_order, scenario JSON as
 *     {@link ScenarioWriter#toJson}), {@code siteplanner_shortlist} (site_id, note, status, added ISO 8601,
 *     entry_order).</li>
 * </ul>
 *
 * <p>Saving is atomic: the whole file is written to a hidden temp file in the target folder inside one
 * SQLite transaction, synced, then moved over the target. A failure, an exception or a cancel (via
 * {@link Progress}) during the save leaves the previous file untouched and no temp file behind.
 *
 * <p>Opening checks that the file is a GeoPackage with {@code siteplanner_meta}; a newer schema is refused
 * with a clear message, an older one is migrated in memory one version at a time (see
 * {@link #MIGRATIONS}). Layers are read back by {@link GeoPackageFormat}; feature tables that another
 * tool added to the file (and that are valid layer names) come back as visible DATA layers with a plain
 * style. Every problem is a
 * {@link ProjectFormatException} ({@code "<file name>: <problem>"}) or, for I/O and layer errors, an
 * {@link IOException} naming the file.
 *
 * <p>Layer names must be valid table names ({@link #isValidLayerName}); {@link #layerName} makes one
 * from any text. Stateless and thread-safe (do not save the same target from two threads at once).
 */
public final class ProjectStore {
    /** Key/value table with the schema version, title, notes, active scenario and map view. */
    public static final String META = "siteplanner_meta";
    /** One row per project layer: role, order, visibility, opacity, style. */
    public static final String LAYERS = "siteplanner_layers";
    /** One row per scenario: scenario JSON. */
    public static final String SCENARIOS = "siteplanner_scenarios";
    /** One row per shortlisted site. */
    public static final String SHORTLIST = "siteplanner_shortlist";

    private static final String NOT_A_PROJECT =
            "not a SitePlanner project (a plain GeoPackage: add its layers with Add Layer instead)";

    /**
     * Migration steps of the raw tables read from a file: {@code MIGRATIONS.get(v - 1)} turns schema
     * {@code v} into {@code v + 1}. Schema 1 is the first, so there are none yet; a new schema version
     * adds one step here (and bumps {@link Project#SCHEMA_VERSION}).
     */
    static final List<UnaryOperator<Raw>> MIGRATIONS = List.of();

    static {
        if (MIGRATIONS.size() != Project.SCHEMA_VERSION - 1) {
            throw new IllegalStateException("one migration step per schema version is needed");
        }
    }

    private ProjectStore() {
    }

    // ------------------------------------------------------------------------------------------ naming

    /** True when {@code name} can be a project layer name (a GeoPackage table name not reserved by us). */
    public static boolean isValidLayerName(String name) {
        return GeoPackageWriter.isValidTableName(name)
                && !name.toLowerCase(Locale.ROOT).startsWith("siteplanner_");
    }

    /**
     * A valid layer name made from any text (file name, scenario layer id): non-alphanumerics become
     * {@code _}, a leading digit gets an {@code l_} prefix, reserved prefixes get {@code layer_}, and a
     * suffix {@code _2}, {@code _3} ... avoids the {@code taken} names (compared case-insensitively).
     */
    public static String layerName(String raw, Collection<String> taken) {
        StringBuilder sb = new StringBuilder();
        String s = raw == null ? "" : raw.trim();
        for (int i = 0; i < s.length() && sb.length() < 56; i++) {
            char c = s.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            sb.append(ok ? c : '_');
        }
        String base = sb.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (base.isEmpty()) {
            base = "layer";
        }
        if (!Character.isLetter(base.charAt(0))) {
            base = "l_" + base;
        }
        if (!isValidLayerName(base)) {
            base = "layer_" + base;
        }
        Set<String> lower = new HashSet<>();
        for (String t : taken) {
            lower.add(t.toLowerCase(Locale.ROOT));
        }
        String name = base;
        for (int k = 2; lower.contains(name.toLowerCase(Locale.ROOT)); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    // ------------------------------------------------------------------------------------------ recovery

    /** The autosave copy of a project file: a hidden sibling {@code .<name>.recovery}. */
    public static Path recoveryFile(Path projectFile) {
        Path abs = projectFile.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".recovery");
    }

    /** Whether the project has an autosaved recovery copy newer than itself (to offer before opening it). */
    public static boolean hasNewerRecovery(Path projectFile) throws IOException {
        Path recovery = recoveryFile(projectFile);
        return Files.exists(recovery) && Files.exists(projectFile)
                && Files.getLastModifiedTime(recovery).compareTo(Files.getLastModifiedTime(projectFile)) > 0;
    }

    /** Saves a recovery copy of the project beside {@code projectFile} (same format, atomic). */
    public static void autosave(Project p, Path projectFile) throws IOException {
        save(p, recoveryFile(projectFile), Progress.NONE);
    }

    /** Deletes the recovery copy (after a successful save or when the user discards it). */
    public static void discardRecovery(Path projectFile) throws IOException {
        Files.deleteIfExists(recoveryFile(projectFile));
    }

    // ------------------------------------------------------------------------------------------ saving

    /** Saves the project (see the class comment). */
    public static void save(Project p, Path file) throws IOException {
        save(p, file, Progress.NONE);
    }

    /**
     * Saves the project atomically.
     *
     * @throws IllegalArgumentException when a layer or scenario name is invalid or duplicated
     * @throws IOException when writing fails (the previous file is left as it was)
     * @throws io.siteplanner.model.CancelledException when cancelled (the previous file is left as it was)
     */
    public static void save(Project p, Path file, Progress progress) throws IOException {
        validate(p);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(abs.getFileName() + ": folder " + dir + " does not exist");
        }
        AtomicWrite.write(abs, tmp -> {
            try (GeoPackageWriter w = GeoPackageWriter.create(tmp)) {
                write(w, p, progress);
                progress.checkCancelled();
                w.commit();
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true); // on disk before it replaces the old file
            }
            progress.checkCancelled();
        });
    }

    private static void validate(Project p) {
        Set<String> names = new HashSet<>();
        for (ProjectLayer l : p.layers()) {
            if (!isValidLayerName(l.name())) {
                throw new IllegalArgumentException("layer name '" + l.name() + "' is not valid: use a letter, then"
                        + " letters, digits or _ (at most 63; not starting with gpkg_, rtree_ or siteplanner_)");
            }
            if (!names.add(l.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two layers are named '" + l.name() + "'");
            }
        }
        Set<String> sn = new HashSet<>();
        for (Scenario s : p.scenarios()) {
            if (s.name() == null || s.name().isBlank()) {
                throw new IllegalArgumentException("every scenario needs a name");
            }
            if (!sn.add(s.name())) {
                throw new IllegalArgumentException("two scenarios are named '" + s.name() + "'");
            }
        }
    }

    private static void write(GeoPackageWriter w, Project p, Progress progress) throws IOException {
        int n = p.layers().size();
        for (int i = 0; i < n; i++) {
            ProjectLayer l = p.layers().get(i);
            progress.checkCancelled();
            w.writeFeatures(l.name(), l.layer(), "SitePlanner layer (" + l.role().name().toLowerCase(Locale.ROOT)
                    + ")", progress.sub((double) i / n * 0.95, (double) (i + 1) / n * 0.95));
        }
        Connection c = w.connection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + META + " (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " key TEXT NOT NULL UNIQUE, value TEXT)");
            st.execute("CREATE TABLE " + LAYERS + " (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, layer_order INTEGER NOT NULL,"
                    + " visible BOOLEAN NOT NULL, opacity REAL NOT NULL, style TEXT NOT NULL)");
            st.execute("CREATE TABLE " + SCENARIOS + " (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " name TEXT NOT NULL UNIQUE, scenario_order INTEGER NOT NULL, scenario TEXT NOT NULL)");
            st.execute("CREATE TABLE " + SHORTLIST + " (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                    + " site_id TEXT NOT NULL, note TEXT NOT NULL, status TEXT NOT NULL, added DATETIME NOT NULL,"
                    + " entry_order INTEGER NOT NULL)");
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("schema_version", Integer.toString(Project.SCHEMA_VERSION));
            meta.put("title", p.title());
            meta.put("notes", p.notes());
            if (p.activeScenario() != null) {
                meta.put("active_scenario", p.activeScenario());
            }
            if (p.view() != null) {
                meta.put("view_center_x", Double.toString(p.view().centerX()));
                meta.put("view_center_y", Double.toString(p.view().centerY()));
                meta.put("view_resolution", Double.toString(p.view().resolution()));
            }
            meta.put("created_by", "SitePlanner " + appVersion());
            meta.put("saved_at", Instant.now().toString());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + META + " (key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + LAYERS
                    + " (name, role, layer_order, visible, opacity, style) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    ProjectLayer l = p.layers().get(i);
                    ps.setString(1, l.name());
                    ps.setString(2, l.role().name().toLowerCase(Locale.ROOT));
                    ps.setInt(3, i);
                    ps.setInt(4, l.visible() ? 1 : 0);
                    ps.setDouble(5, l.opacity());
                    ps.setString(6, StyleJson.toJson(l.style()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCENARIOS
                    + " (name, scenario_order, scenario) VALUES (?, ?, ?)")) {
                for (int i = 0; i < p.scenarios().size(); i++) {
                    Scenario s = p.scenarios().get(i);
                    ps.setString(1, s.name());
                    ps.setInt(2, i);
                    ps.setString(3, ScenarioWriter.toJson(s));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SHORTLIST
                    + " (site_id, note, status, added, entry_order) VALUES (?, ?, ?, ?, ?)")) {
                List<ShortlistEntry> entries = p.shortlist().entries();
                for (int i = 0; i < entries.size(); i++) {
                    ShortlistEntry e = entries.get(i);
                    ps.setString(1, e.siteId());
                    ps.setString(2, e.note());
                    ps.setString(3, e.status().label());
                    ps.setString(4, e.added().toString());
                    ps.setInt(5, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IOException("cannot write the project tables: " + e.getMessage(), e);
        }
        w.registerAttributes(META, "SitePlanner project: schema version, title, notes, active scenario, map view");
        w.registerAttributes(LAYERS, "SitePlanner project: layer roles, order, visibility, styles");
        w.registerAttributes(SCENARIOS, "SitePlanner project: scenarios (JSON, see docs/scenario.md)");
        w.registerAttributes(SHORTLIST, "SitePlanner project: shortlisted sites with notes and status");
        progress.update(1, "saved");
    }

    /** The application version (from the build), "dev" when unknown. */
    static String appVersion() {
        try (InputStream in = ProjectStore.class.getResourceAsStream("/io/siteplanner/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    // ------------------------------------------------------------------------------------------ opening

    /** The project tables as read from a file, before migration (rows as column name to value). */
    record Raw(Map<String, String> meta, List<Map<String, Object>> layers, List<Map<String, Object>> scenarios,
            List<Map<String, Object>> shortlist) {
    }

    /** Opens a project file. */
    public static Project open(Path file) throws IOException {
        return open(file, Progress.NONE);
    }

    /**
     * Opens a project file.
     *
     * @throws ProjectFormatException when the file is not a (readable) SitePlanner project
     * @throws IOException            when a layer cannot be read (the message names the file and layer)
     */
    public static Project open(Path file, Progress progress) throws IOException {
        GeoPackageFormat gpkg = new GeoPackageFormat();
        List<String> tables;
        try {
            tables = gpkg.layerNames(file);
        } catch (LayerReadException e) {
            throw new ProjectFormatException(file, e.problem(), e);
        }
        Raw raw;
        try (Connection c = openReadOnly(file)) {
            if (!hasTable(c, META)) {
                throw new ProjectFormatException(file, NOT_A_PROJECT);
            }
            Map<String, String> meta = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM " + META)) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            int version = schemaVersion(file, meta);
            if (version > Project.SCHEMA_VERSION) {
                throw new ProjectFormatException(file, "written by a newer SitePlanner (schema " + version
                        + "; this version reads up to " + Project.SCHEMA_VERSION + ")");
            }
            if (version < 1) {
                throw new ProjectFormatException(file, "unsupported project schema version " + version);
            }
            for (String t : List.of(LAYERS, SCENARIOS, SHORTLIST)) {
                if (!hasTable(c, t)) {
                    throw new ProjectFormatException(file, "damaged project: table " + t + " is missing");
                }
            }
            raw = new Raw(meta, rows(c, LAYERS, "layer_order"), rows(c, SCENARIOS, "scenario_order"),
                    rows(c, SHORTLIST, "entry_order"));
            for (int v = version; v < Project.SCHEMA_VERSION; v++) {
                raw = MIGRATIONS.get(v - 1).apply(raw);
            }
        } catch (SQLException e) {
            throw new ProjectFormatException(file, "cannot read the project tables: " + e.getMessage(), e);
        }
        return build(file, gpkg, tables, raw, progress);
    }

    private static int schemaVersion(Path file, Map<String, String> meta) throws ProjectFormatException {
        String v = meta.get("schema_version");
        if (v == null) {
            throw new ProjectFormatException(file, "damaged project: no schema_version in " + META);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ProjectFormatException(file, "damaged project: schema_version '" + v + "' is not a number");
        }
    }

    private static Project build(Path file, GeoPackageFormat gpkg, List<String> tables, Raw raw, Progress progress)
            throws IOException {
        Map<String, String> meta = raw.meta();
        List<ProjectLayer> layers = new ArrayList<>();
        int n = raw.layers().size();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = raw.layers().get(i);
            String name = str(row.get("name"));
            if (name == null || !tables.contains(name)) {
                throw new ProjectFormatException(file, "damaged project: layer '" + name + "' listed in " + LAYERS
                        + " has no feature table");
            }
            Layer l = gpkg.read(file, ReadOptions.DEFAULT.withLayer(name), progress.sub((double) i / n,
                    (double) (i + 1) / n));
            LayerStyle style;
            try {
                style = StyleJson.parse(String.valueOf(row.get("style")));
            } catch (IllegalArgumentException e) {
                throw new ProjectFormatException(file, "layer '" + name + "': " + e.getMessage(), e);
            }
            ProjectLayer.Role role;
            try {
                role = ProjectLayer.Role.valueOf(String.valueOf(row.get("role")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProjectFormatException(file, "layer '" + name + "': unknown role '" + row.get("role") + "'");
            }
            layers.add(new ProjectLayer(name, role, (VectorLayer) l, style, truthy(row.get("visible")),
                    num(row.get("opacity"), 1)));
        }
        // feature tables another tool (QGIS, ogr2ogr) added to the file: shown as plain data layers
        for (String t : tables) {
            if (isValidLayerName(t) && layers.stream().noneMatch(l -> l.name().equalsIgnoreCase(t))) {
                Layer l = gpkg.read(file, ReadOptions.DEFAULT.withLayer(t), progress);
                layers.add(new ProjectLayer(t, ProjectLayer.Role.DATA, (VectorLayer) l, plainStyle(), true, 1));
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Map<String, Object> row : raw.scenarios()) {
            String name = str(row.get("name"));
            try {
                scenarios.add(ScenarioReader.parse(String.valueOf(row.get("scenario"))));
            } catch (ScenarioException e) {
                throw new ProjectFormatException(file, "scenario '" + name + "': " + e.getMessage(), e);
            }
        }
        List<ShortlistEntry> entries = new ArrayList<>();
        for (Map<String, Object> row : raw.shortlist()) {
            String id = str(row.get("site_id"));
            try {
                entries.add(new ShortlistEntry(id, str(row.get("note")), SiteStatus.of(String.valueOf(row.get("status"))),
                        row.get("added") == null ? null : Instant.parse(String.valueOf(row.get("added")))));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ProjectFormatException(file, "shortlist entry '" + id + "': " + e.getMessage(), e);
            }
        }
        MapView view = null;
        if (meta.containsKey("view_center_x") && meta.containsKey("view_center_y")
                && meta.containsKey("view_resolution")) {
            try {
                view = new MapView(Double.parseDouble(meta.get("view_center_x")),
                        Double.parseDouble(meta.get("view_center_y")), Double.parseDouble(meta.get("view_resolution")));
            } catch (NumberFormatException e) {
                view = null; // a bad view only costs the zoom
            }
        }
        String title = meta.getOrDefault("title", "");
        return new Project(title == null ? "" : title, layers, scenarios, meta.get("active_scenario"),
                new Shortlist(entries), meta.get("notes"), view);
    }

    private static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        cfg.resetOpenMode(SQLiteOpenMode.READWRITE);
        cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri());
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String table, String order) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + order + ", id")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean truthy(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue() != 0;
        }
        return o != null && (o.toString().equalsIgnoreCase("true") || o.toString().equals("1"));
    }

    private static double num(Object o, double dflt) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        try {
            return o == null ? dflt : Double.parseDouble(o.toString());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** A plain style for tables that other tools added to a project file. */
    static LayerStyle plainStyle() {
        return LayerStyle.single(Colors.withAlpha(Colors.rgb(0x888888), 90), Colors.rgb(0x555555), 1.0, 6);
    }
}
