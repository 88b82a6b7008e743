package io.siteplanner.scoring.cells;

import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.EvaluationContext;
import java.io.IOException;
import java.util.Locale;
import org.locationtech.jts.algorithm.Centroid;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Lays a {@link CellGrid} over a region and emits every cell that has usable land: the cell clipped to the
 * region minus the {@link Exclusions}, with its acres, share of a whole cell and county.
 *
 * <p>Algorithm: the grid's rows are walked in bands of {@value #TILE} rows, each band in tiles of
 * {@value #TILE} x {@value #TILE} cells (south to north, west to east). The region is clipped to the band,
 * then to the tile, and the tile's exclusions (STRtree query, clipped, unioned) are subtracted. The tile is
 * then split recursively into {@value #SPLIT} x {@value #SPLIT} blocks, clipping the usable area to each,
 * until a block is empty (skipped), filled entirely (all its cells emitted whole, no overlay), or a single
 * cell (emitted as that cell intersected with the usable area). Overlays (JTS OverlayNG, robust)
 * therefore happen only along the region and exclusion boundaries; interior cells cost a few
 * allocations each. Memory is bounded by one band of the region plus the recursion stack; cells go to the
 * {@link CellSink} as they are made.
 *
 * <p>Rules: a cell whose usable part is less than {@code minShare} of a whole cell (default
 * {@value #DEFAULT_MIN_SHARE}, i.e. 1 %) is dropped as a sliver (counted in the {@link Summary}); all other
 * cells, partial ones included, are emitted, so the cells' acres add up to the region's usable area less
 * the slivers. The county is the one at the cell's centroid (the centroid of the clipped part; when that
 * falls outside a ragged clipped cell, a point inside it, JTS InteriorPointArea).
 *
 * <p>Single use per {@link #run}; the inputs are immutable, so several runs (threads) may share them.
 * Cancellation ({@link Progress#checkCancelled}) is checked per tile and every 4,096 cells, so the run can
 * live in a background task.
 */
public final class CandidateCells {
    /** Default smallest share of a whole cell that is kept (1 %). */
    public static final double DEFAULT_MIN_SHARE = 0.01;
    /** Most cells one run may make (about 20 GB of GeoPackage at most). */
    public static final long MAX_CELLS = 20_000_000L;
    /** Share from which a (clipped) cell counts as whole in the summary. */
    static final double WHOLE = 1 - 1e-9;
    static final int TILE = 64;
    /** A block that is neither empty nor filled is split into up to SPLIT x SPLIT sub-blocks. */
    static final int SPLIT = 4;

    /**
     * Counts of a run.
     *
     * @param cells       cells emitted
     * @param whole       of those, whole cells (share >= 1 - 1e-9)
     * @param acres       their acres, summed
     * @param slivers     cells dropped as slivers
     * @param sliverAcres the acres dropped with them
     */
    public record Summary(long cells, long whole, double acres, long slivers, double sliverAcres) {
        /** Emitted cells that are not whole. */
        public long partial() {
            return cells - whole;
        }
    }

    private final CellGrid grid;
    private final Geometry region;
    private final Exclusions exclusions;
    private final CountyLocator counties;
    private final double minShare;

    /**
     * @param region     polygonal, valid, in the analysis CRS ({@link CellRegion})
     * @param exclusions areas to remove ({@link Exclusions#none()} for none)
     * @param counties   county look-up ({@link CountyLocator#none()} for none)
     * @param minShare   cells with less usable area than this share of a whole cell are dropped, in [0, 1)
     * @throws IllegalArgumentException when the region has no area, minShare is out of range, or the region
     *     would need more than {@link #MAX_CELLS} cells
     */
    public CandidateCells(CellGrid grid, Geometry region, Exclusions exclusions, CountyLocator counties,
            double minShare) {
        if (region == null || region.isEmpty() || !(region.getArea() > 0)) {
            throw new IllegalArgumentException("the region has no area");
        }
        if (!(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("minimum share must be in [0, 1) (got " + minShare + ")");
        }
        double estimate = region.getArea() / grid.area();
        if (estimate > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s over %,.0f acres would make about"
                    + " %,.0f cells, more than the limit of %,d: use larger cells or a smaller region", grid,
                    region.getArea() / EvaluationContext.ACRE_M2, estimate, MAX_CELLS));
        }
        this.grid = grid;
        this.region = region;
        this.exclusions = exclusions;
        this.counties = counties;
        this.minShare = minShare;
    }

    /** Emits the cells to {@code sink}; see the class comment for order and rules. */
    public Summary run(CellSink sink, Progress progress) throws IOException {
        return new Walk(sink, progress).run();
    }

    /** The state of one run. */
    private final class Walk {
        private final CellSink sink;
        private final Progress progress;
        private final GeometryFactory gf = Geometries.FACTORY;
        private long cells;
        private long whole;
        private double acres;
        private long slivers;
        private double sliverAcres;

        Walk(CellSink sink, Progress progress) {
            this.sink = sink;
            this.progress = progress;
        }

        Summary run() throws IOException {
            Envelope env = region.getEnvelopeInternal();
            int[] rows = grid.rows(env.getMinY(), env.getMaxY());
            int[] cols = grid.cols(env.getMinX(), env.getMaxX());
            long bands = ((long) rows[1] - rows[0]) / TILE + 1;
            long perBand = ((long) cols[1] - cols[0]) / TILE + 1;
            long tile = 0;
            for (long r0 = rows[0]; r0 <= rows[1]; r0 += TILE) {
                int r1 = (int) Math.min(r0 + TILE - 1, rows[1]);
                Geometry band = Areas.clip(region, grid.envelope((int) r0, r1, cols[0], cols[1]));
                for (long c0 = cols[0]; c0 <= cols[1]; c0 += TILE, tile++) {
                    progress.checkCancelled();
                    progress.update((double) tile / (bands * perBand), String.format(Locale.ROOT,
                            "%,d cells", cells));
                    if (band.isEmpty()) {
                        continue;
                    }
                    int c1 = (int) Math.min(c0 + TILE - 1, cols[1]);
                    Envelope te = grid.envelope((int) r0, r1, (int) c0, c1);
                    Geometry piece = Areas.clip(band, te);
                    if (piece.isEmpty()) {
                        continue;
                    }
                    Geometry ex = exclusions.within(te);
                    if (!ex.isEmpty()) {
                        piece = Areas.minus(piece, ex);
                    }
                    if (!piece.isEmpty()) {
                        block((int) r0, r1, (int) c0, c1, piece, te);
                    }
                }
            }
            progress.update(1, String.format(Locale.ROOT, "%,d cells", cells));
            return new Summary(cells, whole, acres, slivers, sliverAcres);
        }

        /** Emits the cells of rows r0..r1, columns c0..c1, given the usable area inside their envelope. */
        private void block(int r0, int r1, int c0, int c1, Geometry usable, Envelope env) throws IOException {
            if (Areas.fills(usable, env)) {
                for (int r = r0; r <= r1; r++) {
                    for (int c = c0; c <= c1; c++) {
                        Geometry g = grid.cell(r, c, gf);
                        emit(r, c, g, g.getArea(), grid.centerX(r, c), grid.centerY(r));
                    }
                }
                return;
            }
            if (r0 == r1 && c0 == c1) {
                leaf(r0, c0, usable);
                return;
            }
            int rs = Math.min(SPLIT, r1 - r0 + 1);
            int cs = Math.min(SPLIT, c1 - c0 + 1);
            for (int i = 0; i < rs; i++) {
                int a0 = r0 + (int) ((long) (r1 - r0 + 1) * i / rs);
                int a1 = r0 + (int) ((long) (r1 - r0 + 1) * (i + 1) / rs) - 1;
                for (int k = 0; k < cs; k++) {
                    int b0 = c0 + (int) ((long) (c1 - c0 + 1) * k / cs);
                    int b1 = c0 + (int) ((long) (c1 - c0 + 1) * (k + 1) / cs) - 1;
                    Envelope sub = grid.envelope(a0, a1, b0, b1);
                    Geometry part = Areas.clip(usable, sub);
                    if (!part.isEmpty()) {
                        block(a0, a1, b0, b1, part, sub);
                    }
                }
            }
        }

        /**
         * One cell whose envelope is not filled: a square is its envelope's usable part; a hexagon is emitted
         * whole when the usable area covers it, else cut by it.
         */
        private void leaf(int r, int c, Geometry usable) throws IOException {
            Geometry g;
            if (grid.shape() == CellGrid.Shape.SQUARE) {
                g = usable;
            } else {
                Geometry cell = grid.cell(r, c, gf);
                if (usable.covers(cell)) {
                    emit(r, c, cell, cell.getArea(), grid.centerX(r, c), grid.centerY(r));
                    return;
                }
                g = Areas.intersection(cell, usable);
            }
            if (g.isEmpty()) {
                return;
            }
            double a = g.getArea();
            if (a < minShare * grid.area()) {
                slivers++;
                sliverAcres += a / EvaluationContext.ACRE_M2;
                return;
            }
            Coordinate p = Centroid.getCentroid(g);
            if (!SimplePointInAreaLocator.isContained(p, g)) {
                p = InteriorPointArea.getInteriorPoint(g);
            }
            emit(r, c, g, a, p.x, p.y);
        }

        /** Emits cell (r, c) with geometry g of area a (m²), its county taken at (x, y). */
        private void emit(int r, int c, Geometry g, double a, double x, double y) throws IOException {
            if ((cells & 4095) == 0) {
                progress.checkCancelled();
            }
            double share = a / grid.area();
            sink.accept(new Cell(grid.id(r, c), r, c, g, a / EvaluationContext.ACRE_M2, share, counties.at(x, y)));
            cells++;
            acres += a / EvaluationContext.ACRE_M2;
            if (share >= WHOLE) {
                whole++;
            }
        }
    }
}
