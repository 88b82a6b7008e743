package io.siteplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.project.Project;
import io.siteplanner.store.ProjectStore;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandTest {
    @TempDir
    Path dir;

    static String maps(String rel) {
        return Paths.get("maps").resolve(rel).toAbsolutePath().toString();
    }

    @Test
    void createThenInfo() throws Exception {
        // the bundled demo's three scenarios on real data; counts from ogrinfo -so maps/demo/demo.gpkg
        Path out = dir.resolve("demo.siteplan.gpkg");
        CliTest.Run r = CliTest.run("project", "create", "--scenario", maps("demo/scenario-1gw-in.json"), "--scenario",
                maps("demo/scenario-1gw-ms.json"), "--scenario", maps("demo/scenario-300mw-ms.json"), "--title", "Demo",
                "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        // cells, lines, substations of each state, lines_in_osm, plants, places, states, counties, territories
        assertThat(r.err).contains("wrote " + out + ": 12 layers, 3 scenarios");
        Project p = ProjectStore.open(out);
        assertThat(p.title()).isEqualTo("Demo");
        assertThat(p.scenarios()).hasSize(3);

        CliTest.Run info = CliTest.run("project", "info", out.toString());
        assertThat(info.code).as(info.err).isZero();
        assertThat(info.out).contains("title: Demo").contains("schema: 1").contains("layers: 12")
                .containsPattern("cells_in +candidates +749 features +Multi Polygon +EPSG:5070")
                .containsPattern("cells_ms +candidates +530 features")
                .containsPattern("subs_ms +data +901 features")
                .contains("scenarios: 3").contains("* 1 GW AI campus, Indiana (1000 MW IT load, 12 criteria)")
                .contains("1 GW AI campus, Mississippi (1000 MW IT load, 11 criteria)")
                .contains("300 MW campus, Mississippi (fast power) (300 MW IT load").contains("shortlist: 0 sites");
    }

    @Test
    void infoOnAPlainGeoPackageIsAUsageError() {
        CliTest.Run r = CliTest.run("project", "info", maps("demo/demo.gpkg"));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).isEqualTo("error: " + maps("demo/demo.gpkg") + ": not a SitePlanner project (a plain GeoPackage: add its layers"
                + " with Add Layer instead)" + System.lineSeparator());
    }

    @Test
    void badInputsAreUsageErrors() {
        CliTest.Run missing = CliTest.run("project", "create", "--scenario", dir.resolve("nope.json").toString(),
                "--out", dir.resolve("x.siteplan.gpkg").toString());
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).startsWith("error: nope.json").contains("file not found");
        CliTest.Run noOut = CliTest.run("project", "create", "--scenario", maps("demo/scenario-1gw-in.json"));
        assertThat(noOut.code).isEqualTo(2);
        assertThat(noOut.err).contains("--out");
        CliTest.Run noFolder = CliTest.run("project", "create", "--scenario", maps("demo/scenario-1gw-in.json"), "--out",
                dir.resolve("no/such/p.siteplan.gpkg").toString());
        assertThat(noFolder.code).isEqualTo(2);
        assertThat(noFolder.err).contains("folder does not exist");
        assertThat(dir.resolve("x.siteplan.gpkg")).doesNotExist();
    }
}
