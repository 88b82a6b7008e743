package io.siteplanner.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class MapRendererTest {
    // Expected EPSG:3857 / EPSG:5070 coordinates of lon -90.05, lat 32.62 (Madison County, MS), from
    // `echo "-90.05 32.62" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857 -output_xy` (and EPSG:5070), GDAL 3.6.2.
    static final double MERC_X = -10024320.1459343;
    static final double MERC_Y = 3844973.26085196;
    static final double ALBERS_X = 554862.590340887;
    static final double ALBERS_Y = 1078273.3036214;

    static final int RED = Colors.rgb(0xff0000);
    static final int BG = Colors.rgb(0xffffff);

    static VectorLayer pointLayer(String crs, double x, double y) {
        return VectorLayer.builder("pts").crs(Crs.decode(crs), Crs.parseEpsg(crs))
                .schema(new Schema(List.of(new Field("kv", FieldType.INTEGER))))
                .add(new Feature(1, Geometries.FACTORY.createPoint(new Coordinate(x, y)), new Object[] {345L}))
                .build();
    }

    static int rgbAt(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) | 0xff000000;
    }

    @Test
    void pointInLonLatLandsOnItsMercatorPixel() {
        MapLayer l = MapLayer.prepare(pointLayer("EPSG:4326", -90.05, 32.62), Crs.decode("EPSG:3857"), Progress.NONE);
        Viewport vp = new Viewport(MERC_X, MERC_Y, 100, 201, 201);
        LayerDraw d = LayerDraw.of(l, LayerStyle.single(RED, 0, 0, 9), 1, null, null);
        BufferedImage img = MapRenderer.render(vp, List.of(d), BG);
        assertThat(rgbAt(img, 100, 100)).isEqualTo(RED);
        assertThat(rgbAt(img, 110, 100)).isEqualTo(BG);
        // shift the view 20 px east: the point moves 20 px west on screen
        BufferedImage shifted = MapRenderer.render(vp.withCenter(MERC_X + 2000, MERC_Y), List.of(d), BG);
        assertThat(rgbAt(shifted, 80, 100)).isEqualTo(RED);
        assertThat(rgbAt(shifted, 100, 100)).isEqualTo(BG);
    }

    @Test
    void polygonInAlbersLandsWhereGdalPutsIt() {
        // a 4 km square around the point, defined in EPSG:5070
        double h = 2000;
        var poly = Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(ALBERS_X - h, ALBERS_Y - h),
            new Coordinate(ALBERS_X + h, ALBERS_Y - h), new Coordinate(ALBERS_X + h, ALBERS_Y + h),
            new Coordinate(ALBERS_X - h, ALBERS_Y + h), new Coordinate(ALBERS_X - h, ALBERS_Y - h)});
        VectorLayer v = VectorLayer.builder("sq").crs(Crs.decode("EPSG:5070"), 5070)
                .add(new Feature(1, poly, new Object[0])).build();
        MapLayer l = MapLayer.prepare(v, Crs.decode("EPSG:3857"), Progress.NONE);
        Viewport vp = new Viewport(MERC_X, MERC_Y, 100, 201, 201);
        BufferedImage img = MapRenderer.render(vp, List.of(LayerDraw.of(l, LayerStyle.single(RED, 0, 0, 0), 1, null,
                null)), BG);
        assertThat(rgbAt(img, 100, 100)).isEqualTo(RED);
        // 4 km in Albers is ~4.75 km in Mercator at 32.6 N (scale 1/cos): ~47 px wide, so +-20 px is inside
        assertThat(rgbAt(img, 80, 100)).isEqualTo(RED);
        assertThat(rgbAt(img, 120, 120)).isEqualTo(RED);
        assertThat(rgbAt(img, 100, 140)).isEqualTo(BG);
        assertThat(rgbAt(img, 60, 100)).isEqualTo(BG);
    }

    @Test
    void hiddenByOpacityZeroAndSelectionDrawsHighlight() {
        MapLayer l = MapLayer.prepare(pointLayer("EPSG:3857", MERC_X, MERC_Y), Crs.decode("EPSG:3857"), Progress.NONE);
        Viewport vp = new Viewport(MERC_X, MERC_Y, 100, 101, 101);
        BufferedImage transparent = MapRenderer.render(vp,
                List.of(LayerDraw.of(l, LayerStyle.single(RED, 0, 0, 9), 0, null, null)), BG);
        assertThat(rgbAt(transparent, 50, 50)).isEqualTo(BG);
        BitSet sel = new BitSet();
        sel.set(0);
        BufferedImage selected = MapRenderer.render(vp,
                List.of(LayerDraw.of(l, LayerStyle.single(RED, 0, 0, 9), 1, null, sel)), BG);
        // the highlight ring is drawn around the point (size + 6 px)
        assertThat(rgbAt(selected, 50 + 7, 50)).isEqualTo(MapRenderer.SELECTION);
    }

    @Test
    void graduatedStyleColoursByClassAndOverrideWins() {
        MapLayer l = MapLayer.prepare(pointLayer("EPSG:3857", MERC_X, MERC_Y), Crs.decode("EPSG:3857"), Progress.NONE);
        Viewport vp = new Viewport(MERC_X, MERC_Y, 100, 101, 101);
        LayerStyle kv = LayerStyle.single(RED, 0, 0, 9).graduated("kv", DefaultStyles.KV_BREAKS, DefaultStyles.KV_COLORS);
        BufferedImage img = MapRenderer.render(vp, List.of(LayerDraw.of(l, kv, 1, null, null)), BG);
        assertThat(rgbAt(img, 50, 50)).isEqualTo(DefaultStyles.KV_COLORS[3]); // 345 kV class
        int blue = Colors.rgb(0x0000ff);
        BufferedImage over = MapRenderer.render(vp, List.of(LayerDraw.of(l, kv, 1, new int[] {blue}, null)), BG);
        assertThat(rgbAt(over, 50, 50)).isEqualTo(blue);
    }

    @Test
    void viewportZoomKeepsPointUnderCursorFixed() {
        Viewport vp = new Viewport(1000, 2000, 10, 400, 300);
        double mx = vp.toMapX(123);
        double my = vp.toMapY(77);
        Viewport z = vp.zoomAt(2.5, 123, 77);
        assertThat(z.resolution()).isEqualTo(4.0);
        assertThat(z.toMapX(123)).isCloseTo(mx, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(z.toMapY(77)).isCloseTo(my, org.assertj.core.data.Offset.offset(1e-6));
        Viewport f = Viewport.fit(new Envelope(0, 1000, 0, 500), 200, 100, 0);
        assertThat(f.envelope().covers(new Envelope(0, 1000, 0, 500))).isTrue();
    }

    @Test
    void shiftedPanRenderEqualsAFullRender() {
        // a layer with many polygons of several colours, so both shifting and strips matter
        VectorLayer.Builder b = VectorLayer.builder("grid").crs(Crs.decode("EPSG:3857"), 3857);
        int n = 0;
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                double x = MERC_X + (i - 15) * 700;
                double y = MERC_Y + (j - 15) * 700;
                b.add(new Feature(++n, Geometries.FACTORY.toGeometry(new Envelope(x, x + 500, y, y + 380)), new Object[0]));
            }
        }
        MapLayer l = MapLayer.prepare(b.build(), Crs.decode("EPSG:3857"), Progress.NONE);
        LayerDraw d = LayerDraw.of(l, LayerStyle.single(Colors.withAlpha(RED, 128), Colors.rgb(0x000080), 1.2, 0), 1,
                null, null);
        Viewport v0 = new Viewport(MERC_X, MERC_Y, 37, 300, 200);
        BufferedImage img = MapRenderer.newImage(300, 200);
        MapRenderer.render(img, v0, List.of(d), BG, () -> false);
        Viewport v1 = v0.pan(37, -23);
        assertThat(MapRenderer.renderShifted(img, v0, v1, List.of(d), BG, () -> false)).isTrue();
        BufferedImage full = MapRenderer.render(v1, List.of(d), BG);
        int differing = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                if (img.getRGB(x, y) != full.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        // antialiased edges may differ by rounding at strip seams only
        assertThat(differing).isLessThan(300 * 200 / 200);
        // a zoom cannot be shifted
        assertThat(MapRenderer.renderShifted(img, v1, v1.zoomAt(2, 10, 10), List.of(d), BG, () -> false)).isFalse();
    }
}
