package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.geotools.api.metadata.extent.GeographicBoundingBox;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The built-in CRSs against GeoTools' EPSG database (the independent source): the same definitions and
 * areas of use, and between every pair the same coordinates from the transforms and envelope transforms
 * {@link Crs} makes without the database as from GeoTools' database-backed ones.
 *
 * <p>{@link #main} regenerates {@code builtin-crs.properties} from the database.
 */
class BuiltinCrsTest {
    static final List<Integer> CODES = List.of(4326, 4269, 3857, 5070);

    @Test
    void theTableHoldsTheCodesAndNothingElse() {
        assertThat(BuiltinCrs.codes()).containsExactlyInAnyOrderElementsOf(CODES);
    }

    @Test
    void definitionsAndAreasAreTheDatabases() throws Exception {
        for (int code : CODES) {
            CoordinateReferenceSystem builtin = Crs.decode("EPSG:" + code);
            CoordinateReferenceSystem db = CRS.decode("EPSG:" + code, true);
            assertThat(Crs.isBuiltin(builtin)).isTrue();
            assertThat(Crs.isBuiltin(db)).isFalse();
            assertThat(CRS.equalsIgnoreMetadata(builtin, db)).as("EPSG:%d", code).isTrue();
            assertThat(Crs.epsgCode(builtin)).isEqualTo(code);
            GeographicBoundingBox a = CRS.getGeographicBoundingBox(db);
            assertThat(BuiltinCrs.get(code).area()).as("EPSG:%d area", code).isEqualTo(new Envelope(
                    a.getWestBoundLongitude(), a.getEastBoundLongitude(), a.getSouthBoundLatitude(),
                    a.getNorthBoundLatitude()));
        }
    }

    @Test
    void transformsBetweenThemGiveTheDatabasesCoordinates() throws Exception {
        // a grid over the contiguous US, Alaska and Hawaii in lon/lat, where all four CRSs are used
        for (int from : CODES) {
            for (int to : CODES) {
                CoordinateReferenceSystem bf = Crs.decode("EPSG:" + from);
                CoordinateReferenceSystem bt = Crs.decode("EPSG:" + to);
                MathTransform builtin = Crs.transform(bf, bt);
                MathTransform db = CRS.findMathTransform(CRS.decode("EPSG:" + from, true),
                        CRS.decode("EPSG:" + to, true), true);
                MathTransform toSource = CRS.findMathTransform(CRS.decode("EPSG:4326", true),
                        CRS.decode("EPSG:" + from, true), true);
                for (double lon = -170; lon <= -65; lon += 7.5) {
                    for (double lat = 19; lat <= 70; lat += 4.25) {
                        double[] p = new double[2];
                        toSource.transform(new double[] {lon, lat}, 0, p, 0, 1);
                        double[] a = new double[2];
                        double[] b = new double[2];
                        builtin.transform(p, 0, a, 0, 1);
                        db.transform(p, 0, b, 0, 1);
                        double tol = to == 4326 || to == 4269 ? 1e-12 : 1e-6; // degrees, metres
                        assertThat(a[0]).as("EPSG:%d -> %d at %.2f, %.2f", from, to, lon, lat).isCloseTo(b[0],
                                org.assertj.core.data.Offset.offset(tol));
                        assertThat(a[1]).as("EPSG:%d -> %d at %.2f, %.2f", from, to, lon, lat).isCloseTo(b[1],
                                org.assertj.core.data.Offset.offset(tol));
                    }
                }
            }
        }
    }

    @Test
    void envelopesTransformLikeGeoToolsReferencedEnvelope() throws Exception {
        Envelope indiana = new Envelope(-88.1, -84.78, 37.77, 41.77);
        for (int to : CODES) {
            Envelope a = Crs.transform(indiana, Crs.wgs84(), Crs.decode("EPSG:" + to));
            Envelope b = new org.geotools.geometry.jts.ReferencedEnvelope(indiana, CRS.decode("EPSG:4326", true))
                    .transform(CRS.decode("EPSG:" + to, true), true, 10);
            assertThat(a.getMinX()).isCloseTo(b.getMinX(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(a.getMaxX()).isCloseTo(b.getMaxX(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(a.getMinY()).isCloseTo(b.getMinY(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(a.getMaxY()).isCloseTo(b.getMaxY(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void plausibilityChecksUseTheDatabasesAreaOfUse() throws Exception {
        // inside CONUS, in the Pacific west of it (outside the area of use, even with its 5 degree margin),
        // and coordinates the projection cannot invert: the same verdict as with the database's CRS
        List<Envelope> boxes = List.of(new Envelope(6e5, 9e5, 2e6, 2.2e6), new Envelope(-6e6, -5.9e6, 1e6, 1.1e6),
                new Envelope(9e6, 9.1e6, -9e6, -8.9e6));
        for (Envelope e : boxes) {
            assertThat(Crs.checkPlausible(e, Crs.decode("EPSG:5070"))).as("%s", e)
                    .isEqualTo(Crs.checkPlausible(e, CRS.decode("EPSG:5070", true)));
        }
        assertThat(Crs.checkPlausible(boxes.get(0), Crs.decode("EPSG:5070"))).isNull();
        assertThat(Crs.checkPlausible(boxes.get(1), Crs.decode("EPSG:5070"))).contains("outside the area of use");
    }

    /** Writes {@code src/main/resources/io/siteplanner/gis/builtin-crs.properties} from the EPSG database. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.geotools.referencing.forceXY", "true");
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (int code : CODES) {
            CoordinateReferenceSystem db = CRS.decode("EPSG:" + code, true);
            GeographicBoundingBox a = CRS.getGeographicBoundingBox(db);
            m.put(code + ".wkt", db.toWKT().replaceAll("\\s*\\R\\s*", " "));
            m.put(code + ".area", a.getWestBoundLongitude() + "," + a.getSouthBoundLatitude() + ","
                    + a.getEastBoundLongitude() + "," + a.getNorthBoundLatitude());
        }
        StringBuilder sb = new StringBuilder("# EPSG definitions SitePlanner uses without the EPSG database (gis.BuiltinCrs):\n"
                + "# GeoTools' EPSG factory's WKT (longitude first) and area of use (west,south,east,north degrees).\n"
                + "# Generated by BuiltinCrsTest.main; BuiltinCrsTest checks them against the database.\n");
        for (var e : m.entrySet()) {
            sb.append(e.getKey()).append(" = ").append(e.getValue().replace("\\", "\\\\")).append('\n');
        }
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/io/siteplanner/gis/" + BuiltinCrs.RESOURCE);
        Files.writeString(out, sb.toString());
        Properties check = new Properties();
        try (var in = Files.newInputStream(out)) {
            check.load(in);
        } catch (IOException e) {
            throw e;
        }
        for (var e : m.entrySet()) {
            if (!e.getValue().equals(check.getProperty(e.getKey()))) {
                throw new IllegalStateException("round trip failed for " + e.getKey());
            }
        }
        System.out.println("wrote " + out);
    }
}
