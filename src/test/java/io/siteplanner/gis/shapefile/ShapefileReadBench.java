package io.siteplanner.gis.shapefile;

import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Manual read-rate measurement (not a test; no timing assertions anywhere):
 * {@code java -cp target/test-classes:target/classes:<deps> io.siteplanner.gis.shapefile.ShapefileReadBench
 * /tmp/bench-data/parcels_1m.shp [runs]}. Prints wall time and features per second per run.
 */
public final class ShapefileReadBench {
    private ShapefileReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/bench-data/parcels_1m.shp");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ShapefileFormat format = new ShapefileFormat();
        StringBuilder report = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            VectorLayer l = (VectorLayer) format.read(file, ReadOptions.DEFAULT, Progress.NONE);
            long t1 = System.nanoTime();
            double s = (t1 - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            report.append(String.format(Locale.ROOT, "run %d: %d features in %.3f s = %.0f features/s, heap used %d MB, warnings %s%n",
                    r + 1, l.size(), s, l.size() / s, (rt.totalMemory() - rt.freeMemory()) >> 20, l.warnings()));
            l = null;
            System.gc();
        }
        // the test sources may not print (ArchitectureTest covers main code only, but keep to one write)
        System.out.print(report);
    }
}
