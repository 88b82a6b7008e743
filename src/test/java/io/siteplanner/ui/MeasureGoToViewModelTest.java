package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.project.MapView;
import io.siteplanner.render.WebMercator;
import io.siteplanner.store.PlaceFinder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The measure and go-to view-models. Expected distances from PROJ 9.1.1 {@code geod -I +ellps=WGS84}; place
 * names and coordinates as in maps/basemap/us_places.geojson (read with Python's json module).
 */
class MeasureGoToViewModelTest {
    static PlaceFinder places;

    @BeforeAll
    static void load() throws Exception {
        places = PlaceFinder.load(Path.of("maps", "basemap", "us_places.geojson"));
    }

    static double[] merc(double lon, double lat) {
        return new double[] {WebMercator.x(lon), WebMercator.y(lat)};
    }

    @Test
    void measuresGeodesicDistanceAlongClicksWhateverTheMercatorStretch() {
        MeasureViewModel m = new MeasureViewModel();
        m.modeProperty().set(MeasureViewModel.Mode.DISTANCE);
        double[] a = merc(-90.2, 32.4);
        double[] b = merc(-89.9, 32.4);
        double[] c = merc(-89.9, 32.7);
        m.click(a[0], a[1], 1);
        m.move(b[0], b[1]);
        // rubber band to the pointer: geod -I "32.4 -90.2 32.4 -89.9" -> 28224.174 m
        assertThat(m.metres()).isCloseTo(28224.174, within(0.01));
        assertThat(m.resultProperty().get()).startsWith("Distance: 28.22 km (17.54 mi) over 1 segment");
        m.click(b[0], b[1], 1);
        m.click(c[0], c[1], 1);
        m.click(c[0], c[1], 2); // double-click finishes
        assertThat(m.isFinished()).isTrue();
        // + geod -I "32.4 -89.9 32.7 -89.9" -> 33268.944 m
        assertThat(m.metres()).isCloseTo(28224.174 + 33268.944, within(0.01));
        assertThat(m.resultProperty().get()).isEqualTo("Distance: 61.49 km (38.21 mi) over 2 segments");
        // a new click starts a new measurement
        m.click(a[0], a[1], 1);
        assertThat(m.vertices()).hasSize(1);
        m.clear();
        assertThat(m.vertices()).isEmpty();
    }

    @Test
    void measuresAreaInHectaresAndAcres() {
        MeasureViewModel m = new MeasureViewModel();
        m.modeProperty().set(MeasureViewModel.Mode.AREA);
        for (double[] p : List.of(merc(-90.2, 32.4), merc(-89.9, 32.4), merc(-89.9, 32.7), merc(-90.2, 32.7))) {
            m.click(p[0], p[1], 1);
        }
        m.click(0, 0, 2);
        // GeographicLib area of this box (SpatiaLite ST_Area(geom, 1) agrees to 1e-7): 937432159 m²
        assertThat(m.squareMetres()).isCloseTo(937432087.087, within(937432087.087 * 1e-6));
        assertThat(m.resultProperty().get()).startsWith("Area: 93,743.2").contains("ha (231,644.").contains("acres")
                .contains("perimeter 122.9 km (76.4 mi)"); // 122892.5 m (geod), / 1609.344 = 76.36 mi
    }

    @Test
    void findsPlacesOfflineExactBeforePrefixLargerFirst() {
        assertThat(places.size()).isEqualTo(4463);
        List<PlaceFinder.Place> jackson = places.search("jackson", 5);
        // exact names first, by population: Jackson MS (170,674) then Jackson TN (66,975)
        assertThat(jackson.get(0).label()).isEqualTo("Jackson, MS (pop. 170,674)");
        assertThat(jackson.get(1).state()).isEqualTo("TN");
        assertThat(places.search("jacks", 1).get(0).label()).startsWith("Jacksonville, FL");
        List<PlaceFinder.Place> canton = places.search("Canton, ms", 5);
        assertThat(canton).hasSize(1);
        assertThat(places.search("MADISON, MS", 1).get(0).lon()).isCloseTo(-90.1154, within(1e-9));
        assertThat(places.search("  ", 5)).isEmpty();
    }

    @Test
    void whileThePlaceNamesLoadPositionsWorkAndNamesSaySo() {
        PlaceFinder[] loaded = {null};
        GoToViewModel g = new GoToViewModel(() -> loaded[0]);
        g.setLoading(true);
        assertThat(g.resolve("32.62, -90.05", null).lat()).isCloseTo(32.62, within(1e-12));
        assertThat(g.matches("canton")).isEmpty();
        assertThatThrownBy(() -> g.resolve("canton, ms", null)).hasMessageContaining("loading the place names");

        loaded[0] = places;
        g.setLoading(false);
        assertThat(g.resolve("canton, ms", null).label()).startsWith("Canton, MS");
    }

    @Test
    void goToResolvesPositionsAndPlacesToAViewAtTheirScale() {
        GoToViewModel g = new GoToViewModel(() -> places);
        GoToViewModel.Target p = g.resolve("32°37'12\"N 90°03'W", null);
        assertThat(p.lat()).isCloseTo(32.62, within(1e-12));
        assertThat(p.lon()).isCloseTo(-90.05, within(1e-12));
        MapView v = GoToViewModel.viewOf(p);
        assertThat(WebMercator.lon(v.centerX())).isCloseTo(-90.05, within(1e-9));
        assertThat(WebMercator.lat(v.centerY())).isCloseTo(32.62, within(1e-9));
        // 1:50,000 on the ground at 32.62°N: ground m/px / 0.00028 m
        assertThat(WebMercator.groundResolution(v.resolution(), v.centerY()) / 0.00028).isCloseTo(50_000, within(1e-6));
        assertThat(g.matches("32.6, -90")).isEmpty();
        GoToViewModel.Target t = g.resolve("canton, ms", null);
        assertThat(t.label()).startsWith("Canton, MS");
        assertThatThrownBy(() -> g.resolve("Xyzzyville", null)).hasMessageContaining("no place named 'Xyzzyville'")
                .hasMessageContaining("4463 towns");
        assertThatThrownBy(() -> g.resolve("32.6, -290", null)).hasMessageContaining("longitude -290 is beyond");
    }
}
