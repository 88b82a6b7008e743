package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
    static final String SCENARIO = "src/test/resources/fixtures/scoring/scenario.json";

    @Test
    void writesCsvWithTheIssueColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ranked.csv");
        CliTest.Run r = CliTest.run("score", "--scenario", SCENARIO, "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("rank,parcel_id,score,acres,d_sub,d_line,price,risk,ic,passed,reasons");
        assertThat(lines).hasSize(301);
        assertThat(lines.get(1)).startsWith("1,").contains(",true,");
        assertThat(lines.get(300)).startsWith("300,").contains(",false,");
        double prev = Double.POSITIVE_INFINITY;
        boolean failedSeen = false;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            assertThat(Integer.parseInt(f[0])).isEqualTo(i);
            boolean passed = Boolean.parseBoolean(f[9]);
            if (!passed && !failedSeen) {
                failedSeen = true;
                prev = Double.POSITIVE_INFINITY;
            }
            assertThat(passed).as("failed sites come after passing ones").isEqualTo(!failedSeen);
            double score = Double.parseDouble(f[2]);
            assertThat(score).isLessThanOrEqualTo(prev);
            prev = score;
            if (!passed) {
                assertThat(f[10]).as("failed sites carry their reasons").isNotEmpty();
            }
        }
        assertThat(r.err).contains("300 sites scored").contains("warning: zones: join zone_risk.csv -> zones");
    }

    @Test
    void printsTopTableAndTimings() {
        CliTest.Run r = CliTest.run("score", "--scenario", SCENARIO, "--top", "5", "--timings");
        assertThat(r.code).as(r.err).isZero();
        List<String> lines = r.out.lines().toList();
        assertThat(lines.get(0)).matches("rank\\s+parcel_id\\s+score\\s+acres\\s+d_sub\\s+d_line\\s+price\\s+risk\\s+ic\\s+passed\\s+reasons");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).matches("\\s*1\\s+\\d+\\s+0\\.\\d{6}\\s.*yes.*");
        assertThat(lines.get(6)).startsWith("300 sites, ");
        assertThat(r.err).contains("timing: load parcels").contains("timing: criterion d_line")
                .contains("timing: rank").contains("timing: index lines [kv >= 345]");
    }

    @Test
    void geoJsonAndGeoPackageOutputsReadBack(@TempDir Path dir) throws Exception {
        Path gj = dir.resolve("top.geojson");
        Path gp = dir.resolve("top.gpkg");
        assertThat(CliTest.run("score", "--scenario", SCENARIO, "--top", "10", "--out", gj.toString()).code).isZero();
        assertThat(CliTest.run("score", "--scenario", SCENARIO, "--top", "10", "--out", gp.toString()).code).isZero();
        VectorLayer a = FormatRegistry.standard().readVector(gj, ReadOptions.DEFAULT, Progress.NONE);
        VectorLayer b = FormatRegistry.standard().readVector(gp, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(a.size()).isEqualTo(10);
        assertThat(b.size()).isEqualTo(10);
        assertThat(a.epsg()).isEqualTo(4326);
        assertThat(b.epsg()).isEqualTo(5070);
        assertThat(b.schema().names()).containsSubsequence("rank", "parcel_id", "score", "acres", "passed", "reasons");
        int rank = b.schema().indexOf("rank");
        int id = b.schema().indexOf("parcel_id");
        int idA = a.schema().indexOf("parcel_id");
        for (int i = 0; i < 10; i++) {
            assertThat(((Number) b.get(i).value(rank)).intValue()).isEqualTo(i + 1);
            assertThat(((Number) a.get(i).value(idA)).longValue()).isEqualTo(((Number) b.get(i).value(id)).longValue());
        }
        // the same polygon in both: GeoJSON area in degrees is small, GeoPackage area in square metres large
        assertThat(b.get(0).geometry().getArea()).isGreaterThan(40469); // >= 10 acres passes
        assertThat(a.get(0).geometry().getEnvelopeInternal().getMinX()).isBetween(-90.0, -89.0);
    }
}
