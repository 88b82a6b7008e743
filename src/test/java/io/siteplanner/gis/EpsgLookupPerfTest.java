package io.siteplanner.gis;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints what identifying an ESRI .prj as an EPSG code costs: the first look-up on a machine (builds and
 * stores the index), a later process (loads the index), and a look-up once loaded. Figures only, no time
 * is asserted. Not in the default run ({@code *PerfTest}); run it alone so that the index is not loaded
 * yet: {@code mvn -q test -Dtest=EpsgLookupPerfTest}. For comparison, {@code gdalsrsinfo -e} on the same
 * .prj takes ~0.1-0.2 s (whole process) here.
 */
class EpsgLookupPerfTest {
    @Test
    void printsTheCostOfIdentifyingAStatePlaneFeetPrj(@TempDir Path cache) throws Exception {
        System.setProperty("siteplanner.cacheDir", cache.toString());
        try {
            Crs.wgs84(); // the EPSG database itself (~2 s the first time) is not the look-up's cost
            String wkt = Files.readString(TestData.fixture("shapefile/counties_in_2965.prj"));
            CoordinateReferenceSystem crs = Crs.parseWkt(wkt);

            long t0 = System.nanoTime();
            Integer code = EpsgIndex.get().find(crs);
            double first = (System.nanoTime() - t0) / 1e9;
            assertThat(code).isEqualTo(2965);
            String origin = EpsgIndex.origin;

            t0 = System.nanoTime();
            EpsgIndex loaded = EpsgIndex.load(EpsgIndex.cacheFile());
            double load = (System.nanoTime() - t0) / 1e6;

            int n = 1000;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                loaded.find(crs);
            }
            double each = (System.nanoTime() - t0) / 1e3 / n;
            System.out.printf(Locale.ROOT, "first look-up ever: %.1f s (%s)%n", first, origin);
            System.out.printf(Locale.ROOT, "a later process loads the index: %.0f ms%n", load);
            System.out.printf(Locale.ROOT, "each look-up once loaded: %.1f microseconds%n", each);
        } finally {
            System.clearProperty("siteplanner.cacheDir");
        }
    }
}
