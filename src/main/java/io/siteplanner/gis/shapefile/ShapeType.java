package io.siteplanner.gis.shapefile;

import io.siteplanner.model.GeometryType;

/** Shape types of the ESRI Shapefile Technical Description (1998), table 1. */
enum ShapeType {
    NULL(0, Family.NULL, false, false),
    POINT(1, Family.POINT, false, false),
    POLYLINE(3, Family.LINE, false, false),
    POLYGON(5, Family.POLYGON, false, false),
    MULTIPOINT(8, Family.MULTIPOINT, false, false),
    POINTZ(11, Family.POINT, true, true),
    POLYLINEZ(13, Family.LINE, true, true),
    POLYGONZ(15, Family.POLYGON, true, true),
    MULTIPOINTZ(18, Family.MULTIPOINT, true, true),
    POINTM(21, Family.POINT, false, true),
    POLYLINEM(23, Family.LINE, false, true),
    POLYGONM(25, Family.POLYGON, false, true),
    MULTIPOINTM(28, Family.MULTIPOINT, false, true),
    MULTIPATCH(31, Family.MULTIPATCH, true, true);

    /** Geometry kind regardless of Z/M. */
    enum Family {
        NULL, POINT, MULTIPOINT, LINE, POLYGON, MULTIPATCH
    }

    private static final ShapeType[] BY_CODE = new ShapeType[32];

    static {
        for (ShapeType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    final int code;
    final Family family;
    final boolean hasZ;
    /** Z types may carry M; M types do. */
    final boolean mayHaveM;

    ShapeType(int code, Family family, boolean hasZ, boolean mayHaveM) {
        this.code = code;
        this.family = family;
        this.hasZ = hasZ;
        this.mayHaveM = mayHaveM;
    }

    /** The type with this code, or null when the code is not in the specification. */
    static ShapeType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Declared layer geometry type, as ogrinfo reports shapefiles (polygon files are "Polygon"). */
    GeometryType geometryType() {
        switch (family) {
            case POINT: return GeometryType.POINT;
            case MULTIPOINT: return GeometryType.MULTIPOINT;
            case LINE: return GeometryType.LINESTRING;
            case POLYGON: return GeometryType.POLYGON;
            case NULL: return GeometryType.NONE;
            default: return GeometryType.GEOMETRY;
        }
    }

    /** Name as in the specification, e.g. "PolygonZ". */
    String label() {
        switch (this) {
            case NULL: return "Null";
            case POINT: return "Point";
            case POLYLINE: return "PolyLine";
            case POLYGON: return "Polygon";
            case MULTIPOINT: return "MultiPoint";
            case POINTZ: return "PointZ";
            case POLYLINEZ: return "PolyLineZ";
            case POLYGONZ: return "PolygonZ";
            case MULTIPOINTZ: return "MultiPointZ";
            case POINTM: return "PointM";
            case POLYLINEM: return "PolyLineM";
            case POLYGONM: return "PolygonM";
            case MULTIPOINTM: return "MultiPointM";
            default: return "MultiPatch";
        }
    }
}
