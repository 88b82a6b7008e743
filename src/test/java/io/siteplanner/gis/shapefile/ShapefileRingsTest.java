package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.VectorLayer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Multi-ring polygon records become the right shells and holes. */
class ShapefileRingsTest {

    @Test
    void readsHolesOfMultiRingPolygons() throws Exception {
        // values from GDAL (OGR_G_Area, planar) in expected.json, written out here for readability
        VectorLayer l = Fixtures.read("holes_5070");
        Geometry twoHoles = l.get(0).geometry();
        assertThat(twoHoles).isInstanceOf(Polygon.class);
        assertThat(((Polygon) twoHoles).getNumInteriorRing()).isEqualTo(2);
        assertThat(twoHoles.getArea()).isEqualTo(900000.0);

        Geometry multi = l.get(1).geometry();
        assertThat(multi).isInstanceOf(MultiPolygon.class);
        assertThat(multi.getNumGeometries()).isEqualTo(2);
        assertThat(ShapefileGoldenTest.holes(multi)).isEqualTo(1);
        assertThat(multi.getArea()).isEqualTo(1050000.0);

        Geometry islandInLake = l.get(2).geometry();
        assertThat(islandInLake).isInstanceOf(MultiPolygon.class);
        assertThat(islandInLake.getNumGeometries()).isEqualTo(2);
        assertThat(ShapefileGoldenTest.holes(islandInLake)).isEqualTo(1);
        assertThat(islandInLake.getArea()).isEqualTo(680000.0);

        Geometry touching = l.get(3).geometry();
        assertThat(touching).isInstanceOf(Polygon.class);
        assertThat(((Polygon) touching).getNumInteriorRing()).isEqualTo(1);
        assertThat(touching.getArea()).isEqualTo(970000.0);
        assertThat(touching.isValid()).isTrue();

        assertThat(l.get(4).geometry()).isInstanceOf(Polygon.class);
        assertThat(l.get(4).geometry().getArea()).isEqualTo(100000.0);
    }

    @Test
    void repairsRingsWrittenInTheWrongOrientation() throws Exception {
        // hand-made (fixtures.py): outer rings counter-clockwise and holes clockwise, the opposite of the
        // specification; GDAL 3.6 gets records 1 and 3 wrong (negative areas), we must not
        VectorLayer l = Fixtures.read("reversed_rings");
        assertThat(l.size()).isEqualTo(4);
        Geometry r1 = l.get(0).geometry();
        assertThat(r1).isInstanceOf(Polygon.class);
        assertThat(((Polygon) r1).getNumInteriorRing()).isEqualTo(1);
        assertThat(r1.getArea()).isEqualTo(96.0);

        Geometry r2 = l.get(1).geometry(); // two counter-clockwise islands: two shells
        assertThat(r2).isInstanceOf(MultiPolygon.class);
        assertThat(r2.getNumGeometries()).isEqualTo(2);
        assertThat(r2.getArea()).isEqualTo(13.0);

        Geometry r3 = l.get(2).geometry(); // shell, lake, island in the lake
        assertThat(r3).isInstanceOf(MultiPolygon.class);
        assertThat(r3.getNumGeometries()).isEqualTo(2);
        assertThat(ShapefileGoldenTest.holes(r3)).isEqualTo(1);
        assertThat(r3.getArea()).isEqualTo(68.0);

        Geometry r4 = l.get(3).geometry(); // as the specification says
        assertThat(((Polygon) r4).getNumInteriorRing()).isEqualTo(1);
        assertThat(r4.getArea()).isEqualTo(96.0);

        for (int i = 0; i < 4; i++) {
            assertThat(l.get(i).geometry().isValid()).as("record %d valid", i + 1).isTrue();
        }
    }
}
