package io.siteplanner.model;

import java.nio.file.Path;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;

/** A map layer read from a source: vector ({@link VectorLayer}) or raster ({@link RasterLayer}). */
public interface Layer {
    /** Display name (layer/table name, or file name without extension). */
    String name();

    /** The file it was read from, or null for computed layers. */
    Path source();

    /** Source CRS; null only when the source declares none and none was assumed. */
    CoordinateReferenceSystem crs();

    /** Bounds in the source CRS; an empty envelope for an empty layer. */
    Envelope bounds();

    /** Warnings from reading (skipped records, assumed CRS, ...), for the user. */
    List<String> warnings();
}
