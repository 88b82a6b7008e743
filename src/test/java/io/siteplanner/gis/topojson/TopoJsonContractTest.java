package io.siteplanner.gis.topojson;

import io.siteplanner.TestData;
import io.siteplanner.gis.shapefile.VectorLayerContractTest;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The vector reader contract on the TopoJSON fixtures and on us-atlas (first layer of each). */
class TopoJsonContractTest extends VectorLayerContractTest {
    static Stream<Path> files() {
        return Stream.of(TestData.fixture("topojson/shapes_quantized.topojson"),
                TestData.fixture("topojson/shapes_plain.topojson"),
                TestData.shared("us_counties_states_census2017_10m.topojson"));
    }
}
