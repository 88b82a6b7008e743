package io.siteplanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.style.Colors;
import io.siteplanner.model.style.LayerStyle;
import io.siteplanner.ui.task.CurrentThreadExecutor;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Adding layers as a GIS user expects: a GeoPackage with several tables asks which (a fixture written here
 * with tables lines, parcels, price_zones, substations), points go above lines above polygons, and plain
 * layers get colours no other layer has, polygons a light fill.
 */
class LayerAddingTest {
    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static Path gpkg;

    @org.junit.jupiter.api.BeforeAll
    static void fixture() throws Exception {
        gpkg = dir.resolve("several.gpkg");
        io.siteplanner.model.Schema schema = new io.siteplanner.model.Schema(List.of(
                new io.siteplanner.model.Field("name", io.siteplanner.model.FieldType.STRING)));
        org.locationtech.jts.geom.GeometryFactory gf = io.siteplanner.model.Geometries.FACTORY;
        org.locationtech.jts.geom.Geometry poly = new org.locationtech.jts.io.WKTReader(gf)
                .read("POLYGON((-90 32, -89.9 32, -89.9 32.1, -90 32.1, -90 32))");
        org.locationtech.jts.geom.Geometry line = new org.locationtech.jts.io.WKTReader(gf).read("LINESTRING(-90 32, -89.9 32.1)");
        org.locationtech.jts.geom.Geometry point = gf.createPoint(new org.locationtech.jts.geom.Coordinate(-89.95, 32.05));
        try (io.siteplanner.gis.gpkg.GeoPackageWriter w = io.siteplanner.gis.gpkg.GeoPackageWriter.create(gpkg)) {
            String[] names = {"lines", "parcels", "price_zones", "substations"};
            org.locationtech.jts.geom.Geometry[] geoms = {line, poly, poly, point};
            for (int i = 0; i < names.length; i++) {
                io.siteplanner.model.VectorLayer l = io.siteplanner.model.VectorLayer.builder(names[i])
                        .crs(io.siteplanner.gis.Crs.decode("EPSG:4326"), 4326).schema(schema)
                        .add(new io.siteplanner.model.Feature(1, geoms[i], new Object[] {"x"})).build();
                w.writeFeatures(names[i], l, null, io.siteplanner.model.Progress.NONE);
            }
            w.commit();
        }
    }
    final List<String> asked = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    /** A dialog service that picks these tables and records errors; everything else answers "no". */
    DialogService dialogs(List<String> pick) {
        return (DialogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DialogService.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "chooseTables":
                            asked.addAll(castList(args[1]));
                            return Optional.of(pick);
                        case "showError":
                        case "showWarning":
                            errors.add(args[0] + ": " + args[1]);
                            return null;
                        default:
                            return m.getReturnType() == Optional.class ? Optional.empty()
                                    : m.getReturnType() == boolean.class ? false : m.getReturnType() == List.class ? List.of() : null;
                    }
                });
    }

    @SuppressWarnings("unchecked")
    static List<String> castList(Object o) {
        return (List<String>) o;
    }

    @Test
    void aGeoPackageWithSeveralTablesAsksWhichAndStacksPointsOverLinesOverPolygons() {
        UndoManager undo = new UndoManager();
        LayersViewModel vm = new LayersViewModel(new CurrentThreadExecutor(), dialogs(List.of("parcels", "lines",
                "substations")), undo, () -> null);
        vm.addFiles(List.of(gpkg));
        assertThat(errors).isEmpty();
        assertThat(asked).containsExactlyInAnyOrder("lines", "parcels", "price_zones", "substations");
        assertThat(vm.names()).containsExactly("substations", "lines", "parcels");
        LayerStyle parcels = vm.byName("parcels").styleProperty().get();
        assertThat(Colors.alpha(parcels.fill())).isEqualTo(60); // a light fill
        int parcelColour = parcels.stroke() & 0xffffff;

        // another polygon layer: below the lines, above the earlier polygons, in another colour
        LayersViewModel same = vm;
        asked.clear();
        LayersViewModel vm2 = new LayersViewModel(new CurrentThreadExecutor(), dialogs(List.of("price_zones")), undo,
                () -> null);
        vm2.layers().addAll(same.layers());
        vm2.addFiles(List.of(gpkg));
        assertThat(vm2.names()).containsExactly("substations", "lines", "price_zones", "parcels");
        LayerStyle zones = vm2.byName("price_zones").styleProperty().get();
        if (zones.kind() == LayerStyle.Kind.SINGLE) {
            assertThat(zones.stroke() & 0xffffff).isNotEqualTo(parcelColour);
        }
        // undo takes it out, redo puts it back where it was
        undo.undo();
        assertThat(vm2.names()).containsExactly("substations", "lines", "parcels");
        undo.redo();
        assertThat(vm2.names()).containsExactly("substations", "lines", "price_zones", "parcels");
    }

    @Test
    void choosingNoTableAddsNothing() {
        LayersViewModel vm = new LayersViewModel(new CurrentThreadExecutor(), dialogs(List.of()), new UndoManager(),
                () -> null);
        assertThat(vm.addFiles(List.of(gpkg))).isNull();
        assertThat(vm.layers()).isEmpty();
    }
}
