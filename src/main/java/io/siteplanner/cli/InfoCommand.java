package io.siteplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.LayerSummary;
import io.siteplanner.gis.Limits;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.Snippets;
import io.siteplanner.model.Layer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code siteplanner info FILE}: what is in a GIS file, like {@code ogrinfo -so}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a GIS file: layers, feature count, geometry type, CRS, extent, fields.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Shapefile (.shp/.zip), GeoPackage, GeoJSON, "
            + "KML/KMZ, CSV or GeoTIFF.")
    Path file;

    @Option(names = "--layer", paramLabel = "NAME", description = "Layer inside a multi-layer file (default: first).")
    String layer;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--crs", paramLabel = "CODE",
            description = "CRS to assume when the file declares none (CSV coordinates, shapefile without .prj), e.g. EPSG:26916.")
    String crs;

    @Option(names = {"--x"}, paramLabel = "COLUMN", description = "CSV: x/longitude column.")
    String xField;

    @Option(names = {"--y"}, paramLabel = "COLUMN", description = "CSV: y/latitude column.")
    String yField;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            return describe();
        } catch (StackOverflowError e) {
            // readers enforce gis.Limits; this only keeps a bug from ending in a stack trace
            throw new LayerReadException(file, "nested too deeply to read (more than " + Limits.MAX_NESTING
                    + " levels is not supported)", e);
        } catch (OutOfMemoryError e) {
            throw new LayerReadException(file, "too large to load into memory", e);
        }
    }

    private Integer describe() throws Exception {
        if (crs != null) {
            // checked before any file is read: a bad code or WKT (also one nested too deeply) is a usage error
            try {
                Crs.decode(crs);
            } catch (RuntimeException e) {
                throw new UsageException("--crs: " + Snippets.library(e));
            }
        }
        FormatRegistry registry = FormatRegistry.standard();
        LayerFormat format = registry.formatFor(file);
        List<String> layers = registry.layerNames(file);
        // the reader checks --layer itself (case-insensitive match, attribute tables of a GeoPackage)
        ReadOptions options = ReadOptions.DEFAULT.withLayer(layer).withCrs(crs);
        if (xField != null || yField != null) {
            options = options.withXY(xField, yField);
        }
        Layer l = registry.read(file, options, ConsoleProgress.forStderr(spec.commandLine().getErr()));
        Map<String, Object> summary = LayerSummary.of(l);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("format", format.displayName());
        out.put("layers", layers);
        out.putAll(summary);
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) summary.get("warnings");
        for (String warning : warnings) {
            err.println("warning: " + file + ": " + warning);
        }
        err.flush();
        if (json) {
            ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            w.println(om.writeValueAsString(out));
        } else {
            printText(w, out);
        }
        w.flush();
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter w, Map<String, Object> m) {
        w.printf("File: %s (%s)%n", m.get("file"), m.get("format"));
        List<String> layers = (List<String>) m.get("layers");
        if (layers.size() > 1) {
            w.println("Layers:");
            for (int i = 0; i < layers.size(); i++) {
                w.printf("  %d: %s%n", i + 1, layers.get(i));
            }
        }
        w.printf("Layer name: %s%n", m.get("name"));
        if ("raster".equals(m.get("kind"))) {
            w.printf("Size: %s x %s pixels, %s band(s)%n", m.get("width"), m.get("height"), m.get("bands"));
            if (m.get("noData") != null) {
                w.printf("NoData: %s%n", m.get("noData"));
            }
        } else {
            w.printf("Geometry: %s%s%n", m.get("geometryType"), Boolean.TRUE.equals(m.get("hasZ")) ? " (Z)" : "");
            w.printf("Feature Count: %s%n", m.get("features"));
        }
        w.printf("CRS: %s%s%n", m.get("crs"),
                m.get("crs").equals(m.get("crsName")) ? "" : " (" + m.get("crsName") + ")");
        w.printf("Extent: %s%n", extent((List<Double>) m.get("bbox")));
        w.printf("Extent (lon/lat, EPSG:4326): %s%n", extent((List<Double>) m.get("bbox4326")));
        Map<String, String> types = (Map<String, String>) m.get("fieldTypes");
        if (types != null) {
            w.printf("Fields (%d):%n", types.size());
            types.forEach((k, v) -> w.printf("  %s: %s%n", k, v));
        }
    }

    private static String extent(List<Double> b) {
        if (b == null) {
            return "(empty)";
        }
        return String.format(Locale.ROOT, "(%.6f, %.6f) - (%.6f, %.6f)", b.get(0), b.get(1), b.get(2), b.get(3));
    }
}
