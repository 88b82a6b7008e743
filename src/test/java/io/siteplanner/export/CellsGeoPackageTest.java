package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.Crs;
import io.siteplanner.model.CancelledException;
import io.siteplanner.model.Progress;
import io.siteplanner.scoring.cells.CandidateCells;
import io.siteplanner.scoring.cells.CellGrid;
import io.siteplanner.scoring.cells.CellRegion;
import io.siteplanner.scoring.cells.CountyLocator;
import io.siteplanner.scoring.cells.Exclusions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** The cells writer shared by the CLI and the app: a cancelled run leaves no file, not even a temp file. */
class CellsGeoPackageTest {
    @TempDir
    Path dir;

    @Test
    void cancellingMidRunWritesNothing() throws Exception {
        CoordinateReferenceSystem crs = Crs.decode("EPSG:5070");
        // a 1 x 1 degree box in 40-acre cells: about 58,000 cells, so the run reports progress many times
        CandidateCells op = new CandidateCells(new CellGrid(CellGrid.Shape.SQUARE, 40),
                CellRegion.box(new Envelope(-87, -86, 40, 41), crs), Exclusions.none(), CountyLocator.none(),
                CandidateCells.DEFAULT_MIN_SHARE);
        AtomicInteger updates = new AtomicInteger();
        Progress cancelAfterTwo = new Progress() {
            @Override
            public void update(double fraction, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 2;
            }
        };
        Path out = dir.resolve("cells.gpkg");
        assertThatThrownBy(() -> CellsGeoPackage.write(out, op, crs, "EPSG:5070", "test", cancelAfterTwo))
                .isInstanceOf(CancelledException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // the same run, not cancelled, writes the file
        CandidateCells.Summary s = CellsGeoPackage.write(out, op, crs, "EPSG:5070", "test", Progress.NONE);
        assertThat(s.cells()).isPositive();
        assertThat(out).exists();
    }
}
