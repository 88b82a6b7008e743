package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.TestData;
import io.siteplanner.model.Layer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/**
 * The lon/lat extent of {@code info} ({@code bbox4326}) against GDAL 3.6: {@code ogr2ogr -t_srs EPSG:4326
 * out FILE} then {@code ogrinfo -so -al out} (the extent of the transformed features), within 1e-4 degrees.
 * The corners of the source extent transformed (what {@code ogrinfo -so} itself gives in the source CRS,
 * converted) are 0.09 to 2.1 degrees wider on these files (2.1 for territories_2965, 17 degrees from its
 * central meridian).
 */
class LayerSummaryTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shapefile/counties_in_5070.shp,      -88.090541, 37.771918, -84.795569, 41.760532",
        "shapefile/counties_in_26916.shp,     -88.090541, 37.771918, -84.795569, 41.760532",
        "shapefile/counties_in_2965.shp,      -88.090541, 37.771918, -84.795569, 41.760532",
        "shapefile/transmission_in_26916.shp, -88.598930, 37.449290, -82.774720, 42.436120",
        "shapefile/holes_5070.shp,            -89.551615, 32.782161, -89.449836, 32.796923",
        "shapefile/substations_ms_3857.shp,   -91.433944, 30.213991, -88.204006, 34.993746",
        "gpkg/counties_5070.gpkg,             -91.643942, 30.180407, -88.155148, 34.995437",
        "gpkg/transmission_26916.gpkg,        -87.952700, 40.332700, -83.430500, 42.070100",
        "gpkg/territories_2965.gpkg,          -102.363900, 31.378900, -84.802300, 41.784700"})
    void lonLatExtentIsTheExtentOfTheTransformedFeatures(String fixture, double minX, double minY, double maxX,
            double maxY) throws Exception {
        Layer l = FormatRegistry.standard().read(TestData.fixture(fixture));
        Map<String, Object> m = LayerSummary.of(l);
        @SuppressWarnings("unchecked")
        List<Double> b = (List<Double>) m.get("bbox4326");
        assertThat(b.get(0)).isCloseTo(minX, within(1e-4));
        assertThat(b.get(1)).isCloseTo(minY, within(1e-4));
        assertThat(b.get(2)).isCloseTo(maxX, within(1e-4));
        assertThat(b.get(3)).isCloseTo(maxY, within(1e-4));
        // the source extent is left as it is
        @SuppressWarnings("unchecked")
        List<Double> src = (List<Double>) m.get("bbox");
        Envelope e = l.bounds();
        assertThat(src).containsExactly(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
