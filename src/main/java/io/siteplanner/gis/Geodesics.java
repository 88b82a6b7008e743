package io.siteplanner.gis;

import java.util.List;
import java.util.Locale;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;

/**
 * Lengths and areas on the WGS 84 ellipsoid, as the measure tool shows them: geodesic distances along a
 * polyline and the area of a polygon bounded by geodesics, by GeographicLib (Karney, C. F. F., "Algorithms
 * for geodesics", <i>J. Geodesy</i> 87, 2013), accurate to nanometres, whatever the map projection. Points
 * are (longitude, latitude) in degrees. Stateless, thread-safe.
 */
public final class Geodesics {
    /** Metres in an international mile. */
    /** Square metres in an international acre (4,840 square yards). */
    public static final double SQ_METRES_PER_ACRE = 4046.8564224;

    private Geodesics() {
    }

    /** Geodesic distance in metres between two points. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        GeodesicData g = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, net.sf.geographiclib.GeodesicMask.DISTANCE);
        return g.s12;
    }

    /** Length in metres of the polyline through the points (each {lon, lat}); 0 for fewer than two. */
    public static double length(List<double[]> lonLat) {
        double s = 0;
        for (int i = 1; i < lonLat.size(); i++) {
            double[] a = lonLat.get(i - 1);
            double[] b = lonLat.get(i);
            s += distance(a[0], a[1], b[0], b[1]);
        }
        return s;
    }

    /**
     * Area in square metres of the polygon with these vertices (each {lon, lat}; the ring is closed
     * implicitly), whichever way it is traversed; 0 for fewer than three.
     */
    public static double area(List<double[]> lonLat) {
        if (lonLat.size() < 3) {
            return 0;
        }
        return Math.abs(ring(lonLat).area);
    }

    /** Perimeter in metres of the closed ring through these vertices (each {lon, lat}). */
    public static double perimeter(List<double[]> lonLat) {
        if (lonLat.size() < 2) {
            return 0;
        }
        return lonLat.size() == 2 ? 2 * length(lonLat) : ring(lonLat).perimeter;
    }

    private static PolygonResult ring(List<double[]> lonLat) {
        PolygonArea p = new PolygonArea(Geodesic.WGS84, false);
        int n = lonLat.size();
        // a ring typed closed (last = first) is the same ring
        if (n > 3 && lonLat.get(0)[0] == lonLat.get(n - 1)[0] && lonLat.get(0)[1] == lonLat.get(n - 1)[1]) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            p.AddPoint(lonLat.get(i)[1], lonLat.get(i)[0]);
        }
        return p.Compute(false, true);
    }

    /** A distance in km and miles: "12.35 km (7.67 mi)"; below 1 km in metres and feet. */
    public static String formatLength(double metres) {
        if (metres < 1000) {
            return String.format(Locale.ROOT, "%,.1f m (%,.0f ft)", metres, metres / 0.3048);
        }
        double km = metres / 1000;
        double mi = metres / io.siteplanner.model.Units.METRES_PER_MILE;
        return String.format(Locale.ROOT, km < 100 ? "%,.2f km (%,.2f mi)" : "%,.1f km (%,.1f mi)", km, mi);
    }

    /** An area in hectares and acres: "93.74 ha (231.64 acres)"; from 100 km² also in km² and sq mi. */
    public static String formatArea(double sqMetres) {
        double ha = sqMetres / 10_000;
        double ac = sqMetres / SQ_METRES_PER_ACRE;
        String s = String.format(Locale.ROOT, "%,.2f ha (%,.2f acres)", ha, ac);
        if (sqMetres >= 1e8) {
            s += String.format(Locale.ROOT, " = %,.1f km² (%,.1f sq mi)", sqMetres / 1e6,
                    sqMetres / (io.siteplanner.model.Units.METRES_PER_MILE * io.siteplanner.model.Units.METRES_PER_MILE));
        }
        return s;
    }
}
