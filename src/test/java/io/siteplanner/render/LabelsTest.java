package io.siteplanner.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Labels of the bundled basemap (maps/basemap: states, counties, places) and the decorations of maps. */
class LabelsTest {
    static List<StyledLayer> basemap;
    static List<LayerDraw> draws;
    static MapLayer states;
    static MapLayer counties;
    static MapLayer places;
    /** Madison County, MS in EPSG:3857 (lon -90.05, lat 32.62). */
    static final double X = MapRendererTest.MERC_X;
    static final double Y = MapRendererTest.MERC_Y;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of("maps", "basemap");
        basemap = DemoMap.basemap(dir.resolve("us_states.geojson"), dir.resolve("us_counties.geojson"),
                dir.resolve("us_places.geojson"), Progress.NONE);
        draws = new ArrayList<>();
        for (StyledLayer l : basemap) {
            draws.add(l.draw());
        }
        states = basemap.get(0).layer();
        counties = basemap.get(1).layer();
        places = basemap.get(2).layer();
    }

    @Test
    void basemapLayersAreLabelledByTheirPresets() throws Exception {
        assertThat(states.labels()).isEqualTo(new LabelSpec(LabelSpec.Kind.STATE, "NAME", null));
        assertThat(counties.labels()).isEqualTo(new LabelSpec(LabelSpec.Kind.COUNTY, "NAME", null));
        assertThat(places.labels()).isEqualTo(new LabelSpec(LabelSpec.Kind.PLACE, "name", "population"));
        assertThat(places.attribution()).isEqualTo("Places: GeoNames (CC BY 4.0)");
        // a data layer that is not a boundary or place layer has no labels
        MapLayer subs = DemoMap.prepare(io.siteplanner.TestData.shared("substations_hifld_partial_ms.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        assertThat(subs.labels()).isNull();
        assertThat(subs.attribution()).isEqualTo("HIFLD");
    }

    @Test
    void noTwoLabelsOverlapAtAnyScale() {
        for (double res : new double[] {5000, 2000, 800, 400, 150, 40}) {
            Labels.Placement p = Labels.place(res, Labels.themed(states, counties, places));
            List<Labels.Placed> l = p.labels;
            assertThat(l).as("labels at %s m/px", res).isNotEmpty();
            // every text box (with its halo) and every place dot, against all others
            List<double[]> boxes = new ArrayList<>();
            List<String> what = new ArrayList<>();
            for (Labels.Placed a : l) {
                boxes.add(new double[] {a.x0(), a.y0(), a.x1(), a.y1()});
                what.add(a.text());
                if (a.dotR() > 0) {
                    boxes.add(new double[] {a.dotX() - a.dotR(), a.dotY() - a.dotR(), a.dotX() + a.dotR(),
                        a.dotY() + a.dotR()});
                    what.add("dot of " + a.text());
                }
            }
            // sweep along x: sorted by left edge, each box meets only the boxes starting before its right edge
            Integer[] byX = new Integer[boxes.size()];
            for (int i = 0; i < byX.length; i++) {
                byX[i] = i;
            }
            java.util.Arrays.sort(byX, (u, w) -> Double.compare(boxes.get(u)[0], boxes.get(w)[0]));
            for (int ii = 0; ii < byX.length; ii++) {
                int i = byX[ii];
                for (int jj = ii + 1; jj < byX.length && boxes.get(byX[jj])[0] < boxes.get(i)[2]; jj++) {
                    int j = byX[jj];
                    double[] a = boxes.get(i);
                    double[] b = boxes.get(j);
                    boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                    assertThat(overlap).as("%s and %s at %s m/px", what.get(i), what.get(j), res).isFalse();
                }
            }
        }
    }

    static List<String> placeNames(double res) {
        List<String> out = new ArrayList<>();
        for (Labels.Placed p : Labels.place(res, Labels.themed(states, counties, places)).labels) {
            if (p.dotR() > 0) {
                out.add(p.text());
            }
        }
        return out;
    }

    @Test
    void morePlacesAsYouZoomIn() {
        List<String> national = placeNames(5000);
        List<String> state = placeNames(600);
        List<String> county = placeNames(100);
        assertThat(national).contains("New York City", "Chicago", "Houston").doesNotContain("Canton", "Ridgeland");
        assertThat(state.size()).isGreaterThan(national.size() * 2);
        assertThat(county.size()).isGreaterThan(state.size() * 2);
        // at county scale the towns around Madison County, MS are named (GeoNames population >= 10,000)
        assertThat(county).contains("Jackson", "Madison", "Ridgeland", "Canton", "Clinton");
        // county names appear at state scale and closer, state names from afar
        List<String> all600 = new ArrayList<>();
        Labels.place(600, Labels.themed(states, counties, places)).labels.forEach(p -> all600.add(p.text()));
        assertThat(all600).contains("MISSISSIPPI", "Madison", "Hinds");
        List<String> all5000 = new ArrayList<>();
        Labels.place(5000, Labels.themed(states, counties, places)).labels.forEach(p -> all5000.add(p.text()));
        assertThat(all5000).contains("TEXAS").doesNotContain("Hinds");
    }

    @Test
    void placementDoesNotDependOnWhereTheViewIs() {
        // the same resolution gives the same labels at the same world positions, whatever the view
        Labels.Placement a = Labels.place(300, Labels.themed(states, counties, places));
        Labels.Placement b = Labels.compute(300, Labels.themed(states, counties, places));
        assertThat(b.labels).isEqualTo(a.labels);
    }

    static int differing(BufferedImage a, BufferedImage b, Rectangle r) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aPannedMapWithLabelsAndDecorationsEqualsAFreshOne() {
        Viewport v0 = new Viewport(X, Y, 150, 640, 420);
        BufferedImage img = MapRenderer.newImage(640, 420);
        MapRenderer.render(img, v0, draws, DefaultStyles.BACKGROUND, () -> false);
        Viewport v1 = v0.pan(37, -23);
        assertThat(MapRenderer.renderShifted(img, v0, v1, draws, DefaultStyles.BACKGROUND, () -> false)).isTrue();
        BufferedImage fresh = MapRenderer.render(v1, draws, DefaultStyles.BACKGROUND);
        Rectangle all = new Rectangle(0, 0, 640, 420);
        // antialiased edges may differ by rounding at strip seams only
        assertThat(differing(img, fresh, all)).isLessThan(640 * 420 / 500);
        // the north arrow and attribution stay put: no ghost where the pan moved them
        for (Rectangle r : MapDecorations.CANVAS.areas(v1, draws)) {
            Rectangle ghost = new Rectangle(r.x + 37, r.y - 23, r.width, r.height).intersection(all);
            assertThat(differing(img, fresh, r.intersection(all))).as("decoration at %s", r).isZero();
            assertThat(differing(img, fresh, ghost)).as("ghost of %s", r).isLessThan(ghost.width * ghost.height / 50);
        }
    }

    @Test
    void attributionNamesTheSourcesShown() {
        assertThat(MapDecorations.CANVAS.attributionText(draws))
                .isEqualTo("Boundaries: US Census Bureau · Places: GeoNames (CC BY 4.0)");
        // layers made invisible by opacity 0 are not credited
        List<LayerDraw> hidden = List.of(draws.get(0), LayerDraw.of(places, basemap.get(2).style(), 0, null, null));
        assertThat(MapDecorations.CANVAS.attributionText(hidden)).isEqualTo("Boundaries: US Census Bureau");
        assertThat(MapDecorations.NONE.attributionText(draws)).isNull();
    }

    @Test
    void decorationsAreDrawnOnMapsBigEnoughAndNotOnSmallOnes() {
        Viewport big = new Viewport(X, Y, 150, 640, 420);
        BufferedImage with = MapRenderer.render(big, draws, DefaultStyles.BACKGROUND, MapDecorations.print(List.of()));
        BufferedImage without = MapRenderer.render(big, draws, DefaultStyles.BACKGROUND, MapDecorations.NONE);
        List<Rectangle> areas = MapDecorations.print(List.of()).areas(big, draws);
        assertThat(areas).hasSize(3); // north arrow, attribution, scale bar
        for (Rectangle r : areas) {
            assertThat(differing(with, without, r)).as("decoration at %s", r).isGreaterThan(r.width * r.height / 20);
        }
        // outside them the maps are the same
        Rectangle middle = new Rectangle(200, 100, 240, 200);
        assertThat(differing(with, without, middle)).isZero();
        Viewport small = new Viewport(X, Y, 150, 200, 150);
        assertThat(differing(MapRenderer.render(small, draws, DefaultStyles.BACKGROUND, MapDecorations.print(List.of())),
                MapRenderer.render(small, draws, DefaultStyles.BACKGROUND, MapDecorations.NONE),
                new Rectangle(0, 0, 200, 150))).isZero();
    }
}
