package io.siteplanner.gis.shapefile;

import java.nio.file.Path;
import java.util.stream.Stream;

/** The vector reader contract over every shapefile fixture (including the hand-made broken ones). */
class ShapefileContractTest extends VectorLayerContractTest {
    static Stream<Path> files() throws Exception {
        return Fixtures.shapefiles().map(Fixtures::shp);
    }
}
