package io.siteplanner.gis.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class VoltagesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "345000;138000|345", "138000;345000;138000|345", "230000|230", "13800|13.8", "345000 ; 138000|345",
        "345 kV|345", "345kv;138kv|345", "69000V|69", "medium;115000|115", "500000/230000|500", "765000,345000|765"})
    void osmVoltagesGiveTheHighestInKv(String raw, double kv) {
        assertThat(Voltages.maxKv(raw)).isEqualTo(kv);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";", "unknown", "medium", "-345000", "0"})
    void voltagesWithoutANumberAreUnknown(String raw) {
        assertThat(Voltages.maxKv(raw)).isNaN();
    }

    @Test
    void numbersAreVolts() {
        assertThat(Voltages.maxKv(345000L)).isEqualTo(345);
        assertThat(Voltages.maxKv(null)).isNaN();
    }

    /**
     * The shared OSM files carry max_kv computed by their compiler from voltage_raw (PROVENANCE.md): our
     * parser agrees on every feature.
     */
    @ParameterizedTest
    @ValueSource(strings = {"transmission_osm2017_in.geojson", "transmission_osm2017_ms.geojson",
        "grid_nodes_osm2017_in.geojson", "grid_nodes_osm2017_ms.geojson"})
    void agreesWithMaxKvOfTheRealOsmFiles(String name) throws Exception {
        VectorLayer l = FormatRegistry.standard().readVector(TestData.shared(name), ReadOptions.DEFAULT, Progress.NONE);
        int raw = l.schema().indexOf("voltage_raw");
        int kv = l.schema().indexOf("max_kv");
        int known = 0;
        for (Feature f : l.features()) {
            Double want = f.value(kv) == null ? null : f.number(kv);
            double got = Voltages.maxKv(f.value(raw));
            assertThat(Double.isNaN(got) ? null : (Double) got).as("%s fid %d: %s", name, f.fid(), f.value(raw))
                    .isEqualTo(want);
            known += want == null ? 0 : 1;
        }
        assertThat(known).isGreaterThan(100);
    }

    @Test
    void rawOsmLayerGetsMaxKvDerived() {
        // as an Overpass/osmtogeojson export of power=line ways looks: voltage in volts, no max_kv
        Schema s = new Schema(List.of(new Field("@id", FieldType.STRING), new Field("power", FieldType.STRING),
                new Field("voltage", FieldType.STRING), new Field("cables", FieldType.STRING)));
        VectorLayer l = VectorLayer.builder("lines").schema(s)
                .add(new Feature(1, line(), new Object[] {"way/1", "line", "345000;138000", "6"}))
                .add(new Feature(2, line(), new Object[] {"way/2", "line", null, "3"}))
                .add(new Feature(3, line(), new Object[] {"way/3", "line", "69000", "3"})).build();
        Preset p = Presets.detect(l).orElseThrow();
        assertThat(p.id()).isEqualTo("osm-power-lines");
        assertThat(p.fieldName(FieldRole.VOLTAGE_KV)).isEqualTo("max_kv");
        VectorLayer d = Presets.prepare(l);
        int kv = d.schema().indexOf("max_kv");
        assertThat(d.schema().field(kv).type()).isEqualTo(FieldType.REAL);
        assertThat(d.features()).extracting(f -> f.value(kv)).containsExactly(345.0, null, 69.0);
    }

    static org.locationtech.jts.geom.LineString line() {
        return Geometries.FACTORY.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});
    }
}
