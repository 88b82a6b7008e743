package io.siteplanner.scoring;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Deterministic synthetic site data in EPSG:5070 (like ../shared/bench/gen_data.py, much smaller):
 * star-shaped parcels, substations with kv/avail_mw, polylines with kv, a grid of price zones.
 */
final class TestData {
    static final GeometryFactory GF = Geometries.FACTORY;
    static final double X0 = 500_000;
    static final double Y0 = 1_000_000;
    static final double SPAN = 60_000;

    final VectorLayer parcels;
    final VectorLayer substations;
    final VectorLayer lines;
    final VectorLayer zones;

    private TestData(VectorLayer p, VectorLayer s, VectorLayer l, VectorLayer z) {
        parcels = p;
        substations = s;
        lines = l;
        zones = z;
    }

    static CoordinateReferenceSystem albers() {
        return Crs.decode("EPSG:5070");
    }

    static TestData generate(int nParcels, long seed) {
        Random rnd = new Random(seed);
        CoordinateReferenceSystem crs = albers();
        // substations
        List<Feature> subs = new ArrayList<>();
        int[] kvs = {69, 115, 138, 230, 345, 500};
        for (int i = 0; i < 150; i++) {
            double x = X0 + rnd.nextDouble() * SPAN;
            double y = Y0 + rnd.nextDouble() * SPAN;
            long kv = kvs[rnd.nextInt(kvs.length)];
            double avail = Math.round(rnd.nextDouble() * 800 * 100) / 100.0;
            subs.add(new Feature(i + 1, GF.createPoint(new Coordinate(x, y)), new Object[] {(long) (i + 1), kv, avail}));
        }
        VectorLayer s = VectorLayer.builder("substations").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("sub_id", FieldType.INTEGER), new Field("kv", FieldType.INTEGER),
                        new Field("avail_mw", FieldType.REAL)))).features(subs).build();
        // lines: bowed polylines between random substations
        List<Feature> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Feature a = subs.get(rnd.nextInt(subs.size()));
            Feature b = subs.get(rnd.nextInt(subs.size()));
            Coordinate ca = a.geometry().getCoordinate();
            Coordinate cb = b.geometry().getCoordinate();
            int m = 4 + rnd.nextInt(7);
            Coordinate[] cs = new Coordinate[m];
            for (int k = 0; k < m; k++) {
                double t = (double) k / (m - 1);
                double jx = k == 0 || k == m - 1 ? 0 : (rnd.nextDouble() - 0.5) * 3000;
                double jy = k == 0 || k == m - 1 ? 0 : (rnd.nextDouble() - 0.5) * 3000;
                cs[k] = new Coordinate(ca.x + (cb.x - ca.x) * t + jx, ca.y + (cb.y - ca.y) * t + jy);
            }
            if (cs[0].equals2D(cs[m - 1])) {
                cs[m - 1] = new Coordinate(cs[m - 1].x + 10, cs[m - 1].y);
            }
            long kv = kvs[rnd.nextInt(kvs.length)];
            lines.add(new Feature(i + 1, GF.createLineString(cs), new Object[] {(long) (i + 1), kv}));
        }
        VectorLayer l = VectorLayer.builder("lines").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("line_id", FieldType.INTEGER), new Field("kv", FieldType.INTEGER))))
                .features(lines).build();
        // zones: 5 x 5 grid, price by position + noise
        List<Feature> zones = new ArrayList<>();
        int id = 1;
        double zs = SPAN / 5;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                double x = X0 + c * zs;
                double y = Y0 + r * zs;
                Geometry g = GF.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + zs, y, y + zs));
                double price = Math.round((30 + c * 10 + rnd.nextDouble() * 5) * 100) / 100.0;
                zones.add(new Feature(id, g, new Object[] {(long) id, price}));
                id++;
            }
        }
        VectorLayer z = VectorLayer.builder("zones").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("zone_id", FieldType.INTEGER),
                        new Field("price_usd_mwh", FieldType.REAL)))).features(zones).build();
        // parcels: star polygons, 5..3000 acres, some overlapping lines / touching
        List<Feature> parcels = new ArrayList<>();
        for (int i = 0; i < nParcels; i++) {
            double cx = X0 + 2000 + rnd.nextDouble() * (SPAN - 4000);
            double cy = Y0 + 2000 + rnd.nextDouble() * (SPAN - 4000);
            double acres = Math.min(3000, Math.max(5, Math.exp(Math.log(30) + rnd.nextGaussian() * 1.2)));
            double rad = Math.sqrt(acres * 4046.8564224 / Math.PI);
            int m = 4 + rnd.nextInt(5);
            Coordinate[] cs = new Coordinate[m + 1];
            double a0 = rnd.nextDouble() * Math.PI * 2;
            for (int k = 0; k < m; k++) {
                double ang = a0 + k * 2 * Math.PI / m;
                double rr = rad * (0.6 + 0.8 * rnd.nextDouble());
                cs[k] = new Coordinate(cx + rr * Math.cos(ang), cy + rr * Math.sin(ang));
            }
            cs[m] = cs[0];
            parcels.add(new Feature(i + 1, GF.createPolygon(cs), new Object[] {(long) (100000 + (i * 7919L) % 99991)}));
        }
        VectorLayer p = VectorLayer.builder("parcels").crs(crs, 5070)
                .schema(new Schema(List.of(new Field("parcel_id", FieldType.INTEGER)))).features(parcels).build();
        return new TestData(p, s, l, z);
    }

    MemoryLayerSource source() {
        return new MemoryLayerSource().put("parcels.gpkg", parcels).put("substations.gpkg", substations)
                .put("lines.gpkg", lines).put("zones.gpkg", zones);
    }

    /** The example scenario over these layers. */
    static String scenarioJson() {
        return "{\"schema\": \"siteplanner/scenario/v1\", \"name\": \"test\","
                + " \"campus\": {\"itLoadMw\": 250, \"pue\": 1.2},"
                + " \"analysisCrs\": \"EPSG:5070\","
                + " \"layers\": {\"parcels\": {\"path\": \"parcels.gpkg\"}, \"substations\": {\"path\": \"substations.gpkg\"},"
                + "   \"lines\": {\"path\": \"lines.gpkg\"}, \"zones\": {\"path\": \"zones.gpkg\", \"layer\": \"zones\"}},"
                + " \"candidates\": \"parcels\", \"idField\": \"parcel_id\","
                + " \"criteria\": ["
                + "  {\"id\": \"acres\", \"kind\": \"area\", \"transform\": {\"type\": \"linear\", \"direction\": \"benefit\"}, \"weight\": 0.15},"
                + "  {\"id\": \"d_sub\", \"kind\": \"distance\", \"layer\": \"substations\", \"filter\": \"avail_mw >= 300\","
                + "   \"transform\": {\"type\": \"linear\", \"direction\": \"cost\"}, \"weight\": 0.35},"
                + "  {\"id\": \"d_line\", \"kind\": \"distance\", \"layer\": \"lines\", \"filter\": \"kv >= 345\","
                + "   \"transform\": {\"type\": \"linear\", \"direction\": \"cost\"}, \"weight\": 0.25},"
                + "  {\"id\": \"price\", \"kind\": \"zoneAttribute\", \"layer\": \"zones\", \"attribute\": \"price_usd_mwh\", \"at\": \"centroid\","
                + "   \"transform\": {\"type\": \"linear\", \"direction\": \"cost\"}, \"weight\": 0.25}"
                + " ],"
                + " \"method\": {\"type\": \"weightedSum\"}}";
    }
}
