package io.siteplanner.gis.topojson;

/**
 * The {@code transform} of a quantized topology: position {@code (xq, yq)} means
 * {@code (xq * sx + tx, yq * sy + ty)}. Arc positions are also delta-encoded when a transform is present
 * (see {@link Arcs#decode}); point coordinates are not. Immutable.
 */
record Transform(double sx, double sy, double tx, double ty) {
    double x(double q) {
        return q * sx + tx;
    }

    double y(double q) {
        return q * sy + ty;
    }
}
