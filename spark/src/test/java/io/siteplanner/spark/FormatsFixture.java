package io.siteplanner.spark;

import io.siteplanner.gis.Crs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The bench substations as a point Shapefile and the bench lines as a GeoJSON FeatureCollection, written from the
 * generated CSVs (so the tests need no GDAL): the same ids, attributes and coordinates, number text unchanged.
 */
final class FormatsFixture {
    private FormatsFixture() {
    }

    /** substations.csv ({@code sub_id,kv,cap_mw,avail_mw,POINT (x y)}) as {@code shp} (+ .shx, .dbf, .prj). */
    static void substationsShapefile(Path csv, Path shp) throws Exception {
        List<List<String>> rows = Csv.read(csv);
        int n = rows.size() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String wkt = rows.get(i + 1).get(4);
            String[] xy = wkt.substring(wkt.indexOf('(') + 1, wkt.indexOf(')')).trim().split(" ");
            x[i] = Double.parseDouble(xy[0]);
            y[i] = Double.parseDouble(xy[1]);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
            maxX = Math.max(maxX, x[i]);
            maxY = Math.max(maxY, y[i]);
        }
        int recLen = 8 + 20;
        ByteBuffer shpBuf = header(100 + n * recLen, minX, minY, maxX, maxY);
        ByteBuffer shxBuf = header(100 + n * 8, minX, minY, maxX, maxY);
        for (int i = 0; i < n; i++) {
            int offset = 100 + i * recLen;
            shxBuf.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(10);
            shpBuf.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(10);
            shpBuf.order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(x[i]).putDouble(y[i]);
        }
        Files.write(shp, shpBuf.array());
        String base = shp.getFileName().toString().replaceFirst("\\.shp$", "");
        Files.write(shp.resolveSibling(base + ".shx"), shxBuf.array());
        Files.writeString(shp.resolveSibling(base + ".prj"), Crs.decode("EPSG:5070").toWKT(), StandardCharsets.UTF_8);
        dbf(shp.resolveSibling(base + ".dbf"), rows);
    }

    private static ByteBuffer header(int bytes, double minX, double minY, double maxX, double maxY) {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
        for (int i = 0; i < 5; i++) {
            b.putInt(0);
        }
        b.putInt(bytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(1).putDouble(minX).putDouble(minY).putDouble(maxX)
                .putDouble(maxY).putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        return b;
    }

    /** dBase III: sub_id and kv N(10,0), cap_mw and avail_mw N(12,1). */
    private static void dbf(Path file, List<List<String>> rows) throws IOException {
        String[] names = {"sub_id", "kv", "cap_mw", "avail_mw"};
        int[] len = {10, 10, 12, 12};
        int[] dec = {0, 0, 1, 1};
        int n = rows.size() - 1;
        int recSize = 1 + 10 + 10 + 12 + 12;
        int headerSize = 32 + 32 * names.length + 1;
        ByteBuffer b = ByteBuffer.allocate(headerSize + n * recSize + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 126).put((byte) 12).put((byte) 1).putInt(n).putShort((short) headerSize)
                .putShort((short) recSize);
        b.position(32);
        for (int f = 0; f < names.length; f++) {
            byte[] name = new byte[11];
            byte[] src = names[f].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(src, 0, name, 0, src.length);
            b.put(name).put((byte) 'N').putInt(0).put((byte) len[f]).put((byte) dec[f]);
            b.put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (int i = 0; i < n; i++) {
            b.put((byte) ' ');
            for (int f = 0; f < names.length; f++) {
                String v = String.format(Locale.ROOT, "%" + len[f] + "s", rows.get(i + 1).get(f));
                b.put(v.getBytes(StandardCharsets.US_ASCII));
            }
        }
        b.put((byte) 0x1A);
        Files.write(file, b.array());
    }

    /** lines.csv ({@code line_id,kv,LINESTRING (x y,x y,...)}) as a GeoJSON FeatureCollection (no crs member). */
    static void linesGeoJson(Path csv, Path geojson, String crs) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        try (OutputStream os = Files.newOutputStream(geojson)) {
            StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\"");
            if (crs != null) {
                b.append(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"").append(crs).append("\"}}");
            }
            b.append(",\"features\":[\n");
            for (int i = 1; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                String wkt = r.get(2);
                String[] pts = wkt.substring(wkt.indexOf('(') + 1, wkt.lastIndexOf(')')).split(",");
                b.append(i > 1 ? ",\n" : "").append("{\"type\":\"Feature\",\"properties\":{\"line_id\":")
                        .append(r.get(0)).append(",\"kv\":").append(r.get(1))
                        .append("},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
                for (int p = 0; p < pts.length; p++) {
                    String[] xy = pts[p].trim().split(" ");
                    b.append(p > 0 ? "," : "").append('[').append(xy[0]).append(',').append(xy[1]).append(']');
                }
                b.append("]}}");
                if (b.length() > 1 << 16) {
                    os.write(b.toString().getBytes(StandardCharsets.UTF_8));
                    b.setLength(0);
                }
            }
            b.append("\n]}\n");
            os.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
