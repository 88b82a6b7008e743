package io.siteplanner.gis.geotiff;

import io.siteplanner.gis.RasterSampler;
import static io.siteplanner.gis.geotiff.Fixtures.fixture;
import static io.siteplanner.gis.geotiff.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.RasterSampler.Stats;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.RasterLayer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Point values checked with {@code gdallocationinfo}; zonal statistics with {@code gdal_translate -srcwin},
 * {@code gdalwarp -cutline} or GDAL's Python bindings (cells whose centre is inside), then the
 * mean/max/min/count of the valid cells.
 */
class RasterSamplerTest {
    private static final GeometryFactory GF = Geometries.FACTORY;
    private static RasterLayer fips;
    private static RasterLayer risk5070;
    private static RasterLayer riskTiled;

    @BeforeAll
    static void load() throws IOException {
        GeoTiffFormat f = new GeoTiffFormat();
        fips = f.read(fixture("fips_4326_int16.tif"), ReadOptions.DEFAULT, Progress.NONE);
        risk5070 = f.read(fixture("risk_5070_float32.tif"), ReadOptions.DEFAULT, Progress.NONE);
        riskTiled = f.read(fixture("risk_4326_float32_tiled.tif"), ReadOptions.DEFAULT, Progress.NONE);
    }

    private static Polygon box(double minX, double minY, double maxX, double maxY) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(minX, minY), new Coordinate(maxX, minY),
            new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY)});
    }

    @Test
    void valuesAtLonLatMatchGdallocationinfo() {
        RasterSampler s = new RasterSampler(fips);
        // gdallocationinfo -valonly -wgs84 fips_4326_int16.tif ...
        assertThat(s.valueAtLonLat(-86.25, 41.68)).isEqualTo(18141.0); // St. Joseph IN
        assertThat(s.valueAtLonLat(-86.72, 41.6)).isEqualTo(18091.0); // LaPorte IN
        assertThat(s.valueAtLonLat(-86.5, 41.79)).isNaN(); // Michigan: -9999 = no-data
        assertThat(s.valueAtLonLat(-80, 41.5)).isNaN(); // outside
        // gdallocationinfo -valonly fips_4326_int16.tif 25 25 (pixel) = 18141: centre of that pixel
        assertThat(s.valueAt(-86.8 + 25.5 * 0.012, 41.8 - 25.5 * 0.012)).isEqualTo(18141.0);
    }

    @Test
    void valuesInAProjectedRasterFromLonLatAndFromItsOwnCrs() {
        RasterSampler s = new RasterSampler(risk5070);
        // gdallocationinfo -valonly -wgs84 risk_5070_float32.tif -90.03 32.6 -> 8.93569564819336 (Madison MS)
        assertThat(s.valueAtLonLat(-90.03, 32.6)).isCloseTo(8.93569564819336, within(1e-12));
        assertThat(s.valueAtLonLat(-90.18, 32.45)).isCloseTo(8.93569564819336, within(1e-12));
        assertThat(s.valueAtLonLat(-91.2, 32.3)).isNaN(); // Louisiana: no-data
        // gdallocationinfo -valonly -geoloc risk_5070_float32.tif 550000 1100000 -> 12.8731327056885
        assertThat(s.valueAt(550000, 1100000)).isCloseTo(12.8731327056885, within(1e-12));
        assertThat(s.valueAt(419999, 1100000)).isNaN();
        assertThat(s.crs()).isSameAs(risk5070.crs());
    }

    @Test
    void tiledRasterAndFloatNoData() {
        RasterSampler s = new RasterSampler(riskTiled);
        // gdallocationinfo -valonly -wgs84: 10.4299049377441 (St. Joseph), -3.40282346638529e+38 (no-data)
        assertThat(s.valueAtLonLat(-86.25, 41.68)).isCloseTo(10.4299049377441, within(1e-12));
        assertThat(s.valueAtLonLat(-87.5, 41.95)).isNaN();
    }

    @Test
    void statsOverAWindowOfWholeCells() {
        // gdal_translate -srcwin 30 18 10 12 + stats: 120 cells, mean 11.391478943824769,
        // max 14.00692367553711, min 8.93569564819336
        Stats st = new RasterSampler(risk5070).statsIn(box(540000, 1080000, 580000, 1128000));
        assertThat(st.count()).isEqualTo(120);
        assertThat(st.mean()).isCloseTo(11.391478943824769, within(1e-9));
        assertThat(st.max()).isCloseTo(14.00692367553711, within(1e-12));
        assertThat(st.min()).isCloseTo(8.93569564819336, within(1e-12));
    }

    @Test
    void statsOverATriangleSkipNoDataCells() {
        // GDAL Python (osgeo): cell centres intersecting the triangle per ogr Geometry.Intersects: 857 cells,
        // 787 valid, mean 13.714571296941521, max 26.827659606933594, min 1.8544450998306274.
        // (gdalwarp -cutline keeps only 772 of them: its cutline masking is stricter at the edges.)
        Polygon tri = GF.createPolygon(new Coordinate[] {new Coordinate(430000, 1010000),
            new Coordinate(600000, 1050000), new Coordinate(520000, 1190000), new Coordinate(430000, 1010000)});
        Stats st = new RasterSampler(risk5070).statsIn(tri);
        assertThat(st.count()).isEqualTo(787);
        assertThat(st.mean()).isCloseTo(13.714571296941521, within(1e-9));
        assertThat(st.max()).isCloseTo(26.827659606933594, within(1e-12));
        assertThat(st.min()).isCloseTo(1.8544450998306274, within(1e-12));
    }

    @Test
    void statsOverARealCountyGivenInLonLat() throws IOException {
        // gdalwarp -cutline madison.geojson (Madison County MS): 117 cells, all 8.93569564819336
        Geometry madison = county("28089");
        Stats st = new RasterSampler(risk5070).statsIn(madison, Crs.wgs84());
        assertThat(st.count()).isEqualTo(117);
        assertThat(st.mean()).isCloseTo(8.93569564819336, within(1e-9));
        assertThat(st.max()).isCloseTo(8.93569564819336, within(1e-12));
    }

    @Test
    void statsOverTheWholeRasterMatchGdalinfoStats() {
        // gdalinfo -stats fips_4326_int16.tif: mean 18117.551489362, max 18149, valid 94 % of 2500 cells
        Stats st = new RasterSampler(fips).statsIn(box(-86.8, 41.2, -86.2, 41.8));
        assertThat(st.count()).isEqualTo(2350);
        assertThat(st.mean()).isCloseTo(18117.551489362, within(1e-6));
        assertThat(st.max()).isEqualTo(18149.0);
    }

    @Test
    void tinyPolygonUsesTheCellUnderIt() {
        // no cell centre inside this 200 m square: the cell under it is used
        // (gdallocationinfo -valonly -geoloc 550600 1100600 -> 12.8731327056885)
        Stats st = new RasterSampler(risk5070).statsIn(box(550500, 1100500, 550700, 1100700));
        assertThat(st.count()).isEqualTo(1);
        assertThat(st.mean()).isCloseTo(12.8731327056885, within(1e-12));
    }

    @Test
    void noValidCellGivesNaN() {
        RasterSampler s = new RasterSampler(fips);
        Stats michigan = s.statsIn(box(-86.79, 41.77, -86.4, 41.795));
        assertThat(michigan.count()).isZero();
        assertThat(michigan.mean()).isNaN();
        assertThat(michigan.max()).isNaN();
        assertThat(s.statsIn(box(10, 10, 11, 11)).count()).isZero();
        assertThat(s.statsIn(GF.createPolygon()).mean()).isNaN();
    }

    @Test
    void pointsUseTheCellsUnderThem() {
        Stats st = new RasterSampler(fips).statsIn(GF.createMultiPointFromCoords(new Coordinate[] {
            new Coordinate(-86.25, 41.68), new Coordinate(-86.72, 41.6), new Coordinate(-86.5, 41.79)}));
        assertThat(st.count()).isEqualTo(2);
        assertThat(st.max()).isEqualTo(18141.0);
        assertThat(st.min()).isEqualTo(18091.0);
    }

    @Test
    void unknownBandIsRejected() {
        assertThatThrownBy(() -> new RasterSampler(fips, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no band 2");
    }

    /** A county polygon (lon/lat) from the shared us-atlas GeoJSON, by GEOID. */
    private static Geometry county(String geoid) throws IOException {
        Path file = real("counties_ms_in_census2017_10m.geojson");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode f : root.get("features")) {
            if (geoid.equals(f.get("properties").get("GEOID").asText())) {
                JsonNode g = f.get("geometry");
                assertThat(g.get("type").asText()).isEqualTo("Polygon");
                JsonNode ring = g.get("coordinates").get(0);
                Coordinate[] cs = new Coordinate[ring.size()];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
                }
                return GF.createPolygon(cs);
            }
        }
        throw new AssertionError("no county " + geoid);
    }
}
