package io.siteplanner.model;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory all readers use, so every layer's geometries are built alike. */
public final class Geometries {
    /** Floating precision, SRID 0 (the CRS lives on the layer). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0);

    private Geometries() {
    }
}
