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

    private Geometry assemble(Coordinate[]... rings) throws BadRecord {
        return assembler.assemble(rings, rings.length, 2);
    }

    @Test
    void holeGoesToTheSmallestShellAroundIt() throws BadRecord {
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
    void counterClockwiseRingOutsideEveryShellBecomesAShell() throws BadRecord {
        Geometry g = assemble(rect(0, 0, 10, 10, true), rect(20, 0, 30, 10, false));
        assertThat(g).isInstanceOf(MultiPolygon.class);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getArea()).isEqualTo(200.0);
    }

    @Test
    void allCounterClockwiseRingsAreNestedByContainment() throws BadRecord {
        Geometry g = assemble(rect(0, 0, 10, 10, false), rect(2, 2, 4, 4, false), rect(20, 0, 22, 2, false));
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(((Polygon) g.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.getArea()).isEqualTo(100 - 4 + 4);
    }

    @Test
    void holeSharingAVertexWithItsShell() throws BadRecord {
        Coordinate[] hole = {new Coordinate(0, 5), new Coordinate(3, 4), new Coordinate(3, 6), new Coordinate(0, 5)}; // ccw
        Geometry g = assemble(rect(0, 0, 10, 10, true), hole);
        assertThat(g).isInstanceOf(Polygon.class);
        assertThat(((Polygon) g).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.isValid()).isTrue();
    }

    @Test
    void manyIslandsWithoutHolesStayInOrder() throws BadRecord {
        Coordinate[][] rings = new Coordinate[50][];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = rect(i * 10, 0, i * 10 + 5, 5, true);
        }
        Geometry g = assembler.assemble(rings, rings.length, 2);
        assertThat(g.getNumGeometries()).isEqualTo(50);
        assertThat(g.getGeometryN(49).getEnvelopeInternal().getMinX()).isEqualTo(490.0);
    }

    @Test
    void largeRecordsAssignEachHoleToItsOwnShell() throws BadRecord {
        // 3,000 islands with one lake each (6,000 rings: the R-tree path), islands listed first
        int n = 3000;
        Coordinate[][] rings = new Coordinate[2 * n][];
        for (int i = 0; i < n; i++) {
            double x = (i % 100) * 10;
            double y = (i / 100) * 10;
            rings[i] = rect(x, y, x + 8, y + 8, true);
            rings[n + i] = rect(x + 2, y + 2, x + 4, y + 4, false);
        }
        Geometry g = assembler.assemble(rings, rings.length, 2);
        assertThat(g.getNumGeometries()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            assertThat(p.getNumInteriorRing()).as("island %d", i).isEqualTo(1);
            assertThat(p.getExteriorRing().getEnvelopeInternal().contains(p.getInteriorRingN(0).getEnvelopeInternal()))
                    .isTrue();
        }
        assertThat(g.getArea()).isEqualTo(n * (64.0 - 4.0));
    }

    @Test
    void largeRecordsWithoutClockwiseRingsAreNestedByContainment() throws BadRecord {
        // 600 counter-clockwise rings: 300 squares each with a smaller square inside (OGC orientation)
        int n = 300;
        Coordinate[][] rings = new Coordinate[2 * n][];
        for (int i = 0; i < n; i++) {
            rings[2 * i] = rect(i * 10 + 3, 3, i * 10 + 5, 5, false);
            rings[2 * i + 1] = rect(i * 10, 0, i * 10 + 8, 8, false);
        }
        Geometry g = assembler.assemble(rings, rings.length, 2);
        assertThat(g.getNumGeometries()).isEqualTo(n);
        assertThat(g.getArea()).isEqualTo(n * (64.0 - 4.0));
    }

    @Test
    void thousandsOfMutuallyNestedRingsAreRefusedNotAssembledForMinutes() {
        // 7,000 concentric squares: every ring's box contains the next one's, ~2.5e7 box tests
        int n = 7_000;
        Coordinate[][] rings = new Coordinate[n][];
        for (int i = 0; i < n; i++) {
            rings[i] = rect(-i - 1, -i - 1, i + 1, i + 1, false);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assembler.assemble(rings, n, 2))
                .isInstanceOf(BadRecord.class).hasMessage(RingAssembler.COMPLEX);
    }
}
