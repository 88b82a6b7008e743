package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Shell/hole assignment on rings given directly. */
class RingAssemblerTest {
    private final RingAssembler assembler = new RingAssembler();

    /** Closed axis-aligned rectangle; clockwise = shapefile outer ring. */
    private static Coordinate[] rect(double x0, double y0, double x1, double y1, boolean cw) {
        Coordinate[] r = {new Coordinate(x0, y0), new Coordinate(x0, y1), new Coordinate(x1, y1),
            new Coordinate(x1, y0), new Coordinate(x0, y0)};
        if (!cw) {
            for (int i = 0; i < r.length / 2; i++) {
                Coordinate t = r[i];
                r[i] = r[r.length - 1 - i];
                r[r.length - 1 - i] = t;
            }
        }
        return r;
    }

    private Geometry assemble(Coordinate[]... rings) {
        return assembler.assemble(rings, rings.length, 2);
    }

    @Test
    void holeGoesToTheSmallestShellAroundIt() {
        // shell 0..100 with lake 10..90, island 20..80 in the lake, pond 40..60 in the island
        Geometry g = assemble(rect(0, 0, 100, 100, true), rect(20, 20, 80, 80, true), rect(10, 10, 90, 90, false),
                rect(40, 40, 60, 60, false));
        assertThat(g).isInstanceOf(MultiPolygon.class);
        Polygon outer = (Polygon) g.getGeometryN(0);
        Polygon island = (Polygon) g.getGeometryN(1);
        assertThat(outer.getNumInteriorRing()).isEqualTo(1);
        assertThat(outer.getInteriorRingN(0).getEnvelopeInternal().getMinX()).isEqualTo(10.0);
        assertThat(island.getNumInteriorRing()).isEqualTo(1);
        assertThat(island.getInteriorRingN(0).getEnvelopeInternal().getMinX()).isEqualTo(40.0);
        assertThat(g.getArea()).isEqualTo(10000 - 6400 + 3600 - 400);
        assertThat(g.isValid()).isTrue();
    }

    @Test
    void counterClockwiseRingOutsideEveryShellBecomesAShell() {
        Geometry g = assemble(rect(0, 0, 10, 10, true), rect(20, 0, 30, 10, false));
        assertThat(g).isInstanceOf(MultiPolygon.class);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getArea()).isEqualTo(200.0);
    }

    @Test
    void allCounterClockwiseRingsAreNestedByContainment() {
        Geometry g = assemble(rect(0, 0, 10, 10, false), rect(2, 2, 4, 4, false), rect(20, 0, 22, 2, false));
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(((Polygon) g.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.getArea()).isEqualTo(100 - 4 + 4);
    }

    @Test
    void holeSharingAVertexWithItsShell() {
        Coordinate[] hole = {new Coordinate(0, 5), new Coordinate(3, 4), new Coordinate(3, 6), new Coordinate(0, 5)}; // ccw
        Geometry g = assemble(rect(0, 0, 10, 10, true), hole);
        assertThat(g).isInstanceOf(Polygon.class);
        assertThat(((Polygon) g).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.isValid()).isTrue();
    }

    @Test
    void manyIslandsWithoutHolesStayInOrder() {
        Coordinate[][] rings = new Coordinate[50][];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = rect(i * 10, 0, i * 10 + 5, 5, true);
        }
        Geometry g = assembler.assemble(rings, rings.length, 2);
        assertThat(g.getNumGeometries()).isEqualTo(50);
        assertThat(g.getGeometryN(49).getEnvelopeInternal().getMinX()).isEqualTo(490.0);
    }
}
