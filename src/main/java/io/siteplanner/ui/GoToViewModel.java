package io.siteplanner.ui;

import io.siteplanner.gis.LatLon;
import io.siteplanner.project.MapView;
import io.siteplanner.render.WebMercator;
import io.siteplanner.store.PlaceFinder;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Go to": a typed position (decimal or degrees-minutes-seconds, {@link LatLon}) or a place name found
 * offline in the bundled place names ({@link PlaceFinder}), and the view that shows it (1:50,000 for a
 * position, 1:150,000 for a town, at its latitude).
 */
public final class GoToViewModel {
    /** Where to go: a position and what it is. */
    public record Target(double lon, double lat, String label, double scale) {
    }

    private final Supplier<PlaceFinder> places;
    private final javafx.beans.property.ReadOnlyBooleanWrapper loading =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "loading", false);

    /**
     * @param places the place names as far as they are loaded (null: not (yet) available); while they load
     *               in the background the owner sets {@link #setLoading}
     */
    public GoToViewModel(Supplier<PlaceFinder> places) {
        this.places = places;
    }

    /** Whether the place names are being loaded (FX thread); the dialog searches again when it turns false. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Marks the place names as loading or not (FX thread). */
    public void setLoading(boolean b) {
        loading.set(b);
    }

    /** Places matching the text (none when it is a position). */
    public List<PlaceFinder.Place> matches(String text) {
        if (text == null || text.isBlank() || looksLikePosition(text)) {
            return List.of();
        }
        PlaceFinder p = places.get();
        return p == null ? List.of() : p.search(text, 12);
    }

    /**
     * Where the text (or the chosen place, when not null) leads.
     *
     * @throws IllegalArgumentException saying why there is nowhere to go
     */
    public Target resolve(String text, PlaceFinder.Place chosen) {
        if (chosen != null) {
            return new Target(chosen.lon(), chosen.lat(), chosen.label(), 150_000);
        }
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("type a place name or a position (e.g. 32.62, -90.05)");
        }
        if (looksLikePosition(t)) {
            LatLon ll = LatLon.parse(t);
            return new Target(ll.lon(), ll.lat(), ll.format(), 50_000);
        }
        List<PlaceFinder.Place> m = matches(t);
        if (m.isEmpty()) {
            PlaceFinder p = places.get();
            if (p == null && loading.get()) {
                throw new IllegalArgumentException("loading the place names…");
            }
            throw new IllegalArgumentException("no place named '" + t + "' in the bundled US places"
                    + (p == null ? "" : " (" + p.size() + " towns)") + "; or type a position, e.g. 32.62, -90.05");
        }
        return resolve(t, m.get(0));
    }

    /** The view centred on a target at its scale (display CRS EPSG:3857, 0.28 mm pixels). */
    public static MapView viewOf(Target t) {
        double res = t.scale() * 0.00028 / Math.cos(Math.toRadians(t.lat()));
        return new MapView(WebMercator.x(t.lon()), WebMercator.y(t.lat()), res);
    }

    /** Whether text starts like a coordinate (a digit, sign, or hemisphere letter then a digit). */
    static boolean looksLikePosition(String text) {
        String t = text.trim();
        return t.matches("^[-+]?\\d.*") || t.matches("^[NSEWnsew]\\s*\\d.*");
    }
}
