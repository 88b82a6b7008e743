package io.siteplanner.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Envelope;

/** A raster layer backed by a GeoTools coverage (GeoTIFF). */
public final class RasterLayer implements Layer {
    private final String name;
    private final Path source;
    private final GridCoverage2D coverage;
    private final Integer epsg;
    private final List<String> warnings;
    private final double noData;

    public RasterLayer(String name, Path source, GridCoverage2D coverage, Integer epsg, double noData,
            List<String> warnings) {
        this.name = Objects.requireNonNull(name);
        this.source = source;
        this.coverage = Objects.requireNonNull(coverage);
        this.epsg = epsg;
        this.noData = noData;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path source() {
        return source;
    }

    public GridCoverage2D coverage() {
        return coverage;
    }

    @Override
    public CoordinateReferenceSystem crs() {
        return coverage.getCoordinateReferenceSystem2D();
    }

    public Integer epsg() {
        return epsg;
    }

    /** The no-data value, NaN when none is declared. */
    public double noData() {
        return noData;
    }

    public int width() {
        return coverage.getGridGeometry().getGridRange2D().width;
    }

    public int height() {
        return coverage.getGridGeometry().getGridRange2D().height;
    }

    public int bands() {
        return coverage.getNumSampleDimensions();
    }

    @Override
    public Envelope bounds() {
        return new ReferencedEnvelope(coverage.getEnvelope2D());
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
