package io.siteplanner.scoring.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.TestData;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.ScenarioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.algorithm.Centroid;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Indiana (GEOID 18 of the bundled basemap) covered with 1,000-acre cells, checked against GDAL's area of
 * the same polygon and by brute force.
 */
class CandidateCellsTest {
    /**
     * Indiana's area in EPSG:5070 according to GDAL 3.6.2:
     * {@code ogr2ogr -f GPKG -t_srs EPSG:5070 -where "GEOID='18'" in.gpkg maps/basemap/us_states.geojson -nln s;
     * ogrinfo -q in.gpkg -dialect sqlite -sql "SELECT SUM(ST_Area(geom)) FROM s"}.
     */
    static final double INDIANA_M2_GDAL = 93_713_651_484.6616;
    static final double ACRE = 4046.8564224;
    static final double CELL_ACRES = 1000;

    static CoordinateReferenceSystem albers;
    static VectorLayer counties;
    static Geometry indiana;
    static final Map<CellGrid.Shape, List<Cell>> CELLS = new EnumMap<>(CellGrid.Shape.class);
    static final Map<CellGrid.Shape, CandidateCells.Summary> SUMMARY = new EnumMap<>(CellGrid.Shape.class);

    @BeforeAll
    static void run() throws IOException {
        albers = Crs.decode("EPSG:5070");
        FormatRegistry reg = FormatRegistry.standard();
        VectorLayer states = reg.readVector(Path.of("maps/basemap/us_states.geojson"), ReadOptions.DEFAULT,
                Progress.NONE);
        counties = reg.readVector(Path.of("maps/basemap/us_counties.geojson"), ReadOptions.DEFAULT, Progress.NONE);
        indiana = CellRegion.of(states, "GEOID = '18'", albers, Progress.NONE);
        CountyLocator locator = CountyLocator.of(counties, albers, Progress.NONE);
        for (CellGrid.Shape shape : CellGrid.Shape.values()) {
            List<Cell> cells = new ArrayList<>();
            SUMMARY.put(shape, new CandidateCells(new CellGrid(shape, CELL_ACRES), indiana, Exclusions.none(), locator,
                    CandidateCells.DEFAULT_MIN_SHARE).run(cells::add, Progress.NONE));
            CELLS.put(shape, cells);
        }
    }

