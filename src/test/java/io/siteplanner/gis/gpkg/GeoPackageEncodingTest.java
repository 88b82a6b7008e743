package io.siteplanner.gis.gpkg;

import static io.siteplanner.gis.gpkg.GeoPackageFormatTest.byFid;
import static io.siteplanner.gis.gpkg.GeoPackageFormatTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * GeoPackageBinary header and WKB variants, CRS edge cases and column types, written over JDBC into a copy
 * of {@code broken_blob.gpkg} (Madison County MS substations, no spatial index so no GDAL trigger runs;
 * fids 3 and 5 already hold undecodable blobs).
 */
class GeoPackageEncodingTest {

    @Test
    void decodesHeaderAndWkbVariants(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        // ISO WKB Point Z (1001), big-endian everywhere, envelope [minx, maxx, miny, maxy]
        GpkgEdit.setBlob(f, "substations", "geom", 1, GpkgEdit.gp(false, 1, false, 4326,
                new double[] {-90.1, -90.1, 32.4, 32.4}, GpkgEdit.wkb(false, 1001, null, -90.1, 32.4, 88.5)));
        // ISO WKB LineString M (2002), little-endian, XYM envelope: M must not become Z
        GpkgEdit.setBlob(f, "substations", "geom", 2, GpkgEdit.gp(true, 3, false, 4326,
                new double[] {-90.2, -90.1, 32.4, 32.5, 0, 7}, GpkgEdit.wkb(true, 2002, 2,
                        -90.2, 32.4, 0, -90.1, 32.5, 7)));
        // ISO WKB Point ZM (3001) with an XYZM envelope
        GpkgEdit.setBlob(f, "substations", "geom", 4, GpkgEdit.gp(true, 4, false, 4326,
                new double[] {-90, -90, 32, 32, 5, 5, 9, 9}, GpkgEdit.wkb(true, 3001, null, -90, 32, 5, 9)));
        // EWKB Point with the high-bit Z flag
        GpkgEdit.setBlob(f, "substations", "geom", 6, GpkgEdit.gp(true, 0, false, 4326, new double[0],
                GpkgEdit.wkb(true, 0x80000001, null, -90.05, 32.45, 12)));
        // empty flag with the standard empty point POINT(NaN NaN)
        GpkgEdit.setBlob(f, "substations", "geom", 7, GpkgEdit.gp(true, 0, true, 4326, new double[0],
                GpkgEdit.wkb(true, 1, null, Double.NaN, Double.NaN)));
        // plain WKB without the GeoPackage header (written by some tools)
        GpkgEdit.setBlob(f, "substations", "geom", 8, GpkgEdit.wkb(true, 1, null, -90.3, 32.3));
        // invalid envelope code 5, and the extended-type flag
        GpkgEdit.setBlob(f, "substations", "geom", 9, GpkgEdit.gp(true, 5, false, 4326, new double[0],
                GpkgEdit.wkb(true, 1, null, -90, 32)));
        byte[] extended = GpkgEdit.gp(true, 0, false, 4326, new double[0], GpkgEdit.wkb(true, 1, null, -90, 32));
        extended[3] |= 0x20;
        GpkgEdit.setBlob(f, "substations", "geom", 10, extended);

        VectorLayer l = read(f, ReadOptions.DEFAULT);
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 2L, 4L, 6L, 7L, 8L);
        assertThat(l.hasZ()).isTrue();
        Point p1 = (Point) byFid(l, 1).geometry();
        assertThat(p1.getX()).isEqualTo(-90.1);
        assertThat(p1.getY()).isEqualTo(32.4);
        assertThat(p1.getCoordinate().getZ()).isEqualTo(88.5);
        LineString l2 = (LineString) byFid(l, 2).geometry();
        assertThat(l2.getNumPoints()).isEqualTo(2);
        assertThat(l2.getCoordinateN(1).x).isEqualTo(-90.1);
        assertThat(l2.getCoordinateN(1).y).isEqualTo(32.5);
        assertThat(l2.getCoordinateN(1).getZ()).isNaN();
        assertThat(((Point) byFid(l, 4).geometry()).getCoordinate().getZ()).isEqualTo(5);
        assertThat(((Point) byFid(l, 6).geometry()).getCoordinate().getZ()).isEqualTo(12);
        assertThat(byFid(l, 7).geometry().isEmpty()).isTrue();
        assertThat(((Point) byFid(l, 8).geometry()).getX()).isEqualTo(-90.3);
        assertThat(byFid(l, 1).value(0)).isNotNull();
        assertThat(l.warnings()).hasSize(1);
        assertThat(l.warnings().get(0)).startsWith("4 feature(s) skipped: geometry could not be decoded"
                + " (fid 3, 5, 9, 10)");
        // the empty point does not stretch the bounds
        assertThat(l.bounds().getMinX()).isEqualTo(-90.3);
        assertThat(l.bounds().getMaxY()).isEqualTo(32.5);
    }

    @Test
    void srsIdZeroIsUndefinedGeographicAssumedWgs84(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        GpkgEdit.sql(f, "UPDATE gpkg_geometry_columns SET srs_id = 0", "UPDATE gpkg_contents SET srs_id = 0");
        VectorLayer l = read(f, ReadOptions.DEFAULT);
        assertThat(l.epsg()).isEqualTo(4326);
        assertThat(Crs.isGeographic(l.crs())).isTrue();
        assertThat(l.warnings()).anyMatch(w -> w.contains("undefined geographic CRS (srs_id 0)")
                && w.contains("EPSG:4326"));
    }

    @Test
    void srsIdMinusOneIsUndefinedCartesian(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        GpkgEdit.sql(f, "UPDATE gpkg_geometry_columns SET srs_id = -1", "UPDATE gpkg_contents SET srs_id = -1");
        VectorLayer l = read(f, ReadOptions.DEFAULT);
        assertThat(l.crs()).isNull();
        assertThat(l.warnings()).anyMatch(w -> w.contains("undefined Cartesian CRS (srs_id -1)"));
        VectorLayer assumed = read(f, ReadOptions.DEFAULT.withCrs("EPSG:4269"));
        assertThat(assumed.epsg()).isEqualTo(4269);
        assertThat(assumed.warnings()).noneMatch(w -> w.contains("srs_id"));
    }

    @Test
    void unknownSrsIdIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        GpkgEdit.sql(f, "UPDATE gpkg_geometry_columns SET srs_id = 987654");
        VectorLayer l = read(f, ReadOptions.DEFAULT);
        assertThat(l.crs()).isNull();
        assertThat(l.size()).isEqualTo(8);
        assertThat(l.warnings()).anyMatch(w -> w.contains("srs_id 987654 is not defined in gpkg_spatial_ref_sys"));
    }

    @Test
    void nonEpsgSrsIsParsedFromItsWkt(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        String wkt = Crs.decode("EPSG:26916").toWKT().replace("'", "''");
        GpkgEdit.sql(f, "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id,"
                + " definition) VALUES ('my utm', 100001, 'ACME', 7, '" + wkt + "')",
                "UPDATE gpkg_geometry_columns SET srs_id = 100001");
        VectorLayer l = read(f, ReadOptions.DEFAULT);
        assertThat(l.crs()).isNotNull();
        assertThat(Crs.name(l.crs())).isEqualTo("NAD83 / UTM zone 16N");
        assertThat(l.epsg()).isNull();
    }

    @Test
    void mapsDeclaredColumnTypesAndNullsValuesThatDoNotFit(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        GpkgEdit.sql(f,
                "ALTER TABLE substations ADD COLUMN built DATE",
                "ALTER TABLE substations ADD COLUMN checked DATETIME",
                "ALTER TABLE substations ADD COLUMN energized BOOLEAN",
                "ALTER TABLE substations ADD COLUMN photo BLOB",
                "ALTER TABLE substations ADD COLUMN cap_mw DOUBLE",
                "ALTER TABLE substations ADD COLUMN bays SMALLINT",
                "ALTER TABLE substations ADD COLUMN note TEXT(40)",
                "UPDATE substations SET built = '1987-06-30', checked = '2024-01-31T12:34:56.789Z', energized = 1,"
                        + " photo = X'00FF', cap_mw = 250.5, bays = 6, note = 'Doña Ana' WHERE fid = 1",
                "UPDATE substations SET built = 'unknown', checked = '2024-02-01T08:00:00+02:00', energized = 0,"
                        + " cap_mw = 'n/a', bays = '12' WHERE fid = 2");
        VectorLayer l = read(f, ReadOptions.DEFAULT);
        assertThat(l.schema().names()).containsExactly("NAME", "CITY", "COUNTY", "ZIP", "STATE", "STATUS",
                "MAX_VOLT", "built", "checked", "energized", "cap_mw", "bays", "note");
        assertThat(l.schema().fields()).extracting(x -> x.type()).endsWith(FieldType.DATE, FieldType.DATETIME,
                FieldType.BOOLEAN, FieldType.REAL, FieldType.INTEGER, FieldType.STRING);
        assertThat(l.schema().field(12).width()).isEqualTo(40);
        Feature one = byFid(l, 1);
        assertThat(one.value(7)).isEqualTo(LocalDate.of(1987, 6, 30));
        assertThat(one.value(8)).isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 34, 56, 789_000_000));
        assertThat(one.value(9)).isEqualTo(Boolean.TRUE);
        assertThat(one.value(10)).isEqualTo(250.5);
        assertThat(one.value(11)).isEqualTo(6L);
        assertThat(one.value(12)).isEqualTo("Doña Ana");
        Feature two = byFid(l, 2);
        assertThat(two.value(7)).isNull();
        assertThat(two.value(8)).isEqualTo(LocalDateTime.of(2024, 2, 1, 6, 0));
        assertThat(two.value(9)).isEqualTo(Boolean.FALSE);
        assertThat(two.value(10)).isNull();
        assertThat(two.value(11)).isEqualTo(12L);
        assertThat(l.warnings()).contains(
                "skipped 1 binary column(s) that cannot be shown as attributes: photo (BLOB)",
                "field 'built': 1 value(s) are not a date (YYYY-MM-DD) and were set to null (fid 2)",
                "field 'cap_mw': 1 value(s) are not a number and were set to null (fid 2)");
    }

    @Test
    void viewWithoutIntegerPrimaryKeyGetsRowOrderFids(@TempDir Path dir) throws Exception {
        Path f = GpkgEdit.copy("broken_blob.gpkg", dir);
        GpkgEdit.sql(f, "CREATE VIEW big_subs AS SELECT fid AS src_fid, geom, NAME FROM substations"
                        + " WHERE fid NOT IN (3, 5) ORDER BY fid DESC",
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES"
                        + " ('big_subs', 'features', 'big_subs', 4326)",
                "INSERT INTO gpkg_geometry_columns VALUES ('big_subs', 'geom', 'POINT', 4326, 0, 0)");
        assertThat(new GeoPackageFormat().layerNames(f)).containsExactly("substations", "big_subs");
        VectorLayer l = read(f, ReadOptions.DEFAULT.withLayer("big_subs"));
        assertThat(l.size()).isEqualTo(8);
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(l.schema().names()).containsExactly("src_fid", "NAME");
        assertThat(l.get(0).value(0)).isEqualTo(10L);
        assertThat(l.warnings()).isEmpty();
    }
}
