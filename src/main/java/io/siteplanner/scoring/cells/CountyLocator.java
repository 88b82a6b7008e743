package io.siteplanner.scoring.cells;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.spatial.AreaLocator;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which county a point is in: the county polygon covering it (boundary included; the lowest feature order
 * when several do), from a county layer with a {@code NAME} field (else {@code county}, {@code county_name}
 * or {@code namelsad}), the state in {@code STATE} (else {@code STUSPS}, {@code state_abbr},
 * {@code state_name}, {@code STATEFP}) and, when present, the FIPS code in {@code GEOID} (the Census layout
 * of the bundled basemap {@code maps/basemap/us_counties.geojson}). Built once, then thread-safe. Used for
 * the counties of generated candidate cells and for the county on a report's site pages.
 */
public final class CountyLocator {
    /** A county's name, state and GEOID (each may be null). */
    public record County(String name, String state, String geoid) {
    }

    private static final CountyLocator NONE = new CountyLocator(new County[0], new AreaLocator[0], new STRtree());

    private final County[] counties;
    private final AreaLocator[] areas;
    private final STRtree tree;

    private CountyLocator(County[] counties, AreaLocator[] areas, STRtree tree) {
        this.counties = counties;
        this.areas = areas;
        this.tree = tree;
        tree.build();
    }

    /** A locator that finds no county. */
    public static CountyLocator none() {
        return NONE;
    }

    /**
     * Indexes the county layer in the analysis CRS.
     *
     * @throws IllegalArgumentException when the layer has no CRS or no {@code NAME} field
     */
    public static CountyLocator of(VectorLayer layer, CoordinateReferenceSystem target, Progress progress) {
        Schema s = layer.schema();
        int name = nameField(s);
        if (name < 0) {
            throw new IllegalArgumentException("a county layer needs a NAME field (fields: "
                    + String.join(", ", s.names()) + ")");
        }
        int state = first(s, "STATE", "STUSPS", "state_abbr", "state_name", "STATEFP");
        int geoid = s.indexOf("GEOID");
        if (layer.crs() == null) {
            throw new IllegalArgumentException("the layer has no CRS (add a .prj or give its CRS)");
        }
        List<Feature> fs = Crs.reproject(layer, target, progress).features();
        County[] counties = new County[fs.size()];
        AreaLocator[] areas = new AreaLocator[fs.size()];
        STRtree tree = new STRtree();
        for (int i = 0; i < fs.size(); i++) {
            if ((i & 255) == 0) {
                progress.checkCancelled();
            }
            Feature f = fs.get(i);
            Geometry g = Areas.polygonal(f.geometry(), Geometries.FACTORY);
            if (g.isEmpty()) {
                continue;
            }
            counties[i] = new County(text(f, name), text(f, state), text(f, geoid));
            areas[i] = new AreaLocator(g);
            tree.insert(g.getEnvelopeInternal(), i);
        }
        return new CountyLocator(counties, areas, tree);
    }

    /** The county covering (x, y) in the analysis CRS, or null. */
    public County at(double x, double y) {
        if (counties.length == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Integer> hits = tree.query(new Envelope(x, x, y, y));
        int best = Integer.MAX_VALUE;
        for (int i : hits) {
            if (i < best && areas[i].covers(x, y)) {
                best = i;
            }
        }
        return best == Integer.MAX_VALUE ? null : counties[best];
    }

    /** The field with the county name ({@code NAME}, {@code county}, {@code county_name}, {@code namelsad}), or -1. */
    public static int nameField(Schema s) {
        return first(s, "NAME", "county", "county_name", "namelsad");
    }

    private static int first(Schema s, String... names) {
        for (String n : names) {
            int i = s.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String text(Feature f, int index) {
        if (index < 0 || index >= f.valueCount() || f.value(index) == null) {
            return null;
        }
        return f.value(index).toString();
    }
}
