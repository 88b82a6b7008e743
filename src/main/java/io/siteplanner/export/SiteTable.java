package io.siteplanner.export;

import io.siteplanner.gis.Crs;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.scoring.criteria.Criterion;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * The rows (sites, in rank order) and typed columns of a sites export, shared by the CSV, GeoJSON,
 * GeoPackage and KML writers so that they all carry the same data.
 *
 * <p>Two layouts:
 * <ul>
 * <li>{@link #ranked}: the {@code score --out} layout of {@link ResultColumns}: {@code rank}, id,
 * {@code score}, one raw value per criterion, {@code passed}, {@code reasons}.</li>
 * <li>{@link #export}: the same columns, then {@code <criterion id>_contrib} per criterion (its part of
 * the score, see {@link ScoreResult.Part#contribution()}), then {@code status} and {@code note} when a
 * shortlist is given (empty for sites that are not on it).</li>
 * </ul>
 * {@code rank} is the site's rank among all sites (so a shortlist export keeps the overall ranks). Values
 * are {@code Long} (INTEGER), {@code Double} (REAL), {@code String} (TEXT), {@code Boolean} (BOOLEAN), or
 * null for missing (a NaN or infinite raw value is missing). Shortlist entries are matched to sites by
 * {@code String.valueOf(id)}; entries naming no site are ignored and counted in {@link #unmatched()}.
 */
public final class SiteTable {
    /** Column value types. */
    public enum Type { INTEGER, REAL, TEXT, BOOLEAN }

    /** A column: name and value type. */
    public record Column(String name, Type type) {
    }

    private final ScoreResult result;
    private final int[] sites;
    private final List<Column> columns;
    private final boolean contributions;
    private final Map<Integer, ShortlistEntry> entries;
    private final boolean noteColumns;
    private final int unmatched;
    private final boolean idNumeric;
    private final boolean lonLat;
    private final boolean geographic;
    private final org.geotools.api.referencing.operation.MathTransform toWgs84;

    private SiteTable(ScoreResult result, int[] sites, boolean contributions, Map<Integer, ShortlistEntry> entries,
            boolean noteColumns, int unmatched, org.geotools.api.referencing.crs.CoordinateReferenceSystem pointCrs) {
        boolean lonLat = pointCrs != null;
        this.result = result;
        this.sites = sites;
        this.contributions = contributions;
        this.entries = entries;
        this.noteColumns = noteColumns;
        this.unmatched = unmatched;
        ScoringSession s = result.session();
        this.lonLat = lonLat;
        this.geographic = pointCrs == null || Crs.isGeographic(pointCrs);
        this.toWgs84 = lonLat && s.analysisCrs() != null ? Crs.transform(s.analysisCrs(), pointCrs) : null;
        this.idNumeric = s.size() == 0 || s.id(0) instanceof Number;
        List<String> base = ResultColumns.names(s);
        Set<String> used = new HashSet<>();
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(unique(base.get(0), used), Type.INTEGER));
        cols.add(new Column(unique(base.get(1), used), idNumeric ? Type.INTEGER : Type.TEXT));
        cols.add(new Column(unique(base.get(2), used), Type.REAL));
        List<Criterion> cs = s.criteria();
        for (int c = 0; c < cs.size(); c++) {
            cols.add(new Column(unique(cs.get(c).id(), used), s.column(c).isText() ? Type.TEXT : Type.REAL));
        }
        cols.add(new Column(unique("passed", used), Type.BOOLEAN));
        cols.add(new Column(unique("reasons", used), Type.TEXT));
        if (contributions) {
            for (Criterion c : cs) {
                cols.add(new Column(unique(c.id() + "_contrib", used), Type.REAL));
            }
        }
        if (noteColumns) {
            cols.add(new Column(unique("status", used), Type.TEXT));
            cols.add(new Column(unique("note", used), Type.TEXT));
        }
        if (lonLat) {
            cols.add(new Column(unique(geographic ? "lon" : "x", used), Type.REAL));
            cols.add(new Column(unique(geographic ? "lat" : "y", used), Type.REAL));
        }
        this.columns = List.copyOf(cols);
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int k = 2; !used.add(n.toLowerCase(java.util.Locale.ROOT)); k++) {
            n = name + "_" + k;
        }
        return n;
    }

    /** The {@code score --out} layout: the top sites by rank (top &lt;= 0: all). */
    public static SiteTable ranked(ScoreResult r, int top) {
        int rows = ResultColumns.rows(r, top);
        int[] sites = new int[rows];
        for (int p = 0; p < rows; p++) {
            sites[p] = r.siteAt(p);
        }
        return new SiteTable(r, sites, false, Map.of(), false, 0, null);
    }

    /**
     * The export layout.
     *
     * @param shortlist     notes and status per site id, or null
     * @param shortlistOnly only the shortlisted sites (none when the shortlist is null or empty)
     * @param top           at most this many rows, by rank (&lt;= 0: all)
     */
    public static SiteTable export(ScoreResult r, Shortlist shortlist, boolean shortlistOnly, int top) {
        return export(r, shortlist, shortlistOnly, top, false);
    }

    /**
     * The export layout, optionally with {@code lon} and {@code lat} columns at the end: a point inside
     * each site (JTS interior point) in EPSG:4326, so that a CSV opens as points in a GIS.
     */
    public static SiteTable export(ScoreResult r, Shortlist shortlist, boolean shortlistOnly, int top, boolean lonLat) {
        return export(r, shortlist, shortlistOnly, top, lonLat ? Crs.wgs84() : null);
    }

    /**
     * As {@link #export(ScoreResult, Shortlist, boolean, int, boolean)} with the point columns in
     * {@code pointCrs}: {@code lon}/{@code lat} for a geographic CRS, {@code x}/{@code y} for a projected one
     * (null = no point columns).
     */
    public static SiteTable export(ScoreResult r, Shortlist shortlist, boolean shortlistOnly, int top,
            org.geotools.api.referencing.crs.CoordinateReferenceSystem pointCrs) {
        Map<Integer, ShortlistEntry> entries = new HashMap<>();
        int unmatched = 0;
        if (shortlist != null && shortlist.size() > 0) {
            ScoringSession s = r.session();
            Map<String, Integer> byId = new HashMap<>(s.size() * 2);
            for (int i = 0; i < s.size(); i++) {
                byId.putIfAbsent(String.valueOf(s.id(i)), i);
            }
            for (ShortlistEntry e : shortlist.entries()) {
                Integer site = byId.get(e.siteId());
                if (site == null) {
                    unmatched++;
                } else {
                    entries.put(site, e);
                }
            }
        }
        List<Integer> rows = new ArrayList<>();
        int limit = top <= 0 ? Integer.MAX_VALUE : top;
        for (int p = 0; p < r.size() && rows.size() < limit; p++) {
            int site = r.siteAt(p);
            if (!shortlistOnly || entries.containsKey(site)) {
                rows.add(site);
            }
        }
        int[] sites = rows.stream().mapToInt(Integer::intValue).toArray();
        boolean notes = shortlistOnly || (shortlist != null && shortlist.size() > 0);
        return new SiteTable(r, sites, true, entries, notes, unmatched, pointCrs);
    }

    public ScoreResult result() {
        return result;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Column names in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name());
        }
        return out;
    }

    /** Number of rows. */
    public int size() {
        return sites.length;
    }

    /** The site (candidate index) of a row. */
    public int site(int row) {
        return sites[row];
    }

    /** The shortlist entry of a site, or null. */
    public ShortlistEntry entry(int site) {
        return entries.get(site);
    }

    /** Shortlist entries whose site id matches no site of the result. */
    public int unmatched() {
        return unmatched;
    }

    /** Whether the {@code _contrib} columns are present. */
    public boolean hasContributions() {
        return contributions;
    }

    /** Whether the {@code status}/{@code note} columns are present. */
    public boolean hasNotes() {
        return noteColumns;
    }

    /** Index of the first raw criterion column. */
    public static final int FIRST_CRITERION = 3;

    /** The values of a row, one per column (see the class comment for types); {@code out} is reused if big enough. */
    public Object[] values(int row, Object[] out) {
        Object[] v = out != null && out.length >= columns.size() ? out : new Object[columns.size()];
        ScoringSession s = result.session();
        int site = sites[row];
        int m = s.criteria().size();
        int k = 0;
        v[k++] = (long) result.rank(site);
        Object id = s.id(site);
        v[k++] = id == null ? null : idNumeric && id instanceof Number ? (Object) ((Number) id).longValue() : id.toString();
        v[k++] = result.score(site);
        for (int c = 0; c < m; c++) {
            v[k++] = s.column(c).isText() ? s.column(c).valueAt(site) : finite(s.raw(c)[site]);
        }
        v[k++] = result.passed(site);
        v[k++] = ResultColumns.reasons(result, site);
        if (contributions) {
            List<ScoreResult.Part> parts = result.explain(site).parts();
            for (int c = 0; c < m; c++) {
                v[k++] = finite(parts.get(c).contribution());
            }
        }
        if (noteColumns) {
            ShortlistEntry e = entries.get(site);
            v[k++] = e == null ? null : e.status().label();
            v[k++] = e == null ? null : e.note();
        }
        if (lonLat) {
            Geometry g = s.geometry(site);
            Double lon = null;
            Double lat = null;
            if (g != null && !g.isEmpty()) {
                Geometry pt = ResultsGeoJsonWriter.toWgs84(g.getInteriorPoint(), toWgs84);
                if (pt != null && !pt.isEmpty()) {
                    double scale = geographic ? 1e7 : 1e3; // 1 cm either way
                    lon = Math.rint(pt.getCoordinate().x * scale) / scale;
                    lat = Math.rint(pt.getCoordinate().y * scale) / scale;
                }
            }
            v[k++] = lon;
            v[k++] = lat;
        }
        return v;
    }

    private static Double finite(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
    }
}
