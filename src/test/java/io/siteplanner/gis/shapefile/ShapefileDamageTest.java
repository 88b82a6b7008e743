package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Missing, broken and truncated files: a clear error or the readable part plus a warning, never a hang. */
@Timeout(60)
class ShapefileDamageTest {
    private final ShapefileFormat format = new ShapefileFormat();

    private LayerReadException failure(Path shp) {
        try {
            format.read(shp, ReadOptions.DEFAULT, Progress.NONE);
        } catch (LayerReadException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("not a LayerReadException: " + e, e);
        }
        throw new AssertionError("no error for " + shp);
    }

    @Test
    void missingDbfIsNamed(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.delete(tmp.resolve("counties_ms_4269.dbf"));
        assertThat(failure(shp).getMessage())
                .isEqualTo(shp + ": missing companion file counties_ms_4269.dbf");
    }

    @Test
    void missingShxIsNamed(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.delete(tmp.resolve("counties_ms_4269.shx"));
        assertThat(failure(shp).getMessage())
                .isEqualTo(shp + ": missing companion file counties_ms_4269.shx");
        Files.delete(tmp.resolve("counties_ms_4269.dbf"));
        assertThat(failure(shp).getMessage()).isEqualTo(
                shp + ": missing companion files counties_ms_4269.shx, counties_ms_4269.dbf");
    }

    @Test
    void brokenPrjIsAnError(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.writeString(tmp.resolve("counties_ms_4269.prj"), "PROJCS[\"broken\",GEOGCS[");
        LayerReadException e = failure(shp);
        assertThat(e.getMessage()).startsWith(shp + ": invalid .prj: ");
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void emptyPrjIsAWarning(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.writeString(tmp.resolve("counties_ms_4269.prj"), "  \n");
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.crs()).isNull();
        assertThat(l.warnings()).contains("counties_ms_4269.prj is empty: CRS unknown");
    }

    @Test
    void zeroByteShpIsNotAShapefile(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.write(shp, new byte[0]);
        assertThat(failure(shp).getMessage()).startsWith(shp + ": not a shapefile (bad file code");
        assertThatThrownBy(() -> Fixtures.read(shp)).isInstanceOf(LayerReadException.class)
                .hasMessage(shp + ": file is empty (0 bytes)");
    }

