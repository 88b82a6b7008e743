package io.siteplanner.gis;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.api.referencing.crs.CRSAuthorityFactory;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.cs.CoordinateSystem;
import org.geotools.api.referencing.datum.Ellipsoid;
import org.geotools.api.referencing.datum.GeodeticDatum;
import org.geotools.api.referencing.datum.PrimeMeridian;
import org.geotools.api.util.GenericName;
import org.geotools.referencing.CRS;
import org.geotools.util.factory.GeoTools;

/**
 * Finds the EPSG code of a CRS that carries none (an ESRI .prj, a WKT without AUTHORITY) in
 * milliseconds, where GeoTools' {@code CRS.lookupEpsgCode(crs, true)} decodes the whole EPSG database
 * (10-30 s) on every call, and still misses ESRI definitions such as state plane in feet.
 *
 * <p><b>How</b>: every projected and 2D geographic CRS of GeoTools' EPSG database is reduced once to a
 * signature: kind, projection method (GeoTools' provider name, the same for ESRI and EPSG spellings),
 * projection parameters in metres/degrees, ellipsoid axes in metres, prime meridian, unit of the
 * coordinates and axis directions, and the names and aliases of its datum. A CRS is identified when its
 * signature equals one entry's within small tolerances (parameters to 1e-7 relative, ellipsoid axes to
 * 0.1 mm / 0.01 mm, so WGS 84 and GRS 1980 stay apart) and its datum shares a name or alias with that
 * entry's datum (so NAD83, NAD83(HARN), NAD83(2011) stay apart: same ellipsoid and parameters). When no
 * entry or several entries with different codes match, there is no code (null), never a guess.
 *
 * <p><b>Cost</b>: building the index decodes ~8,000 definitions (15-30 s), once per machine: it is stored
 * in {@code ~/.siteplanner/epsg-index-<GeoTools version>.tsv} (another folder with the system property
 * {@code siteplanner.cacheDir}) and loaded from there by later runs (~50 ms). A look-up is then a scan of
 * the entries of one projection method (microseconds). Thread-safe; the index is built at most once per
 * process.
 */
final class EpsgIndex {
    private static final Logger LOG = Logger.getLogger(EpsgIndex.class.getName());
    private static final int FORMAT = 1;
    private static final Object LOCK = new Object();
    private static volatile EpsgIndex instance;

    /** One CRS reduced to what identifies it. */
    record Signature(char kind, String method, double a, double b, double primeMeridian, double unit,
            String axes, Map<String, Double> params, Set<String> datumNames) {
    }

    private record Entry(int code, Signature sig) {
    }

    /** Entries by kind + method. */
    private final Map<String, List<Entry>> byMethod = new HashMap<>();
    private final int size;

    /**
     * EPSG's own codes stop at 32767 (larger ones are for users). GeoTools also serves ESRI codes
     * (102039, ...), old "code + unit" ones (62696405) and 900913 in its EPSG namespace: those are left
     * out, so they never make a match ambiguous or stand in for the EPSG code.
     */
    static final int MAX_EPSG_CODE = 32767;

    private EpsgIndex(List<Entry> entries) {
        for (Entry e : entries) {
            if (e.code() > MAX_EPSG_CODE) {
                continue;
            }
            byMethod.computeIfAbsent(e.sig().kind() + e.sig().method(), k -> new ArrayList<>()).add(e);
        }
        size = byMethod.values().stream().mapToInt(List::size).sum();
    }

    /** Number of EPSG definitions indexed. */
    int size() {
        return size;
    }

    /** How the last {@link #get} obtained the index: "memory", "loaded from ...", "built in ...". */
    static volatile String origin = "not loaded";

    /** The index: in memory, else from the user cache, else built (and stored) now. */
    static EpsgIndex get() {
        EpsgIndex i = instance;
        if (i != null) {
            return i;
        }
        synchronized (LOCK) {
            if (instance == null) {
                long t0 = System.nanoTime();
                Path file = cacheFile();
                EpsgIndex loaded = load(file);
                if (loaded != null) {
                    origin = String.format(Locale.ROOT, "loaded from %s in %.0f ms", file, (System.nanoTime() - t0) / 1e6);
                } else {
                    List<Entry> entries = build();
                    store(file, entries);
                    loaded = new EpsgIndex(entries);
                    origin = String.format(Locale.ROOT, "built in %.1f s (%d definitions), stored in %s",
                            (System.nanoTime() - t0) / 1e9, entries.size(), file);
                }
                instance = loaded;
            }
            return instance;
        }
    }

