package io.siteplanner.gis.shapefile;

/**
 * Internal: a problem that makes the whole layer unreadable. The reader turns it into a
 * {@link io.siteplanner.gis.LayerReadException} for the file the user opened (the .shp or the .zip).
 */
final class ShapefileException extends Exception {
    private static final long serialVersionUID = 1L;

    ShapefileException(String problem) {
        super(problem);
    }
}
