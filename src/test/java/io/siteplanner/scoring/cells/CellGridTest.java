package io.siteplanner.scoring.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.model.Geometries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class CellGridTest {
    /** 1 acre in m² (international acre, 66 x 660 ft). */
    static final double ACRE = 0.3048 * 0.3048 * 66 * 660;

    @ParameterizedTest
    @CsvSource({"SQUARE, 640", "SQUARE, 1000", "SQUARE, 2.5", "HEX, 640", "HEX, 1000", "HEX, 2.5", "HEX, 123456"})
    void cellsHaveExactlyTheRequestedArea(CellGrid.Shape shape, double acres) {
        CellGrid g = new CellGrid(shape, acres);
        // rows/columns from far west/south to far east/north of EPSG:5070's CONUS extent, and around 0
        for (int row : new int[] {-3, -1, 0, 1, 2, 1234, 99_999}) {
            for (int col : new int[] {-77_777, -2, -1, 0, 1, 3, 4321}) {
                Polygon p = g.cell(row, col, Geometries.FACTORY);
                assertThat(p.getArea() / ACRE).as("cell %d,%d", row, col).isCloseTo(acres, within(acres * 1e-6));
                assertThat(p.isValid()).isTrue();
                assertThat(p.getNumPoints()).isEqualTo(shape == CellGrid.Shape.SQUARE ? 5 : 7);
                assertThat(p.contains(Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(
                        g.centerX(row, col), g.centerY(row))))).isTrue();
            }
        }
    }

    @Test
    void squareSideOf640AcresIsOneMile() {
        Polygon p = new CellGrid(CellGrid.Shape.SQUARE, 640).cell(0, 0, Geometries.FACTORY);
        assertThat(p.getEnvelopeInternal().getWidth()).isCloseTo(1609.344, within(1e-9));
        assertThat(p.getEnvelopeInternal().getHeight()).isCloseTo(1609.344, within(1e-9));
    }

    @Test
    void hexagonIsRegular() {
        CellGrid g = new CellGrid(CellGrid.Shape.HEX, 1000);
        Polygon p = g.cell(5, -3, Geometries.FACTORY);
        org.locationtech.jts.geom.Coordinate[] c = p.getCoordinates();
        double side = c[0].distance(c[1]);
        for (int i = 0; i < 6; i++) {
            assertThat(c[i].distance(c[i + 1])).isCloseTo(side, within(side * 1e-12));
            assertThat(c[i].distance(new org.locationtech.jts.geom.Coordinate(g.centerX(5, -3), g.centerY(5))))
                    .isCloseTo(side, within(side * 1e-12));
        }
        assertThat(3 * Math.sqrt(3) / 2 * side * side).isCloseTo(1000 * ACRE, within(1e-6 * 1000 * ACRE));
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void neighboursTileThePlaneWithoutGapsOrOverlaps(CellGrid.Shape shape) {
        CellGrid g = new CellGrid(shape, 160);
        List<Geometry> cells = new ArrayList<>();
        for (int r = -3; r <= 3; r++) {
            for (int c = -3; c <= 3; c++) {
                cells.add(g.cell(r, c, Geometries.FACTORY));
            }
        }
        double sum = 0;
        for (int i = 0; i < cells.size(); i++) {
            sum += cells.get(i).getArea();
            for (int j = i + 1; j < cells.size(); j++) {
                assertThat(cells.get(i).intersection(cells.get(j)).getArea()).as("overlap %d %d", i, j).isZero();
            }
        }
        Geometry union = Geometries.FACTORY.buildGeometry(cells).union();
        assertThat(union.getArea()).isCloseTo(sum, within(sum * 1e-12));
        // shared vertices are bit-identical, so the union of the block is one polygon without holes
        assertThat(union).isInstanceOf(Polygon.class);
        assertThat(((Polygon) union).getNumInteriorRing()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void rowAndColumnRangesFindEveryCellTouchingAnEnvelope(CellGrid.Shape shape) {
        CellGrid g = new CellGrid(shape, 100);
        java.util.Random rnd = new java.util.Random(7);
        for (int k = 0; k < 50; k++) {
            double x = (rnd.nextDouble() - 0.5) * 20_000;
            double y = (rnd.nextDouble() - 0.5) * 20_000;
            Envelope e = new Envelope(x, x + rnd.nextDouble() * 3000, y, y + rnd.nextDouble() * 3000);
            int[] rows = g.rows(e.getMinY(), e.getMaxY());
            int[] cols = g.cols(e.getMinX(), e.getMaxX());
            for (int r = -40; r <= 40; r++) {
                for (int c = -40; c <= 40; c++) {
                    Polygon p = g.cell(r, c, Geometries.FACTORY);
                    if (p.getEnvelopeInternal().intersects(e)) {
                        assertThat(r).isBetween(rows[0], rows[1]);
                        assertThat(c).isBetween(cols[0], cols[1]);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void blockEnvelopeIsTheEnvelopeOfItsCells(CellGrid.Shape shape) {
        CellGrid g = new CellGrid(shape, 300);
        int[][] blocks = {{0, 0, 0, 0}, {1, 1, -2, 3}, {-5, 2, -1, 4}, {3, 8, 0, 0}};
        for (int[] b : blocks) {
            Envelope expected = new Envelope();
            for (int r = b[0]; r <= b[1]; r++) {
                for (int c = b[2]; c <= b[3]; c++) {
                    expected.expandToInclude(g.cell(r, c, Geometries.FACTORY).getEnvelopeInternal());
                }
            }
            assertThat(g.envelope(b[0], b[1], b[2], b[3])).isEqualTo(expected);
        }
    }

    @Test
    void idsComeFromShapeSizeRowAndColumn() {
        assertThat(new CellGrid(CellGrid.Shape.SQUARE, 640).id(1523, -204)).isEqualTo("s640_r1523_c-204");
        assertThat(new CellGrid(CellGrid.Shape.HEX, 2.50).id(0, 7)).isEqualTo("h2.5_r0_c7");
        assertThat(new CellGrid(CellGrid.Shape.HEX, 1000).id(-1, 0)).isEqualTo("h1000_r-1_c0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -5, 0.5, 1_000_001, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAbsurdSizes(double acres) {
        assertThatThrownBy(() -> new CellGrid(CellGrid.Shape.SQUARE, acres)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }
}
