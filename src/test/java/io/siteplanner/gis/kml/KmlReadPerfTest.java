package io.siteplanner.gis.kml;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One million square polygons with a name and one Data value (excluded from the default build by the
 * *PerfTest pattern; run with {@code mvn test -Dtest=KmlReadPerfTest}). Asserts the result only.
 */
class KmlReadPerfTest {
    @TempDir
    Path tmp;

    @Test
    void readsAMillionPolygons() throws IOException {
        Path p = tmp.resolve("million.kml");
        int n = 1_000_000;
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                    + "<Document><name>parcels</name>\n");
            for (int i = 0; i < n; i++) {
                double x = -90 + (i % 1000) * 0.001;
                double y = 32 + (i / 1000) * 0.001;
                w.write("<Placemark><name>p" + i + "</name><ExtendedData><Data name=\"acres\"><value>"
                        + (i % 700) + "</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing>"
                        + "<coordinates>" + x + "," + y + " " + (x + 0.0009) + "," + y + " " + (x + 0.0009) + ","
                        + (y + 0.0009) + " " + x + "," + (y + 0.0009) + " " + x + "," + y
                        + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n");
            }
            w.write("</Document></kml>\n");
        }
        long t0 = System.nanoTime();
        VectorLayer l = new KmlFormat().read(p, ReadOptions.DEFAULT, Progress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(l.size()).as("read in %d ms", ms).isEqualTo(n);
        System.err.println("KmlReadPerfTest: " + n + " polygons (" + Files.size(p) / 1_000_000 + " MB) in " + ms + " ms");
    }
}