    @Test
    void regionIsTheSamePolygonGdalMeasures() {
        assertThat(indiana.getArea()).isCloseTo(INDIANA_M2_GDAL, within(INDIANA_M2_GDAL * 1e-9));
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void acresAddUpToTheRegionArea(CellGrid.Shape shape) {
        List<Cell> cells = CELLS.get(shape);
        CandidateCells.Summary s = SUMMARY.get(shape);
        double regionAcres = INDIANA_M2_GDAL / ACRE;
        double sum = 0;
        for (Cell c : cells) {
            sum += c.acres();
            assertThat(c.acres()).isCloseTo(c.geometry().getArea() / ACRE, within(1e-9 * CELL_ACRES));
        }
        assertThat(sum).isCloseTo(regionAcres, within(regionAcres * 0.001));
        assertThat(s.acres()).isCloseTo(sum, within(1e-6));
        // the dropped slivers are all that is missing
        assertThat(sum + s.sliverAcres()).isCloseTo(regionAcres, within(regionAcres * 1e-7));
        assertThat(s.sliverAcres()).isLessThan(s.slivers() * CandidateCells.DEFAULT_MIN_SHARE * CELL_ACRES);
        assertThat(s.slivers()).isPositive();
    }

    /**
     * The counting rule: every cell with at least 1 % of usable area is written, so partial edge cells make
     * the count exceed area / cell area; the cells at least half usable count it to within 1 %.
     */
    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void countsMatchTheRegionAreaByTheStatedRule(CellGrid.Shape shape) {
        List<Cell> cells = CELLS.get(shape);
        CandidateCells.Summary s = SUMMARY.get(shape);
        double expected = INDIANA_M2_GDAL / (CELL_ACRES * ACRE);
        long majority = cells.stream().filter(c -> c.share() >= 0.5).count();
        long whole = cells.stream().filter(c -> c.share() >= 1 - 1e-9).count();
        assertThat(s.cells()).isEqualTo(cells.size());
        assertThat(s.whole()).isEqualTo(whole);
        assertThat((double) majority).isCloseTo(expected, within(expected * 0.01));
        assertThat((double) whole).isLessThan(expected);
        assertThat((double) cells.size()).isGreaterThan(expected);
        assertThat(cells).allSatisfy(c -> assertThat(c.share()).isBetween(CandidateCells.DEFAULT_MIN_SHARE, 1 + 1e-9));
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void wholeCellsAreTheGridCellsWithExactlyTheRequestedArea(CellGrid.Shape shape) {
        CellGrid grid = new CellGrid(shape, CELL_ACRES);
        long n = 0;
        for (Cell c : CELLS.get(shape)) {
            if (c.share() >= 1 - 1e-9) {
                assertThat(c.geometry().getArea() / ACRE).isCloseTo(CELL_ACRES, within(CELL_ACRES * 1e-6));
                assertThat(c.geometry().equalsExact(grid.cell(c.row(), c.col(), c.geometry().getFactory())))
                        .as(c.id()).isTrue();
                n++;
            } else {
                assertThat(c.geometry().getArea()).isLessThan(grid.area());
            }
        }
        assertThat(n).isGreaterThan(20_000);
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void noCellReachesOutsideTheRegion(CellGrid.Shape shape) {
        // brute force: every cell must lie within 1 cm of Indiana
        PreparedGeometry grown = PreparedGeometryFactory.prepare(indiana.buffer(0.01));
        for (Cell c : CELLS.get(shape)) {
            assertThat(grown.covers(c.geometry())).as(c.id()).isTrue();
            assertThat(c.geometry().isValid()).as(c.id()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void cellsDoNotOverlapAndIdsAreUnique(CellGrid.Shape shape) {
        Set<String> ids = new HashSet<>();
        Set<Long> rowCols = new HashSet<>();
        CellGrid grid = new CellGrid(shape, CELL_ACRES);
        for (Cell c : CELLS.get(shape)) {
            assertThat(ids.add(c.id())).as(c.id()).isTrue();
            assertThat(rowCols.add(((long) c.row() << 32) ^ (c.col() & 0xffffffffL))).isTrue();
            assertThat(c.id()).isEqualTo(grid.id(c.row(), c.col()));
            // each cell lies in its own (convex) grid cell, so distinct row/col means no overlap
            Geometry own = grid.cell(c.row(), c.col(), c.geometry().getFactory());
            for (Coordinate v : c.geometry().getCoordinates()) {
                assertThat(SimplePointInAreaLocator.locate(v, own) != Location.EXTERIOR
                        || own.distance(own.getFactory().createPoint(v)) <= 0.01).as(c.id()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void countyIsTheOneAtTheCentroidFoundByBruteForce(CellGrid.Shape shape) {
        VectorLayer projected = Crs.reproject(counties, albers, Progress.NONE);
        List<Geometry> polys = new ArrayList<>();
        for (Feature f : projected.features()) {
            polys.add(f.geometry());
        }
        int geoid = projected.schema().indexOf("GEOID");
        Set<String> seen = new HashSet<>();
        for (Cell c : CELLS.get(shape)) {
            Geometry g = c.geometry();
            Coordinate p = Centroid.getCentroid(g);
            if (SimplePointInAreaLocator.locate(p, g) == Location.EXTERIOR) {
                p = InteriorPointArea.getInteriorPoint(g);
            }
            String expected = null;
            for (int i = 0; i < polys.size() && expected == null; i++) {
                if (polys.get(i).getEnvelopeInternal().covers(p)
                        && SimplePointInAreaLocator.locate(p, polys.get(i)) != Location.EXTERIOR) {
                    expected = (String) projected.get(i).value(geoid);
                }
            }
            assertThat(c.county()).as(c.id()).isNotNull();
            assertThat(c.county().geoid()).as(c.id()).isEqualTo(expected).startsWith("18");
            assertThat(c.county().state()).isEqualTo("Indiana");
            seen.add(c.county().name());
        }
        assertThat(seen).hasSize(92).contains("Marion", "St. Joseph", "LaPorte", "Posey");
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void idsAndGeometriesAreStableAcrossRunsAndRegions(CellGrid.Shape shape) throws IOException {
        CellGrid grid = new CellGrid(shape, CELL_ACRES);
        List<Cell> again = new ArrayList<>();
        new CandidateCells(grid, indiana, Exclusions.none(), CountyLocator.none(), CandidateCells.DEFAULT_MIN_SHARE)
                .run(again::add, Progress.NONE);
        List<Cell> first = CELLS.get(shape);
        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).id()).isEqualTo(first.get(i).id());
            assertThat(again.get(i).geometry().equalsExact(first.get(i).geometry())).isTrue();
        }
        // a box around Indianapolis gives the same ids and whole cells as the state run
        Geometry box = CellRegion.box(new Envelope(-86.4, -85.9, 39.6, 40.0), albers);
        List<Cell> part = new ArrayList<>();
        new CandidateCells(grid, box, Exclusions.none(), CountyLocator.none(), CandidateCells.DEFAULT_MIN_SHARE)
                .run(part::add, Progress.NONE);
        Map<String, Cell> byId = new HashMap<>();
        for (Cell c : first) {
            byId.put(c.id(), c);
        }
        int whole = 0;
        for (Cell c : part) {
            assertThat(byId).containsKey(c.id());
            if (c.share() >= 1 - 1e-9) {
                assertThat(c.geometry().equalsExact(byId.get(c.id()).geometry())).as(c.id()).isTrue();
                whole++;
            }
        }
        assertThat(whole).isGreaterThan(300);
    }

    @Test
    void regionFromTheRealCountiesFileMatchesGdal() throws IOException {
        // ogr2ogr -t_srs EPSG:5070 -where "STATE='IN'" ... counties_ms_in_census2017_10m.geojson;
        // ogrinfo -dialect sqlite -sql "SELECT ST_Area(ST_Union(geom)) FROM c" -> 93713770577.7139
        double gdal = 93_713_770_577.7139;
        VectorLayer real = FormatRegistry.standard().readVector(TestData.shared("counties_ms_in_census2017_10m.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        Geometry in = CellRegion.of(real, "STATE = 'IN'", albers, Progress.NONE);
        assertThat(in.getArea()).isCloseTo(gdal, within(gdal * 1e-9));
        double[] acres = {0};
        CandidateCells.Summary s = new CandidateCells(new CellGrid(CellGrid.Shape.HEX, 640), in, Exclusions.none(),
                CountyLocator.none(), CandidateCells.DEFAULT_MIN_SHARE).run(c -> acres[0] += c.acres(), Progress.NONE);
        assertThat(acres[0] * ACRE).isCloseTo(gdal, within(gdal * 0.001));
        assertThat((double) s.cells()).isGreaterThan(gdal / (640 * ACRE));
    }

    @Test
    void badFilterAndEmptyFilterAreRefused() throws IOException {
        VectorLayer states = FormatRegistry.standard().readVector(Path.of("maps/basemap/us_states.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        assertThatThrownBy(() -> CellRegion.of(states, "STATE = 'IN'", albers, Progress.NONE))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("unknown attribute 'STATE'")
                .hasMessageContaining("GEOID, NAME");
        assertThatThrownBy(() -> CellRegion.of(states, "GEOID = '99'", albers, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no feature matches");
        assertThatThrownBy(() -> CellRegion.of(states, null, Crs.decode("EPSG:4326"), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("geographic");
        assertThatThrownBy(() -> CellRegion.checkCrs(Crs.decode("EPSG:2965")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metres");
        assertThat(CellRegion.checkCrs(Crs.decode("EPSG:3857"))).contains("Mercator");
        assertThat(CellRegion.checkCrs(albers)).isNull();
        assertThat(CellRegion.checkCrs(Crs.decode("EPSG:26916"))).isNull();
    }

    @Test
    void tooManyCellsAreRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> new CandidateCells(new CellGrid(CellGrid.Shape.SQUARE, 1), indiana, Exclusions.none(),
                CountyLocator.none(), 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the limit");
        assertThatThrownBy(() -> new CandidateCells(new CellGrid(CellGrid.Shape.SQUARE, 640), indiana,
                Exclusions.none(), CountyLocator.none(), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runIsCancellable() {
        int[] emitted = {0};
        Progress cancelSoon = new Progress() {
            int updates;

            @Override
            public void update(double fraction, String message) {
                updates++;
            }

            @Override
            public boolean isCancelled() {
                return updates > 2;
            }
        };
        assertThatThrownBy(() -> new CandidateCells(new CellGrid(CellGrid.Shape.SQUARE, 10), indiana,
                Exclusions.none(), CountyLocator.none(), 0.01).run(c -> emitted[0]++, cancelSoon))
                .isInstanceOf(CancelledException.class);
        assertThat(emitted[0]).isLessThan(3 * CandidateCells.TILE * CandidateCells.TILE);
    }
}
