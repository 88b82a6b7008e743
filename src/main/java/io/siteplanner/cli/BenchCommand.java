package io.siteplanner.cli;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code siteplanner bench read FILE...}: reads whole layers and prints features/s and peak heap. A
 * benchmark, not a test: compare with {@code ogrinfo -ro -al -q FILE} on the same machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not tests).",
        subcommands = {BenchCommand.Read.class, BenchCommand.Render.class, BenchCommand.GenData.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** Peak heap used so far over all heap pools, in MiB (JVM-wide, since start or last reset). */
    static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024.0);
    }

    /** {@code bench read}. */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read each FILE completely N times; print seconds, features/s and peak heap.")
    static final class Read implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to read (any supported format).")
        List<Path> files;

        @Option(names = "--runs", defaultValue = "3", description = "Timed runs per file (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--layer", description = "Layer name inside multi-layer files.")
        String layer;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new UsageException("--runs must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-40s %10s %8s %8s %8s %14s %10s%n", "file", "features", "min s", "median s",
                    "max s", "features/s", "peak MiB");
            for (Path f : files) {
                List<Double> secs = new ArrayList<>();
                long n = 0;
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    Layer l = FormatRegistry.standard().read(f, ReadOptions.DEFAULT.withLayer(layer), Progress.NONE);
                    secs.add((System.nanoTime() - t0) / 1e9);
                    n = l instanceof VectorLayer ? ((VectorLayer) l).size() : 0;
                    l = null;
                }
                Collections.sort(secs);
                double med = secs.get(secs.size() / 2);
                out.printf(Locale.ROOT, "%-40s %10d %8.3f %8.3f %8.3f %,14.0f %10.0f%n", f.getFileName(), n,
                        secs.get(0), med, secs.get(secs.size() - 1), n / med, peakHeapMiB());
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code bench render}: frame times of map renders while panning and zooming. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render pan/zoom frames of the demo map (optionally with an extra parcel layer) and print "
                    + "median and p95 frame times.")
    static final class Render implements Callable<Integer> {
        @Option(names = "--layer-file", paramLabel = "FILE",
                description = "Extra layer to draw on top, e.g. 100,000 parcels (any format).")
        Path extra;

        @Option(names = "--frames", defaultValue = "120", description = "Frames per sequence (default ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--width", defaultValue = "1600")
        int width;

        @Option(names = "--height", defaultValue = "1000")
        int height;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            java.nio.file.Path maps = io.siteplanner.store.MapsDirectory.find().orElseThrow(
                    () -> new UsageException("maps/ folder not found"));
            List<io.siteplanner.render.StyledLayer> layers = new ArrayList<>(io.siteplanner.render.DemoMap.basemap(
                    io.siteplanner.store.MapsDirectory.states(maps), io.siteplanner.store.MapsDirectory.counties(maps),
                    Progress.NONE));
            layers.addAll(io.siteplanner.render.DemoMap.demoLayers(io.siteplanner.store.MapsDirectory.demoData(maps),
                    Progress.NONE));
            org.locationtech.jts.geom.Envelope focus = layers.get(layers.size() - 1).layer().bounds();
            if (extra != null) {
                io.siteplanner.render.MapLayer l = io.siteplanner.render.DemoMap.prepare(extra, ReadOptions.DEFAULT,
                        Progress.NONE);
                layers.add(new io.siteplanner.render.StyledLayer(extra.getFileName().toString(),
                        io.siteplanner.project.ProjectLayer.Role.CANDIDATES, l, io.siteplanner.render.DefaultStyles.candidates(), 1));
                focus = l.bounds();
                out.printf(Locale.ROOT, "extra layer: %,d features%n", l.source().size());
            }
            List<io.siteplanner.render.LayerDraw> draws = new ArrayList<>();
            layers.forEach(l -> draws.add(l.draw()));
            io.siteplanner.render.Viewport vp = io.siteplanner.render.Viewport.fit(focus, width, height, 0.05);
            java.awt.image.BufferedImage img = io.siteplanner.render.MapRenderer.newImage(width, height);
            io.siteplanner.render.MapRenderer.render(img, vp, draws, io.siteplanner.render.DefaultStyles.BACKGROUND, () -> false);
            out.printf(Locale.ROOT, "load + first frame: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            String[] names = {"pan at full extent", "pan zoomed x8", "zoom in and out"};
            for (int seq = 0; seq < names.length; seq++) {
                io.siteplanner.render.Viewport v = seq == 1 ? vp.zoomAt(8, width / 2.0, height / 2.0) : vp;
                io.siteplanner.render.MapRenderer.render(img, v, draws, io.siteplanner.render.DefaultStyles.BACKGROUND,
                        () -> false);
                double[] ms = new double[frames];
                for (int f = 0; f < frames; f++) {
                    if (seq == 2) {
                        double z = f < frames / 2 ? 1.05 : 1 / 1.05;
                        v = v.zoomAt(z, width * 0.4, height * 0.6);
                    }
                    io.siteplanner.render.Viewport prev = v;
                    if (seq != 2) {
                        // a drag: whole-pixel moves, as the map control makes them
                        v = v.pan(Math.round(Math.cos(f / 10.0) * 25), Math.round(Math.sin(f / 10.0) * 25));
                    }
                    long s = System.nanoTime();
                    if (seq == 2 || !io.siteplanner.render.MapRenderer.renderShifted(img, prev, v, draws,
                            io.siteplanner.render.DefaultStyles.BACKGROUND, () -> false)) {
                        io.siteplanner.render.MapRenderer.render(img, v, draws, io.siteplanner.render.DefaultStyles.BACKGROUND,
                                () -> false);
                    }
                    ms[f] = (System.nanoTime() - s) / 1e6;
                }
                java.util.Arrays.sort(ms);
                out.printf(Locale.ROOT, "%-20s frames %d  median %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", names[seq], frames,
                        ms[frames / 2], ms[(int) Math.floor(frames * 0.95)], ms[frames - 1]);
            }
            out.printf(Locale.ROOT, "peak heap %.0f MiB%n", peakHeapMiB());
            return ExitCodes.OK;
        }
    }

    /** {@code bench gen-data}: the bench data set of ../shared/bench/gen_data.py, written in Java. */
    @Command(name = "gen-data", mixinStandardHelpOptions = true,
            description = {"Write the synthetic bench data set of ../shared/bench/gen_data.py (same seed and N: the "
                    + "same CSV files, byte for byte) to OUT/n<N>/{parcels,substations,lines,zones}.{csv,csvt,gpkg}.",
                    "EPSG:5070; 5,000 substations, 20,000 lines and 100 price zones (independent of N), N parcels."})
    static final class GenData implements Callable<Integer> {
        @Option(names = "--n", defaultValue = "1000000", description = "Parcels (default ${DEFAULT-VALUE}).")
        int n;

        @Option(names = "--out", defaultValue = "/tmp/bench-data", description = "Output folder (default ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--seed", defaultValue = "20240601", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--no-gpkg", description = "Write the CSV files only.")
        boolean noGpkg;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (n < 1) {
                throw new UsageException("--n must be at least 1");
            }
            if (seed < 0) {
                throw new UsageException("--seed must not be negative");
            }
            long t0 = System.nanoTime();
            io.siteplanner.cli.bench.BenchDataGenerator.Summary s = new io.siteplanner.cli.bench.BenchDataGenerator(n,
                    seed).write(out, !noGpkg, ConsoleProgress.forStderr(spec.commandLine().getErr()));
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "written to %s in %.1f s%n", s.dir(), (System.nanoTime() - t0) / 1e9);
            o.printf(Locale.ROOT, "substations with avail_mw>=300: %d; lines >=345kV: %d%n", s.substationsAvail300(),
                    s.lines345());
            return ExitCodes.OK;
        }
    }
}
