package io.siteplanner.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The printed legend flows into columns instead of covering the map's height; nothing is cut while it fits. */
class LegendLayoutTest {
    static List<MapDecorations.Section> sections(int n, int rows) {
        List<MapDecorations.Section> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<Legend.Entry> e = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                e.add(new Legend.Entry("class " + r, 0xff00ff00, 0xff000000, Legend.Shape.AREA));
            }
            out.add(new MapDecorations.Section("layer " + s + ": a long preset title that names the source", e));
        }
        return out;
    }

    @Test
    void aLongLegendFlowsIntoColumnsWithinTheHeightShareAndKeepsEveryRow() {
        Viewport vp = Viewport.fit(new Envelope(0, 100_000, 0, 90_000), 1000, 900, 0);
        MapDecorations d = MapDecorations.print(sections(10, 5)); // 60 rows of 15 px: 900 px in one column
        MapDecorations.LegendLayout l = d.legendLayout(vp);
        assertThat(l.rows()).hasSize(60).allMatch(Objects::nonNull);
        assertThat(l.rows().stream().mapToInt(r -> r[0]).max().orElseThrow()).isGreaterThanOrEqualTo(2);
        assertThat(l.box().height).isLessThanOrEqualTo((int) (900 * MapDecorations.LEGEND_HEIGHT_SHARE) + 10);
        assertThat(l.box().width).isLessThanOrEqualTo(1000 - 120 + 8);
        // a section title never ends a column
        for (int i = 0, k = 0; i < 10; i++) {
            int[] title = l.rows().get(k);
            int[] first = l.rows().get(k + 1);
            assertThat(first[0]).as("section %d", i).isEqualTo(title[0]);
            k += 6;
        }
    }

    @Test
    void aShortLegendStaysOneColumnAndWhatCannotFitIsLeftOutInsideTheMap() {
        Viewport vp = Viewport.fit(new Envelope(0, 100_000, 0, 90_000), 1000, 900, 0);
        MapDecorations.LegendLayout one = MapDecorations.print(sections(2, 4)).legendLayout(vp);
        assertThat(one.rows()).allMatch(r -> r[0] == 0);
        Viewport small = Viewport.fit(new Envelope(0, 100_000, 0, 60_000), 400, 300, 0);
        MapDecorations.LegendLayout cut = MapDecorations.print(sections(30, 6)).legendLayout(small);
        assertThat(cut.rows()).contains((int[]) null);
        assertThat(cut.box().x + cut.box().width).isLessThanOrEqualTo(400);
        assertThat(cut.box().y + cut.box().height).isLessThanOrEqualTo(300);
    }
}
