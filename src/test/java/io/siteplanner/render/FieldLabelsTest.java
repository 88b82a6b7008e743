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
import io.siteplanner.model.style.LabelStyle;
import io.siteplanner.model.style.LayerStyle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** A user's labels on any layer: by field, without collisions, within their scale range, drawn. */
class FieldLabelsTest {
    static final double X = MapRendererTest.MERC_X;
    static final double Y = MapRendererTest.MERC_Y;

    /** A 10 x 10 grid of points 500 m apart around Madison County, MS, named "site 0".."site 99", with a number. */
    static MapLayer grid() {
        VectorLayer.Builder b = VectorLayer.builder("sites").crs(Crs.decode("EPSG:3857"), 3857)
                .schema(new Schema(List.of(new Field("name", FieldType.STRING), new Field("mw", FieldType.REAL))));
        for (int i = 0; i < 100; i++) {
            b.add(new Feature(i, Geometries.FACTORY.createPoint(new Coordinate(X + (i % 10) * 500, Y + (i / 10) * 500)),
                    new Object[] {"site " + i, (double) (i * 10)}));
        }
        return MapLayer.prepare(b.build(), Crs.decode("EPSG:3857"), Progress.NONE);
    }

    static LayerDraw draw(MapLayer l, LabelStyle labels) {
        return LayerDraw.of(l, LayerStyle.single(Colors.rgb(0xff0000), 0, 0, 5).withLabels(labels), 1, null, null);
    }

    @Test
    void labelsByFieldNeverOverlapAndThinOutAsYouZoomOut() {
        MapLayer l = grid();
        int before = Integer.MAX_VALUE;
        for (double res : new double[] {5, 20, 60, 200}) {
            List<Labels.Labelled> ls = Labels.labelled(List.of(draw(l, LabelStyle.of("name"))), 1000);
            Labels.Placement p = Labels.compute(res, ls);
            List<double[]> boxes = new ArrayList<>();
            for (Labels.Placed x : p.labels) {
                double[] box = {x.x0(), x.y0(), x.x1(), x.y1()};
                for (double[] o : boxes) {
                    assertThat(box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3])
                            .as("overlap at %s m/px", res).isFalse();
                }
                boxes.add(box);
            }
            assertThat(p.size()).as("labels at %s m/px", res).isPositive().isLessThanOrEqualTo(before);
            before = p.size();
        }
        // 5 m/px: points are 100 px apart, every one of the 100 names fits
        assertThat(Labels.compute(5, Labels.labelled(List.of(draw(l, LabelStyle.of("name"))), 1000)).size())
                .isEqualTo(100);
        // 200 m/px: the whole grid is 22 px wide; a name is ~40 px wide: at most one on each side of it
        assertThat(Labels.compute(200, Labels.labelled(List.of(draw(l, LabelStyle.of("name"))), 1000)).size())
                .isBetween(1, 4);
    }

    @Test
    void numbersAreLabelledAsTheyReadAndScaleRangesHideLabels() {
        MapLayer l = grid();
        Labels.Placement p = Labels.compute(5, Labels.labelled(List.of(draw(l, LabelStyle.of("mw"))), 1000));
        List<String> texts = p.labels.stream().map(Labels.Placed::text).toList();
        assertThat(texts).contains("0", "990").doesNotContain("990.0");
        // shown between 1:1,000 and 1:50,000 only
        LayerDraw d = draw(l, new LabelStyle("name", 50_000, 1_000));
        assertThat(Labels.labelled(List.of(d), 20_000)).hasSize(1);
        assertThat(Labels.labelled(List.of(d), 100_000)).isEmpty();
        assertThat(Labels.labelled(List.of(d), 500)).isEmpty();
    }

    @Test
    void labelsAreDrawnOnTheMapBesideTheirPoints() {
        MapLayer l = grid();
        Viewport vp = new Viewport(X + 2250, Y + 2250, 5, 400, 400);
        BufferedImage with = MapRenderer.render(vp, List.of(draw(l, LabelStyle.of("name"))), Colors.rgb(0xffffff));
        BufferedImage without = MapRenderer.render(vp, List.of(LayerDraw.of(l, LayerStyle.single(Colors.rgb(0xff0000), 0, 0,
                5), 1, null, null)), Colors.rgb(0xffffff));
        // dark text pixels appear right of a point (the first choice) only with labels
        assertThat(darkPixels(with)).isGreaterThan(darkPixels(without) + 500);
    }

    private static int darkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if ((c >> 16 & 0xff) < 90 && (c >> 8 & 0xff) < 90 && (c & 0xff) < 90) {
                    n++;
                }
            }
        }
        return n;
    }
}
