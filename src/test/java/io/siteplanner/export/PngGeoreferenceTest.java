package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Progress;
import io.siteplanner.render.DemoMap;
import io.siteplanner.render.ScoreLegend;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.ScoringSession;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.geotools.api.referencing.operation.MathTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** The PNG export is georeferenced: a world file and .prj that put every site on its own pixels. */
class PngGeoreferenceTest {
    @Test
    void worldFilePutsTheLargestSitesOnPixelsOfTheirOwnColour(@TempDir Path dir) throws Exception {
        Path scenario = Path.of("src/test/resources/fixtures/parcels-demo/scenario-300mw.json");
        Scenario s = ScenarioReader.read(scenario);
        Path base = scenario.toAbsolutePath().getParent();
        ScoringSession session = ScenarioEvaluator.evaluate(s, new FileLayerSource(base), Progress.NONE);
        ScoreResult r = session.score();
        MapContent map = MapContent.of(DemoMap.scenarioLayers(s, base, session, Progress.NONE));
        Path out = dir.resolve("map.png");
        SitesExport.export(r, map, SitesExport.Options.defaults(), SitesExport.Format.PNG, out, Progress.NONE);
        List<String> w = Files.readAllLines(dir.resolve("map.pgw"));
        assertThat(w).hasSize(6);
        double a = Double.parseDouble(w.get(0));
        double e = Double.parseDouble(w.get(3));
        double c = Double.parseDouble(w.get(4));
        double f = Double.parseDouble(w.get(5));
        assertThat(Double.parseDouble(w.get(1))).isZero();
        assertThat(Double.parseDouble(w.get(2))).isZero();
        assertThat(e).isCloseTo(-a, offset(1e-9));
        assertThat(Files.readString(dir.resolve("map.prj"))).contains("Pseudo-Mercator");
        BufferedImage img = ImageIO.read(out.toFile());
        // the candidates, transformed independently to EPSG:3857, must lie inside the image's extent
        MathTransform toMerc = Crs.transform(session.analysisCrs(), Crs.decode("EPSG:3857"));
        ScoreLegend legend = ScoreLegend.of(r);
        int checked = 0;
        Integer[] bySize = new Integer[r.size()];
        for (int i = 0; i < bySize.length; i++) {
            bySize[i] = i;
        }
        java.util.Arrays.sort(bySize, (x, y) -> Double.compare(session.geometry(y).getArea(), session.geometry(x).getArea()));
        for (int k = 0; k < 10; k++) {
            int site = bySize[k];
            Geometry merc = Crs.transform(session.geometry(site), toMerc);
            assertThat(merc.getEnvelopeInternal().getMinX()).isGreaterThan(c - a / 2);
            assertThat(merc.getEnvelopeInternal().getMaxY()).isLessThan(f + a / 2);
            Point p = merc.getInteriorPoint();
            int px = (int) Math.floor((p.getX() - (c - a / 2)) / a);
            int py = (int) Math.floor((p.getY() - (f - e / 2)) / e);
            assertThat(px).isBetween(0, img.getWidth() - 1);
            assertThat(py).isBetween(0, img.getHeight() - 1);
            int want = r.passed(site) ? legend.color(legend.classOf(r.score(site))) : ScoreLegend.FAILED;
            assertThat(img.getRGB(px, py) & 0xffffff).as("site %s at pixel %d,%d", session.id(site), px, py)
                    .isEqualTo(want & 0xffffff);
            checked++;
        }
        assertThat(checked).isEqualTo(10);
    }
}
