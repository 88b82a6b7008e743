package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.model.FieldType;
import io.siteplanner.model.VectorLayer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dBASE corners GDAL does not write: binary integers, memo and unknown types, wide text, duplicate names. */
class ShapefileDbfTest {

    /** One field descriptor: name, type, width (16-bit for wide text), decimals. */
    private static byte[] field(String name, char type, int width, int decimals) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put(name.getBytes(StandardCharsets.US_ASCII));
        b.position(11);
        b.put((byte) type);
        b.position(16);
        b.put((byte) (width & 0xFF));
        b.put((byte) (type == 'C' ? width >> 8 : decimals));
        return b.array();
    }

    private static String pad(String s, int width, boolean right) {
        StringBuilder sb = new StringBuilder();
        if (right) {
            sb.append(" ".repeat(width - s.length())).append(s);
        } else {
            sb.append(s).append(" ".repeat(width - s.length()));
        }
        return sb.toString();
    }

    @Test
    void readsHandWrittenDbaseCorners(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("pointz", tmp, "handmade");
        // fields: NAME C(10), CNT I(4), NOTE M(10), LONG C(300, 16-bit width), AMOUNT F(12,3), WHEN @(8), NAME C(4)
        int[] widths = {10, 4, 10, 300, 12, 8, 4};
        int recLen = 1;
        for (int w : widths) {
            recLen += w;
        }
        int headerLen = 32 + 32 * widths.length + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1).putInt(2).putShort((short) headerLen)
                .putShort((short) recLen);
        out.write(h.array());
        out.write(field("NAME", 'C', 10, 0));
        out.write(field("CNT", 'I', 4, 0));
        out.write(field("NOTE", 'M', 10, 0));
        out.write(field("LONG", 'C', 300, 0));
        out.write(field("AMOUNT", 'F', 12, 3));
        out.write(field("WHEN", '@', 8, 0));
        out.write(field("NAME", 'C', 4, 0));
        out.write(0x0D);
        String longText = "x".repeat(250) + "end";
        int[] counts = {123456, -7};
        String[] amounts = {"1234.567", "-0.500"};
        for (int r = 0; r < 2; r++) {
            out.write(' ');
            out.write(pad(r == 0 ? "first" : "second", 10, false).getBytes(StandardCharsets.US_ASCII));
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(counts[r]).array());
            out.write(pad("", 10, true).getBytes(StandardCharsets.US_ASCII));
            out.write(pad(r == 0 ? longText : "", 300, false).getBytes(StandardCharsets.US_ASCII));
            out.write(pad(amounts[r], 12, true).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8]);
            out.write(pad("dup" + r, 4, false).getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0x1A);
        Files.write(tmp.resolve("handmade.dbf"), out.toByteArray());

        VectorLayer l = Fixtures.read(shp);
        assertThat(l.schema().names()).containsExactly("NAME", "CNT", "LONG", "AMOUNT", "NAME_2");
        assertThat(l.schema().fields()).extracting(f -> f.type()).containsExactly(FieldType.STRING, FieldType.INTEGER,
                FieldType.STRING, FieldType.REAL, FieldType.STRING);
        assertThat(l.schema().field(2).width()).isEqualTo(300);
        assertThat(l.get(0).value(0)).isEqualTo("first");
        assertThat(l.get(0).value(1)).isEqualTo(123456L);
        assertThat(l.get(1).value(1)).isEqualTo(-7L);
        assertThat(l.get(0).value(2)).isEqualTo(longText);
        assertThat(l.get(1).value(2)).isNull();
        assertThat(l.get(0).value(3)).isEqualTo(1234.567);
        assertThat(l.get(1).value(3)).isEqualTo(-0.5);
        assertThat(l.get(1).value(4)).isEqualTo("dup1");
        assertThat(l.warnings()).containsExactly(
                "handmade.dbf: field NOTE of type 'M' is not supported and was left out (memo text lives in a .dbt file)",
                "handmade.dbf: field WHEN of type '@' is not supported and was left out",
                "handmade.dbf: duplicate field name NAME renamed to NAME_2");
    }

    @Test
    void fieldWidthsBeyondTheRecordAreAnError(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("pointz", tmp);
        Path dbf = tmp.resolve("pointz.dbf");
        // record length 10 (byte 10) but field 'id' is 9 wide + flag = 10: make the record 5 bytes
        ShapefileDamageTest.patchByte(dbf, 10, 5);
        ShapefileDamageTest.patchByte(dbf, 11, 0);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Fixtures.read(shp)))
                .hasMessage(shp + ": pointz.dbf: field widths add up to 9 bytes but records are 4 bytes");
    }
}
