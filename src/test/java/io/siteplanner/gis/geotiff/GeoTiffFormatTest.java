package io.siteplanner.gis.geotiff;

import io.siteplanner.gis.RasterSampler;
import static io.siteplanner.gis.geotiff.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.RasterLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

/**
 * GeoTIFF reading checked against {@code gdalinfo} on the fixtures of {@code fixtures/geotiff/make-fixtures.sh}.
 */
class GeoTiffFormatTest {
    @TempDir
    Path tmp;

    private final GeoTiffFormat format = new GeoTiffFormat();

    private RasterLayer read(Path file) throws IOException {
        return format.read(file, ReadOptions.DEFAULT, Progress.NONE);
    }

    private static void assertBounds(Envelope e, double minX, double minY, double maxX, double maxY, double tol) {
        assertThat(e.getMinX()).isCloseTo(minX, within(tol));
        assertThat(e.getMinY()).isCloseTo(minY, within(tol));
        assertThat(e.getMaxX()).isCloseTo(maxX, within(tol));
        assertThat(e.getMaxY()).isCloseTo(maxY, within(tol));
    }

    @Test
    void readsInt16GeographicRaster() throws IOException {
        // gdalinfo: Size is 50, 50; Origin (-86.8, 41.8); Pixel Size (0.012, -0.012); EPSG 4326; NoData -9999
        RasterLayer r = read(fixture("fips_4326_int16.tif"));
        assertThat(r.name()).isEqualTo("fips_4326_int16");
        assertThat(r.width()).isEqualTo(50);
        assertThat(r.height()).isEqualTo(50);
        assertThat(r.bands()).isEqualTo(1);
        assertThat(r.epsg()).isEqualTo(4326);
        assertThat(r.noData()).isEqualTo(-9999.0);
        assertBounds(r.bounds(), -86.8, 41.2, -86.2, 41.8, 1e-9);
        assertThat(Crs.isGeographic(r.crs())).isTrue();
        // longitude first
        assertThat(r.crs().getCoordinateSystem().getAxis(0).getDirection().name()).isEqualToIgnoringCase("EAST");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void readsFloat32AlbersRaster() throws IOException {
        // gdalinfo: Size is 50, 50; Upper Left (420000, 1200000); Lower Right (620000, 1000000); EPSG 5070
        RasterLayer r = read(fixture("risk_5070_float32.tif"));
        assertThat(r.epsg()).isEqualTo(5070);
        assertThat(r.width()).isEqualTo(50);
        assertThat(r.height()).isEqualTo(50);
        assertThat(r.noData()).isEqualTo(-9999.0);
        assertBounds(r.bounds(), 420000, 1000000, 620000, 1200000, 1e-6);
        assertThat(Crs.isGeographic(r.crs())).isFalse();
    }

    @Test
    void readsTiledCompressedRasterWithFloatNoData() throws IOException {
        // gdalinfo: Size is 50, 20; Block=16x16 Float32; NoData -3.4028235e+38; (-87.6, 42.0) - (-84.6, 40.8)
        RasterLayer r = read(fixture("risk_4326_float32_tiled.tif"));
        assertThat(r.width()).isEqualTo(50);
        assertThat(r.height()).isEqualTo(20);
        assertThat((float) r.noData()).isEqualTo(-3.4028235e38f);
        assertBounds(r.bounds(), -87.6, 40.8, -84.6, 42.0, 1e-9);
    }

    @Test
    void readsBigTiff() throws IOException {
        Path big = fixture("fips_4326_bigtiff.tif");
        byte[] head = Arrays.copyOf(Files.readAllBytes(big), 4);
        assertThat(head).containsExactly('I', 'I', 43, 0);
        assertThat(format.probe(big)).isTrue();
        RasterLayer r = read(big);
        assertThat(r.width()).isEqualTo(50);
        assertThat(r.epsg()).isEqualTo(4326);
        assertThat(new RasterSampler(r).valueAtLonLat(-86.25, 41.68)).isEqualTo(18141.0);
    }

    @Test
    void rasterWithoutNoDataHasNaN() throws IOException {
        RasterLayer r = read(fixture("fips_4326_no_nodata.tif"));
        assertThat(r.noData()).isNaN();
        // without a no-data value the -9999 cells are ordinary values
        assertThat(new RasterSampler(r).valueAtLonLat(-86.5, 41.79)).isEqualTo(-9999.0);
    }

    @Test
    void truncatedTiffIsRejectedNotZeroFilled() {
        // gdalinfo still prints the header of this file; gdalinfo -stats fails with
        // "TIFFReadEncodedStrip:Read error ... expected 5000"
        assertThatThrownBy(() -> read(fixture("truncated.tif")))
                .isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(fixture("truncated.tif") + ": truncated TIFF: the pixel data of strip 1 of 1 ends at byte ")
                .hasMessageContaining("the file has only 3000 bytes");
    }

    @Test
    void garbageAfterTiffMagicIsRejected() {
        // gdalinfo: "TIFFFetchDirectory: Can not read TIFF directory count"
        assertThatThrownBy(() -> read(fixture("garbage.tif")))
                .isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(fixture("garbage.tif") + ": truncated or corrupt TIFF: the first image directory"
                        + " starts at byte ");
    }

    @Test
    void tiffWithoutGeoreferencingIsRejected() {
        assertThatThrownBy(() -> read(fixture("no_georef.tif")))
                .isInstanceOf(LayerReadException.class)
                .hasMessage(fixture("no_georef.tif") + ": has no georeferencing: no GeoTIFF tie point or transformation tags and"
                        + " no world file (.tfw); it cannot be placed on the map");
    }

    @Test
    void tinyFilesAreRejected() throws IOException {
        Path p = tmp.resolve("four.tif");
        Files.write(p, new byte[] {'I', 'I', 42, 0});
        assertThat(format.probe(p)).isTrue();
        assertThatThrownBy(() -> read(p)).isInstanceOf(LayerReadException.class)
                .hasMessage(p + ": not a TIFF file: only 4 bytes");
    }

    @Test
    void probeNeedsTiffMagic() throws IOException {
        Path p = tmp.resolve("photo.tif");
        Files.write(p, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0});
        assertThat(format.probe(p)).isFalse();
        assertThatThrownBy(() -> FormatRegistry.standard().read(p)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(p + ": ");
        assertThat(FormatRegistry.standard().formatFor(fixture("risk_5070_float32.tif")).id()).isEqualTo("geotiff");
    }

    /** Every prefix of a valid GeoTIFF either reads or fails with a LayerReadException, and fast. */
    @ParameterizedTest
    @ValueSource(strings = {"fips_4326_int16.tif", "risk_4326_float32_tiled.tif", "fips_4326_bigtiff.tif"})
    @Timeout(120)
    void everyTruncationEndsInAReadErrorNeverAHang(String name) throws IOException {
        byte[] all = Files.readAllBytes(fixture(name));
        int failures = 0;
        for (int len = 0; len < all.length; len += 53) {
            Path p = tmp.resolve("cut" + len + ".tif");
            Files.write(p, Arrays.copyOf(all, len));
            try {
                read(p);
            } catch (LayerReadException e) {
                failures++;
                assertThat(e.getMessage()).startsWith(p + ": ");
            }
            Files.delete(p);
        }
        assertThat(failures).isEqualTo((all.length + 52) / 53);
    }

    @Test
    void flippedBytesInTheDirectoryGiveAReadErrorAndNoLogNoise() throws IOException {
        byte[] all = Files.readAllBytes(fixture("fips_4326_int16.tif"));
        int bad = 0;
        List<LogRecord> logged = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(h);
        try {
            bad = flipAndRead(all, logged);
        } finally {
            root.removeHandler(h);
        }
        assertThat(bad).isPositive();
        assertThat(logged).extracting(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).isEmpty();
    }

    private int flipAndRead(byte[] all, List<LogRecord> logged) throws IOException {
        int bad = 0;
        for (int i = 4; i < 400; i += 1) {
            byte[] copy = all.clone();
            copy[i] = (byte) (copy[i] ^ 0xFF);
            Path p = tmp.resolve("flip" + i + ".tif");
            Files.write(p, copy);
            try {
                read(p);
            } catch (LayerReadException e) {
                bad++;
                assertThat(e.getMessage()).startsWith(p + ": ").doesNotContain("\n");
            }
            Files.delete(p);
        }
        return bad;
    }
}
