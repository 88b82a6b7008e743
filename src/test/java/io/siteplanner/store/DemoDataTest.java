package io.siteplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * The bundled demo's candidate cells against the real Census counties of ../shared/data/real (not the basemap
 * the cells were tagged from): every cell's county is the county that contains it, and the cells cover the
 * counties' area as GDAL measures it.
 */
class DemoDataTest {
    static final Path DEMO = StoreFixtures.maps().resolve("demo").resolve("demo.gpkg");
    static final Path COUNTIES = Path.of("..", "shared", "data", "real", "counties_ms_in_census2017_10m.geojson");

    static VectorLayer read(Path file, String layer) throws Exception {
        return FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT.withLayer(layer), Progress.NONE);
    }

    @Test
    void everyCellLiesInTheCountyItNames() throws Exception {
        VectorLayer counties = Crs.reproject(read(COUNTIES, null), Crs.decode("EPSG:5070"), Progress.NONE);
        int name = counties.schema().indexOf("NAME");
        for (String layer : new String[] {"cells_in", "cells_ms"}) {
            VectorLayer cells = read(DEMO, layer);
            int county = cells.schema().indexOf("county");
            Map<String, Integer> perCounty = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Feature c = cells.get(i);
                Point inside = c.geometry().getInteriorPoint();
                String found = null;
                for (int k = 0; k < counties.size(); k++) {
                    if (counties.get(k).geometry().covers(inside)) {
                        found = (String) counties.get(k).value(name);
                        break;
                    }
                }
                assertThat(c.value(county)).as(layer + " cell " + i).isEqualTo(found);
                perCounty.merge(found, 1, Integer::sum);
            }
            // GDAL: SELECT county, count(*) ... JOIN counties ON ST_Contains(county, ST_PointOnSurface(cell))
            assertThat(perCounty).isEqualTo(layer.equals("cells_in") ? Map.of("LaPorte", 426, "St. Joseph", 323)
                    : Map.of("Madison", 530));
        }
    }

    @Test
    void cellsCoverTheCountiesLessSlivers() throws Exception {
        // GDAL 3.6: SUM(ST_Area(ST_Transform(geometry, 5070))) / 4046.8564224 over GEOID 18141+18091 and 28089;
        // slivers under 1 % of a cell (10 acres each) are dropped, at most ~60 acres per region
        double[] gdal = {681_704.699, 473_127.729};
        String[] layers = {"cells_in", "cells_ms"};
        for (int k = 0; k < 2; k++) {
            VectorLayer cells = read(DEMO, layers[k]);
            int acres = cells.schema().indexOf("acres");
            double sum = 0;
            for (int i = 0; i < cells.size(); i++) {
                sum += ((Number) cells.get(i).value(acres)).doubleValue();
                assertThat(cells.get(i).geometry().getArea() / 4046.8564224)
                        .isCloseTo(((Number) cells.get(i).value(acres)).doubleValue(), within(1e-6));
            }
            assertThat(sum).as(layers[k]).isBetween(gdal[k] - 60, gdal[k]);
        }
    }
}
