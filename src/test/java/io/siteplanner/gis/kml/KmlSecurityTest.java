package io.siteplanner.gis.kml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteplanner.gis.LayerReadException;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** XXE, entity expansion and zip bombs: the reader must neither leak files nor blow up. */
@Timeout(60)
class KmlSecurityTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path tmp;

    private final KmlFormat format = new KmlFormat();

    private Path secretFile() throws IOException {
        Path s = tmp.resolve("secret.txt");
        Files.writeString(s, SECRET);
        return s;
    }

    /** Reads the file; returns every attribute value as text, or the error message when it fails. */
    private String readAll(Path kml) {
        try {
            VectorLayer l = format.read(kml, ReadOptions.DEFAULT, Progress.NONE);
            StringBuilder sb = new StringBuilder("read ok:");
            for (Feature f : l.features()) {
                for (int i = 0; i < f.valueCount(); i++) {
                    sb.append(' ').append(f.value(i));
                }
            }
            sb.append(l.schema().names()).append(l.warnings());
            return sb.toString();
        } catch (LayerReadException e) {
            return "failed: " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError("expected a LayerReadException, got " + e, e);
        }
    }

    @Test
    void externalEntityInTextNeverLeaksTheFile() throws IOException {
        Path kml = tmp.resolve("xxe.kml");
        Files.writeString(kml, "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [ <!ENTITY xxe SYSTEM \""
                + secretFile().toUri() + "\"> ]>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                + "<Placemark><name>&xxe;</name><ExtendedData><Data name=\"leak\"><value>&xxe;</value></Data>"
                + "</ExtendedData><Point><coordinates>1,2</coordinates></Point></Placemark></Document></kml>\n");
        String result = readAll(kml);
        assertThat(result).doesNotContain(SECRET);
        // the JDK parser without DTD support refuses the undeclared entity with its position
        assertThat(result).startsWith("failed: " + kml + ": line 3, column ").contains("xxe");
    }

    @Test
    void externalEntityInAttributeNeverLeaksTheFile() throws IOException {
        Path kml = tmp.resolve("xxe_attr.kml");
        Files.writeString(kml, "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [ <!ENTITY xxe SYSTEM \""
                + secretFile().toUri() + "\"> ]>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                + "<Schema id=\"s\"><SimpleField name=\"&xxe;\" type=\"string\"/></Schema><Placemark>"
                + "<ExtendedData><Data name=\"&xxe;\"><value>v</value></Data></ExtendedData>"
                + "<Point><coordinates>1,2</coordinates></Point></Placemark></Document></kml>\n");
        String result = readAll(kml);
        assertThat(result).doesNotContain(SECRET).startsWith("failed: " + kml + ": line 3");
    }

    @Test
    void parameterEntitiesAreNotFetched() throws IOException {
        Path dtd = tmp.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak SYSTEM \"" + secretFile().toUri() + "\">");
        Path kml = tmp.resolve("xxe_param.kml");
        Files.writeString(kml, "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [ <!ENTITY % ext SYSTEM \"" + dtd.toUri()
                + "\"> %ext; ]>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>&leak;</name>"
                + "<Point><coordinates>1,2</coordinates></Point></Placemark></kml>\n");
        String result = readAll(kml);
        assertThat(result).doesNotContain(SECRET).startsWith("failed: " + kml + ": ");
    }

    @Test
    void entityExpansionBombFailsFast() throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE kml [\n<!ENTITY a0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY a").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                sb.append("&a").append(i - 1).append(';');
            }
            sb.append("\">\n");
        }
        sb.append("]>\n<kml><Placemark><name>&a9;</name></Placemark></kml>\n");
        Path kml = tmp.resolve("laughs.kml");
        Files.writeString(kml, sb.toString());
        assertThatThrownBy(() -> format.read(kml, ReadOptions.DEFAULT, Progress.NONE))
                .isInstanceOf(LayerReadException.class).hasMessageStartingWith(kml + ": line ");
    }

    private Path zipWithSpaces(String name, int megabytes) throws IOException {
        Path kmz = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(kmz))) {
            z.putNextEntry(new ZipEntry("doc.kml"));
            z.write("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                z.write(spaces);
            }
            z.write("</Document></kml>".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        return kmz;
    }

    @Test
    void highlyCompressedEntryIsRefusedAsZipBomb() throws IOException {
        Path kmz = zipWithSpaces("bomb.kmz", 64);
        assertThat(Files.size(kmz)).isLessThan(1 << 20);
        assertThatThrownBy(() -> format.read(kmz, ReadOptions.DEFAULT, Progress.NONE))
                .isInstanceOf(LayerReadException.class)
                .hasMessageStartingWith(kmz + ": zip entry doc.kml is compressed ")
                .hasMessageContaining("zip bomb");
    }

    @Test
    void smallCompressibleEntryIsFine() throws IOException {
        Path kmz = zipWithSpaces("spaces.kmz", 2);
        VectorLayer l = format.read(kmz, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(l.size()).isZero();
        assertThat(l.name()).isEqualTo("spaces");
    }

    @Test
    void lyingSizeHeadersStillEndInAReadError() throws IOException {
        Path kmz = zipWithSpaces("liar.kmz", 64);
        // patch the declared uncompressed size (central directory, offset 24) down to 100 bytes
        byte[] b = Files.readAllBytes(kmz);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = b.length - 22; i >= 0; i--) {
            if (bb.getInt(i) == 0x02014b50) {
                bb.putInt(i + 24, 100);
                break;
            }
        }
        try (OutputStream out = Files.newOutputStream(kmz)) {
            out.write(b);
        }
        // either the JDK notices the size mismatch or the document (all spaces) reads empty; never a hang
        String result = readAll(kmz);
        assertThat(result).satisfiesAnyOf(r -> assertThat(r).startsWith("failed: " + kmz + ": "),
                r -> assertThat(r).startsWith("read ok:"));
    }
}
