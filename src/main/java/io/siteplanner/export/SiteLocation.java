package io.siteplanner.export;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.LatLon;
import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.render.MapLayer;
import io.siteplanner.render.StyledLayer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.cells.CountyLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotools.api.referencing.operation.MathTransform;
import org.locationtech.jts.geom.Geometry;

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
    /**
     * The county polygons of a map: one {@link CountyLocator} per county-like polygon layer (see the class
     * comment), in the map's order; the first that covers a point names it. Built once per report.
     */
    static List<CountyLocator> counties(MapContent map) {
        List<CountyLocator> out = new ArrayList<>();
        if (map == null) {
            return out;
        }
        for (StyledLayer sl : map.layers()) {
            MapLayer ml = sl.layer();
            VectorLayer d = ml.display();
            if (ml == map.candidates() || ml.dimension() != 2 || d.crs() == null) {
                continue;
            }
            Schema s = d.schema();
            boolean countyLike = CountyLocator.nameField(s) >= 0 && (sl.name().toLowerCase(Locale.ROOT).contains("count")
                    || s.indexOf("COUNTYFP") >= 0 || s.indexOf("GEOID") >= 0 && s.indexOf("STATEFP") >= 0);
            if (countyLike) {
                out.add(CountyLocator.of(d, d.crs(), Progress.NONE));
            }
        }
        return out;
    }

    /** Locates site i of a session; {@code counties} ({@link #counties}, display CRS) name its county. */
    static SiteLocation of(ScoringSession s, List<CountyLocator> counties, int site) {
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
        if (county == null && !Double.isNaN(lon)) {
            double x = io.siteplanner.render.WebMercator.x(lon);
            double y = io.siteplanner.render.WebMercator.y(lat);
            for (CountyLocator l : counties) {
                CountyLocator.County c = l.at(x, y);
                if (c != null && c.name() != null && !c.name().isBlank()) {
                    county = name(c.name(), c.state());
                    break;
                }
            }
        }
        return new SiteLocation(lon, lat, county);
    }

    /** "32.4512°N, 90.1234°W". */
    String lonLatText() {
        return Double.isNaN(lon) ? "unknown" : new LatLon(lat, lon).format(4);
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