    @Test
    void garbageNamedShpIsNotAShapefile(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) ("this is not a shapefile ".charAt(i % 24));
        }
        Files.write(shp, junk);
        assertThat(format.probe(shp)).isFalse();
        assertThat(failure(shp).getMessage()).startsWith(shp + ": not a shapefile (bad file code");
        assertThatThrownBy(() -> Fixtures.read(shp)).isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(shp + ": ");
    }

    @Test
    void headerCutShortIsNotAShapefile(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        truncate(shp, 60);
        assertThat(failure(shp).getMessage()).contains("not a shapefile").contains("shorter than the 100-byte header");
    }

    @Test
    void truncatedShpKeepsCompleteRecords(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        long size = Files.size(shp);
        truncate(shp, size - 3000);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.size()).isBetween(60, 81);
        assertThat(l.warnings()).anyMatch(w -> w.startsWith("file truncated: " + l.size() + " records read, header says 82"));
        VectorLayer full = Fixtures.read("counties_ms_4269");
        for (int i = 0; i < l.size(); i++) {
            assertThat(l.get(i).geometry().equalsExact(full.get(i).geometry())).isTrue();
            assertThat(l.get(i).value(3)).isEqualTo(full.get(i).value(3));
        }
    }

    @Test
    void truncatedShpWithDamagedIndexIsReadInFileOrder(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        truncate(shp, Files.size(shp) - 3000);
        Files.write(tmp.resolve("counties_ms_4269.shx"), new byte[10]);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.size()).isBetween(60, 81);
        assertThat(l.warnings()).anyMatch(w -> w.startsWith("counties_ms_4269.shx is damaged"));
        assertThat(l.warnings()).anyMatch(w -> w.startsWith("file truncated: " + l.size() + " records read, header says more"));
    }

    @Test
    void damagedIndexFallsBackToFileOrder(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("transmission_in_26916", tmp);
        patchInt(tmp.resolve("transmission_in_26916.shx"), 0, 1234, ByteOrder.BIG_ENDIAN);
        VectorLayer l = Fixtures.read(shp);
        VectorLayer full = Fixtures.read("transmission_in_26916");
        assertThat(l.size()).isEqualTo(full.size());
        assertThat(l.get(432).geometry().equalsExact(full.get(432).geometry())).isTrue();
        assertThat(l.warnings()).contains("transmission_in_26916.shx is damaged (bad file code 1234);"
                + " records read in file order from transmission_in_26916.shp");
    }

    @Test
    void wrongIndexEntryLosesOnlyItsRecord(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        // entry of record 10: offset far past the end of the .shp
        patchInt(tmp.resolve("counties_ms_4269.shx"), 100 + 8 * 9, 0x0FFFFFFF, ByteOrder.BIG_ENDIAN);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.size()).isEqualTo(81);
        assertThat(l.features()).extracting(Feature::fid).doesNotContain(10L).contains(9L, 11L, 82L);
        assertThat(l.warnings()).containsExactly("1 record skipped: index entry points past the end of the .shp (record 10)");
    }

    @Test
    void recordCountMismatchUsesTheSmaller(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        patchInt(tmp.resolve("counties_ms_4269.dbf"), 4, 80, ByteOrder.LITTLE_ENDIAN);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.size()).isEqualTo(80);
        assertThat(l.warnings()).contains(
                "record count mismatch: counties_ms_4269.shx lists 82 records, counties_ms_4269.dbf has 80; read 80");
    }

    @Test
    void truncatedDbfIsAWarning(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Path dbf = tmp.resolve("counties_ms_4269.dbf");
        truncate(dbf, Files.size(dbf) - 100);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.size()).isLessThan(82).isGreaterThan(70);
        assertThat(l.warnings()).anyMatch(w -> w.startsWith("counties_ms_4269.dbf is truncated: header says 82 records"));
    }

    @Test
    void brokenDbfHeaderIsAnError(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("counties_ms_4269", tmp);
        Files.write(tmp.resolve("counties_ms_4269.dbf"), new byte[10]);
        assertThat(failure(shp).getMessage()).startsWith(shp + ": counties_ms_4269.dbf is not a dBASE file");
        Files.write(tmp.resolve("counties_ms_4269.dbf"), new byte[64]);
        assertThat(failure(shp).getMessage()).contains("counties_ms_4269.dbf has a broken header");
    }

    @Test
    void badRecordsAreSkippedAndCounted() throws Exception {
        // hand-made by fixtures.py: 8 records, 4 of them broken in different ways, one null shape
        VectorLayer l = Fixtures.read("bad_records");
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 5L, 6L, 8L);
        assertThat(l.get(2).geometry()).isNull();
        assertThat(l.warnings()).contains(
                "no .prj: CRS unknown",
                "1 record skipped: polygon ring with fewer than 4 points (record 2)",
                "1 record skipped: part index out of range (record 3)",
                "1 record skipped: NaN or infinite coordinates (record 4)",
                "1 record kept without geometry: null or empty shape (record 6)",
                "1 record skipped: record content shorter than its points (record 7)");
        assertThat(l.bounds().getMinX()).isEqualTo(0.0);
        assertThat(l.bounds().getMaxX()).isEqualTo(11.0);
    }

    @Test
    void pointsWithNanCoordinatesAreSkipped() throws Exception {
        VectorLayer l = Fixtures.read("bad_points");
        assertThat(l.features()).extracting(Feature::fid).containsExactly(1L, 3L, 5L);
        assertThat(l.warnings()).contains("2 records skipped: NaN or infinite coordinates (records 2, 4)");
        assertThat(l.crs()).isNotNull();
    }

    @Test
    void multiPatchIsRefused(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("polygonz", tmp);
        patchInt(shp, 32, 31, ByteOrder.LITTLE_ENDIAN);
        assertThat(failure(shp).getMessage()).isEqualTo(shp + ": MultiPatch shapefiles (3D surfaces) are not supported");
    }

    @Test
    void unknownShapeTypeIsRefused(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("polygonz", tmp);
        patchInt(shp, 32, 7, ByteOrder.LITTLE_ENDIAN);
        assertThat(failure(shp).getMessage()).isEqualTo(shp + ": unknown shape type 7 in the header of polygonz.shp");
    }

    @Test
    void recordOfAnotherTypeIsSkipped(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("substations_ms_3857", tmp);
        // record 2 starts at 100 + 28 (record 1) + 8 (header of record 2): make its shape type PolyLine
        patchInt(shp, 136, 3, ByteOrder.LITTLE_ENDIAN);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.size()).isEqualTo(603);
        assertThat(l.warnings()).contains("1 record skipped: shape type differs from the file's (record 2)");
    }

    @Test
    void invalidNumbersAndDatesBecomeNullWithAWarning(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("types", tmp);
        Path dbf = tmp.resolve("types.dbf");
        byte[] b = Files.readAllBytes(dbf);
        int header = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
        int recLen = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(10);
        // field 'id' is N(9) at offset 1, 'founded' D at 1 + 9 + 18 + 20 + 24
        System.arraycopy("      abc".getBytes(StandardCharsets.US_ASCII), 0, b, header + 1, 9);
        System.arraycopy("20011332".getBytes(StandardCharsets.US_ASCII), 0, b, header + recLen + 1 + 9 + 18 + 20 + 24, 8);
        Files.write(dbf, b);
        VectorLayer l = Fixtures.read(shp);
        assertThat(l.get(0).value(0)).isNull();
        assertThat(l.get(1).value(4)).isNull();
        assertThat(l.warnings()).contains("1 record kept: invalid number, set to null (record 1)",
                "1 record kept: invalid date, set to null (record 2)");
    }

    @Test
    void emptyLayerIsValid(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("pointz", tmp);
        truncate(shp, 100);
        truncate(tmp.resolve("pointz.shx"), 100);
        patchInt(shp, 24, 50, ByteOrder.BIG_ENDIAN);
        patchInt(tmp.resolve("pointz.dbf"), 4, 0, ByteOrder.LITTLE_ENDIAN);
        VectorLayer l = (VectorLayer) FormatRegistry.standard().read(shp);
        assertThat(l.size()).isZero();
        assertThat(l.bounds().isNull()).isTrue();
        assertThat(l.hasZ()).isTrue();
        assertThat(l.warnings()).isEmpty();
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    static void patchByte(Path file, long pos, int value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) value}), pos);
        }
    }

    static void patchInt(Path file, long pos, int value, ByteOrder order) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(order).putInt(value);
            b.flip();
            ch.write(b, pos);
        }
    }
}
