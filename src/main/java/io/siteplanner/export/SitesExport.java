package io.siteplanner.export;

import io.siteplanner.gis.AtomicWrite;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Units;
import io.siteplanner.project.Shortlist;
import io.siteplanner.scoring.ScoreResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * The one entry point for exporting the sites of a scored scenario, used by the desktop app and by
 * {@code siteplanner export}: CSV, GeoJSON, GeoPackage, KML, PDF report or PNG map.
 *
 * <p>Tables (CSV, GeoJSON, GeoPackage, KML) carry the {@link SiteTable#export} columns: rank, id, score,
 * raw value per criterion, passed, reasons, {@code <criterion>_contrib} per criterion, and {@code status}
 * / {@code note} when a shortlist is given; the CSV adds {@code lon}, {@code lat} (a point inside each site,
 * EPSG:4326) so that it opens as points in a GIS. PDF and PNG need a {@link MapContent} (the PDF leaves the maps
 * out without one; PNG requires it). Every file is written through {@link AtomicWrite}: an error or a
 * cancel leaves no partial file and an existing target untouched.
 *
 * <p>Not thread-safe with respect to the result: do not re-score the {@link ScoreResult} while an export
 * runs (hand over {@code session.score()}, a fresh result).
 */
public final class SitesExport {
    /** Output formats. */
    public enum Format {
        CSV("csv"), GEOJSON("geojson"), GPKG("gpkg"), KML("kml"), PDF("pdf"), PNG("png");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The usual file extension, without dot. */
        public String extension() {
            return extension;
        }

        /** Whether the format draws the map (PDF, PNG). */
        public boolean drawsMap() {
            return this == PDF || this == PNG;
        }

        /** The format of a name or extension (case-insensitive; "json" is GeoJSON), or null. */
        public static Format of(String name) {
            if (name == null) {
                return null;
            }
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith(".")) {
                n = n.substring(1);
            }
            if (n.equals("json")) {
                return GEOJSON;
            }
            for (Format f : values()) {
                if (f.extension.equals(n)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * What to export.
     *
     * @param shortlist     notes and status per site id, or null
     * @param shortlistOnly only the shortlisted sites
     * @param top           at most this many sites by rank; &lt;= 0 = all (tables) or 25 (the PDF's table)
     * @param width         PNG width in pixels
     * @param height        PNG height in pixels
     * @param view          PNG area in the display CRS (EPSG:3857), or null for the candidates' extent
     * @param distanceUnit  unit of distances in the PDF and KML descriptions
     * @param title         project title for the PDF, or null
     */
    public record Options(Shortlist shortlist, boolean shortlistOnly, int top, int width, int height, Envelope view,
            Units.DistanceUnit distanceUnit, String title, String crs) {
        public Options {
            distanceUnit = distanceUnit == null ? Units.DistanceUnit.KM : distanceUnit;
        }

        public Options(Shortlist shortlist, boolean shortlistOnly, int top, int width, int height, Envelope view,
                Units.DistanceUnit distanceUnit, String title) {
            this(shortlist, shortlistOnly, top, width, height, view, distanceUnit, title, null);
        }

        /**
         * The CRS of the coordinates: GeoPackage geometries and the CSV's point columns (lon/lat for a
         * geographic CRS, x/y for a projected one), e.g. "EPSG:26916"; null = the defaults (GeoPackage in the
         * analysis CRS, CSV lon/lat). GeoJSON and KML are always EPSG:4326 and maps EPSG:3857.
         */
        public Options withCrs(String c) {
            return new Options(shortlist, shortlistOnly, top, width, height, view, distanceUnit, title, c);
        }

        /** All sites, 1600 x 1000 px, distances in the default unit of the JVM locale. */
        public static Options defaults() {
            return new Options(null, false, 0, 1600, 1000, null, Units.defaultDistanceUnit(Locale.getDefault()), null);
        }

        public Options withShortlist(Shortlist s, boolean only) {
            return new Options(s, only, top, width, height, view, distanceUnit, title, crs);
        }

        public Options withTop(int n) {
            return new Options(shortlist, shortlistOnly, n, width, height, view, distanceUnit, title, crs);
        }

        public Options withSize(int w, int h) {
            return new Options(shortlist, shortlistOnly, top, w, h, view, distanceUnit, title, crs);
        }

        public Options withView(Envelope v) {
            return new Options(shortlist, shortlistOnly, top, width, height, v, distanceUnit, title, crs);
        }

        public Options withDistanceUnit(Units.DistanceUnit d) {
            return new Options(shortlist, shortlistOnly, top, width, height, view, d, title, crs);
        }

        public Options withTitle(String t) {
            return new Options(shortlist, shortlistOnly, top, width, height, view, distanceUnit, t, crs);
        }
    }

    private SitesExport() {
    }

    /**
     * Exports to {@code out}.
     *
     * @param map the map layers (PDF: optional, PNG: required), or null
     * @throws IOException              when writing fails (no partial file is left)
     * @throws IllegalArgumentException when the options do not fit (PNG without a map, bad size, a map
     *                                  whose candidates do not match the result)
     */
    public static void export(ScoreResult result, MapContent map, Options options, Format format, Path out,
            Progress progress) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(format, "format");
        Progress p = progress == null ? Progress.NONE : progress;
        org.geotools.api.referencing.crs.CoordinateReferenceSystem crs = crsOf(options, format);
        switch (format) {
            case CSV:
                ResultsCsvWriter.write(SiteTable.export(result, options.shortlist(), options.shortlistOnly(), options.top(),
                        crs != null ? crs : io.siteplanner.gis.Crs.wgs84()), out, p);
                break;
            case GEOJSON:
                ResultsGeoJsonWriter.write(table(result, options), out, p);
                break;
            case GPKG:
                ResultsGpkgWriter.write(table(result, options), crs, out, p);
                break;
            case KML:
                SitesKmlWriter.write(table(result, options), options.distanceUnit(), out, p);
                break;
            case PDF:
                AtomicWrite.write(out, tmp -> PdfReport.write(result, map, options.shortlist(), options.shortlistOnly(),
                        options.top(), options.distanceUnit(), options.title(), tmp, p));
                break;
            case PNG:
                if (map == null) {
                    throw new IllegalArgumentException("a PNG export needs the map layers");
                }
                if (options.width() < 16 || options.height() < 16 || options.width() > 20000 || options.height() > 20000) {
                    throw new IllegalArgumentException("image size must be between 16 and 20000 pixels: "
                            + options.width() + " x " + options.height());
                }
                PngExport.write(MapImages.render(result, map, options.view(), options.width(), options.height()),
                        MapImages.viewport(map, options.view(), options.width(), options.height()), out);
                break;
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
    }

    /**
     * The CRS asked for, checked against the format: GeoJSON (RFC 7946) and KML are longitude/latitude
     * only, maps are drawn in EPSG:3857.
     *
     * @throws IllegalArgumentException for an unknown CRS or one the format cannot use
     */
    public static org.geotools.api.referencing.crs.CoordinateReferenceSystem crsOf(Options options, Format format) {
        if (options.crs() == null || options.crs().isBlank()) {
            return null;
        }
        org.geotools.api.referencing.crs.CoordinateReferenceSystem c = io.siteplanner.gis.Crs.decode(options.crs());
        switch (format) {
            case GEOJSON:
            case KML:
                Integer code = io.siteplanner.gis.Crs.epsgCode(c);
                if (code == null || (code != 4326 && code != 4979)) {
                    throw new IllegalArgumentException(format.name().toLowerCase(Locale.ROOT) + " is always longitude/"
                            + "latitude (EPSG:4326); --crs " + options.crs() + " applies to csv and gpkg");
                }
                return c;
            case PDF:
            case PNG:
                throw new IllegalArgumentException("maps are drawn in EPSG:3857; --crs applies to csv and gpkg");
            default:
                return c;
        }
    }

    /** The table the CSV/GeoJSON/GeoPackage/KML exports write for these options. */
    public static SiteTable table(ScoreResult result, Options options) {
        return SiteTable.export(result, options.shortlist(), options.shortlistOnly(), options.top());
    }
}
