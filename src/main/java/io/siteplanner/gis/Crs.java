package io.siteplanner.gis;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.metadata.extent.GeographicBoundingBox;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.ReferenceIdentifier;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.operation.CoordinateOperation;
import org.geotools.api.referencing.operation.CoordinateOperationFactory;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.GeneralBounds;
import org.geotools.geometry.jts.JTS;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.geotools.referencing.operation.DefaultCoordinateOperationFactory;
import org.geotools.util.factory.Hints;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * CRS utilities over GeoTools referencing, always longitude-first (x = east).
 *
 * <p>Thread-safe; look-ups are cached because the first EPSG decode unpacks the EPSG database (~2 s).
 * EPSG:4326, 4269, 3857 and 5070 are {@linkplain BuiltinCrs built in}: decoding them, transforming between
 * them and checking their area of use never open the database.
 * {@link #epsgCode} identifies CRSs without an EPSG identifier (ESRI .prj files) through an index of the
 * EPSG database ({@link EpsgIndex}) that is built once per machine (15-30 s, stored in the user cache)
 * and then answers in milliseconds: call it off the FX thread.
 */
public final class Crs {
    static {
        System.setProperty("org.geotools.referencing.forceXY", "true");
        Hints.putSystemDefault(Hints.FORCE_LONGITUDE_FIRST_AXIS_ORDER, Boolean.TRUE);
    }

    private static final Map<String, CoordinateReferenceSystem> BY_CODE = new ConcurrentHashMap<>();
    private static final Map<String, CoordinateReferenceSystem> BY_WKT = new ConcurrentHashMap<>();
    private static final Map<CoordinateReferenceSystem, Integer> EPSG = new ConcurrentHashMap<>();
    private static final Map<String, CoordinateOperation> OPERATIONS = new ConcurrentHashMap<>();
    /** The CRSs made from {@link BuiltinCrs} definitions, by identity. */
    private static final Map<CoordinateReferenceSystem, BuiltinCrs.Entry> BUILTIN = java.util.Collections.synchronizedMap(
            new java.util.IdentityHashMap<>());
    /**
     * Operations between built-in CRSs, from their definitions alone: a datum shift through geocentric
     * coordinates with the definitions' TOWGS84 terms, as the EPSG database's "NAD83 to WGS 84 (1)" is.
     */
    private static final CoordinateOperationFactory DEFINITIONS_ONLY = new DefaultCoordinateOperationFactory(
            new Hints(Hints.DATUM_SHIFT_METHOD, "Geocentric"));
    private static final int NO_CODE = Integer.MIN_VALUE;

    private Crs() {
    }

    /** EPSG:4326 with longitude first. */
    public static CoordinateReferenceSystem wgs84() {
        return decode("EPSG:4326");
    }

    /**
     * Starts GeoTools' referencing (units, WKT parser) with the CRSs most scenarios use, built in: a few
     * tenths of a second on a cold JVM, so call it off the UI thread while other start-up work runs.
     */
    public static void warmUp() {
        wgs84();
        decode("EPSG:5070");
    }

    /**
     * A CRS from {@code EPSG:n}, {@code n}, {@code urn:ogc:def:crs:EPSG::n}, {@code CRS84} or WKT.
     *
     * @throws IllegalArgumentException with a readable message when unknown
     */
    public static CoordinateReferenceSystem decode(String code) {
        String c = code.trim();
        if (c.startsWith("PROJCS") || c.startsWith("GEOGCS") || c.startsWith("PROJCRS") || c.startsWith("GEOGCRS")
                || c.startsWith("COMPD_CS")) {
            try {
                return parseWkt(c);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("invalid CRS WKT: " + Snippets.library(e), e);
            }
        }
        String norm = normalizeCode(c);
        return BY_CODE.computeIfAbsent(norm, k -> {
            try {
                BuiltinCrs.Entry builtin = BuiltinCrs.get(parseEpsg(k));
                if (builtin != null) {
                    CoordinateReferenceSystem crs = CRS.parseWKT(builtin.wkt());
                    BUILTIN.put(crs, builtin);
                    return crs;
                }
                return CRS.decode(k, true);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("unknown CRS '" + Snippets.token(code, 40) + "'", e);
            }
        });
    }

    /**
     * True when the CRS is one of {@link BuiltinCrs}'s, as {@link #decode} returned it: transforms between
     * two of them and their area of use need no EPSG database.
     */
    static boolean isBuiltin(CoordinateReferenceSystem crs) {
        return crs != null && BUILTIN.containsKey(crs);
    }

    /** EPSG code number from a code string, or -1 when it is not an EPSG/CRS84 code. */
    public static int parseEpsg(String code) {
        String n = normalizeCode(code.trim());
        if (n.startsWith("EPSG:")) {
            try {
                return Integer.parseInt(n.substring(5));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String normalizeCode(String c) {
        String u = c.toUpperCase(Locale.ROOT);
        if (u.matches("\\d+")) {
            return "EPSG:" + u;
        }
        if (u.equals("CRS84") || u.endsWith(":CRS84") || u.endsWith("::CRS84")) {
            return "EPSG:4326";
        }
        int i = u.lastIndexOf("EPSG:");
        if (u.startsWith("URN:OGC:DEF:CRS:EPSG:")) {
            String tail = u.substring("URN:OGC:DEF:CRS:EPSG:".length());
            int colon = tail.lastIndexOf(':');
            return "EPSG:" + tail.substring(colon + 1);
        }
        if (u.startsWith("HTTP") && u.contains("/EPSG/")) {
            return "EPSG:" + u.substring(u.lastIndexOf('/') + 1);
        }
        if (i >= 0) {
            return "EPSG:" + u.substring(i + 5).replace(":", "");
        }
        return u;
    }

    /**
     * Parses WKT (OGC or ESRI .prj flavour).
     *
     * @throws FactoryException when the WKT is invalid, or nests brackets deeper than
     *         {@link Limits#MAX_NESTING} (checked before GeoTools' recursive parser sees it)
     */
    public static CoordinateReferenceSystem parseWkt(String wkt) throws FactoryException {
        String w = wkt.trim();
        CoordinateReferenceSystem cached = BY_WKT.get(w);
        if (cached != null) {
            return cached;
        }
        String deep = Limits.wktNestingProblem(w);
        if (deep != null) {
            throw new FactoryException(deep);
        }
        CoordinateReferenceSystem crs = CRS.parseWKT(w);
        BY_WKT.put(w, crs);
        return crs;
    }

    /**
     * The EPSG code of a CRS: its EPSG identifier, else the one EPSG definition that matches it (see
     * {@link EpsgIndex}), else null. The first call ever on a machine may build the index (seconds);
     * later calls take milliseconds; results are cached per CRS.
     */
    public static Integer epsgCode(CoordinateReferenceSystem crs) {
        if (crs == null) {
            return null;
        }
        Integer c = EPSG.get(crs);
        if (c == null) {
            c = lookup(crs);
            EPSG.put(crs, c);
        }
        return c == NO_CODE ? null : c;
    }

    private static int lookup(CoordinateReferenceSystem crs) {
        for (ReferenceIdentifier id : crs.getIdentifiers()) {
            if ("EPSG".equalsIgnoreCase(id.getCodeSpace())) {
                try {
                    return Integer.parseInt(id.getCode());
                } catch (NumberFormatException e) {
                    // fall through to lookup
                }
            }
        }
        try {
            Integer code = EpsgIndex.get().find(crs);
            return code == null ? NO_CODE : code;
        } catch (RuntimeException | LinkageError e) {
            return NO_CODE;
        }
    }

    /** "EPSG:n" when a code is known, else the CRS name; "unknown" for null. */
    public static String label(CoordinateReferenceSystem crs, Integer knownEpsg) {
        if (crs == null) {
            return "unknown";
        }
        Integer code = knownEpsg != null ? knownEpsg : epsgCode(crs);
        return code != null ? "EPSG:" + code : crs.getName().getCode();
    }

    /** Human name of a CRS, e.g. "NAD83 / Conus Albers". */
    public static String name(CoordinateReferenceSystem crs) {
        return crs == null ? "unknown" : crs.getName().getCode();
    }

    /**
     * A projected CRS for analysing data with this extent (DESIGN.md section 3): EPSG:5070 (CONUS Albers)
     * when the centre lies in the contiguous US, else the WGS 84 UTM zone of the centre (EPSG:326zz north,
     * 327zz south).
     *
     * @param bounds extent in {@code crs} (degrees, longitude first, when geographic)
     */
    public static String suggestProjected(Envelope bounds, CoordinateReferenceSystem crs) {
        Envelope e = bounds;
        if (crs != null && !isGeographic(crs)) {
            try {
                e = toWgs84(bounds, crs);
            } catch (TransformException ex) {
                return "EPSG:5070";
            }
        }
        if (e == null || e.isNull()) {
            return "EPSG:5070";
        }
        double lon = e.centre().x;
        double lat = e.centre().y;
        if (lon >= -125 && lon <= -66 && lat >= 24 && lat <= 50) {
            return "EPSG:5070";
        }
        int zone = Math.max(1, Math.min(60, (int) Math.floor((lon + 180) / 6) + 1));
        return "EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone);
    }

    /** True when the CRS is geographic (degrees). */
    public static boolean isGeographic(CoordinateReferenceSystem crs) {
        return crs instanceof GeographicCRS;
    }

    /** Transform between two CRSs (lenient datum shift), cached. */
    public static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        return operation(from, to).getMathTransform();
    }

    /**
     * The coordinate operation between two CRSs (lenient datum shift), cached: GeoTools' (the EPSG database's
     * operation when both have EPSG codes), or between two built-in CRSs the one their definitions give.
     */
    private static CoordinateOperation operation(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        String key = System.identityHashCode(from) + ">" + System.identityHashCode(to);
        return OPERATIONS.computeIfAbsent(key, k -> {
            try {
                CoordinateOperationFactory f = isBuiltin(from) && isBuiltin(to) ? DEFINITIONS_ONLY
                        : CRS.getCoordinateOperationFactory(true);
                return f.createOperation(from, to);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("no transform from " + name(from) + " to " + name(to)
                        + ": " + e.getMessage(), e);
            }
        });
    }

    /** An envelope transformed with densified edges; null/empty in gives empty out. */
    public static Envelope transform(Envelope env, CoordinateReferenceSystem from, CoordinateReferenceSystem to)
            throws TransformException {
        if (env == null || env.isNull()) {
            return new Envelope();
        }
        if (from == null || to == null || CRS.equalsIgnoreMetadata(from, to)) {
            return new Envelope(env);
        }
        // as GeoTools' ReferencedEnvelope.transform(to, true, 10), with this class's operation: the corners
        // (with the operation's handling of poles and the antimeridian), then 10 points along each edge
        ReferencedEnvelope re = new ReferencedEnvelope(env, from);
        CoordinateOperation op;
        try {
            op = operation(from, to);
        } catch (IllegalArgumentException e) {
            throw new TransformException(e.getMessage(), e);
        }
        GeneralBounds corners = CRS.transform(op, re);
        ReferencedEnvelope out = new ReferencedEnvelope(corners.getMinimum(0), corners.getMaximum(0),
                corners.getMinimum(1), corners.getMaximum(1), to);
        JTS.transform(re, out, op.getMathTransform(), 10);
        return new Envelope(out);
    }

    /** The bounds of an envelope in lon/lat (EPSG:4326). */
    public static Envelope toWgs84(Envelope env, CoordinateReferenceSystem from) throws TransformException {
        return transform(env, from, wgs84());
    }

    /** One geometry transformed. */
    public static Geometry transform(Geometry g, MathTransform mt) throws TransformException {
        return g == null ? null : JTS.transform(g, mt);
    }

    /**
     * The layer reprojected to {@code target}. Features whose geometry cannot be transformed keep a null
     * geometry and are counted in a warning.
     */
    public static VectorLayer reproject(VectorLayer layer, CoordinateReferenceSystem target, Progress progress) {
        if (layer.crs() == null) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' has no CRS; cannot reproject");
        }
        if (CRS.equalsIgnoreMetadata(layer.crs(), target)) {
            return layer;
        }
        MathTransform mt = transform(layer.crs(), target);
        List<Feature> out = new ArrayList<>(layer.size());
        int failed = 0;
        int n = layer.size();
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                progress.checkCancelled();
                progress.update((double) i / Math.max(1, n), "reprojecting " + layer.name());
            }
            Feature f = layer.get(i);
            Geometry g = f.geometry();
            try {
                out.add(g == null ? f : f.withGeometry(JTS.transform(g, mt)));
            } catch (TransformException | RuntimeException e) {
                failed++;
                out.add(f.withGeometry(null));
            }
        }
        VectorLayer.Builder b = layer.toBuilder().crs(target, epsgCodeQuick(target)).features(out);
        if (failed > 0) {
            b.warn(failed + (failed == 1 ? " geometry" : " geometries") + " could not be reprojected to " + name(target) + " and were dropped");
        }
        return b.build();
    }

    private static Integer epsgCodeQuick(CoordinateReferenceSystem crs) {
        for (ReferenceIdentifier id : crs.getIdentifiers()) {
            if ("EPSG".equalsIgnoreCase(id.getCodeSpace())) {
                try {
                    return Integer.parseInt(id.getCode());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Checks the layer's bounds against its CRS: for a geographic CRS the coordinates must be valid
     * lon/lat; otherwise the bounds must overlap the CRS's area of use. Returns a problem description or
     * null when plausible.
     */
    public static String checkPlausible(Envelope bounds, CoordinateReferenceSystem crs) {
        if (bounds == null || bounds.isNull() || crs == null) {
            return null;
        }
        if (isGeographic(crs)) {
            if (bounds.getMinX() < -180.0001 || bounds.getMaxX() > 360.0001 || bounds.getMinY() < -90.0001
                    || bounds.getMaxY() > 90.0001) {
                return String.format(Locale.ROOT,
                        "coordinates (x %.6g..%.6g, y %.6g..%.6g) are not valid longitude/latitude for %s;"
                                + " is the CRS wrong (projected coordinates, or x/y swapped)?",
                        bounds.getMinX(), bounds.getMaxX(), bounds.getMinY(), bounds.getMaxY(), name(crs));
            }
            return null;
        }
        BuiltinCrs.Entry builtin = BUILTIN.get(crs);
        GeographicBoundingBox area = builtin != null ? null : CRS.getGeographicBoundingBox(crs);
        Envelope ll;
        try {
            ll = toWgs84(bounds, crs);
        } catch (TransformException | RuntimeException e) {
            return "coordinates cannot be converted from " + name(crs) + " to longitude/latitude: "
                    + e.getMessage();
        }
        if (area == null && builtin == null) {
            return null;
        }
        Envelope valid = builtin != null ? new Envelope(builtin.area()) : new Envelope(area.getWestBoundLongitude(),
                area.getEastBoundLongitude(), area.getSouthBoundLatitude(), area.getNorthBoundLatitude());
        valid.expandBy(5);
        if (!valid.intersects(ll)) {
            return String.format(Locale.ROOT,
                    "coordinates fall outside the area of use of %s (they map to lon %.3f..%.3f, lat %.3f..%.3f);"
                            + " is the CRS right?",
                    name(crs), ll.getMinX(), ll.getMaxX(), ll.getMinY(), ll.getMaxY());
        }
        return null;
    }
}
