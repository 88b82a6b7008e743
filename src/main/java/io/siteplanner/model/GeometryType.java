package io.siteplanner.model;

import org.locationtech.jts.geom.Geometry;

/** Declared geometry type of a layer, in OGC terms as {@code ogrinfo} prints them. */
public enum GeometryType {
    POINT("Point"),
    LINESTRING("Line String"),
    POLYGON("Polygon"),
    MULTIPOINT("Multi Point"),
    MULTILINESTRING("Multi Line String"),
    MULTIPOLYGON("Multi Polygon"),
    GEOMETRYCOLLECTION("Geometry Collection"),
    /** Mixed or unknown geometry types. */
    GEOMETRY("Unknown (any)"),
    /** Attribute table without geometry. */
    NONE("None");

    private final String label;

    GeometryType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type of one JTS geometry; null gives {@link #GEOMETRY}. */
    public static GeometryType of(Geometry g) {
        if (g == null) {
            return GEOMETRY;
        }
        switch (g.getGeometryType()) {
            case Geometry.TYPENAME_POINT: return POINT;
            case Geometry.TYPENAME_LINESTRING:
            case Geometry.TYPENAME_LINEARRING: return LINESTRING;
            case Geometry.TYPENAME_POLYGON: return POLYGON;
            case Geometry.TYPENAME_MULTIPOINT: return MULTIPOINT;
            case Geometry.TYPENAME_MULTILINESTRING: return MULTILINESTRING;
            case Geometry.TYPENAME_MULTIPOLYGON: return MULTIPOLYGON;
            default: return GEOMETRYCOLLECTION;
        }
    }

    /** Dimension family: 0 points, 1 lines, 2 polygons, -1 mixed/none. */
    public int dimension() {
        switch (this) {
            case POINT: case MULTIPOINT: return 0;
            case LINESTRING: case MULTILINESTRING: return 1;
            case POLYGON: case MULTIPOLYGON: return 2;
            default: return -1;
        }
    }

    /** The common type of a and b: same type, the multi type of one family, else GEOMETRY. */
    public static GeometryType merge(GeometryType a, GeometryType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a == b) {
            return a;
        }
        if (a.dimension() >= 0 && a.dimension() == b.dimension()) {
            return a.dimension() == 0 ? MULTIPOINT : a.dimension() == 1 ? MULTILINESTRING : MULTIPOLYGON;
        }
        return GEOMETRY;
    }
}
