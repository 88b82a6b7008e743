package io.siteplanner.cli;

import io.siteplanner.export.CellsGeoPackage;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.ScenarioException;
import io.siteplanner.scoring.cells.CandidateCells;
import io.siteplanner.scoring.cells.CellGrid;
import io.siteplanner.scoring.cells.CellRegion;
import io.siteplanner.scoring.cells.CountyLocator;
import io.siteplanner.scoring.cells.Exclusions;
import io.siteplanner.store.MapsDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siteplanner candidates}: candidate cells where no parcel layer exists. Reads the region, county
 * and exclusion layers through the format registry, runs {@link CandidateCells} and streams the cells into
 * the feature table {@value #TABLE} of a new GeoPackage (one transaction, temp file then move). Bad input
 * exits 2 with one {@code error:} line naming the file or option. See docs/candidates.md.
 */
@Command(name = "candidates", mixinStandardHelpOptions = true,
        description = {"Equal-area candidate cells over a region without parcels, minus exclusions, to a GeoPackage.",
            "Squares or hexagons of --cell-acres laid out in a projected CRS, clipped to the region, exclusion layers"
                + " (with buffers) removed, each cell tagged with its county; see docs/candidates.md.",
            "Example: candidates --region counties.geojson --where \"STATE = 'IN'\" --cell-acres 1000 --shape hex"
                + " --exclude flood.gpkg --exclude lines.geojson:200 --out cells.gpkg", ""})
public final class CandidatesCommand implements Callable<Integer> {
    /** The feature table written. */
    static final String TABLE = CellsGeoPackage.TABLE;

    @Option(names = "--region", paramLabel = "FILE", description = "Polygon layer whose union (of the features"
            + " passing --where) is covered with cells.")
    Path region;

    @Option(names = "--layer", paramLabel = "NAME", description = "Layer inside a multi-layer --region file.")
    String layer;

    @Option(names = "--where", paramLabel = "CQL", description = "Filter on the region features, e.g."
            + " \"STATE = 'IN'\" (CQL as in scenario filters).")
    String where;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat",
            description = "A longitude/latitude box as the region, instead of --region.")
    String bbox;

    @Option(names = "--cell-acres", required = true, paramLabel = "ACRES",
            description = "Area of one cell in acres (1 to 1,000,000; 640 = one square mile).")
    double cellAcres;

    @Option(names = "--shape", defaultValue = "square", paramLabel = "hex|square",
            description = "Cell shape (default: ${DEFAULT-VALUE}).")
    CellGrid.Shape shape;

    @Option(names = "--exclude", paramLabel = "FILE[:bufferM]", description = "Layer whose features (grown by"
            + " bufferM metres, default 0) are removed from the cells; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--counties", paramLabel = "FILE", description = "County polygons with NAME, STATE (or"
            + " STATEFP) and GEOID (default: the bundled maps/basemap/us_counties.geojson).")
    Path counties;

    @Option(names = "--crs", defaultValue = "EPSG:5070", paramLabel = "CODE", description = "Projected CRS in"
            + " metres in which the cells are laid out and measured (default: ${DEFAULT-VALUE}, CONUS Albers).")
    String crs;

    @Option(names = "--out", required = true, paramLabel = "FILE.gpkg", description = "Output GeoPackage"
            + " (table '" + TABLE + "', geometries in the --crs).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!FormatRegistry.extension(out).equals("gpkg")) {
            throw new UsageException(out + ": --out must be a .gpkg file");
        }
        Path outDir = out.toAbsolutePath().getParent();
        if (outDir != null && !Files.isDirectory(outDir)) {
            throw new UsageException(out + ": folder does not exist");
        }
        if ((region == null) == (bbox == null)) {
            throw new UsageException("give the region as --region FILE or as --bbox minLon,minLat,maxLon,maxLat"
                    + " (one of them)");
        }
        if (region == null && (layer != null || where != null)) {
            throw new UsageException("--layer and --where go with --region, not with --bbox");
        }
        Envelope box = bbox == null ? null : RenderCommand.parseLonLatBbox(bbox);
        CellGrid grid;
        try {
            grid = new CellGrid(shape, cellAcres);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cell-acres " + number(cellAcres) + ": " + e.getMessage(), e);
        }
        CoordinateReferenceSystem target;
        try {
            target = Crs.decode(crs);
            String warning = CellRegion.checkCrs(target);
            if (warning != null) {
                err.println("warning: --crs " + crs + ": " + warning);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--crs " + crs + ": " + e.getMessage(), e);
        }
        List<Exclude> excl = new ArrayList<>();
        for (String s : excludes) {
            excl.add(Exclude.parse(s));
        }
        Path countyFile = counties != null ? counties : MapsDirectory.find().map(MapsDirectory::counties)
                .orElseThrow(() -> new UsageException("the bundled maps/ folder was not found: give --counties FILE"
                        + " (or run from the project folder, or set -Dsiteplanner.maps=PATH)"));

        Progress progress = ConsoleProgress.forStderr(err);
        FormatRegistry registry = FormatRegistry.standard();
        CandidateCells.Summary summary;
        try {
            Geometry area = box != null ? box(box, target) : readRegion(registry, target, progress);
            CountyLocator county;
            VectorLayer countyLayer = registry.readVector(countyFile, ReadOptions.DEFAULT, progress);
            try {
                county = CountyLocator.of(countyLayer, target, progress);
            } catch (IllegalArgumentException e) {
                throw new UsageException(countyFile + ": " + e.getMessage(), e);
            }
            List<Exclusions.Source> sources = new ArrayList<>();
            for (Exclude e : excl) {
                sources.add(new Exclusions.Source(e.file().toString(), registry.readVector(e.file(), ReadOptions.DEFAULT,
                        progress), e.bufferM()));
            }
            Exclusions exclusions;
            try {
                exclusions = Exclusions.of(sources, target, progress);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            for (String w : exclusions.warnings()) {
                err.println("warning: " + w);
            }
            CandidateCells op;
            try {
                op = new CandidateCells(grid, area, exclusions, county, CandidateCells.DEFAULT_MIN_SHARE);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--cell-acres " + number(cellAcres) + ": " + e.getMessage(), e);
            }
            summary = write(op, grid, target, progress);
        } finally {
            if (progress instanceof ConsoleProgress) {
                ((ConsoleProgress) progress).done();
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d %s to %s (%,d whole, %,d partial; %,.0f acres);"
                + " %,d slivers under %.0f%% of a cell dropped (%,.0f acres)%n", summary.cells(), grid, out,
                summary.whole(), summary.partial(), summary.acres(), summary.slivers(),
                CandidateCells.DEFAULT_MIN_SHARE * 100, summary.sliverAcres());
        return ExitCodes.OK;
    }

    private Geometry readRegion(FormatRegistry registry, CoordinateReferenceSystem target, Progress progress)
            throws IOException {
        VectorLayer l = registry.readVector(region, ReadOptions.DEFAULT.withLayer(layer), progress);
        try {
            return CellRegion.of(l, where, target, progress);
        } catch (ScenarioException e) {
            throw new UsageException(region + ": --where \"" + where + "\": " + e.problem(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(region + ": " + e.getMessage() + (where == null ? "" : " (--where \"" + where
                    + "\")"), e);
        }
    }

    /** Writes the cells as the feature table {@value #TABLE}, streaming, through a temp file. */
    private CandidateCells.Summary write(CandidateCells op, CellGrid grid, CoordinateReferenceSystem target,
            Progress progress) throws IOException {
        String description = "candidate cells: " + grid + " in " + crs + ", region " + (region != null ? region
                .getFileName() + (where != null ? " where " + where : "") : "--bbox " + bbox);
        return CellsGeoPackage.write(out, op, target, crs, description, progress);
    }

    private Geometry box(Envelope lonLat, CoordinateReferenceSystem target) {
        try {
            return CellRegion.box(lonLat, target);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--bbox " + bbox + ": " + e.getMessage(), e);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** One {@code --exclude FILE[:bufferM]}. */
    record Exclude(Path file, double bufferM) {
        static Exclude parse(String s) {
            int colon = s.lastIndexOf(':');
            if (colon > 0) {
                String tail = s.substring(colon + 1).trim();
                if (tail.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    double b = Double.parseDouble(tail);
                    if (!(b >= 0) || Double.isInfinite(b)) {
                        throw new UsageException("--exclude " + s + ": the buffer must be a number of metres >= 0");
                    }
                    return new Exclude(Path.of(s.substring(0, colon)), b);
                }
            }
            return new Exclude(Path.of(s), 0);
        }
    }
}
