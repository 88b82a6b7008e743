package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EPSG codes of ESRI .prj files, expected values from GDAL 3.6 ({@code gdalsrsinfo -e FILE.prj}). The first
 * look-up on a machine may build the index (see {@link EpsgIndex}); no time is asserted here.
 */
class EpsgIndexTest {
    private static final String GCS_NAD83 = "GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    @ParameterizedTest(name = "{0} -> EPSG:{1}")
    @CsvSource({
        "bad_points, 4269", "counties_in_26916, 26916", "counties_in_2965, 2965", "counties_in_5070, 5070",
        "counties_ms_4269, 4269", "names_utf8, 4326", "substations_ms_3857, 3857", "transmission_in_26916, 26916"})
    void fixturePrjFilesGetGdalsCode(String name, int gdal) throws Exception {
        String wkt = Files.readString(TestData.fixture("shapefile/" + name + ".prj"));
        assertThat(Crs.epsgCode(Crs.parseWkt(wkt))).isEqualTo(gdal);
    }

    @Test
    void statePlaneFeetOfHarnIsNotTakenForPlainNad83() throws Exception {
        // same ellipsoid and parameters as EPSG:2965, datum NAD83(HARN): gdalsrsinfo -e says EPSG:2967
        String harn = "PROJCS[\"NAD_1983_HARN_StatePlane_Indiana_East_FIPS_1301_Feet\",GEOGCS["
                + "\"GCS_North_American_1983_HARN\",DATUM[\"D_North_American_1983_HARN\",SPHEROID[\"GRS_1980\","
                + "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",328083.333],"
                + "PARAMETER[\"False_Northing\",820208.333],PARAMETER[\"Central_Meridian\",-85.66666666666667],"
                + "PARAMETER[\"Scale_Factor\",0.999966667],PARAMETER[\"Latitude_Of_Origin\",37.5],"
                + "UNIT[\"Foot_US\",0.3048006096012192]]";
        assertThat(Crs.epsgCode(Crs.parseWkt(harn))).isEqualTo(2967);
    }

    @Test
    void otherEsriDefinitionsGetGdalsCode() throws Exception {
        // gdalsrsinfo -e: EPSG:2254, EPSG:32616, EPSG:4267
        String msEast = "PROJCS[\"NAD_1983_StatePlane_Mississippi_East_FIPS_2301_Feet\"," + GCS_NAD83
                + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",984250.0],"
                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",-88.83333333333333],"
                + "PARAMETER[\"Scale_Factor\",0.99995],PARAMETER[\"Latitude_Of_Origin\",29.5],"
                + "UNIT[\"Foot_US\",0.3048006096012192]]";
        String wgsUtm = "PROJCS[\"WGS_1984_UTM_Zone_16N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",-87.0],PARAMETER[\"Scale_Factor\",0.9996],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        String nad27 = "GEOGCS[\"GCS_North_American_1927\",DATUM[\"D_North_American_1927\",SPHEROID[\"Clarke_1866\","
                + "6378206.4,294.9786982]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        assertThat(Crs.epsgCode(Crs.parseWkt(msEast))).isEqualTo(2254);
        assertThat(Crs.epsgCode(Crs.parseWkt(wgsUtm))).isEqualTo(32616);
        assertThat(Crs.epsgCode(Crs.parseWkt(nad27))).isEqualTo(4267);
    }

    @Test
    void aCustomProjectionHasNoCode() throws Exception {
        // gdalsrsinfo -e finds nothing better than a 25 % match (ESRI:102001, other parameters)
        String custom = "PROJCS[\"My_Albers\"," + GCS_NAD83 + ",PROJECTION[\"Albers\"],"
                + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",-91.0],PARAMETER[\"Standard_Parallel_1\",31.0],"
                + "PARAMETER[\"Standard_Parallel_2\",34.0],PARAMETER[\"Latitude_Of_Origin\",30.0],UNIT[\"Meter\",1.0]]";
        assertThat(Crs.epsgCode(Crs.parseWkt(custom))).isNull();
        assertThat(Crs.label(Crs.parseWkt(custom), null)).isEqualTo("My_Albers");
    }

    @Test
    void theIndexIsStoredAndReadBack() throws Exception {
        Crs.epsgCode(Crs.parseWkt(Files.readString(TestData.fixture("shapefile/counties_in_2965.prj"))));
        Path file = EpsgIndex.cacheFile();
        assertThat(file).isRegularFile();
        EpsgIndex loaded = EpsgIndex.load(file);
        assertThat(loaded).isNotNull();
        assertThat(loaded.size()).isEqualTo(EpsgIndex.get().size()).isGreaterThan(5000);
    }

    @Test
    void aDamagedIndexFileIsNotUsed(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("index.tsv"), "4326\tG\tnot enough columns\n");
        assertThat(EpsgIndex.load(bad)).isNull();
        assertThat(EpsgIndex.load(tmp.resolve("missing.tsv"))).isNull();
    }
}
