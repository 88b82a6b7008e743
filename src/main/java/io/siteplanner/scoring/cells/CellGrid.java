package io.siteplanner.scoring.cells;

import io.siteplanner.scoring.EvaluationContext;
import java.math.BigDecimal;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A regular lattice of equal-area cells (squares or hexagons) in a projected CRS in metres, anchored at the
 * CRS origin, so that a cell's row and column, and therefore its id, do not depend on the region being
 * covered: regenerating (or covering a neighbouring region) gives the same ids for the same cells.
 *
 * <ul>
 * <li>Square of side {@code s = sqrt(A)}: cell (row, col) is {@code [col*s, (col+1)*s] x [row*s, (row+1)*s]}.</li>
 * <li>Hexagon, pointy top, circumradius (= side) {@code R = sqrt(2A / (3 sqrt 3))}: centre
 *     {@code ((2 col + (row mod 2)) * w/2, row * 1.5 R)} with {@code w = sqrt(3) R}; odd rows are shifted
 *     half a cell to the east (the "odd-r" offset layout).</li>
 * </ul>
 * Vertex coordinates are integer multiples of {@code s}, or of {@code w/2} and {@code R/2}, so neighbouring
 * cells share bit-identical vertices (no gaps or overlaps). Immutable and thread-safe.
 */
public final class CellGrid {
    /** Cell shape. */
    public enum Shape {
        SQUARE("s"), HEX("h");

        private final String prefix;

        Shape(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The largest cell accepted, in acres (about 1,560 square miles). */
    public static final double MAX_ACRES = 1_000_000;
    /** The smallest cell accepted, in acres. */
    public static final double MIN_ACRES = 1;

    private final Shape shape;
    private final double acres;
    private final double area;
    /** Square: the side. Hexagon: half the width (sqrt(3) R / 2). */
    private final double unitX;
    /** Square: the side. Hexagon: half the circumradius (R / 2). */
    private final double unitY;
    private final String idPrefix;

    /**
     * A grid of cells of {@code acres} each (1 acre = 4046.8564224 m²).
     *
     * @throws IllegalArgumentException when acres is not in [{@value #MIN_ACRES}, {@value #MAX_ACRES}]
     */
    public CellGrid(Shape shape, double acres) {
        if (!(acres >= MIN_ACRES && acres <= MAX_ACRES)) {
            throw new IllegalArgumentException("cell size " + acres + " acres is out of range (use "
                    + (long) MIN_ACRES + " to " + String.format(Locale.ROOT, "%,d", (long) MAX_ACRES) + " acres)");
        }
        this.shape = shape;
        this.acres = acres;
        this.area = acres * EvaluationContext.ACRE_M2;
        if (shape == Shape.SQUARE) {
            unitX = Math.sqrt(area);
            unitY = unitX;
        } else {
            double r = Math.sqrt(2 * area / (3 * Math.sqrt(3)));
            unitX = Math.sqrt(3) * r / 2;
            unitY = r / 2;
        }
        idPrefix = shape.prefix + BigDecimal.valueOf(acres).stripTrailingZeros().toPlainString();
    }

    public Shape shape() {
        return shape;
    }

    /** Cell size in acres. */
    public double acres() {
        return acres;
    }

    /** Cell area in square metres. */
    public double area() {
        return area;
    }

    /**
     * The cell id: shape letter ({@code s}/{@code h}) and acres, row, column, e.g. {@code h640_r1523_c-204}.
     * The same for the same cell in every run with the same CRS, shape and size.
     */
    public String id(int row, int col) {
        return idPrefix + "_r" + row + "_c" + col;
    }

    /** The rows {from, to} (inclusive) whose cells may intersect [minY, maxY]. */
    public int[] rows(double minY, double maxY) {
        if (shape == Shape.SQUARE) {
            return new int[] {floor(minY / unitY), floor(maxY / unitY)};
        }
        return new int[] {ceil((minY / unitY - 2) / 3), floor((maxY / unitY + 2) / 3)};
    }

    /** The columns {from, to} (inclusive) whose cells, in any row, may intersect [minX, maxX]. */
    public int[] cols(double minX, double maxX) {
        if (shape == Shape.SQUARE) {
            return new int[] {floor(minX / unitX), floor(maxX / unitX)};
        }
        return new int[] {ceil((minX / unitX - 2) / 2), floor((maxX / unitX + 1) / 2)};
    }

    /** The envelope of the cells of rows r0..r1 and columns c0..c1 (inclusive). */
    public Envelope envelope(int r0, int r1, int c0, int c1) {
        if (shape == Shape.SQUARE) {
            return new Envelope(c0 * unitX, (c1 + 1.0) * unitX, r0 * unitY, (r1 + 1.0) * unitY);
        }
        double lo = r0 == r1 ? odd(r0) : 0;
        double hi = r0 == r1 ? odd(r0) : 1;
        return new Envelope((2.0 * c0 + lo - 1) * unitX, (2.0 * c1 + hi + 1) * unitX, (3.0 * r0 - 2) * unitY,
                (3.0 * r1 + 2) * unitY);
    }

    /** X of the centre of cell (row, col). */
    public double centerX(int row, int col) {
        return shape == Shape.SQUARE ? (col + 0.5) * unitX : (2.0 * col + odd(row)) * unitX;
    }

    /** Y of the centre of cells in this row. */
    public double centerY(int row) {
        return shape == Shape.SQUARE ? (row + 0.5) * unitY : 3.0 * row * unitY;
    }

    /** The polygon of cell (row, col), exterior ring counter-clockwise. */
    public Polygon cell(int row, int col, GeometryFactory f) {
        Coordinate[] c;
        if (shape == Shape.SQUARE) {
            double x0 = col * unitX;
            double x1 = (col + 1.0) * unitX;
            double y0 = row * unitY;
            double y1 = (row + 1.0) * unitY;
            c = new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
                new Coordinate(x0, y1), new Coordinate(x0, y0)};
        } else {
            double k = 2.0 * col + odd(row);
            double xl = (k - 1) * unitX;
            double xc = k * unitX;
            double xr = (k + 1) * unitX;
            double m = 3.0 * row;
            double yb = (m - 2) * unitY;
            double ylo = (m - 1) * unitY;
            double yhi = (m + 1) * unitY;
            double yt = (m + 2) * unitY;
            c = new Coordinate[] {new Coordinate(xc, yb), new Coordinate(xr, ylo), new Coordinate(xr, yhi),
                new Coordinate(xc, yt), new Coordinate(xl, yhi), new Coordinate(xl, ylo), new Coordinate(xc, yb)};
        }
        return f.createPolygon(c);
    }

    private static int odd(int row) {
        return Math.floorMod(row, 2);
    }

    private static int floor(double v) {
        return (int) Math.floor(v);
    }

    private static int ceil(double v) {
        return (int) Math.ceil(v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s-acre cells", shape == Shape.SQUARE ? "square" : "hexagonal",
                BigDecimal.valueOf(acres).stripTrailingZeros().toPlainString());
    }
}