    /**
     * The EPSG code whose definition matches {@code crs}, or null when none does or the match is
     * ambiguous. Among the definitions whose signature matches, one whose datum's own name is among the
     * names of the query's datum wins (ESRI {@code D_North_American_1983} is EPSG "North American Datum
     * 1983", not "NAD83 (High Accuracy Reference Network)", although the EPSG database lists "NAD83" as an
     * alias of both); only when no definition matches that way is a single match through an alias taken.
     */
    Integer find(CoordinateReferenceSystem crs) {
        Signature q = signature(crs);
        if (q == null) {
            return null;
        }
        Set<Integer> strong = new java.util.TreeSet<>();
        Set<Integer> weak = new java.util.TreeSet<>();
        for (Entry e : byMethod.getOrDefault(q.kind() + q.method(), List.of())) {
            int how = match(q, e.sig());
            if (how == 2) {
                strong.add(e.code());
            } else if (how == 1) {
                weak.add(e.code());
            }
        }
        if (DEBUG) {
            LOG.info("EPSG candidates: strong " + strong + ", weak " + weak);
        }
        if (!strong.isEmpty()) {
            return strong.size() == 1 ? strong.iterator().next() : null;
        }
        return weak.size() == 1 ? weak.iterator().next() : null;
    }

    private static final boolean DEBUG = Boolean.getBoolean("siteplanner.epsgDebug");

    // ------------------------------------------------------------------------------------------ matching

    /**
     * 0: no match; 1: the signatures match and the datums share a name or alias; 2: they match and the
     * entry's datum name is one of the query's datum names.
     */
    static int match(Signature q, Signature e) {
        if (!sameNumbers(q, e)) {
            return 0;
        }
        String primary = e.datumNames().isEmpty() ? "" : e.datumNames().iterator().next();
        if (q.datumNames().contains(primary)) {
            return 2;
        }
        for (String n : q.datumNames()) {
            if (e.datumNames().contains(n)) {
                return 1;
            }
        }
        return 0;
    }

    private static boolean sameNumbers(Signature q, Signature e) {
        if (q.kind() != e.kind() || !q.method().equals(e.method()) || !q.axes().equals(e.axes())) {
            return false;
        }
        if (Math.abs(q.a() - e.a()) > 1e-4 || Math.abs(q.b() - e.b()) > 1e-5
                || Math.abs(q.primeMeridian() - e.primeMeridian()) > 1e-7
                || Math.abs(q.unit() - e.unit()) > 1e-9 * Math.abs(e.unit())) {
            return false;
        }
        if (!q.params().keySet().equals(e.params().keySet())) {
            return false;
        }
        for (Map.Entry<String, Double> p : q.params().entrySet()) {
            double x = p.getValue();
            double y = e.params().get(p.getKey());
            if (Math.abs(x - y) > 1e-7 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
                return false;
            }
        }
        return true;
    }

    /** The signature of a projected or 2D geographic CRS; null for other kinds. */
    static Signature signature(CoordinateReferenceSystem crs) {
        CoordinateSystem cs = crs.getCoordinateSystem();
        if (cs.getDimension() != 2) {
            return null;
        }
        String axes = cs.getAxis(0).getDirection().name() + "," + cs.getAxis(1).getDirection().name();
        double unit = toSystem(cs.getAxis(0).getUnit(), 1.0);
        if (crs instanceof ProjectedCRS) {
            ProjectedCRS p = (ProjectedCRS) crs;
            Map<String, Double> params = new TreeMap<>();
            String method;
            try {
                var values = p.getConversionFromBase().getParameterValues();
                method = values.getDescriptor().getName().getCode();
                for (GeneralParameterValue g : values.values()) {
                    String name = g.getDescriptor().getName().getCode();
                    if (!(g instanceof ParameterValue) || name.equals("semi_major") || name.equals("semi_minor")) {
                        continue;
                    }
                    ParameterValue<?> v = (ParameterValue<?>) g;
                    if (!(v.getValue() instanceof Number)) {
                        continue;
                    }
                    double d = ((Number) v.getValue()).doubleValue();
                    double si = v.getUnit() == null ? d : toSystem(v.getUnit(), d);
                    params.put(name, isAngle(v.getUnit()) ? Math.toDegrees(si) : si);
                }
            } catch (RuntimeException e) {
                return null;
            }
            return geodetic('P', method, p.getDatum(), unit, axes, params);
        }
        if (crs instanceof GeographicCRS) {
            return geodetic('G', "", ((GeographicCRS) crs).getDatum(), Math.toDegrees(unit), axes, Map.of());
        }
        return null;
    }

