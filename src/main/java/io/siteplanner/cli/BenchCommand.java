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
        subcommands = {BenchCommand.Read.class})
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
}
