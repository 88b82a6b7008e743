package io.siteplanner.store;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.MapView;
import io.siteplanner.project.Project;
import io.siteplanner.project.ProjectLayer;
import io.siteplanner.project.Shortlist;
import io.siteplanner.project.ShortlistEntry;
import io.siteplanner.project.SiteStatus;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.store.ScenarioReader;
import io.siteplanner.store.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Projects built in memory for the store tests: several CRSs, every field type, Z, holes, nulls. */
final class StoreFixtures {
    static final GeometryFactory F = Geometries.FACTORY;

    private StoreFixtures() {
    }

    static Path maps() {
        return Paths.get("maps").toAbsolutePath();
    }

    /** The parcels fixture (invented parcels and grid, see its README.md): a 1 GW scenario over it. */
    static Path demoScenario() {
        return Paths.get("src/test/resources/fixtures/parcels-demo").toAbsolutePath().resolve("scenario-1gw.json");
    }

    /** Parcels in EPSG:5070 (Albers) with every field type; one with a hole, one multipolygon, nulls. */
    static VectorLayer parcels(int n) {
        Schema schema = new Schema(List.of(new Field("parcel_id", FieldType.STRING), new Field("acres", FieldType.REAL),
                new Field("owners", FieldType.INTEGER), new Field("zoned", FieldType.BOOLEAN),
                new Field("surveyed", FieldType.DATE), new Field("updated", FieldType.DATETIME),
                new Field("Name", FieldType.STRING)));
        VectorLayer.Builder b = VectorLayer.builder("parcels").crs(Crs.decode("EPSG:5070"), 5070).schema(schema)
                .geometryType(GeometryType.MULTIPOLYGON);
        for (int i = 0; i < n; i++) {
            double x = 600_000 + i * 2_000;
            double y = 1_100_000 + (i % 7) * 1_500;
            Geometry g;
            if (i == 1) {
                LinearRing shell = ring(x, y, 1_000);
                LinearRing hole = ring(x + 300, y + 300, 200);
                g = F.createMultiPolygon(new Polygon[] {F.createPolygon(shell, new LinearRing[] {hole})});
            } else if (i == 2) {
                g = F.createMultiPolygon(new Polygon[] {F.createPolygon(ring(x, y, 400)),
                    F.createPolygon(ring(x + 600, y, 300))});
            } else {
                g = F.createMultiPolygon(new Polygon[] {F.createPolygon(ring(x, y, 900))});
            }
            Object[] v = {"P-" + i, i == 3 ? null : 100.5 + i, (long) i * 3, i % 2 == 0, LocalDate.of(2024, 1, 1 + i % 28),
                i == 4 ? null : LocalDateTime.of(2025, 6, 1, 12, 30, i % 60, 250_000_000),
                i == 0 ? "Café Müller – “quoted” 東京" : "n" + i};
            b.add(new Feature(10 + i * 2L, g, v));
        }
        return b.build();
    }

    static LinearRing ring(double x, double y, double s) {
        return F.createLinearRing(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y),
            new Coordinate(x + s, y + s), new Coordinate(x, y + s), new Coordinate(x, y)});
    }

    /** Substation points with Z in UTM 16N (EPSG:26916). */
    static VectorLayer substations() {
        Schema schema = new Schema(List.of(new Field("name", FieldType.STRING), new Field("kv", FieldType.REAL)));
        VectorLayer.Builder b = VectorLayer.builder("substations").crs(Crs.decode("EPSG:26916"), 26916).schema(schema)
                .geometryType(GeometryType.POINT).hasZ(true);
        for (int i = 0; i < 5; i++) {
            b.add(new Feature(i + 1, F.createPoint(new Coordinate(560_000 + i * 1000, 4_620_000 + i * 500, 200 + i)),
                    new Object[] {"Sub " + i, 138.0 + i * 100}));
        }
        return b.build();
    }

    /** Lines in EPSG:4326, one feature with a null geometry. */
    static VectorLayer lines() {
        Schema schema = new Schema(List.of(new Field("kv", FieldType.INTEGER)));
        VectorLayer.Builder b = VectorLayer.builder("lines").crs(Crs.wgs84(), 4326).schema(schema)
                .geometryType(GeometryType.LINESTRING);
        b.add(new Feature(1, F.createLineString(new Coordinate[] {new Coordinate(-90.1, 32.4),
            new Coordinate(-90.0, 32.5), new Coordinate(-89.9, 32.45)}), new Object[] {345L}));
        b.add(new Feature(2, null, new Object[] {null}));
        return b.build();
    }

    static LayerStyle graduated() {
        return LayerStyle.single(Colors.rgb(0xcccccc), Colors.rgb(0x555555), 1.8, 0).graduated("kv",
                new double[] {100, 200.5}, new int[] {Colors.rgb(0x7f8c8d), Colors.argb(128, 46, 134, 222),
                    Colors.rgb(0x10ac84)});
    }

    static LayerStyle categorized() {
        return LayerStyle.single(Colors.argb(90, 200, 10, 10), Colors.rgb(0), 0.5, 7).withSizeBy("kv", 5, 14)
                .categorized("name", Map.of("Sub 0", Colors.rgb(0xff0000)));
    }

    static Scenario scenario(String name) throws IOException {
        String json = Files.readString(demoScenario());
        Scenario s = ScenarioReader.parse(json);
        return new Scenario(name, s.description(), s.campus(), s.analysisCrs(), s.layers(), s.candidates(),
                s.idField(), s.criteria(), s.constraints(), s.weights(), s.method());
    }

    static Project project() throws IOException {
        List<ProjectLayer> layers = new ArrayList<>();
        layers.add(new ProjectLayer("lines", ProjectLayer.Role.DATA, lines(), graduated(), false, 0.5));
        layers.add(new ProjectLayer("substations", ProjectLayer.Role.DATA, substations(), categorized(), true, 0.8));
        layers.add(new ProjectLayer("parcels", ProjectLayer.Role.CANDIDATES, parcels(12),
                LayerStyle.single(Colors.rgb(0x999999), Colors.rgb(0x333333), 0.8, 0), true, 1));
        Shortlist sl = Shortlist.empty()
                .add(new ShortlistEntry("P-3", "visit with the utility;\nask about the 345 kV tap", SiteStatus.VISIT,
                        Instant.parse("2026-11-20T09:15:30.123Z")))
                .add(new ShortlistEntry("P-0", "Café owner: «non»", SiteStatus.REJECTED, Instant.parse("2026-11-21T10:00:00Z")))
                .add(new ShortlistEntry("P-7", "", SiteStatus.CANDIDATE, Instant.parse("2026-11-22T08:00:00Z")));
        return new Project("Test project – Madison", layers, List.of(scenario("A: 1 GW"), scenario("B: 300 MW")),
                "B: 300 MW", sl, "Project notes\nline 2 ✓", new MapView(-10_030_000.5, 3_810_000.25, 152.87));
    }
}
