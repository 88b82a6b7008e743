package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Feature;
import io.siteplanner.model.VectorLayer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DBF text decoding: .cpg, language driver id, default, override. */
class ShapefileEncodingTest {
    private static final List<String> NAMES = List.of("Doña Ana", "Saint-Étienne", "Zürich", "São Paulo");

    private static List<String> names(VectorLayer l) {
        int i = l.schema().indexOf("name");
        return l.features().stream().map((Feature f) -> (String) f.value(i)).collect(Collectors.toList());
    }

    @Test
    void utf8WithCpg() throws Exception {
        assertThat(names(Fixtures.read("names_utf8"))).isEqualTo(NAMES);
    }

    @Test
    void latin1WithoutCpgUsesTheLanguageDriver() throws Exception {
        // GDAL writes language driver 0x57 and ISO-8859-1 text when no encoding is asked for
        assertThat(Files.exists(Fixtures.dir().resolve("names_latin1.cpg"))).isFalse();
        assertThat(Files.readAllBytes(Fixtures.dir().resolve("names_latin1.dbf"))[29]).isEqualTo((byte) 0x57);
        assertThat(names(Fixtures.read("names_latin1"))).isEqualTo(NAMES);
    }

    @Test
    void noCodePageAtAllMeansIsoLatin1(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("names_latin1", tmp);
        ShapefileDamageTest.patchByte(tmp.resolve("names_latin1.dbf"), 29, 0);
        assertThat(names(Fixtures.read(shp))).isEqualTo(NAMES);
    }

    @Test
    void languageDriverSelectsTheCodePage(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("names_latin1", tmp);
        // 0x26 = DOS Russian (cp866): the same bytes are other letters
        ShapefileDamageTest.patchByte(tmp.resolve("names_latin1.dbf"), 29, 0x26);
        String cp866 = new String("Doña Ana".getBytes(StandardCharsets.ISO_8859_1), Charset.forName("IBM866"));
        assertThat(names(Fixtures.read(shp)).get(0)).isEqualTo(cp866).isNotEqualTo("Doña Ana");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "88591", "1252", "ANSI 1252", "CP1252", "windows-1252", "ISO 88591\r\n"})
    void cpgSpellingsOfLatin1(String cpg, @TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("names_latin1", tmp);
        Files.writeString(tmp.resolve("names_latin1.cpg"), cpg);
        assertThat(names(Fixtures.read(shp))).isEqualTo(NAMES);
    }

    @Test
    void cpgWinsOverTheLanguageDriver(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("names_utf8", tmp);
        ShapefileDamageTest.patchByte(tmp.resolve("names_utf8.dbf"), 29, 0x57);
        assertThat(names(Fixtures.read(shp))).isEqualTo(NAMES);
    }

    @Test
    void unknownCpgIsAWarning(@TempDir Path tmp) throws Exception {
        Path shp = Fixtures.copy("names_latin1", tmp);
        Files.writeString(tmp.resolve("names_latin1.cpg"), "KLINGON");
        VectorLayer l = Fixtures.read(shp);
        assertThat(names(l)).isEqualTo(NAMES);
        assertThat(l.warnings()).contains(
                "names_latin1.cpg names an unknown code page 'KLINGON'; text read with the .dbf's code page or ISO-8859-1");
    }

    @Test
    void encodingOptionOverridesCpg() throws Exception {
        VectorLayer l = Fixtures.read(Fixtures.shp("names_utf8"), ReadOptions.DEFAULT.withEncoding(StandardCharsets.ISO_8859_1));
        assertThat(names(l).get(0)).isEqualTo("DoÃ±a Ana");
        VectorLayer fixed = Fixtures.read(Fixtures.shp("names_latin1"),
                ReadOptions.DEFAULT.withEncoding(StandardCharsets.ISO_8859_1));
        assertThat(names(fixed)).isEqualTo(NAMES);
    }
}
