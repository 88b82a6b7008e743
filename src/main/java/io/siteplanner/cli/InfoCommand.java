package io.siteplanner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerFormat;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.LayerSummary;
import io.siteplanner.gis.Limits;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.scoring.SubstationCapacity;
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

    @Option(names = "--table", description = "Read a CSV as an attribute table without geometry (a join table such as"
            + " the FEMA NRI county table or an EIA price table).")
    boolean table;

    @Option(names = "--lines", paramLabel = "FILE", description = "Substations without a capacity (HIFLD, OpenStreetMap):"
            + " estimate it from these transmission lines (" + Preset.CAPACITY_ESTIMATE + ", reV rule) and summarise it.")
    Path lines;

    @Option(names = "--lines-layer", paramLabel = "NAME", description = "Layer of --lines inside a multi-layer file.")
    String linesLayer;

    @Option(names = "--snap", paramLabel = "METRES", defaultValue = "500",
            description = "With --lines: how far a line end may be from a substation and end there (default: ${DEFAULT-VALUE} m).")
    double snapM;

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
        if (!(snapM > 0)) {
            throw new UsageException("--snap must be a positive number of metres");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        Layer l;
        if (table) {
            if (!FormatRegistry.extension(file).matches("csv|tsv|txt")) {
                throw new UsageException(file + ": --table reads CSV files only");
            }
            l = FormatRegistry.standard().readVector(file, ReadOptions.DEFAULT.asTable(),
                    ConsoleProgress.forStderr(spec.commandLine().getErr()));
            out.put("format", "CSV table (no geometry)");
            out.put("layers", List.of(l.name()));
        } else {
            FormatRegistry registry = FormatRegistry.standard();
            LayerFormat format = registry.formatFor(file);
            List<String> layers = registry.layerNames(file);
            // the reader checks --layer itself (case-insensitive match, attribute tables of a GeoPackage)
            ReadOptions options = ReadOptions.DEFAULT.withLayer(layer).withCrs(crs);
            if (xField != null || yField != null) {
                options = options.withXY(xField, yField);
            }
            try {
                l = registry.read(file, options, ConsoleProgress.forStderr(spec.commandLine().getErr()));
            } catch (LayerReadException e) {
                if (e.getMessage() != null && e.getMessage().contains("no coordinate columns found")) {
                    throw new LayerReadException(file, e.getMessage().substring(e.getMessage().indexOf("no coordinate"))
                            + " (an attribute table? use --table)", e);
                }
                throw e;
            }
            out.put("format", format.displayName());
            out.put("layers", layers);
        }
        Map<String, Object> summary = LayerSummary.of(l);
        out.putAll(summary);
        if (table) {
            out.put("kind", "table");
        }
        if (lines != null) {
            out.put("capacityEstimate", capacity(l));
        }
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

    /** The capacity estimate of a substation layer from --lines, summarised. */
    private Map<String, Object> capacity(Layer l) throws java.io.IOException {
        if (!(l instanceof VectorLayer)) {
            throw new UsageException("--lines needs a vector layer of substations");
        }
        VectorLayer subs = (VectorLayer) l;
        VectorLayer ls = FormatRegistry.standard().readVector(lines, ReadOptions.DEFAULT.withLayer(linesLayer),
                io.siteplanner.model.Progress.NONE);
        SubstationCapacity.Result r;
        try {
            r = SubstationCapacity.estimate(subs, ls, snapM);
        } catch (IllegalArgumentException e) {
            throw new UsageException(lines + ": " + e.getMessage());
        }
        int ci = r.layer().schema().indexOf(Preset.CAPACITY_ESTIMATE);
        double[] v = r.layer().features().stream().mapToDouble(f -> f.number(ci)).filter(d -> !Double.isNaN(d)).sorted()
                .toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", Preset.CAPACITY_ESTIMATE);
        m.put("estimate", true);
        m.put("lines", lines.toString());
        m.put("method", r.method().words());
        m.put("snapM", snapM);
        m.put("substations", r.layer().size());
        m.put("estimated", r.estimated());
        m.put("linesUsed", r.linesUsed());
        m.put("linesUnknownVoltage", r.linesUnknownVoltage());
        m.put("totalMw", r.totalMw());
        m.put("minMw", v.length == 0 ? null : v[0]);
        m.put("medianMw", v.length == 0 ? null : v[v.length / 2]);
        m.put("maxMw", v.length == 0 ? null : v[v.length - 1]);
        m.put("note", Preset.CAPACITY_ESTIMATE_NOTE);
        return m;
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
        if ("table".equals(m.get("kind"))) {
            w.printf("Geometry: none (attribute table)%n");
            w.printf("Feature Count: %s%n", m.get("features"));
        } else if ("raster".equals(m.get("kind"))) {
            w.printf("Size: %s x %s pixels, %s %s%n", m.get("width"), m.get("height"), m.get("bands"),
                    io.siteplanner.model.Plural.noun(((Number) m.get("bands")).longValue(), "band", "bands"));
            if (m.get("noData") != null) {
                w.printf("NoData: %s%n", m.get("noData"));
            }
        } else {
            w.printf("Geometry: %s%s%n", m.get("geometryType"), Boolean.TRUE.equals(m.get("hasZ")) ? " (Z)" : "");
            w.printf("Feature Count: %s%n", m.get("features"));
        }
        if ("table".equals(m.get("kind"))) {
            printFields(w, m);
            return;
        }
        w.printf("CRS: %s%s%n", m.get("crs"),
                m.get("crs").equals(m.get("crsName")) ? "" : " (" + m.get("crsName") + ")");
        w.printf("Extent: %s%n", extent((List<Double>) m.get("bbox")));
        w.printf("Extent (lon/lat, EPSG:4326): %s%n", extent((List<Double>) m.get("bbox4326")));
        printFields(w, m);
    }

    @SuppressWarnings("unchecked")
    private static void printFields(PrintWriter w, Map<String, Object> m) {
        Map<String, String> types = (Map<String, String>) m.get("fieldTypes");
        if (types != null) {
            w.printf("Fields (%d):%n", types.size());
            types.forEach((k, v) -> w.printf("  %s: %s%n", k, v));
        }
        if (!"raster".equals(m.get("kind"))) {
            printPreset(w, (Map<String, Object>) m.get("preset"));
        }
        Map<String, Object> cap = (Map<String, Object>) m.get("capacityEstimate");
        if (cap != null) {
            w.printf(Locale.ROOT, "Capacity estimate (%s, ESTIMATE) from %s:%n", cap.get("field"), cap.get("lines"));
            w.printf(Locale.ROOT, "  %,d of %,d substations, from %,d lines matched by %s%s%n", cap.get("estimated"),
                    cap.get("substations"), cap.get("linesUsed"), cap.get("method"),
                    ((Number) cap.get("linesUnknownVoltage")).intValue() > 0
                            ? String.format(Locale.ROOT, " (%,d lines of unknown voltage skipped)", cap.get("linesUnknownVoltage"))
                            : "");
            if (cap.get("medianMw") != null) {
                w.printf(Locale.ROOT, "  %s MW median, %s to %s MW, %s MW in all%n", num(cap.get("medianMw")),
                        num(cap.get("minMw")), num(cap.get("maxMw")), num(cap.get("totalMw")));
            }
            w.printf("  %s%n", cap.get("note"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void printPreset(PrintWriter w, Map<String, Object> p) {
        if (p == null) {
            w.println("Preset: none (not a recognised public layer)");
            return;
        }
        w.printf("Preset: %s (%s)%n", p.get("title"), p.get("id"));
        w.printf("  Theme: %s%n", p.get("themeLabel"));
        w.printf("  Source: %s%n", p.get("source"));
        List<Map<String, Object>> fields = (List<Map<String, Object>>) p.get("fields");
        if (!fields.isEmpty()) {
            w.println("  Key fields:");
            for (Map<String, Object> f : fields) {
                StringBuilder b = new StringBuilder("    ").append(f.get("name")).append(": ")
                        .append(f.get("roleLabel"));
                if (f.get("unit") != null) {
                    b.append(", ").append(f.get("unit"));
                }
                if (Boolean.TRUE.equals(f.get("estimate"))) {
                    b.append(", ESTIMATE");
                } else if (Boolean.TRUE.equals(f.get("derived"))) {
                    b.append(", derived");
                }
                List<Double> nd = (List<Double>) f.get("noData");
                if (!nd.isEmpty()) {
                    List<String> x = new java.util.ArrayList<>();
                    for (Double d : nd) {
                        x.add(d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString());
                    }
                    b.append(", no-data ").append(String.join("/", x));
                }
                if (f.get("known") != null) {
                    b.append(String.format(Locale.ROOT, "; %,d known", f.get("known")));
                    if (f.get("min") != null) {
                        b.append(" (").append(num(f.get("min"))).append(" to ").append(num(f.get("max"))).append(")");
                    }
                    b.append(String.format(Locale.ROOT, ", %,d unknown", f.get("unknown")));
                }
                if (f.get("note") != null) {
                    b.append(" -- ").append(f.get("note"));
                }
                w.println(b);
            }
        }
        Map<String, Object> join = (Map<String, Object>) p.get("join");
        if (join != null) {
            w.printf("  Join: %s%n", join.get("note"));
        }
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) p.get("criteria");
        if (!criteria.isEmpty()) {
            w.println("  Suggested criteria:");
            for (Map<String, Object> c : criteria) {
                Map<String, Object> keys = new LinkedHashMap<>(c);
                keys.keySet().removeAll(List.of("id", "label", "note"));
                w.printf("    %s: %s %s%s%n", c.get("id"), c.get("label"), keys,
                        c.get("note") == null ? "" : " -- " + c.get("note"));
            }
        }
        for (String n : (List<String>) p.get("notes")) {
            w.printf("  Note: %s%n", n);
        }
    }

    private static String num(Object o) {
        double d = ((Number) o).doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) d)
                : String.format(Locale.ROOT, "%,.1f", d);
    }

    private static String extent(List<Double> b) {
        if (b == null) {
            return "(empty)";
        }
        return String.format(Locale.ROOT, "(%.6f, %.6f) - (%.6f, %.6f)", b.get(0), b.get(1), b.get(2), b.get(3));
    }
}
