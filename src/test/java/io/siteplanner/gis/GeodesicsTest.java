package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measured lengths and areas against independent implementations: PROJ 9.1.1 {@code geod -I +ellps=WGS84}
 * (C GeographicLib) for distances, and SpatiaLite's ellipsoidal {@code ST_Area(geom, 1)} /
 * {@code ST_Length(geom, 1)} through GDAL 3.6.2 {@code ogrinfo -dialect SQLite} for areas and perimeters
 * (the commands are in each test).
 */
class GeodesicsTest {

    @Test
    void distancesMatchProjGeod() {
        // echo "40.6 -73.8 51.6 -0.5" | geod -I +ellps=WGS84 -f %.6f  ->  5551759.400 (JFK to LHR; also the
        // example of GeographicLib's documentation)
        assertThat(Geodesics.distance(-73.8, 40.6, -0.5, 51.6)).isCloseTo(5551759.400, within(0.001));
        // echo "32.4 -90.2 32.7 -89.9" | geod -I +ellps=WGS84  ->  43597.993
        assertThat(Geodesics.distance(-90.2, 32.4, -89.9, 32.7)).isCloseTo(43597.993, within(0.001));
        // nearly antipodal (where simple methods fail): echo "0 0 0.5 179.5" | geod -I +ellps=WGS84 -> 19936288.579
        assertThat(Geodesics.distance(0, 0, 179.5, 0.5)).isCloseTo(19936288.579, within(0.001));
    }

    @Test
    void polylineLengthIsTheSumOfItsGeodesics() {
        // geod -I for the four sides: 28224.174 + 33268.944 + 28130.450 + 33268.944
        List<double[]> path = List.of(new double[] {-90.2, 32.4}, new double[] {-89.9, 32.4}, new double[] {-89.9, 32.7},
                new double[] {-90.2, 32.7}, new double[] {-90.2, 32.4});
        assertThat(Geodesics.length(path)).isCloseTo(28224.174 + 33268.944 + 28130.450 + 33268.944, within(0.003));
        assertThat(Geodesics.length(path.subList(0, 1))).isZero();
    }

    @Test
    void areasMatchSpatialiteOnTheEllipsoid() {
        // ogrinfo -dialect SQLite -sql "SELECT ST_Area(geometry, 1), ST_Length(ExteriorRing(geometry), 1) FROM poly"
        //   -> 937432087.087158 m², 122892.512891084 m (a 0.3 x 0.3 degree box in Madison County, MS)
        List<double[]> box = List.of(new double[] {-90.2, 32.4}, new double[] {-89.9, 32.4}, new double[] {-89.9, 32.7},
                new double[] {-90.2, 32.7});
        // (SpatiaLite's spheroid area is librttopo's series approximation: it agrees to 1e-7, not to the m²)
        assertThat(Geodesics.area(box)).isCloseTo(937432087.087158, within(937432087.087158 * 1e-6));
        assertThat(Geodesics.perimeter(box)).isCloseTo(122892.512891084, within(0.001));
        // the same ring typed closed, and traversed the other way round, has the same area
        List<double[]> closedReversed = List.of(new double[] {-90.2, 32.4}, new double[] {-90.2, 32.7},
                new double[] {-89.9, 32.7}, new double[] {-89.9, 32.4}, new double[] {-90.2, 32.4});
        assertThat(Geodesics.area(closedReversed)).isCloseTo(Geodesics.area(box), within(1e-3));
        // a state-sized box (Colorado's corners, geodesic edges): 269154560078.165 m², 2099854.3819229 m
        List<double[]> co = List.of(new double[] {-109.05, 37}, new double[] {-102.05, 37}, new double[] {-102.05, 41},
                new double[] {-109.05, 41});
        assertThat(Geodesics.area(co)).isCloseTo(269154560078.165, within(269154560078.165 * 1e-6));
        assertThat(Geodesics.perimeter(co)).isCloseTo(2099854.3819229, within(0.01));
    }

    @Test
    void antarcticaAsInGeographicLibsPlanimeterExample() {
        // GeographicLib's documented Planimeter example (Karney, geographiclib.sourceforge.io, "Planimeter"):
        // these 18 vertices (lat lon) -> perimeter 16831067.893 m, area 13662703680020.1 m²
        double[][] latLon = {{-63.1, -58}, {-72.9, -74}, {-71.9, -102}, {-74.9, -102}, {-74.3, -131}, {-77.5, -163},
            {-77.4, 163}, {-71.7, 172}, {-65.9, 140}, {-65.7, 113}, {-66.6, 88}, {-66.9, 59}, {-69.8, 25}, {-70.0, -4},
            {-71.0, -14}, {-77.3, -33}, {-77.9, -46}, {-74.7, -61}};
        java.util.List<double[]> ring = new java.util.ArrayList<>();
        for (double[] p : latLon) {
            ring.add(new double[] {p[1], p[0]});
        }
        assertThat(Geodesics.perimeter(ring)).isCloseTo(16831067.893, within(0.001));
        assertThat(Geodesics.area(ring)).isCloseTo(13662703680020.1, within(0.1));
    }

    @Test
    void resultsShowKmMilesHectaresAndAcres() {
        assertThat(Geodesics.formatLength(43597.993)).isEqualTo("43.60 km (27.09 mi)");
        assertThat(Geodesics.formatLength(250)).isEqualTo("250.0 m (820 ft)");
        // 1 acre = 4046.8564224 m² exactly: 1e6 / 4046.8564224 = 247.105; 937432087.087 / 4046.8564224 = 231644.513
        assertThat(Geodesics.formatArea(1_000_000)).isEqualTo("100.00 ha (247.11 acres)");
        assertThat(Geodesics.formatArea(937432087.087)).isEqualTo("93,743.21 ha (231,644.51 acres) = 937.4 km² (361.9 sq mi)");
    }
}
