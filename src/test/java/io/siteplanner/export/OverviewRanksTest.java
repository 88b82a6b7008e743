package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.Progress;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.Viewport;
import io.siteplanner.render.WebMercator;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The overview map marks the report's sites with their rank: every site when the marks fit, on the site
 * itself (its interior point, whose pixel is the mark's dark disc); when all sites fall within one mark's
 * size, only the best-ranked is marked. The demo's Indiana scenario, top 5 (adjacent hexagons).
 */
class OverviewRanksTest {
    static ScoreResult result;
    static MapContent map;
    static List<Integer> top = new ArrayList<>();

    @BeforeAll
    static void score() throws Exception {
        Path file = Path.of("maps", "demo", "scenario-1gw-in.json");
        Scenario s = ScenarioReader.read(file);
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(file.toAbsolutePath().getParent()),
                Progress.NONE);
        result = session.score();
        map = MapContent.of(DemoMap.scenarioLayers(s, file.toAbsolutePath().getParent(), session, Progress.NONE));
        for (int p = 0; p < 5; p++) {
            top.add(result.siteAt(p));
        }
    }

    @Test
    void everySiteIsMarkedWithItsRankWhereItIs() {
        Viewport vp = MapImages.overviewViewport(map, top, 1600, 1000);
        BufferedImage img = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_ARGB);
        List<Integer> marked = MapImages.markRanks(img, result, map, vp, top);
        assertThat(marked).containsExactlyElementsOf(top); // best rank first, all apart
        for (int site : top) {
            Point p = map.candidates().display().get(site).geometry().getInteriorPoint();
            int x = (int) Math.round(vp.toScreenX(p.getX()));
            int y = (int) Math.round(vp.toScreenY(p.getY()));
            // a pixel of the disc beside the digit: dark, opaque
            int argb = img.getRGB(x - MapImages.RANK_MARK_RADIUS + 3, y);
            assertThat(argb >>> 24).as("site %d", site).isGreaterThan(200);
            assertThat(argb & 0xff).isLessThan(0x60);
        }
    }

    @Test
    void whenAllMarksWouldOverlapOnlyTheBestRankedIsMarked() {
        // the whole contiguous US in 400 x 250 px: the five adjacent cells fall within a pixel or two
        Envelope us = new Envelope(WebMercator.x(-125), WebMercator.x(-66), WebMercator.y(24), WebMercator.y(50));
        Viewport vp = Viewport.fit(us, 400, 250, 0);
        BufferedImage img = new BufferedImage(400, 250, BufferedImage.TYPE_INT_ARGB);
        List<Integer> shuffled = new ArrayList<>(top);
        java.util.Collections.reverse(shuffled);
        assertThat(MapImages.markRanks(img, result, map, vp, shuffled)).containsExactly(result.siteAt(0));
    }
}
