package io.siteplanner.scoring.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.TestData;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Geometries;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * St. Joseph and LaPorte counties, IN (New Carlisle) in 160-acre cells minus HIFLD lines >= 138 kV with
 * 300 m, Marshall County with 1,000 m and a box around New Carlisle without buffer; checked against GDAL and
 * by brute-force distances.
 */
class CandidateCellsExclusionTest {
    /**
     * GDAL 3.6.2 / SpatiaLite, all layers in EPSG:5070 (ogr2ogr -t_srs EPSG:5070), buffers with 256 segments
     * per quarter circle (near-exact): {@code SELECT ST_Area(ST_Difference(ST_Difference(ST_Difference(
     * (SELECT ST_Union(geom) FROM region), (SELECT ST_Union(ST_Buffer(geom, 300, 256)) FROM lines)),
     * (SELECT ST_Buffer(geom, 1000, 256) FROM marshall)), (SELECT geom FROM box)))}.
     */
    static final double USABLE_M2_GDAL = 2_341_324_294.4332;
    static final double ACRE = 4046.8564224;
    static final double TOLERANCE_M = 0.01;

    static CoordinateReferenceSystem albers;
    static Geometry region;
    static VectorLayer lines;
    static VectorLayer marshall;
    static VectorLayer box;
    static Exclusions exclusions;

    @BeforeAll
    static void load() throws IOException {
        albers = Crs.decode("EPSG:5070");
        FormatRegistry reg = FormatRegistry.standard();
        VectorLayer counties = reg.readVector(TestData.shared("counties_ms_in_census2017_10m.geojson"),
                ReadOptions.DEFAULT, Progress.NONE);
        region = CellRegion.of(counties, "GEOID IN ('18141', '18091')", albers, Progress.NONE);
        List<Feature> m = new ArrayList<>();
        for (Feature f : counties.features()) {
            if ("18099".equals(f.value(counties.schema().indexOf("GEOID")))) {
                m.add(f);
            }
        }
        marshall = counties.toBuilder().features(m).build();
        lines = reg.readVector(TestData.shared("transmission_hifld_in_ge138kv.geojson"), ReadOptions.DEFAULT,
                Progress.NONE);
        box = VectorLayer.builder("box").crs(Crs.wgs84(), 4326).add(new Feature(1, Geometries.FACTORY.toGeometry(
                new Envelope(-86.55, -86.45, 41.65, 41.72)), new Object[0])).build();
        exclusions = Exclusions.of(List.of(new Exclusions.Source("lines", lines, 300),
                new Exclusions.Source("marshall", marshall, 1000), new Exclusions.Source("box", box, 0)), albers,
                Progress.NONE);
    }

    private static List<Cell> run(CellGrid.Shape shape, Exclusions ex, CandidateCells.Summary[] summary)
            throws IOException {
        List<Cell> cells = new ArrayList<>();
        CandidateCells.Summary s = new CandidateCells(new CellGrid(shape, 160), region, ex, CountyLocator.none(),
                CandidateCells.DEFAULT_MIN_SHARE).run(cells::add, Progress.NONE);
        if (summary != null) {
            summary[0] = s;
        }
        return cells;
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void cellsKeepTheirDistanceFromEveryExclusion(CellGrid.Shape shape) throws IOException {
        List<Cell> cells = run(shape, exclusions, null);
        List<Geometry> lineGeoms = geometries(lines);
        Geometry marshallGeom = geometries(marshall).get(0);
        Geometry boxGeom = geometries(box).get(0);
        int near = 0;
        for (Cell c : cells) {
            Geometry g = c.geometry();
            Envelope e = g.getEnvelopeInternal();
            for (Geometry l : lineGeoms) {
                if (e.distance(l.getEnvelopeInternal()) < 300) {
                    assertThat(DistanceOp.distance(g, l)).as(c.id()).isGreaterThanOrEqualTo(300 - TOLERANCE_M);
                    near++;
                }
            }
            if (e.distance(marshallGeom.getEnvelopeInternal()) < 1000) {
                assertThat(DistanceOp.distance(g, marshallGeom)).as(c.id()).isGreaterThanOrEqualTo(1000 - TOLERANCE_M);
            }
            assertThat(g.intersection(boxGeom).getArea()).as(c.id()).isLessThan(1e-3);
        }
        assertThat(near).as("cells checked against a line's buffer").isGreaterThan(500);
    }

    @ParameterizedTest
    @EnumSource(CellGrid.Shape.class)
    void acresAddUpToGdalsUsableArea(CellGrid.Shape shape) throws IOException {
        CandidateCells.Summary[] s = new CandidateCells.Summary[1];
        List<Cell> cells = run(shape, exclusions, s);
        double sum = cells.stream().mapToDouble(Cell::acres).sum();
        double usable = USABLE_M2_GDAL / ACRE;
        // the buffers are drawn around the true circles (up to 0.12 % wider), so slightly less is kept
        assertThat(sum).isCloseTo(usable, within(usable * 0.001)).isLessThan(usable);
        assertThat(sum + s[0].sliverAcres()).isCloseTo(usable, within(usable * 0.001));
        assertThat(s[0].partial()).isGreaterThan(s[0].whole() / 3);
    }

    @Test
    void pointsAndLinesWithoutBufferExcludeNothingAndSaySo() throws IOException {
        Exclusions zero = Exclusions.of(List.of(new Exclusions.Source("lines.geojson", lines, 0)), albers, Progress.NONE);
        assertThat(zero.size()).isZero();
        assertThat(zero.warnings()).singleElement().asString().contains("lines.geojson").contains("need a buffer");
        List<Cell> with = run(CellGrid.Shape.SQUARE, zero, null);
        List<Cell> without = run(CellGrid.Shape.SQUARE, Exclusions.none(), null);
        assertThat(with).hasSameSizeAs(without);
        for (int i = 0; i < with.size(); i++) {
            assertThat(with.get(i).id()).isEqualTo(without.get(i).id());
            assertThat(with.get(i).acres()).isEqualTo(without.get(i).acres());
        }
    }

    @Test
    void negativeBufferIsRefused() {
        assertThatThrownBy(() -> new Exclusions.Source("x", lines, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x").hasMessageContaining(">= 0");
    }

    private static List<Geometry> geometries(VectorLayer l) {
        List<Geometry> out = new ArrayList<>();
        for (Feature f : Crs.reproject(l, albers, Progress.NONE).features()) {
            if (f.geometry() != null) {
                out.add(f.geometry());
            }
        }
        return out;
    }
}
