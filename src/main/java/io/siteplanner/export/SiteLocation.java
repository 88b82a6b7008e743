package io.siteplanner.export;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.render.MapLayer;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.scoring.ScoringSession;
import java.util.Locale;
import org.geotools.api.referencing.operation.MathTransform;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Where a site is, for its page of the report: the longitude and latitude (WGS 84) of its centroid and
 * its county. The county is the site's own {@code county} (and {@code state}) attribute when it has one,
 * else the name of the county polygon of the map that contains the centroid (a polygon layer of the map
 * with a {@code NAME} field and "count" in its name, a {@code COUNTYFP} field, or {@code GEOID} and
 * {@code STATEFP} fields: the Census counties of the basemap); null when neither is known.
 *
 * @param lon    degrees east (NaN when the site has no geometry)
 * @param lat    degrees north
 * @param county e.g. "Madison County, MS", or null
 */
record SiteLocation(double lon, double lat, String county) {
    /** Locates site i of a session; {@code map} (may be null) provides the county polygons. */
    static SiteLocation of(ScoringSession s, MapContent map, int site) {
        Geometry g = s.geometry(site);
        double lon = Double.NaN;
        double lat = Double.NaN;
        if (g != null && !g.isEmpty()) {
            MathTransform mt = s.analysisCrs() == null ? null : Crs.transform(s.analysisCrs(), Crs.wgs84());
            Geometry c = ResultsGeoJsonWriter.toWgs84(g.getCentroid(), mt);
            if (c != null && !c.isEmpty()) {
                lon = c.getCoordinate().x;
                lat = c.getCoordinate().y;
            }
        }
        String county = ownCounty(s.candidates(), site);
        if (county == null && map != null && !Double.isNaN(lon)) {
            county = countyAt(map, io.siteplanner.render.WebMercator.x(lon), io.siteplanner.render.WebMercator.y(lat));
        }
        return new SiteLocation(lon, lat, county);
    }

    /** "32.4512° N, 90.1234° W". */
    String lonLatText() {
        if (Double.isNaN(lon)) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.4f° %s, %.4f° %s", Math.abs(lat), lat >= 0 ? "N" : "S", Math.abs(lon),
                lon >= 0 ? "E" : "W");
    }

    private static String ownCounty(VectorLayer l, int site) {
        int c = index(l, "county", "county_name", "countyname", "cnty_name");
        if (c < 0 || site >= l.size()) {
            return null;
        }
        Feature f = l.get(site);
        Object name = f.value(c);
        if (name == null || name.toString().isBlank()) {
            return null;
        }
        int st = index(l, "state", "state_abbr", "stusps", "state_name", "st");
        Object state = st < 0 ? null : f.value(st);
        return name(name.toString(), state == null ? null : state.toString());
    }

    private static String countyAt(MapContent map, double x, double y) {
        for (StyledLayer sl : map.layers()) {
            MapLayer ml = sl.layer();
            VectorLayer d = ml.display();
            if (ml == map.candidates() || ml.dimension() != 2) {
                continue;
            }
            int name = index(d, "NAME", "county", "county_name", "namelsad");
            int state = index(d, "STATE", "state_name", "STUSPS", "state_abbr");
            boolean countyLike = name >= 0 && (sl.name().toLowerCase(Locale.ROOT).contains("count")
                    || index(d, "COUNTYFP") >= 0 || index(d, "GEOID") >= 0 && index(d, "STATEFP") >= 0);
            if (!countyLike) {
                continue;
            }
            Point p = io.siteplanner.model.Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
            for (int i : ml.query(p.getEnvelopeInternal())) {
                Geometry g = d.get(i).geometry();
                if (g != null && g.covers(p)) {
                    Object n = d.get(i).value(name);
                    Object st = state < 0 ? null : d.get(i).value(state);
                    if (n != null && !n.toString().isBlank()) {
                        return name(n.toString(), st == null ? null : st.toString());
                    }
                }
            }
        }
        return null;
    }

    /** "Madison" in "MS" is "Madison County, MS"; names that say what they are are kept. */
    static String name(String county, String state) {
        String c = county.strip();
        String lower = c.toLowerCase(Locale.ROOT);
        boolean typed = lower.endsWith(" county") || lower.endsWith(" parish") || lower.endsWith(" borough")
                || lower.endsWith(" city") || lower.endsWith(" census area") || lower.endsWith(" municipality");
        boolean louisiana = state != null && (state.equalsIgnoreCase("LA") || state.equalsIgnoreCase("Louisiana")
                || state.equals("22"));
        String full = typed ? c : c + (louisiana ? " Parish" : " County");
        return state == null || state.isBlank() || state.matches("\\d+") ? full : full + ", " + state.strip();
    }

    private static int index(VectorLayer l, String... names) {
        for (String n : names) {
            int i = l.schema().indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }
}
