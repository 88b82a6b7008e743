package io.siteplanner.scoring.cells;

import org.locationtech.jts.geom.Geometry;

/**
 * One candidate cell.
 *
 * @param id       stable id from the grid position ({@link CellGrid#id})
 * @param row      grid row (y index from the CRS origin)
 * @param col      grid column (x index from the CRS origin)
 * @param geometry the cell clipped to the region minus the exclusions (Polygon or MultiPolygon, analysis CRS)
 * @param acres    area of {@code geometry} in acres
 * @param share    {@code acres} / the cell size (1 for a whole cell)
 * @param county   county at the cell's centroid, or null (see {@link CountyLocator})
 */
public record Cell(String id, int row, int col, Geometry geometry, double acres, double share,
        CountyLocator.County county) {
}
