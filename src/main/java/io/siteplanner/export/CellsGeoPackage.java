package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.gpkg.GeoPackageWriter;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.GeometryType;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.scoring.cells.CandidateCells;
import io.siteplanner.scoring.cells.CountyLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;

/**
 * Writes the cells of a {@link CandidateCells} run, streaming, as the feature table {@value #TABLE} of a new
 * GeoPackage (one transaction, into a temp file beside {@code out} that is then moved into place, so a failed
 * or cancelled run leaves no partial file). Columns: {@code cell_id, row, col, acres, share, county, state,
 * county_geoid} (docs/candidates.md). Used by {@code siteplanner candidates} and the app's
 * Scenario > Generate Candidates.
 */
public final class CellsGeoPackage {
    /** The feature table written. */
    public static final String TABLE = "cells";

    private CellsGeoPackage() {
    }

    /** The table's columns. */
    public static Schema schema() {
        return new Schema(List.of(new Field("cell_id", FieldType.STRING), new Field("row", FieldType.INTEGER),
                new Field("col", FieldType.INTEGER), new Field("acres", FieldType.REAL),
                new Field("share", FieldType.REAL), new Field("county", FieldType.STRING),
                new Field("state", FieldType.STRING), new Field("county_geoid", FieldType.STRING)));
    }

    /**
     * Runs {@code op} and writes its cells to {@code out}.
     *
     * @param crsCode the code of {@code target} ("EPSG:5070"), for the GeoPackage's srs id
     * @param description the table's description
     * @throws io.siteplanner.model.CancelledException when {@code progress} is cancelled (nothing written)
     */
    public static CandidateCells.Summary write(Path out, CandidateCells op, CoordinateReferenceSystem target,
            String crsCode, String description, Progress progress) throws IOException {
        int code = Crs.parseEpsg(crsCode);
        CandidateCells.Summary[] result = new CandidateCells.Summary[1];
        AtomicWrite.write(out, tmp -> {
            try (GeoPackageWriter w = GeoPackageWriter.create(tmp)) {
                GeoPackageWriter.FeatureTable table = w.startFeatures(TABLE, schema(), target, code > 0 ? code : null,
                        GeometryType.MULTIPOLYGON, false, description);
                long[] fid = {0};
                result[0] = op.run(c -> {
                    CountyLocator.County k = c.county();
                    table.add(new Feature(++fid[0], c.geometry(), new Object[] {c.id(), (long) c.row(), (long) c.col(),
                        c.acres(), c.share(), k == null ? null : k.name(), k == null ? null : k.state(),
                        k == null ? null : k.geoid()}));
                }, progress);
                table.finish();
                w.commit();
            }
        });
        return result[0];
    }
}
