package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What every vector reader must give, whatever the format: subclass it with a static {@code files()}
 * method returning the files to check (see {@link ShapefileContractTest}). Other formats can extend it.
 */
public abstract class VectorLayerContractTest {

    private static VectorLayer read(Path file) throws Exception {
        return FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT, Progress.NONE);
    }

    @ParameterizedTest
    @MethodSource("files")
    void countMatchesFeaturesAndIdsAreUnique(Path file) throws Exception {
        VectorLayer l = read(file);
        assertThat(l.features()).hasSize(l.size());
        Set<Long> ids = new HashSet<>();
        for (Feature f : l.features()) {
            assertThat(ids.add(f.fid())).as("fid %d unique", f.fid()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void boundsAreTheUnionOfFeatureBounds(Path file) throws Exception {
        VectorLayer l = read(file);
        Envelope union = new Envelope();
        for (Feature f : l.features()) {
            Geometry g = f.geometry();
            if (g != null && !g.isEmpty()) {
                assertThat(l.bounds().covers(g.getEnvelopeInternal())).as("bounds cover feature %d", f.fid()).isTrue();
                union.expandToInclude(g.getEnvelopeInternal());
            }
        }
        assertThat(l.bounds()).isEqualTo(union);
    }

    @ParameterizedTest
    @MethodSource("files")
    void valuesHaveTheirFieldTypes(Path file) throws Exception {
        VectorLayer l = read(file);
        for (Feature f : l.features()) {
            assertThat(f.valueCount()).isEqualTo(l.schema().size());
            for (int i = 0; i < f.valueCount(); i++) {
                Object v = f.value(i);
                if (v != null) {
                    assertThat(v).as("%s of feature %d", l.schema().field(i).name(), f.fid())
                            .isInstanceOf(l.schema().field(i).type().javaType());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void geometriesMatchTheDeclaredType(Path file) throws Exception {
        VectorLayer l = read(file);
        GeometryType declared = l.geometryType();
        for (Feature f : l.features()) {
            if (f.geometry() != null && declared.dimension() >= 0) {
                assertThat(GeometryType.of(f.geometry()).dimension()).as("feature %d", f.fid())
                        .isEqualTo(declared.dimension());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void readingTwiceGivesTheSameLayer(Path file) throws Exception {
        VectorLayer a = read(file);
        VectorLayer b = read(file);
        assertThat(b.size()).isEqualTo(a.size());
        assertThat(b.bounds()).isEqualTo(a.bounds());
        assertThat(b.warnings()).isEqualTo(a.warnings());
        for (int i = 0; i < a.size(); i++) {
            Geometry ga = a.get(i).geometry();
            Geometry gb = b.get(i).geometry();
            assertThat(ga == null ? gb == null : ga.equalsExact(gb)).isTrue();
        }
    }
}