    private static Signature geodetic(char kind, String method, GeodeticDatum datum, double unit, String axes,
            Map<String, Double> params) {
        Ellipsoid e = datum.getEllipsoid();
        double a = toSystem(e.getAxisUnit(), e.getSemiMajorAxis());
        double b = toSystem(e.getAxisUnit(), e.getSemiMinorAxis());
        PrimeMeridian pm = datum.getPrimeMeridian();
        double pmDeg = Math.toDegrees(toSystem(pm.getAngularUnit(), pm.getGreenwichLongitude()));
        Set<String> names = new LinkedHashSet<>();
        names.add(normalise(datum.getName().getCode()));
        if (datum.getAlias() != null) {
            for (GenericName alias : datum.getAlias()) {
                names.add(normalise(alias.tip().toString()));
            }
        }
        names.remove("");
        return new Signature(kind, method, a, b, pmDeg, unit, axes, params, names);
    }

    /** Lower case letters and digits only, without an ESRI "D_" prefix and the word "datum". */
    static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("d_")) {
            n = n.substring(2);
        }
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString().replace("datum", "");
    }

    private static boolean isAngle(Unit<?> u) {
        return u != null && u.getSystemUnit().toString().equals("rad");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double toSystem(Unit<?> u, double v) {
        if (u == null) {
            return v;
        }
        UnitConverter c = ((Unit) u).getConverterTo(u.getSystemUnit());
        return c.convert(v);
    }

    // ------------------------------------------------------------------------------------------ building

    private static List<Entry> build() {
        CRSAuthorityFactory f = CRS.getAuthorityFactory(true);
        Set<String> codes = new java.util.TreeSet<>();
        try {
            codes.addAll(f.getAuthorityCodes(ProjectedCRS.class));
            codes.addAll(f.getAuthorityCodes(GeographicCRS.class));
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "cannot list EPSG codes", e);
        }
        List<Entry> out = new ArrayList<>();
        for (String c : codes) {
            if (!c.toUpperCase(Locale.ROOT).startsWith("EPSG:")) {
                continue;
            }
            int code;
            try {
                code = Integer.parseInt(c.substring(5).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            if (code > MAX_EPSG_CODE) {
                continue;
            }
            try {
                Signature s = signature(f.createCoordinateReferenceSystem(c));
                if (s != null) {
                    out.add(new Entry(code, s));
                }
            } catch (Exception | LinkageError e) {
                // some definitions need classes the GeoTools wrapper lacks: not identifiable
            }
        }
        return out;
    }

    static Path cacheFile() {
        String dir = System.getProperty("siteplanner.cacheDir");
        Path base = dir != null ? Paths.get(dir) : Paths.get(System.getProperty("user.home"), ".siteplanner");
        String version = String.valueOf(GeoTools.getVersion()).replaceAll("[^A-Za-z0-9.]", "_");
        return base.resolve("epsg-index-" + version + "-v" + FORMAT + ".tsv");
    }

    // one line per entry: code kind method a b pm unit axes params datums (tab-separated; params as
    // name=value;..., datum names |-separated)
    private static void store(Path file, List<Entry> entries) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "epsg-index", ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# SitePlanner EPSG index (safe to delete; rebuilt when missing)\n");
                for (Entry e : entries) {
                    Signature s = e.sig();
                    StringBuilder p = new StringBuilder();
                    s.params().forEach((k, v) -> p.append(p.length() == 0 ? "" : ";").append(k).append('=')
                            .append(Double.toString(v)));
                    w.write(e.code() + "\t" + s.kind() + "\t" + s.method() + "\t" + s.a() + "\t" + s.b() + "\t"
                            + s.primeMeridian() + "\t" + s.unit() + "\t" + s.axes() + "\t" + p + "\t"
                            + String.join("|", s.datumNames()) + "\n");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot store the EPSG index in " + file, e);
        }
    }

    static EpsgIndex load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] t = line.split("\t", -1);
                if (t.length != 10 || t[1].length() != 1) {
                    return null;
                }
                Map<String, Double> params = new TreeMap<>();
                if (!t[8].isEmpty()) {
                    for (String kv : t[8].split(";")) {
                        int eq = kv.indexOf('=');
                        params.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
                    }
                }
                Set<String> datums = new LinkedHashSet<>(Arrays.asList(t[9].split("\\|")));
                out.add(new Entry(Integer.parseInt(t[0]), new Signature(t[1].charAt(0), t[2],
                        Double.parseDouble(t[3]), Double.parseDouble(t[4]), Double.parseDouble(t[5]),
                        Double.parseDouble(t[6]), t[7], params, datums)));
            }
        } catch (IOException | RuntimeException e) {
            return null; // damaged: rebuild
        }
        return out.isEmpty() ? null : new EpsgIndex(out);
    }
}
