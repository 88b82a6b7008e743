package io.siteplanner.gis;

import java.nio.charset.Charset;

/**
 * Options for reading a layer. Immutable; use the {@code with*} methods. Every option is optional.
 *
 * @param layer     layer/table name inside a multi-layer source (GeoPackage, KML folder); null = the first
 * @param crs       CRS to assume when the source declares none (CSV, shapefile without .prj), as
 *                  {@code EPSG:n} or WKT; for CSV it is the CRS of the coordinate columns. Null = EPSG:4326
 *                  for CSV/GeoJSON/KML, "unknown" for others
 * @param xField    CSV: name of the x/longitude column (null = detect)
 * @param yField    CSV: name of the y/latitude column (null = detect)
 * @param wktField  CSV: name of a WKT geometry column (null = detect)
 * @param delimiter CSV: delimiter (0 = sniff)
 * @param encoding  DBF/CSV: character set override (null = from .cpg / UTF-8)
 * @param table     CSV: read an attribute table (no geometry, no coordinate columns needed), e.g. for joins
 */
public record ReadOptions(String layer, String crs, String xField, String yField, String wktField,
        char delimiter, Charset encoding, boolean table) {

    public static final ReadOptions DEFAULT = new ReadOptions(null, null, null, null, null, (char) 0, null, false);

    public ReadOptions(String layer, String crs, String xField, String yField, String wktField, char delimiter,
            Charset encoding) {
        this(layer, crs, xField, yField, wktField, delimiter, encoding, false);
    }

    /** These options for an attribute table without geometry (CSV). */
    public ReadOptions asTable() {
        return new ReadOptions(layer, crs, xField, yField, wktField, delimiter, encoding, true);
    }

    public ReadOptions withLayer(String l) {
        return new ReadOptions(l, crs, xField, yField, wktField, delimiter, encoding, table);
    }

    public ReadOptions withCrs(String c) {
        return new ReadOptions(layer, c, xField, yField, wktField, delimiter, encoding, table);
    }

    public ReadOptions withXY(String x, String y) {
        return new ReadOptions(layer, crs, x, y, wktField, delimiter, encoding, table);
    }

    public ReadOptions withWktField(String w) {
        return new ReadOptions(layer, crs, xField, yField, w, delimiter, encoding, table);
    }

    public ReadOptions withDelimiter(char d) {
        return new ReadOptions(layer, crs, xField, yField, wktField, d, encoding, table);
    }

    public ReadOptions withEncoding(Charset e) {
        return new ReadOptions(layer, crs, xField, yField, wktField, delimiter, e, table);
    }
}
