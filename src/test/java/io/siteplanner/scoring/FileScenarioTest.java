package io.siteplanner.scoring;

import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.scenario.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The fixture scenario (make-fixtures.sh: GeoPackage in EPSG:5070, shapefile in NAD83 lon/lat, GeoJSON in
 * WGS 84, zones in EPSG:3857 with a CSV join) read from files, checked against a brute-force computation
 * over the same files reprojected independently here.
 */
class FileScenarioTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/scoring");
    static ScoringSession session;
    static ScoreResult result;

    @BeforeAll
    static void evaluate() throws Exception {
        Scenario s = ScenarioReader.read(DIR.resolve("scenario.json"));
        session = ScenarioEvaluator.evaluate(s, new FileLayerSource(DIR), Progress.NONE);
        result = session.score();
    }

    static VectorLayer read(String file, String layer) throws Exception {
        VectorLayer l = FormatRegistry.standard().readVector(DIR.resolve(file), ReadOptions.DEFAULT.withLayer(layer),
                Progress.NONE);
        return Crs.reproject(l, Crs.decode("EPSG:5070"), Progress.NONE);
    }

    @Test
    void readsEveryFormatAndReprojects() {
        assertThat(session.size()).isEqualTo(300);
        assertThat(session.id(0)).isEqualTo(5000L);
        assertThat(session.warnings()).anyMatch(w -> w.contains("join zone_risk.csv -> zones: 15 of 16 features matched;"
                + " 1 unmatched (e.g. zone_id 16); 1 table rows unused"));
    }

    @Test
    void rawValuesMatchBruteForceOverTheFiles() throws Exception {
        VectorLayer parcels = read("parcels.gpkg", "parcels");
        VectorLayer subs = read("subs.shp", null);
        VectorLayer lines = read("lines.geojson", null);
        VectorLayer zones = read("zones.gpkg", "zones");
        int avail = subs.schema().indexOf("avail_mw");
        int kv = lines.schema().indexOf("kv");
        int price = zones.schema().indexOf("price_usd_mwh");
        for (int i = 0; i < parcels.size(); i++) {
            Geometry g = parcels.get(i).geometry();
            double ds = Double.POSITIVE_INFINITY;
            for (Feature f : subs.features()) {
                if (f.number(avail) >= 200) {
                    ds = Math.min(ds, DistanceOp.distance(g, f.geometry()));
                }
            }
            double dl = Double.POSITIVE_INFINITY;
            for (Feature f : lines.features()) {
                if (f.number(kv) >= 345) {
                    dl = Math.min(dl, DistanceOp.distance(g, f.geometry()));
                }
            }
            Point c = g.getCentroid();
            double p = Double.NaN;
            for (Feature z : zones.features()) {
                if (z.geometry().intersects(c)) {
                    p = z.number(price);
                    break;
                }
            }
            assertThat(session.raw(0)[i]).isCloseTo(g.getArea() / 4046.8564224, offset(1e-9));
            assertThat(session.raw(1)[i]).as("d_sub %d", i).isCloseTo(ds, offset(1e-6));
            assertThat(session.raw(2)[i]).as("d_line %d", i).isCloseTo(dl, offset(1e-6));
            assertThat(session.raw(3)[i]).as("price %d", i).isEqualTo(p);
        }
    }

    @Test
    void constraintsAndJoinedCriterion() {
        int failedSmall = 0;
        int failedLine = 0;
        for (int i = 0; i < result.size(); i++) {
            for (String r : result.reasons(i)) {
                if (r.startsWith("acres ")) {
                    failedSmall++;
                    assertThat(r).matches("acres [0-9.]+ < 10");
                } else {
                    failedLine++;
                    assertThat(r).matches("500 kV line( [0-9.]+ m <= 200 m buffer|: touches or overlaps \\(buffer 200 m\\))");
                }
            }
            if (result.rank(i) <= result.passedCount()) {
                assertThat(result.passed(i)).isTrue();
            } else {
                assertThat(result.passed(i)).isFalse();
            }
            double risk = session.raw(4)[i];
            assertThat(Double.isNaN(risk) || risk % 1 == 0.5).isTrue();
        }
        assertThat(failedSmall).isGreaterThan(0);
        assertThat(failedLine).isGreaterThan(0);
        assertThat(result.passedCount()).isBetween(1, 299);
    }

    @Test
    void standAloneDbfJoinSaysWhatToDo() throws Exception {
        String json = java.nio.file.Files.readString(DIR.resolve("scenario.json")).replace("zone_risk.csv", "zone_risk.dbf");
        Scenario s = ScenarioReader.parse(json);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioEvaluator.evaluate(s, new FileLayerSource(DIR),
                Progress.NONE)).isInstanceOf(ScenarioException.class).hasMessage("layers.zones.join.path: " + DIR.resolve("zone_risk.dbf") + ":"
                + " a stand-alone .dbf table cannot be read yet; join the shapefile (.shp) it belongs to, or save the"
                + " table as CSV");
    }

    @Test
    void geoPackageAttributeTableJoinsLikeTheCsv() throws Exception {
        String json = java.nio.file.Files.readString(DIR.resolve("scenario.json")).replace("\"path\": \"zone_risk.csv\"",
                "\"path\": \"zone_risk.gpkg\", \"layer\": \"risk\"");
        ScoringSession s = ScenarioEvaluator.evaluate(ScenarioReader.parse(json), new FileLayerSource(DIR), Progress.NONE);
        assertThat(s.raw(4)).containsExactly(session.raw(4));
        assertThat(s.warnings()).anyMatch(w -> w.contains("join zone_risk.gpkg -> zones: 15 of 16 features matched"));
    }
}
